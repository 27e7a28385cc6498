// #12: the recipes whose headline is a throughput ratio that needs both cores — a Node cluster
// against one loop on CPU-bound work, nginx in front of two Flask instances against one. A test
// running beside them takes a core and the ratio with it, so CTest runs this suite alone
// (RUN_SERIAL, tests/engine/experiment/CMakeLists.txt); tst_recipes holds the rest.
#include <QtTest>

#include "preset_runs.hpp"

using namespace conclab;
using namespace conclab::test;

class TstRecipeCpuRatios : public QObject {
    Q_OBJECT
private slots:
    // Node cluster on CPU-bound work: two workers use both cores, one loop only one.
    void clusterBeatsSingleOnCpu() {
        QString seen;
        QVERIFY2(
            ratio_within("14-node-cluster-vs-single-cpu-bound.json", 0, 1, 1.3, kNoLimit, seen),
            qPrintable(seen));
    }

    // nginx round-robin to 2 Flask instances: twice the GIL-bound CPU of one.
    void loadBalancerBeatsOneInstance() {
        QString seen;
        QVERIFY2(ratio_within("13-load-balancer-two-flask-instances-vs-one.json", 0, 1, 1.3,
                              kNoLimit, seen),
                 qPrintable(seen));
    }
};

QTEST_GUILESS_MAIN(TstRecipeCpuRatios)
#include "tst_recipe_cpu_ratios.moc"
