// conclab: the desktop app. All behaviour lives in ui/ and engine/.
#include <QApplication>

#include "main_window.hpp"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ConcurrencyLab");
    QApplication::setApplicationName("Concurrency Lab");
    QApplication::setDesktopFileName("conclab");
    conclab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
