// conclab: the desktop app. All behaviour lives in ui/ and engine/.
#include <QApplication>
#include <QCommandLineParser>

#include <cstring>

#include "text/app_language.hpp"
#include "window/app_settings.hpp"
#include "window/main_window.hpp"

namespace {

void set_application_names() {
    QCoreApplication::setOrganizationName("ConcurrencyLab");
    QCoreApplication::setApplicationName("Concurrency Lab");
    QCoreApplication::setApplicationVersion(CONCLAB_VERSION);
}

void process_command_line(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "See why web servers built on different concurrency models behave differently under "
        "load. The same engine runs headless as conclab-cli.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);  // --help and --version print and exit
}

// --version and --help must work without a display (in a terminal over ssh, in CI), where a
// QApplication cannot be created: they are answered by a QCoreApplication.
bool asks_version_or_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        for (const char* option : {"--version", "-v", "--help", "-h", "-?", "--help-all"}) {
            if (std::strcmp(argv[i], option) == 0) return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (asks_version_or_help(argc, argv)) {
        QCoreApplication core(argc, argv);
        set_application_names();
        process_command_line(core);
        return 0;
    }
    QApplication app(argc, argv);
    set_application_names();
    QApplication::setDesktopFileName("conclab");
    process_command_line(app);  // rejects unknown options with a message
    // The system's language unless View → Language chose one; before any window is built.
    conclab::ui::apply_language(conclab::ui::AppSettings::language());
    conclab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
