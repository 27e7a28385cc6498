#pragma once
// Runs conclab-cli (CONCLAB_CLI, set by the test's CMake target) to the end and keeps what it
// said: the CLI suites start it dozens of times. A CLI that hangs is killed after timeout_ms and
// reported as "timed out" with exit code -1, so a test fails instead of hanging CTest.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace conclab::test {

struct CliRun {
    int exit_code = -1;
    QString out, err;
};

inline CliRun run_cli(const QStringList& args, int timeout_ms = 120000) {
    QProcess p;
    p.start(QStringLiteral(CONCLAB_CLI), args);
    CliRun r;
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    // A crash (SIGSEGV on hostile input, say) is no exit code at all: -2, said in err.
    r.exit_code = p.exitStatus() == QProcess::CrashExit ? -2 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitStatus() == QProcess::CrashExit) r.err += "\n(crashed: " + p.errorString() + ")";
    return r;
}

// The JSON object a run wrote to `path` (--json FILE); empty when there is none.
inline QJsonObject read_json(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace conclab::test
