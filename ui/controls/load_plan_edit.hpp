#pragma once
// The load plan (stages) as the user types it: "5s:10,10s:1000,5s:0", checked as they type. A
// plan that does not parse, or whose targets do not fit the load shape (connections in a closed
// loop, req/s in an open one), is shown in red and is not used: the run then has no plan.

#include <QWidget>

#include <vector>

#include "core/run_config.hpp"

class QLabel;
class QLineEdit;

namespace conclab::ui {

class LoadPlanEdit : public QWidget {
    Q_OBJECT
public:
    explicit LoadPlanEdit(QWidget* parent = nullptr);

    void set_stages(const std::vector<Stage>& stages);
    // The targets mean connections (closed) or req/s (open): the same text may become invalid.
    void set_open_loop(bool open);
    // The valid plan, or empty (no text, or a bad one: see error()).
    const std::vector<Stage>& stages() const { return stages_; }
    QString error() const { return error_; }

    QLineEdit* line_edit() const { return edit_; }
    QLabel* error_label() const { return status_; }

signals:
    void stagesChanged(const std::vector<conclab::Stage>& stages);

private:
    void check();

    QLineEdit* edit_;
    QLabel* status_;
    std::vector<Stage> stages_;
    QString error_;
    bool open_loop_ = false;
};

}  // namespace conclab::ui
