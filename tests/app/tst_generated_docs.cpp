// The man pages and the bash completion that the build generates (app/docgen) from the run-field
// registry and conclab-cli's option description: every registry row and every flag is in each,
// man renders both pages, and the completion offers what a user types next.
#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "cli_description.hpp"
#include "cli_presets.hpp"
#include "core/run_fields.hpp"

using namespace conclab;

namespace {

QString read_text(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

QString docs(const char* name) {
    return QStringLiteral(CONCLAB_DOCS_DIR "/") + name;
}

// How a man page writes a flag: hyphens as \- so that it can be copied.
QString roff_flag(std::string_view flag) {
    QString text = "--" + QString::fromUtf8(flag.data(), static_cast<int>(flag.size()));
    return text.replace("-", "\\-");
}

struct Process {
    int exit_code = -1;
    QString out, err;
};

Process run(const QString& program, const QStringList& args, const QStringList& env = {}) {
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& pair : env) {
        environment.insert(pair.section('=', 0, 0), pair.section('=', 1));
    }
    p.setProcessEnvironment(environment);
    p.start(program, args);
    Process r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What the completion offers for the words typed so far (the last one being completed), with
// `path_front` put first on PATH (where it looks for conclab-cli's installed presets).
QStringList complete(const QStringList& words, const QString& folder = {},
                     const QString& path_front = {}) {
    const QString script =
        "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
        "_conclab_cli; printf '%s\\n' \"${COMPREPLY[@]}\"";
    QProcess p;
    if (!folder.isEmpty()) p.setWorkingDirectory(folder);
    if (!path_front.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", path_front + ":" + env.value("PATH"));
        p.setProcessEnvironment(env);
    }
    p.start("bash", QStringList{"-c", script, "bash", docs("conclab-cli.bash")} + words);
    if (!p.waitForFinished(30000)) return {"timed out"};
    QStringList offered =
        QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    offered.sort();
    return offered;
}

}  // namespace

class TstGeneratedDocs : public QObject {
    Q_OBJECT
private slots:
    void everyRegistryRowIsInBothManPagesAndTheCompletion() {
        const QString cli_page = read_text(docs("conclab-cli.1"));
        const QString gui_page = read_text(docs("conclab.1"));
        const QString completion = read_text(docs("conclab-cli.bash"));
        QVERIFY2(!cli_page.isEmpty() && !gui_page.isEmpty() && !completion.isEmpty(),
                 "the build writes the pages into " CONCLAB_DOCS_DIR);
        for (const RunField& field : run_fields()) {
            const QString flag = roff_flag(field.flag);
            const QString key = QString::fromUtf8(field.key.data(), int(field.key.size()));
            QVERIFY2(cli_page.contains("\\fB" + flag + "\\fR"), qPrintable(flag));
            QVERIFY2(gui_page.contains("\\fB" + key + "\\fR"), qPrintable(key));
            // In the list of flags offered, between spaces or quotes.
            const QRegularExpression in_list("[ \"]--" +
                                             QRegularExpression::escape(QString::fromUtf8(
                                                 field.flag.data(), int(field.flag.size()))) +
                                             "[ \"]");
            QVERIFY2(completion.contains(in_list), field.flag.data());
        }
        // The CLI's own flags (not in the registry) are in conclab-cli(1) with their value.
        for (const cli::FlagInfo& flag : cli::cli_flags()) {
            QVERIFY2(cli_page.contains(roff_flag(flag.name)), flag.name.c_str());
        }
        for (const cli::CommandInfo& command : cli::cli_commands()) {
            QVERIFY(cli_page.contains(
                ".B conclab\\-cli " +
                QString::fromUtf8(command.name.data(), int(command.name.size()))));
        }
    }
    void manRendersBothPages() {
        for (const char* page : {"conclab-cli.1", "conclab.1"}) {
            // In the C locale too: every non-ASCII character is a groff escape.
            for (const char* locale : {"C.UTF-8", "C"}) {
                const Process man =
                    run("man", {"-l", docs(page)},
                        {"MANWIDTH=100", QString("LC_ALL=") + locale, "MANPAGER=cat", "PAGER=cat"});
                QVERIFY2(man.exit_code == 0, qPrintable(page + (": " + man.err)));
                QVERIFY2(man.err.isEmpty(), qPrintable(man.err));
                QVERIFY(man.out.contains("NAME"));
                QVERIFY(man.out.contains("SEE ALSO"));
            }
        }
        const Process man = run("man", {"-l", docs("conclab-cli.1")},
                                {"MANWIDTH=100", "LC_ALL=C.UTF-8", "MANPAGER=cat"});
        // The rendered text, without bold and underline, has each flag with its unit and range.
        QString text = man.out;
        text.remove(QRegularExpression(".\b"));
        QVERIFY(text.contains("--switch-interval-ms N"));
        QVERIFY(text.contains("(0.1..1000 ms)"));
        QVERIFY(text.contains("Default: 5 ms."));
        QVERIFY(text.contains("--overhead-us N"));
        QVERIFY2(text.contains("µs"), "non-ASCII units render");
        QVERIFY(text.contains("-c, --connections N"));
        QVERIFY(text.contains("--chart FILE.png|.svg|.pdf"));
    }
    void completionListsEveryFlagAfterRunDashDash() {
        const QStringList offered = complete({"conclab-cli", "run", "--"});
        QVERIFY2(offered.size() == int(cli::cli_flags().size()), qPrintable(offered.join(' ')));
        for (const cli::FlagInfo& flag : cli::cli_flags()) {
            QVERIFY2(offered.contains(QString::fromStdString("--" + flag.name)), flag.name.c_str());
        }
        for (const RunField& field : run_fields()) {
            QVERIFY(offered.contains("--" +
                                     QString::fromUtf8(field.flag.data(), int(field.flag.size()))));
        }
        QCOMPARE(complete({"conclab-cli", "run", "--stag"}), QStringList{"--stages"});
        QCOMPARE(complete({"conclab-cli", "co"}), QStringList{"compare"});
        QCOMPARE(complete({"conclab-cli", ""}),
                 (QStringList{"--help", "--version", "calibrate", "compare", "run", "serve",
                              "sweep", "validate"}));
    }
    void completionOffersTheNamesAFlagTakes() {
        QCOMPARE(complete({"conclab-cli", "run", "--model", ""}),
                 (QStringList{"event-loop", "gil-threads", "process-per-core"}));
        QCOMPARE(complete({"conclab-cli", "run", "--keep-alive", ""}), (QStringList{"off", "on"}));
        QCOMPARE(complete({"conclab-cli", "run", "--scheduling", "k"}), QStringList{"kernel"});
        QCOMPARE(complete({"conclab-cli", "run", "--model", "=", "g"}), QStringList{"gil-threads"});
        QCOMPARE(complete({"conclab-cli", "compare", "--models", "event-loop,p"}),
                 QStringList{"event-loop,process-per-core"});
        // A number: nothing, and no flags either.
        QCOMPARE(complete({"conclab-cli", "run", "--connections", ""}), QStringList{});
    }
    void completionOffersFilesOfTheRightKindAndThePresets() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir root(dir.path());
        for (const char* path : {"work/a.json", "work/b.txt", "work/c.png", "work/sub/d.json",
                                 "share/conclab/presets/01-preset.json",
                                 "share/conclab/presets/sweeps/01-sweep.json"}) {
            QVERIFY(root.mkpath(QFileInfo(root.filePath(path)).path()));
            QFile file(root.filePath(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(root.mkpath("bin"));
        QFile cli(root.filePath("bin/conclab-cli"));
        QVERIFY(cli.open(QIODevice::WriteOnly));
        cli.write("#!/bin/sh\n");
        cli.close();
        cli.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString work = root.filePath("work");
        QCOMPARE(complete({"conclab-cli", "run", "--scenario", ""}, work, root.filePath("bin")),
                 (QStringList{"01-preset.json", "01-sweep.json", "a.json", "sub"}));
        QCOMPARE(complete({"conclab-cli", "run", "--chart", ""}, work),
                 (QStringList{"c.png", "sub"}));
        QCOMPARE(complete({"conclab-cli", "run", "--json", ""}, work),
                 (QStringList{"-", "a.json", "b.txt", "c.png", "sub"}));

        // conclab-cli takes the same bare names: the preset beside its bin/ folder.
        const std::string presets = root.filePath("share/conclab/presets").toStdString();
        QCOMPARE(cli::resolve_scenario_path("01-preset.json", presets),
                 presets + "/01-preset.json");
        QCOMPARE(cli::resolve_scenario_path("01-sweep.json", presets),
                 presets + "/sweeps/01-sweep.json");
        QCOMPARE(cli::resolve_scenario_path("missing.json", presets), std::string("missing.json"));
        QCOMPARE(cli::resolve_scenario_path("./01-preset.json", presets),
                 std::string("./01-preset.json"));
    }
};

QTEST_GUILESS_MAIN(TstGeneratedDocs)
#include "tst_generated_docs.moc"
