#include <QtTest>

#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"

using namespace conclab;

namespace {
std::string read_all(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

class TstAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesWholeFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.json").toStdString();
        QVERIFY(write_file_atomically(path, "hello", false).ok());
        QCOMPARE(read_all(path), std::string("hello"));
    }
    void refusesToOverwriteUnlessAsked() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.json").toStdString();
        QVERIFY(write_file_atomically(path, "mine", false).ok());
        QVERIFY(!write_file_atomically(path, "new", false).ok());
        QCOMPARE(read_all(path), std::string("mine"));  // untouched
        QVERIFY(write_file_atomically(path, "new", true).ok());
        QCOMPARE(read_all(path), std::string("new"));
    }
    void failureLeavesNoPartialFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("no/such/dir/out.json").toStdString();
        const auto written = write_file_atomically(path, "x", true);
        QVERIFY(!written.ok());
        QVERIFY(QString::fromStdString(written.error()).contains("out.json"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
    }
    // Writes at once from several threads of one process each get their own temporary file:
    // every file ends up whole and no temporary is left behind.
    void concurrentWritesStayWhole() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("same.json").toStdString();
        std::vector<std::thread> writers;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&, t] {
                const std::string text(4096, static_cast<char>('a' + t));
                for (int i = 0; i < 25; ++i) {
                    if (!write_file_atomically(path, text, true)) failures++;
                }
            });
        }
        for (auto& w : writers) w.join();
        QCOMPARE(failures.load(), 0);
        const std::string result = read_all(path);
        QCOMPARE(result.size(), std::size_t(4096));
        QCOMPARE(std::count(result.begin(), result.end(), result.front()), 4096L);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot),
                 QStringList{"same.json"});
    }
    // A directory in the way is an error that names the file, and nothing is left over.
    void cannotReplaceAFolder() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("taken"));
        const std::string path = dir.filePath("taken").toStdString();
        QVERIFY(!write_file_atomically(path, "x", true).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
    }
    // Probe finding 7 of #18: --force replaced device nodes with regular files (as root, even
    // /dev/full). Only a regular file is replaced. The device here is reached through a symlink
    // in a temporary folder (a broken build replaces the link, not the device), and, as root, a
    // node of its own made with mknod.
    void neverReplacesADevice() {
        QTemporaryDir dir;
        const std::string link = dir.filePath("null-link").toStdString();
        QCOMPARE(::symlink("/dev/null", link.c_str()), 0);
        QVERIFY(!write_file_atomically(link, "x", true).ok());
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
        QVERIFY(check_output_path(link, true).error().find("not a regular file") !=
                std::string::npos);
        if (::geteuid() == 0) {
            const std::string node = dir.filePath("full").toStdString();
            QCOMPARE(::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, 7)), 0);
            QVERIFY(!write_file_atomically(node, "x", true).ok());
            struct stat after {};
            QCOMPARE(::stat(node.c_str(), &after), 0);
            QVERIFY(S_ISCHR(after.st_mode));
        }
    }
    // What a front end checks before a run: the same refusals as the write itself.
    void checkOutputPathSaysWhy() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.json").toStdString();
        QVERIFY(check_output_path(path, false).ok());
        QVERIFY(write_file_atomically(path, "mine", false).ok());
        const auto exists = check_output_path(path, false);
        QVERIFY(!exists.ok());
        QVERIFY(exists.error().find("--force") != std::string::npos);
        QVERIFY(check_output_path(path, true).ok());
        const auto no_folder =
            check_output_path(dir.filePath("no/such/out.json").toStdString(), true);
        QVERIFY(!no_folder.ok());
        QVERIFY(no_folder.error().find("no such folder") != std::string::npos);
        const auto folder = check_output_path(dir.path().toStdString(), true);
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().find("folder") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstAtomicFile)
#include "tst_atomic_file.moc"
