#pragma once
// Beyond one source address's ephemeral ports. A client's connections to one server address
// and port each need a local port of their own from net.ipv4.ip_local_port_range (about 28,000
// on loopback by default), so one address cannot hold more connections than that. Every
// address of 127.0.0.0/8 is loopback on Linux, so, as load tools do, a connection beyond the
// range binds another source address: 127.0.0.2, 127.0.0.3, … before it connects.
//
// Each client connection holds a slot for its lifetime (the lowest free one, so addresses are
// reused as connections come and go); slot s uses address number s / ports_per_address. The
// first address is the one the kernel picks anyway: no bind() at all for it.

#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

namespace conclab {

// The source address of slot `slot` with `per_address` slots per address: 127.0.0.1 for the
// first `per_address`, then 127.0.0.2, …, carrying into the higher bytes (…255 → 127.0.1.1),
// never an address ending in .0 or .255.
boost::asio::ip::address_v4 source_address_for(int slot, int per_address);

// Connections one source address takes: 90 % of half the ephemeral range (connect() picks from
// the even half first and crawls beyond it; the rest is left for other sockets and TIME_WAIT);
// a test lowers it with set_ports_per_source_address().
int ports_per_source_address();
void set_ports_per_source_address(int ports);  // 0 = back to the machine's range

// A connection's slot, process-wide (every loader thread and connection group of a run share
// the ports of an address). Movable, released on destruction.
class SourceSlot {
public:
    SourceSlot();
    ~SourceSlot();
    SourceSlot(const SourceSlot&) = delete;
    SourceSlot& operator=(const SourceSlot&) = delete;
    int index() const { return slot_; }
    // Before connect() on an open socket to `target`: binds the slot's source address (port
    // chosen at connect time, IP_BIND_ADDRESS_NO_PORT) when the target is IPv4 loopback and the
    // slot is past the first address; otherwise does nothing.
    void bind(boost::asio::ip::tcp::socket& socket, const boost::asio::ip::tcp::endpoint& target,
              boost::system::error_code& ec) const;

private:
    int slot_;
};

}  // namespace conclab
