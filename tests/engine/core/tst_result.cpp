#include <QtTest>

#include <memory>
#include <string>

#include "core/result.hpp"

using namespace conclab;

namespace {

Result<int> half(int n) {
    if (n % 2 != 0) return Failure{"odd: " + std::to_string(n)};
    return n / 2;
}

Result<> check_positive(int n) {
    if (n <= 0) return Failure{"not positive"};
    return {};
}

// A value and an error of the same type stay apart.
Result<std::string> greeting(bool ok) {
    if (!ok) return Failure{std::string("no greeting")};
    return std::string("hello");
}

}  // namespace

class TstResult : public QObject {
    Q_OBJECT
private slots:
    void holdsAValue() {
        const Result<int> r = half(8);
        QVERIFY(r.ok());
        QVERIFY(static_cast<bool>(r));
        QCOMPARE(*r, 4);
        QCOMPARE(r.value(), 4);
        QCOMPARE(r.value_or(-1), 4);
    }
    void holdsTheReason() {
        const Result<int> r = half(7);
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), std::string("odd: 7"));
        QCOMPARE(r.value_or(-1), -1);
    }
    void voidResult() {
        QVERIFY(check_positive(3).ok());
        const Result<> bad = check_positive(0);
        QVERIFY(!bad);
        QCOMPARE(bad.error(), std::string("not positive"));
    }
    void stringValueIsNotAnError() {
        const auto good = greeting(true);
        QVERIFY(good.ok());
        QCOMPARE(*good, std::string("hello"));
        const auto bad = greeting(false);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error(), std::string("no greeting"));
    }
    void moveOnlyValues() {
        Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
        QVERIFY(r.ok());
        std::unique_ptr<int> taken = std::move(r).value();
        QCOMPARE(*taken, 5);
    }
    void otherErrorTypes() {
        const Result<int, int> r = Failure{42};
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), 42);
    }
};

QTEST_APPLESS_MAIN(TstResult)
#include "tst_result.moc"
