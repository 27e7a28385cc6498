// Which source address a client connection uses: 127.0.0.1 up to one address's ports, then
// 127.0.0.2, 127.0.0.3, …; held are reused lowest first as connections come and go.
#include <QtTest>

#include <memory>
#include <set>
#include <vector>

#include "load/source_addresses.hpp"

using namespace conclab;

class TstSourceAddresses : public QObject {
    Q_OBJECT
private slots:
    void slotsMapToAddressesInOrder() {
        QCOMPARE(source_address_for(0, 100).to_string(), std::string("127.0.0.1"));
        QCOMPARE(source_address_for(99, 100).to_string(), std::string("127.0.0.1"));
        QCOMPARE(source_address_for(100, 100).to_string(), std::string("127.0.0.2"));
        QCOMPARE(source_address_for(250, 100).to_string(), std::string("127.0.0.3"));
        // Never .0 or .255: after .254 the next byte up carries.
        QCOMPARE(source_address_for(253, 1).to_string(), std::string("127.0.0.254"));
        QCOMPARE(source_address_for(254, 1).to_string(), std::string("127.0.1.1"));
        for (int slot = 0; slot < 2000; ++slot) {
            QVERIFY(source_address_for(slot, 3).is_loopback());
        }
    }
    void theCapDefaultsToTheMachinesPortRange() {
        set_ports_per_source_address(0);
        QVERIFY(ports_per_source_address() > 1000);  // 32768–60999 less a tenth, by default
        set_ports_per_source_address(7);
        QCOMPARE(ports_per_source_address(), 7);
        set_ports_per_source_address(0);
    }
    void slotsAreReusedLowestFirst() {
        std::vector<std::unique_ptr<SourceSlot>> held;
        for (int i = 0; i < 5; ++i) held.push_back(std::make_unique<SourceSlot>());
        std::set<int> taken;
        for (const auto& s : held) taken.insert(s->index());
        QCOMPARE(taken.size(), std::size_t(5));  // each its own
        const int freed = held[1]->index();
        held[1].reset();
        SourceSlot again;
        QCOMPARE(again.index(), freed);  // the hole is filled before the range grows
    }
};

QTEST_GUILESS_MAIN(TstSourceAddresses)
#include "tst_source_addresses.moc"
