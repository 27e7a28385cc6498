// ReadyList: the order of a level-triggered epoll's ready list, which decides the order in which
// the event-loop model serves its connections. Pure bookkeeping, checked case by case.
#include <QtTest>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/ready_list.hpp"

using namespace conclab;

namespace {

struct Conn {
    std::string name;
    bool readable = true;
    std::optional<ReadyList<Conn>::Slot> slot;
};

using Ptr = std::shared_ptr<Conn>;

struct Loop {
    ReadyList<Conn> list;
    std::vector<std::string> dropped;
    bool rejoin_dropped = false;  // the dropped one turns readable at once, after the poll

    void join(const Ptr& c) { list.join(c, c->slot); }
    std::string poll() {
        const auto reported = list.poll(
            [](const std::vector<Ptr>& items) {
                std::vector<bool> readable;
                for (const auto& c : items) readable.push_back(c->readable);
                return readable;
            },
            [](Conn & c) -> auto& { return c.slot; },
            [this](const Ptr& c) {
                dropped.push_back(c->name);
                if (rejoin_dropped) {
                    c->readable = true;
                    join(c);
                }
            });
        std::string order;
        for (const auto& c : reported) order += c->name;
        return order;
    }
};

Ptr conn(const char* name) {
    auto c = std::make_shared<Conn>();
    c->name = name;
    return c;
}

}  // namespace

class TstReadyList : public QObject {
    Q_OBJECT
private slots:
    void theOrderIsTheOrderOfJoining() {
        Loop loop;
        auto a = conn("A"), b = conn("B"), c = conn("C");
        loop.join(b);
        loop.join(a);
        loop.join(c);
        loop.join(b);  // listed already: keeps its place
        QCOMPARE(loop.list.size(), std::size_t(3));
        QCOMPARE(loop.poll(), std::string("BAC"));
        QCOMPARE(loop.poll(), std::string("BAC"));  // still readable: still listed
    }

    // The point of the list. C's next request comes a moment after poll 2, so C leaves the list
    // and joins at the tail when it comes; A's and B's come later than C's, but they were on
    // the list, readable at poll 3, in their places: C is served after both. First come, first
    // served would have served C first.
    void oneThatMissesAPollWaitsBehindThoseThatStayed() {
        Loop loop;
        auto a = conn("A"), b = conn("B"), c = conn("C");
        for (auto& x : {a, b, c}) loop.join(x);
        QCOMPARE(loop.poll(), std::string("ABC"));
        // Served A, B, C; A's and B's clients answered before the next poll, C's did not.
        c->readable = false;
        QCOMPARE(loop.poll(), std::string("AB"));
        QCOMPARE(loop.dropped, std::vector<std::string>{"C"});
        QVERIFY(!c->slot);
        // While A and B are served: C's request comes first, A's and B's after it.
        c->readable = true;
        loop.join(c);
        loop.join(a);  // already listed: its place stays
        loop.join(b);
        QCOMPARE(loop.poll(), std::string("ABC"));
    }

    // What joins after a poll has looked is reported by the next poll, not by this one.
    void whatJoinsDuringAPollWaitsForTheNext() {
        Loop loop;
        loop.rejoin_dropped = true;
        auto a = conn("A"), b = conn("B");
        loop.join(a);
        loop.join(b);
        a->readable = false;
        QCOMPARE(loop.poll(), std::string("B"));  // A dropped, then joined again at the tail
        QCOMPARE(loop.poll(), std::string("BA"));
    }

    void aConnectionThatLeavesIsNotReported() {
        Loop loop;
        auto a = conn("A"), b = conn("B");
        loop.join(a);
        loop.join(b);
        loop.list.leave(a->slot);
        loop.list.leave(a->slot);  // twice: no harm
        QVERIFY(!a->slot);
        QCOMPARE(loop.poll(), std::string("B"));
        QVERIFY(loop.dropped.empty());
        loop.list.leave(b->slot);
        QVERIFY(loop.list.empty());
        QCOMPARE(loop.poll(), std::string());
    }
};

QTEST_GUILESS_MAIN(TstReadyList)
#include "tst_ready_list.moc"
