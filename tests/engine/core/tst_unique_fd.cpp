#include <fcntl.h>
#include <unistd.h>

#include <QtTest>

#include <cerrno>
#include <utility>
#include <vector>

#include "core/unique_fd.hpp"

using namespace conclab;

namespace {

bool is_open(int fd) {
    return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

// A fresh descriptor (one end of a pipe; the other is closed at once).
int open_fd() {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) return -1;
    ::close(ends[1]);
    return ends[0];
}

}  // namespace

class TstUniqueFd : public QObject {
    Q_OBJECT
private slots:
    void closesWhenItGoes() {
        const int fd = open_fd();
        QVERIFY(fd >= 0);
        {
            const UniqueFd owner(fd);
            QCOMPARE(owner.get(), fd);
            QVERIFY(owner.valid());
            QVERIFY(is_open(fd));
        }
        QVERIFY(!is_open(fd));
    }
    void emptyOwnsNothing() {
        UniqueFd none;
        QVERIFY(!none);
        QCOMPARE(none.get(), -1);
        QCOMPARE(none.close(), 0);
    }
    void releaseHandsItOn() {
        const int fd = open_fd();
        int taken = -1;
        {
            UniqueFd owner(fd);
            taken = owner.release();
            QVERIFY(!owner.valid());
        }
        QCOMPARE(taken, fd);
        QVERIFY(is_open(fd));  // released: the owner's end did not close it
        ::close(fd);
    }
    void resetClosesTheOldOne() {
        const int first = open_fd();
        const int second = open_fd();
        UniqueFd owner(first);
        owner.reset(second);
        QVERIFY(!is_open(first));
        QVERIFY(is_open(second));
        owner.reset();
        QVERIFY(!is_open(second));
        QVERIFY(!owner.valid());
    }
    void resetToTheSameKeepsIt() {
        const int fd = open_fd();
        UniqueFd owner(fd);
        owner.reset(fd);
        QVERIFY(is_open(fd));
    }
    void moveTransfersOwnership() {
        const int fd = open_fd();
        UniqueFd first(fd);
        UniqueFd second(std::move(first));
        QVERIFY(!first.valid());  // NOLINT(bugprone-use-after-move): moved-from is empty
        QCOMPARE(second.get(), fd);
        const int other = open_fd();
        UniqueFd third(other);
        third = std::move(second);  // closes `other`, takes `fd`
        QVERIFY(!is_open(other));
        QCOMPARE(third.get(), fd);
        QVERIFY(is_open(fd));
        std::vector<UniqueFd> held;
        held.push_back(std::move(third));
        held.clear();
        QVERIFY(!is_open(fd));
    }
    void closeReportsTheError() {
        const int fd = open_fd();
        UniqueFd owner(fd);
        QCOMPARE(owner.close(), 0);
        QVERIFY(!is_open(fd));
        QVERIFY(!owner.valid());
        UniqueFd stale(fd);  // already closed: the kernel says EBADF
        QCOMPARE(stale.close(), EBADF);
    }
};

QTEST_APPLESS_MAIN(TstUniqueFd)
#include "tst_unique_fd.moc"
