#pragma once
// A real server for a test (Flask, gunicorn, node): started on a port that was free a moment
// ago, in its own process group (gunicorn and Node's cluster fork workers), its output kept in a
// file for a failure message. ready() waits until the port answers HTTP; the destructor ends the
// whole group (SIGTERM, then SIGKILL) and reaps the leader, also when a test fails.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <QThread>

#include <cstdint>

#include "die_with_parent.hpp"

namespace conclab::test {

// A port that was free a moment ago (bound, then released) for a server to listen on.
inline std::uint16_t free_tcp_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

class RealServerProcess {
public:
    RealServerProcess(const QString& program, const QStringList& args, std::uint16_t port,
                      const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
        : port_(port) {
        process_.setProcessEnvironment(env);
        // Into a file, never a pipe nobody reads: Werkzeug logs every request, and a full pipe
        // would stop the server in the middle of a measurement.
        log_.open();
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.setStandardOutputFile(log_.fileName());
        const pid_t parent = ::getpid();
        process_.setChildProcessModifier([parent] {
            ::setpgid(0, 0);
            die_with_parent(parent);
        });
        process_.start(program, args);
        started_ = process_.waitForStarted(10000);
    }
    ~RealServerProcess() {
        if (process_.state() == QProcess::NotRunning) return;
        const pid_t group = static_cast<pid_t>(process_.processId());
        ::kill(-group, SIGTERM);
        if (!process_.waitForFinished(5000)) {
            ::kill(-group, SIGKILL);
            process_.waitForFinished(5000);
        }
        ::kill(-group, SIGKILL);  // workers that outlived their master
    }
    RealServerProcess(const RealServerProcess&) = delete;
    RealServerProcess& operator=(const RealServerProcess&) = delete;

    // True once a GET / on the port gets an HTTP answer (within timeout_ms).
    bool ready(int timeout_ms = 20000) {
        if (!started_) return false;
        for (int waited = 0; waited < timeout_ms; waited += 100) {
            if (process_.state() == QProcess::NotRunning) return false;
            if (answers_http()) return true;
            QThread::msleep(100);
        }
        return false;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/").arg(port_); }
    // The end of what the server wrote, for a failure message.
    QString output() {
        QFile f(log_.fileName());
        if (!f.open(QIODevice::ReadOnly)) return {};
        const QByteArray all = f.readAll();
        return QString::fromUtf8(all.right(4000));
    }

private:
    bool answers_http() const {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) return false;
        timeval two_s{2, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_s, sizeof two_s);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port_);
        bool ok = false;
        if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
            const char request[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            char head[8] = {};
            ok = ::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) > 0 &&
                 ::recv(fd, head, 7, MSG_WAITALL) == 7 && QByteArray(head).startsWith("HTTP/1.");
        }
        ::close(fd);
        return ok;
    }

    QTemporaryFile log_;
    QProcess process_;
    std::uint16_t port_;
    bool started_ = false;
};

}  // namespace conclab::test
