// The files the package gives the desktop: the desktop entry and the AppStream metadata validate
// with the freedesktop tools, and they agree with each other and with the build's version.
#include <QtTest>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QXmlStreamReader>

namespace {

struct Process {
    int exit_code = -1;
    QString output;
};

Process run(const QString& program, const QStringList& args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Process r;
    if (!p.waitForStarted(10000)) {
        r.output = program + " did not start (scripts/install-deps.sh installs it)";
        return r;
    }
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.output = "timed out";
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAllStandardOutput());
    return r;
}

// The first text of each element name, and every attribute "element@attribute".
QMultiMap<QString, QString> read_metainfo(const QString& path) {
    QFile file(path);
    QMultiMap<QString, QString> values;
    if (!file.open(QIODevice::ReadOnly)) return values;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        const QString name = xml.name().toString();
        for (const QXmlStreamAttribute& attribute : xml.attributes()) {
            values.insert(name + "@" + attribute.name().toString(), attribute.value().toString());
        }
        if (name == "id" || name == "launchable" || name == "binary" || name == "image") {
            values.insert(name, xml.readElementText());
        }
    }
    return values;
}

}  // namespace

class TstPackageMetadata : public QObject {
    Q_OBJECT
private slots:
    void desktopEntryValidates() {
        const Process check = run("desktop-file-validate", {CONCLAB_DESKTOP_FILE});
        QVERIFY2(check.exit_code == 0, qPrintable(check.output));
        QVERIFY2(!check.output.contains("error"), qPrintable(check.output));
    }
    void appStreamMetadataValidates() {
        const Process check = run("appstreamcli", {"validate", "--no-net", CONCLAB_METAINFO_FILE});
        QVERIFY2(check.exit_code == 0, qPrintable(check.output));
    }
    void metadataAgreesWithTheDesktopEntryAndTheVersion() {
        const auto meta = read_metainfo(CONCLAB_METAINFO_FILE);
        QCOMPARE(meta.value("id"), QStringLiteral(CONCLAB_APP_ID));
        QCOMPARE(QFileInfo(CONCLAB_METAINFO_FILE).fileName(),
                 QStringLiteral(CONCLAB_APP_ID ".metainfo.xml"));
        QCOMPARE(meta.value("launchable"), QFileInfo(CONCLAB_DESKTOP_FILE).fileName());
        // The newest release is this build's version.
        QCOMPARE(meta.values("release@version").constLast(), QStringLiteral(CONCLAB_VERSION));
        QVERIFY(meta.values("binary").contains("conclab-cli"));
        // Each screenshot is one the repository holds (docs/screenshots, made by
        // scripts/screenshots.sh), at the size the metadata says.
        const QStringList images = meta.values("image");
        QVERIFY(images.size() >= 3);
        for (const QString& url : images) {
            const QString local = QStringLiteral(CONCLAB_SOURCE_DIR "/docs/screenshots/") +
                                  QFileInfo(QUrl(url).path()).fileName();
            QImage image(local);
            QVERIFY2(!image.isNull(), qPrintable(local));
            QCOMPARE(image.size(), QSize(1920, 1080));
        }
        QFile desktop(CONCLAB_DESKTOP_FILE);
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY(entry.contains("\nIcon=conclab\n"));
        QVERIFY(QFileInfo::exists(CONCLAB_SOURCE_DIR "/resources/icons/conclab.svg"));
        QVERIFY2(entry.contains("\nComment[ko]="), "the entry speaks Korean too");
    }
};

QTEST_GUILESS_MAIN(TstPackageMetadata)
#include "tst_package_metadata.moc"
