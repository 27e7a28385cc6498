#pragma once
// View → Language: the system's language or one of the app's, remembered (AppSettings). The
// window's texts are set when it is built, so a new choice applies when the app starts again,
// which the menu offers to do at once.

class QMenu;
class QWidget;

namespace conclab::ui {

void add_language_menu(QMenu* view, QWidget* window);

}  // namespace conclab::ui
