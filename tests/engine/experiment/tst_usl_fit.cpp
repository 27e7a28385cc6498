// The sweep's arithmetic on synthetic points: the USL fit recovers known σ and κ, says why it
// cannot fit, and Little's law flags points that break it.
#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "experiment/sweep.hpp"
#include "experiment/usl_fit.hpp"

using namespace conclab;

namespace {

bool within(double value, double expected, double relative) {
    return std::fabs(value - expected) <= relative * std::fabs(expected);
}

}  // namespace

class TstUslFit : public QObject {
    Q_OBJECT
private slots:
    void recoversKnownParameters_data() {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("kappa");
        QTest::addColumn<double>("noise");  // relative, normal
        QTest::newRow("contention and coherency") << 1000.0 << 0.05 << 0.002 << 0.0;
        QTest::newRow("noisy") << 1000.0 << 0.05 << 0.002 << 0.01;
        QTest::newRow("Amdahl") << 250.0 << 0.2 << 0.0 << 0.0;
        QTest::newRow("strong coherency") << 5000.0 << 0.01 << 0.0005 << 0.0;
    }
    void recoversKnownParameters() {
        QFETCH(double, lambda);
        QFETCH(double, sigma);
        QFETCH(double, kappa);
        QFETCH(double, noise);
        std::mt19937 random(42);
        std::normal_distribution<double> jitter(0, noise);
        std::vector<double> n{1, 2, 4, 8, 16, 32, 64, 128, 256}, x;
        for (double ni : n) {
            x.push_back(usl_throughput(lambda, sigma, kappa, ni) *
                        (1 + (noise > 0 ? jitter(random) : 0)));
        }
        const UslFit fit = fit_usl(n, x);
        QVERIFY2(fit.ok, fit.why_not.c_str());
        const QString got = QString("λ %1 σ %2 κ %3")
                                .arg(fit.lambda.value)
                                .arg(fit.sigma.value)
                                .arg(fit.kappa.value, 0, 'g', 6);
        QVERIFY2(within(fit.lambda.value, lambda, 0.05), qPrintable(got));
        QVERIFY2(within(fit.sigma.value, sigma, 0.05), qPrintable(got));
        if (kappa > 0) {
            QVERIFY2(within(fit.kappa.value, kappa, 0.05), qPrintable(got));
            QVERIFY(fit.n_star);
            QVERIFY(within(*fit.n_star, std::sqrt((1 - sigma) / kappa), 0.05));
        } else {
            QVERIFY2(fit.kappa.value < 1e-5, qPrintable(got));
        }
        QVERIFY(fit.r2 > 0.98);
        QCOMPARE(fit.residuals.size(), n.size());
        // The true values lie inside the 95 % intervals (noise-free: intervals of zero width
        // around them).
        if (noise > 0) {
            QVERIFY(fit.sigma.low && fit.sigma.high);
            QVERIFY2(*fit.sigma.low <= sigma && sigma <= *fit.sigma.high, qPrintable(got));
        }
        QVERIFY(fit.caution.empty());
    }

    // A server that does one request at a time: X(N) flat. σ = 1, κ = 0.
    void flatThroughputIsFullContention() {
        const std::vector<double> n{1, 2, 4, 8, 16, 32};
        const std::vector<double> x{199, 201, 200, 198, 202, 200};
        const UslFit fit = fit_usl(n, x);
        QVERIFY(fit.ok);
        QVERIFY2(within(fit.lambda.value, 200, 0.03),
                 qPrintable(QString::number(fit.lambda.value)));
        QVERIFY2(fit.sigma.value > 0.95, qPrintable(QString::number(fit.sigma.value)));
    }

    void saysWhyItCannotFit() {
        QVERIFY(fit_usl({2, 4, 8, 16, 32, 64}, {1, 2, 3, 4, 5, 6}).why_not.find("N = 1") !=
                std::string::npos);
        QVERIFY(fit_usl({1, 2, 4}, {1, 2, 3}).why_not.find("at least 4") != std::string::npos);
        QVERIFY(!fit_usl({1, 2, 4, 8}, {1, 0, 3, 4}).ok);
        const UslFit few = fit_usl({1, 2, 4, 8}, {100, 190, 350, 600});
        QVERIFY(few.ok);
        QVERIFY(few.caution.find("6") != std::string::npos);
    }

    void littlesLaw() {
        SweepPoint p;
        p.connections = 10;
        p.rps = 200;
        p.mean_ms = 50;  // X·R = 10
        p.requests = 1000;
        p.client_open = 10;
        QVERIFY(check_little(p, 1).ok);
        p.mean_ms = 40;  // X·R = 8: off by 20 %
        LittleCheck c = check_little(p, 1);
        QVERIFY(!c.ok);
        QCOMPARE(c.measured, 8.0);
        QVERIFY2(c.reason.find("below N") != std::string::npos, c.reason.c_str());
        p.errors = 5;
        p.load_cpu_pct = 99;
        p.client_open = 6;
        c = check_little(p, 1);
        QVERIFY(c.reason.find("failed") != std::string::npos);
        QVERIFY(c.reason.find("saturated") != std::string::npos);
        QVERIFY(c.reason.find("6.0 of 10") != std::string::npos);
        p = SweepPoint{};
        p.connections = 4;
        p.rps = 100;
        p.mean_ms = 50;  // X·R = 5 > 4
        p.requests = 500;
        p.client_open = 4;
        QVERIFY(check_little(p, 1).reason.find("above N") != std::string::npos);
    }

    void connectionSeries() {
        QCOMPARE(geometric_steps(1, 1024, 11),
                 (std::vector<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}));
        QCOMPARE(geometric_steps(1, 4, 10), (std::vector<int>{1, 2, 3, 4}));  // no duplicates
        const auto list = parse_connection_list("1,2,4,8");
        QVERIFY(list.ok());
        QCOMPARE(*list, (std::vector<int>{1, 2, 4, 8}));
        const auto empty_item = parse_connection_list("1,,2");
        QVERIFY(!empty_item.ok() && empty_item.error().find("''") != std::string::npos);
        const auto zero = parse_connection_list("1,0");
        QVERIFY(!zero.ok() && zero.error().find("'0'") != std::string::npos);
        QVERIFY(!parse_connection_list("1,20000").ok());
    }
};

QTEST_APPLESS_MAIN(TstUslFit)
#include "tst_usl_fit.moc"
