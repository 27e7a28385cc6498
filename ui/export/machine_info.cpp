#include "export/machine_info.hpp"

#include <QDateTime>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QThread>

#include <sys/utsname.h>
#include <boost/version.hpp>

namespace conclab::ui {

QString cpu_model(const QString& cpuinfo_text) {
    for (const char* key : {"model name", "Hardware", "Processor", "cpu model"}) {
        const QRegularExpression line(QStringLiteral("^%1\\s*:\\s*(.+)$").arg(key),
                                      QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(cpuinfo_text);
        if (m.hasMatch()) return m.captured(1).simplified();
    }
    return {};
}

namespace {

QString this_cpu_model() {
    QFile cpuinfo("/proc/cpuinfo");
    QString model;
    // /proc files report a size of 0: read until the end instead of by size.
    if (cpuinfo.open(QIODevice::ReadOnly)) model = cpu_model(QString::fromUtf8(cpuinfo.readAll()));
    return model.isEmpty() ? QObject::tr("unknown CPU") : model;
}

}  // namespace

QString machine_summary() {
    return QObject::tr("Concurrency Lab %1 · %2 cores (%3) · %4")
        .arg(QStringLiteral(CONCLAB_VERSION))
        .arg(QThread::idealThreadCount())
        .arg(this_cpu_model(),
             QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd")));
}

std::vector<std::pair<QString, QString>> machine_rows() {
    const QString model = this_cpu_model();
    utsname u{};
    const QString kernel = uname(&u) == 0
                               ? QStringLiteral("%1 %2 %3").arg(u.sysname, u.release, u.machine)
                               : QObject::tr("unknown");
    const QString boost = QStringLiteral("%1.%2.%3")
                              .arg(BOOST_VERSION / 100000)
                              .arg(BOOST_VERSION / 100 % 1000)
                              .arg(BOOST_VERSION % 100);
    return {
        {QObject::tr("CPU"), model},
        {QObject::tr("Cores"), QString::number(QThread::idealThreadCount())},
        {QObject::tr("Kernel"), kernel},
        {QObject::tr("Concurrency Lab"), QStringLiteral(CONCLAB_VERSION)},
        {QObject::tr("Qt"), QString::fromLatin1(qVersion())},
        {QObject::tr("Boost"), boost},
        {QObject::tr("Report written"),
         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))},
    };
}

}  // namespace conclab::ui
