#pragma once
// The order in which an event loop on Linux serves its ready connections: the ready list of a
// level-triggered epoll, which libuv (Node) uses.
//
// - A connection that turns readable joins the list at the tail, unless it is on it already.
// - A poll (epoll_wait) reports, in list order, every connection on the list that is still
//   readable, and those stay on the list in their place; one that is not readable leaves it.
//   What joins while a poll's reports are being served is reported by the next poll.
//
// So a connection keeps its place while its client keeps it busy, and loses it if its next
// request comes a moment after a poll: then it waits behind every connection that stayed. Asio's
// own reactor is edge-triggered and serves readiness first come, first served, which has no such
// losers; hence this list, which the event-loop model keeps itself (EventLoopServer::run_turn).
//
// Written by hand: no library models epoll's order; this is the part of it the model needs.

#include <list>
#include <memory>
#include <optional>
#include <vector>

namespace conclab {

// T: the connection; it holds its slot (`std::optional<ReadyList<T>::Slot>`), which the list
// sets and clears. Single-threaded, like the loop that owns it.
template <typename T>
class ReadyList {
public:
    using Slot = typename std::list<std::shared_ptr<T>>::iterator;

    // The connection turned readable: to the tail, unless it is listed.
    void join(std::shared_ptr<T> item, std::optional<Slot>& slot) {
        if (slot) return;
        slot = items_.insert(items_.end(), std::move(item));
    }

    // The connection closed, or reads nothing for now. Returns the list's reference to it (null
    // if it was not listed), which may be the last one.
    std::shared_ptr<T> leave(std::optional<Slot>& slot) {
        if (!slot) return nullptr;
        std::shared_ptr<T> item = std::move(**slot);
        items_.erase(*slot);
        slot.reset();
        return item;
    }

    // epoll_wait(): the listed connections that are readable, in list order (they stay); each
    // other one leaves and is handed to `dropped` (which may make it join again, at the tail: it
    // is reported by the next poll, not this one). `readable(items)` answers for all of them at
    // once (one poll(2), as epoll_wait() is one call), a std::vector<bool> in their order;
    // `slot_of(item)` is the item's slot.
    template <typename Readable, typename SlotOf, typename Dropped>
    std::vector<std::shared_ptr<T>> poll(Readable readable, SlotOf slot_of, Dropped dropped) {
        const std::vector<std::shared_ptr<T>> polled(items_.begin(), items_.end());
        const std::vector<bool> ready = readable(polled);
        std::vector<std::shared_ptr<T>> reported;
        for (std::size_t i = 0; i < polled.size(); ++i) {
            const auto& item = polled[i];
            if (ready[i]) {
                reported.push_back(item);
            } else {
                leave(slot_of(*item));
                dropped(item);
            }
        }
        return reported;
    }

    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }

private:
    std::list<std::shared_ptr<T>> items_;
};

}  // namespace conclab
