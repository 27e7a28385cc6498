// The descriptor table grown ahead of a burst of connections (reserve_descriptor_table), read
// back from the kernel's own figure for it, FDSize in /proc/<pid>/status.
#include <QtTest>

#include <dirent.h>
#include <sys/resource.h>

#include <fstream>
#include <string>
#include <thread>

#include "process/fd_limit.hpp"

using namespace conclab;

namespace {

long descriptor_table_size() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("FDSize:", 0) == 0) return std::stol(line.substr(7));
    }
    return -1;
}

int open_descriptors() {
    int count = 0;
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir) return -1;
    while (::readdir(dir)) ++count;
    ::closedir(dir);
    return count;
}

}  // namespace

class TstFdLimit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { raise_fd_limit(); }

    // Grown past the count asked for, with another thread running (the case that waits for a
    // grace period), and no descriptor left behind.
    void theTableHoldsTheCountAskedFor() {
        const long before = descriptor_table_size();
        QVERIFY(before > 0);
        const long wanted = std::min(current_fd_limit().soft, 2 * before + 1000);
        QVERIFY2(wanted > before, "the soft limit leaves no room to grow the table");
        const int open_before = open_descriptors();
        std::jthread beside([](std::stop_token stop) {
            while (!stop.stop_requested()) std::this_thread::yield();
        });
        reserve_descriptor_table(wanted);
        QVERIFY2(
            descriptor_table_size() >= wanted,
            qPrintable(QString("FDSize %1 for %2 asked").arg(descriptor_table_size()).arg(wanted)));
        QCOMPARE(open_descriptors(), open_before);
    }

    // Never past the soft limit (a descriptor there cannot be had), and asking again for less
    // leaves the table as it is: tables never shrink.
    void theSoftLimitCapsIt() {
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
        const long table = descriptor_table_size();
        rlimit lower = saved;
        lower.rlim_cur = static_cast<rlim_t>(table + 3000);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &lower) == 0);
        reserve_descriptor_table(1L << 20);
        const long grown = descriptor_table_size();
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
        QVERIFY2(
            grown >= table + 3000 - 1 && grown < 4 * (table + 3000),
            qPrintable(QString("FDSize %1 with a soft limit of %2").arg(grown).arg(table + 3000)));
        reserve_descriptor_table(10);
        QCOMPARE(descriptor_table_size(), grown);
    }
};

QTEST_GUILESS_MAIN(TstFdLimit)
#include "tst_fd_limit.moc"
