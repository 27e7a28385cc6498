// ControlPanel's real-server group: the URL of a server of your own, whether Start drives it and
// Compare includes it, and how often Compare repeats each run.
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "controls/control_panel.hpp"

namespace conclab::ui {

QGroupBox* ControlPanel::build_real_server() {
    auto* group = new QGroupBox(tr("Real server"), this);
    auto* form = new QFormLayout(group);
    real_url_ = new QLineEdit(group);
    real_url_->setObjectName("realServerUrl");
    real_url_->setPlaceholderText(tr("http://127.0.0.1:5000/"));
    real_url_->setClearButtonEnabled(true);
    real_url_->setToolTip(
        tr("A server of your own, measured with the same load generator: its workload is its "
           "own (put ?cpu_ms= in the URL if it reads one). Server-side series stay empty."));
    allow_remote_ = new QCheckBox(tr("Allow a remote target"), group);
    allow_remote_->setToolTip(
        tr("Only 127.0.0.1 / localhost unless ticked: a load test of someone else's server is an "
           "attack on it."));
    real_on_start_ = new QCheckBox(tr("Start drives it instead of a model"), group);
    real_in_compare_ = new QCheckBox(tr("Include it in Compare (first)"), group);
    real_in_compare_->setChecked(true);
    real_status_ = new QLabel(group);
    real_status_->setWordWrap(true);
    real_status_->setObjectName("realServerStatus");
    form->addRow(tr("URL"), real_url_);
    form->addRow(allow_remote_);
    form->addRow(real_on_start_);
    form->addRow(real_in_compare_);
    form->addRow(real_status_);
    repeat_ = new QSpinBox(group);
    repeat_->setObjectName("repeatBox");
    repeat_->setRange(1, 10);
    repeat_->setSuffix(tr(" ×"));
    repeat_->setToolTip(
        tr("Compare runs each run this many times; the table shows the median and the spread "
           "(min–max)"));
    form->addRow(tr("Compare: repeat each run"), repeat_);
    return group;
}

Result<ExternalTarget> ControlPanel::real_server() const {
    if (!has_real_server_url()) return Failure{"no real server's URL"};
    return parse_target_url(real_url_->text().trimmed().toStdString(), allow_remote_->isChecked());
}

bool ControlPanel::has_real_server_url() const {
    return !real_url_->text().trimmed().isEmpty();
}

bool ControlPanel::real_server_on_start() const {
    return real_on_start_->isChecked();
}

bool ControlPanel::real_server_in_compare() const {
    return real_in_compare_->isChecked() && real_server().ok();
}

int ControlPanel::repeats() const {
    return repeat_->value();
}

void ControlPanel::update_real_server() {
    const Result<ExternalTarget> parsed = real_server();
    const bool has_url = has_real_server_url();
    real_on_start_->setEnabled(has_url && !running_);
    real_in_compare_->setEnabled(has_url && !running_);
    if (!has_url) {
        real_status_->setText(tr("Optional: a server of your own to measure and compare."));
    } else if (parsed) {
        real_status_->setText(
            tr("Measured from outside: requests/s, latency and client connections only."));
    } else {
        real_status_->setText(tr("<span style='color:#b00020'>%1</span>")
                                  .arg(QString::fromStdString(parsed.error()).toHtmlEscaped()));
    }
}

}  // namespace conclab::ui
