#include <QtTest>

#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>

#include "core/regular_file.hpp"

using namespace conclab;

// Probe finding 4 of #18: a FIFO with no writer as --scenario blocked forever.
class TstRegularFile : public QObject {
    Q_OBJECT
private slots:
    void readsARegularFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.json").toStdString();
        std::ofstream(path) << "{\"name\": \"a\"}";
        const auto file = read_regular_file(path, 1 << 20, "a scenario");
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().c_str());
        QCOMPARE(*file, std::string("{\"name\": \"a\"}"));
    }
    // Refused at once, not after a writer turns up: the read runs on a thread and must be back
    // well within the bound (on the broken build it never returns; the writer opened below then
    // releases it so the test ends).
    void aFifoWithoutWriterIsRefusedAtOnce() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("fifo").toStdString();
        QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        auto reading = std::async(std::launch::async,
                                  [&] { return read_regular_file(path, 1 << 20, "a scenario"); });
        const bool returned =
            reading.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
        if (!returned) {
            const int writer = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);  // releases the reader
            if (writer >= 0) ::close(writer);
        }
        const auto file = reading.get();
        QVERIFY2(returned, "read_regular_file blocked on a FIFO with no writer");
        QVERIFY(!file.ok());
        QVERIFY2(file.error().find("not a regular file") != std::string::npos,
                 file.error().c_str());
    }
    void devicesAndFoldersAreRefused() {
        for (const char* path : {"/dev/zero", "/dev/null", "/tmp"}) {
            const auto file = read_regular_file(path, 1 << 20, "a scenario");
            QVERIFY2(!file.ok(), path);
            QVERIFY2(file.error().find("not a regular file") != std::string::npos, path);
        }
    }
    void tooLargeNamesTheLimit() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("big").toStdString();
        std::ofstream(path) << std::string((2 << 20) + 1, 'x');
        const auto file = read_regular_file(path, 2 << 20, "a scenario is small");
        QVERIFY(!file.ok());
        QVERIFY2(file.error().find("larger than 2 MiB; a scenario is small") != std::string::npos,
                 file.error().c_str());
    }
    void missingFileSaysWhy() {
        const auto file = read_regular_file("/nonexistent/x.json", 1 << 20, "a scenario");
        QVERIFY(!file.ok());
        QVERIFY2(file.error().find("/nonexistent/x.json") != std::string::npos &&
                     file.error().find("No such file") != std::string::npos,
                 file.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TstRegularFile)
#include "tst_regular_file.moc"
