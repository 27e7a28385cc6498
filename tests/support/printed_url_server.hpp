#pragma once
// Servers a CLI test starts that print their URL ("…http://127.0.0.1:PORT/…") once they listen:
// conclab-cli serve (a server with a known answer) or flask_app.py (Flask on Werkzeug).

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <signal.h>
#include <unistd.h>

#include "die_with_parent.hpp"

namespace conclab::test {

// A server process that prints "…http://127.0.0.1:PORT/…" once it listens; stopped with SIGINT
// (conclab-cli serve) or SIGTERM (Python) when the test ends.
class PrintedUrlServer {
public:
    PrintedUrlServer(const QString& program, const QStringList& args, int stop_signal)
        : stop_signal_(stop_signal) {
        process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const pid_t parent = ::getpid();
        process_.setChildProcessModifier([parent] { die_with_parent(parent); });
        process_.start(program, args);
        if (!process_.waitForStarted(10000)) return;
        while (process_.waitForReadyRead(15000)) {
            const QString line = QString::fromUtf8(process_.readLine());
            const auto match = QRegularExpression("http://127\\.0\\.0\\.1:\\d+/").match(line);
            if (match.hasMatch()) {
                url_ = match.captured(0);
                return;
            }
        }
    }
    ~PrintedUrlServer() {
        if (process_.state() == QProcess::NotRunning) return;
        ::kill(static_cast<pid_t>(process_.processId()), stop_signal_);
        if (!process_.waitForFinished(5000)) {
            process_.kill();
            process_.waitForFinished();
        }
    }
    QString url() const { return url_; }  // empty if it did not start

private:
    QProcess process_;
    int stop_signal_;
    QString url_;
};

// Whether the system Python has Flask (CI installs it: scripts/install-deps.sh).
inline bool have_flask() {
    QProcess p;
    p.start("/usr/bin/python3", {"-c", "import flask"});
    return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace conclab::test
