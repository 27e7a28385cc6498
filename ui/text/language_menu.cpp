#include "text/language_menu.hpp"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QWidget>

#include "text/app_language.hpp"
#include "window/app_settings.hpp"

namespace conclab::ui {

namespace {

void offer_restart(QWidget* window) {
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("LanguageMenu", "Language"),
        QCoreApplication::translate("LanguageMenu",
                                    "The new language applies when Concurrency Lab starts again. "
                                    "Restart now? A run in progress is stopped."),
        QMessageBox::NoButton, window);
    QPushButton* restart = box.addButton(QCoreApplication::translate("LanguageMenu", "Restart now"),
                                         QMessageBox::AcceptRole);
    box.addButton(QCoreApplication::translate("LanguageMenu", "Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != restart) return;
    // The window saves its settings and stops its run as it closes; then a new instance starts.
    if (window->close()) {
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                QCoreApplication::arguments().mid(1));
    }
}

}  // namespace

void add_language_menu(QMenu* view, QWidget* window) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("LanguageMenu", "&Language"));
    menu->setObjectName("languageMenu");
    auto* group = new QActionGroup(menu);
    const QString chosen = AppSettings::language();
    auto add = [&](const QString& code, const QString& text) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(code == chosen);
        action->setData(code);
        group->addAction(action);
    };
    add(QString(), QCoreApplication::translate("LanguageMenu", "System language (%1)")
                       .arg(native_language_name(QLocale::system().name().section('_', 0, 0))));
    menu->addSeparator();
    for (const QString& code : available_languages()) add(code, native_language_name(code));
    QObject::connect(group, &QActionGroup::triggered, window, [window](QAction* action) {
        const QString code = action->data().toString();
        if (code == AppSettings::language()) return;
        AppSettings::save_language(code);
        offer_restart(window);
    });
}

}  // namespace conclab::ui
