#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

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
};

QTEST_GUILESS_MAIN(TstAtomicFile)
#include "tst_atomic_file.moc"
