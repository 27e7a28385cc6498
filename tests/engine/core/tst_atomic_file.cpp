#include <QtTest>

#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <algorithm>
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
        write_file_atomically(path, "hello", false);
        QCOMPARE(read_all(path), std::string("hello"));
    }
    void refusesToOverwriteUnlessAsked() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.json").toStdString();
        write_file_atomically(path, "mine", false);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, write_file_atomically(path, "new", false));
        QCOMPARE(read_all(path), std::string("mine"));  // untouched
        write_file_atomically(path, "new", true);
        QCOMPARE(read_all(path), std::string("new"));
    }
    void failureLeavesNoPartialFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("no/such/dir/out.json").toStdString();
        try {
            write_file_atomically(path, "x", true);
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(QString(e.what()).contains("out.json"));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
    }
    // Writes at once from several threads of one process each get their own temporary file:
    // every file ends up whole and no temporary is left behind.
    void concurrentWritesStayWhole() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("same.json").toStdString();
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&, t] {
                const std::string text(4096, static_cast<char>('a' + t));
                for (int i = 0; i < 25; ++i) write_file_atomically(path, text, true);
            });
        }
        for (auto& w : writers) w.join();
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
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, write_file_atomically(path, "x", true));
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
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, write_file_atomically(link, "x", true));
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
        QVERIFY(output_path_problem(link, true).find("not a regular file") != std::string::npos);
        if (::geteuid() == 0) {
            const std::string node = dir.filePath("full").toStdString();
            QCOMPARE(::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, 7)), 0);
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, write_file_atomically(node, "x", true));
            struct stat after {};
            QCOMPARE(::stat(node.c_str(), &after), 0);
            QVERIFY(S_ISCHR(after.st_mode));
        }
    }
    // What a front end checks before a run: the same refusals as the write itself.
    void outputPathProblemSaysWhy() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.json").toStdString();
        QVERIFY(output_path_problem(path, false).empty());
        write_file_atomically(path, "mine", false);
        QVERIFY(output_path_problem(path, false).find("--force") != std::string::npos);
        QVERIFY(output_path_problem(path, true).empty());
        QVERIFY(output_path_problem(dir.filePath("no/such/out.json").toStdString(), true)
                    .find("no such folder") != std::string::npos);
        QVERIFY(output_path_problem(dir.path().toStdString(), true).find("folder") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstAtomicFile)
#include "tst_atomic_file.moc"
