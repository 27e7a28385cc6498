#include "load/source_addresses.hpp"

#include <netinet/in.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <queue>
#include <vector>

#include "core/annotated_mutex.hpp"
#include "core/machine_limits.hpp"

namespace conclab {

namespace {

std::atomic<int> ports_override{0};

// The free slots below `next`, lowest first, and the next never-used one.
struct SlotPool {
    Mutex mutex;
    std::priority_queue<int, std::vector<int>, std::greater<>> freed GUARDED_BY(mutex);
    int next GUARDED_BY(mutex) = 0;
};

SlotPool& pool() {
    static SlotPool instance;
    return instance;
}

}  // namespace

boost::asio::ip::address_v4 source_address_for(int slot, int per_address) {
    const unsigned n = static_cast<unsigned>(std::max(slot, 0) / std::max(per_address, 1));
    // Host numbers 1..254 in the last byte, carrying into the two middle ones.
    const unsigned last = 1 + n % 254;
    const unsigned middle = n / 254;
    const unsigned value = (127u << 24) | ((middle & 0xffffu) << 8) | last;
    return boost::asio::ip::address_v4(value);
}

int ports_per_source_address() {
    if (const int forced = ports_override.load(std::memory_order_relaxed); forced > 0) {
        return forced;
    }
    // connect() looks for a free port in the even half of the range first and scans the whole
    // range, under a lock, once that half is taken (Linux ≥ 4.6): past about half the range
    // every connect slows to a crawl. So an address takes at most 90 % of half its range.
    static const int machine = std::max(1, read_machine_limits().ports() / 2 * 9 / 10);
    return machine;
}

void set_ports_per_source_address(int ports) {
    ports_override.store(std::max(ports, 0), std::memory_order_relaxed);
}

SourceSlot::SourceSlot() {
    SlotPool& p = pool();
    MutexLock lock(p.mutex);
    if (p.freed.empty()) {
        slot_ = p.next++;
    } else {
        slot_ = p.freed.top();
        p.freed.pop();
    }
}

SourceSlot::~SourceSlot() {
    SlotPool& p = pool();
    MutexLock lock(p.mutex);
    p.freed.push(slot_);
    // Forget the top of the range once everything above the lowest free slot is free again,
    // so a pool that grew once does not stay large.
    if (p.freed.size() == static_cast<std::size_t>(p.next)) {
        p.freed = {};
        p.next = 0;
    }
}

void SourceSlot::bind(boost::asio::ip::tcp::socket& socket,
                      const boost::asio::ip::tcp::endpoint& target,
                      boost::system::error_code& ec) const {
    const int per_address = ports_per_source_address();
    if (slot_ < per_address || !target.address().is_v4() || !target.address().is_loopback()) {
        return;
    }
    // Let connect() choose the port: a bound port would have to be free for every destination.
    const int on = 1;
    ::setsockopt(socket.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
    socket.bind({source_address_for(slot_, per_address), 0}, ec);
}

}  // namespace conclab
