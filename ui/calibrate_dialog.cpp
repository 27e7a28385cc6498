#include "calibrate_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

#include "chart_exporter.hpp"
#include "core/start_error.hpp"
#include "report/compare_report.hpp"

namespace conclab::ui {

namespace {

constexpr int kProgressSteps = 1000;

QString rps_text(const RunResult& r) {
    return QObject::tr("%1 req/s").arg(QLocale(QLocale::English).toString(r.summary.rps, 'f', 1));
}

QString us_text(double us) {
    return QObject::tr("%1 µs").arg(QLocale(QLocale::English).toString(us, 'f', 1));
}

}  // namespace

CalibrateDialog::CalibrateDialog(const RunConfig& base, const QString& url, bool allow_remote,
                                 QWidget* parent)
    : QDialog(parent), base_(base) {
    base_.external.reset();
    setWindowTitle(tr("Calibrate against a real server"));
    setObjectName("calibrateDialog");
    build();
    url_->setText(url);
    allow_remote_->setChecked(allow_remote);
    model_->setCurrentIndex(model_->findData(int(base.server.model)));
    connections_->setValue(base.load.connections);
    set_measuring(false);
}

CalibrateDialog::~CalibrateDialog() {
    worker_.request_stop();
    if (worker_.joinable()) worker_.join();
}

void CalibrateDialog::build() {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Fits the model's framework overhead to a real server: its zero-work throughput is "
           "measured, then the model's with no overhead on the same connections, and the "
           "difference becomes overhead_us. Give the URL of a route that does no work of its "
           "own (a \"hello world\")."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    url_ = new QLineEdit(this);
    url_->setObjectName("calibrateUrl");
    url_->setPlaceholderText(tr("http://127.0.0.1:5000/"));
    allow_remote_ = new QCheckBox(tr("Allow a remote target"), this);
    allow_remote_->setToolTip(tr("Only 127.0.0.1 / localhost unless ticked"));
    model_ = new QComboBox(this);
    model_->addItem(tr("Event loop (Node.js)"), int(Model::EventLoop));
    model_->addItem(tr("GIL-locked threads (Flask)"), int(Model::GilThreads));
    model_->addItem(tr("Process per core (cluster / gunicorn)"), int(Model::ProcessPerCore));
    connections_ = new QSpinBox(this);
    const RunField* conns = find_run_field("connections");
    connections_->setRange(static_cast<int>(conns->min), static_cast<int>(conns->max));
    connections_->setToolTip(QString::fromStdString(field_help(*conns)));
    duration_ = new QDoubleSpinBox(this);
    duration_->setRange(1, 600);
    duration_->setDecimals(1);
    duration_->setSuffix(tr(" s"));
    duration_->setValue(5);
    duration_->setToolTip(tr("Of each measurement; a calibration takes 3 to 5 of them"));
    form->addRow(tr("Real server URL"), url_);
    form->addRow(QString(), allow_remote_);
    form->addRow(tr("Model to fit"), model_);
    form->addRow(tr("Connections"), connections_);
    form->addRow(tr("Each measurement"), duration_);
    layout->addLayout(form);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, kProgressSteps);
    step_ = new QLabel(this);
    step_->setWordWrap(true);
    step_->setObjectName("calibrateStep");
    result_text_ = new QLabel(this);
    result_text_->setObjectName("calibrateResult");
    result_text_->setWordWrap(true);
    result_text_->setTextFormat(Qt::RichText);
    result_text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(progress_);
    layout->addWidget(step_);
    layout->addWidget(result_text_, 1);

    auto* buttons = new QHBoxLayout;
    measure_ = new QPushButton(tr("Measure"), this);
    measure_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop the measurement"));
    apply_ = new QPushButton(tr("Apply"), this);
    apply_->setToolTip(tr("Set the model and its overhead in the controls"));
    close_ = new QPushButton(tr("Close"), this);
    buttons->addWidget(measure_);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    buttons->addWidget(apply_);
    buttons->addWidget(close_);
    layout->addLayout(buttons);
    connect(measure_, &QPushButton::clicked, this, &CalibrateDialog::start);
    connect(cancel_, &QPushButton::clicked, this, &CalibrateDialog::cancel);
    connect(close_, &QPushButton::clicked, this, &CalibrateDialog::reject);
    connect(apply_, &QPushButton::clicked, this, [this] {
        if (!result_ || !result_->has_fit || result_->cancelled) return;
        emit applyRequested(result_->fitted, apply_summary());
    });
    setMinimumWidth(560);
}

bool CalibrateDialog::start() {
    if (measuring_) return false;
    const TargetParse parsed =
        parse_target_url(url_->text().trimmed().toStdString(), allow_remote_->isChecked());
    if (!parsed.target) {
        step_->setText(tr("<span style='color:#b00020'>%1</span>")
                           .arg(QString::fromStdString(parsed.error).toHtmlEscaped()));
        return false;
    }
    CalibrationSettings settings;
    settings.real = *parsed.target;
    settings.model = base_;
    settings.model.server.model = Model(model_->currentData().toInt());
    settings.model.server.listen_backlog = 0;
    settings.model.load.connections = connections_->value();
    settings.model.duration_s = duration_->value();
    settings.model.warmup_s = 0;  // calibrate() leaves out the first quarter (at most 1 s)
    result_.reset();
    result_text_->clear();
    progress_->setValue(0);
    set_measuring(true);
    emit measuringStarted();
    if (worker_.joinable()) worker_.join();  // the last one has finished: it said so
    worker_ = std::jthread([this, settings](std::stop_token stop) {
        auto progress = [this](const CalibrationProgress& p) {
            Progress copy{p.index,     std::max(1, p.steps), QString::fromStdString(p.what),
                          p.elapsed_s, p.duration_s,         std::nullopt};
            if (p.finished) copy.finished_rps = p.finished->summary.rps;
            QMetaObject::invokeMethod(
                this, [this, copy] { on_progress(copy); }, Qt::QueuedConnection);
        };
        auto result = std::make_shared<CalibrationResult>();
        QString error;
        try {
            *result = calibrate(settings, progress, stop);
        } catch (const StartError& e) {
            error = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result, error] { on_finished(result, error); }, Qt::QueuedConnection);
    });
    return true;
}

void CalibrateDialog::cancel() {
    if (!measuring_) return;
    worker_.request_stop();
    step_->setText(tr("Stopping…"));
    cancel_->setEnabled(false);
}

void CalibrateDialog::reject() {
    cancel();
    QDialog::reject();
}

void CalibrateDialog::on_progress(const Progress& p) {
    if (!measuring_) return;
    const double within = p.duration_s > 0 ? std::clamp(p.elapsed_s / p.duration_s, 0.0, 1.0) : 0;
    progress_->setValue(static_cast<int>(kProgressSteps * (p.index + within) / p.steps));
    QString text = tr("Step %1 of %2: %3").arg(p.index + 1).arg(p.steps).arg(p.what);
    if (p.finished_rps) {
        text += tr(" — %1 req/s").arg(QLocale(QLocale::English).toString(*p.finished_rps, 'f', 1));
    }
    step_->setText(text);
}

void CalibrateDialog::on_finished(const std::shared_ptr<CalibrationResult>& result,
                                  const QString& error) {
    set_measuring(false);
    if (!error.isEmpty()) {
        step_->setText(
            tr("<span style='color:#b00020'>Cannot start: %1</span>").arg(error.toHtmlEscaped()));
        return;
    }
    result_ = *result;
    if (result->cancelled) {
        progress_->setValue(0);
        step_->setText(tr("Cancelled; nothing was fitted."));
        return;
    }
    progress_->setValue(kProgressSteps);
    step_->setText(result->error.empty()
                       ? tr("Done.")
                       : tr("<span style='color:#b00020'>%1</span>")
                             .arg(QString::fromStdString(result->error).toHtmlEscaped()));
    show_result(*result);
    apply_->setEnabled(result->has_fit);
}

void CalibrateDialog::show_result(const CalibrationResult& r) {
    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    html += row(tr("Real server (%1 connections)").arg(r.connections), rps_text(r.real));
    html += row(tr("Model before: %1, no overhead").arg(model_label(r.model_before.config)),
                rps_text(r.model_before));
    if (r.has_fit) {
        html += row(tr("Fitted overhead_us"), us_text(r.fit.overhead_us));
        if (r.fit.overhead_released_us) {
            html += row(tr("Fitted overhead_released_us"), us_text(*r.fit.overhead_released_us));
        }
        html +=
            row(tr("Model after: %1, fitted").arg(model_label(r.fitted)), rps_text(r.model_after));
        html += row(
            tr("Ratio fitted model / real"),
            r.ratio > 0 ? QString::fromStdString(ratio_text(r.ratio)) + "×" : QStringLiteral("—"));
    }
    html += QStringLiteral("</table>");
    if (!r.fit.note.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(r.fit.note).toHtmlEscaped());
    }
    if (r.has_fit) {
        html +=
            tr("<p><i>Only zero-work throughput at these connections is fitted: latency, "
               "behaviour under CPU or I/O work and keep-alive policy are not.</i></p>");
    }
    result_text_->setText(html);
    adjustSize();  // tall enough for the result: the dialog opened without one
}

QString CalibrateDialog::apply_summary() const {
    const CalibrationResult& r = *result_;
    QString text =
        tr("Calibrated %1 to %2: overhead %3")
            .arg(model_label(r.fitted),
                 QString::fromStdString(r.real.config.external ? r.real.config.external->url
                                                               : std::string()),
                 us_text(r.fit.overhead_us));
    if (r.fit.overhead_released_us) {
        text += tr(" (+ %1 released)").arg(us_text(*r.fit.overhead_released_us));
    }
    return text;
}

void CalibrateDialog::set_measuring(bool measuring) {
    measuring_ = measuring;
    for (QWidget* w : std::initializer_list<QWidget*>{url_, allow_remote_, model_, connections_,
                                                      duration_, measure_}) {
        w->setEnabled(!measuring);
    }
    cancel_->setEnabled(measuring);
    apply_->setEnabled(!measuring && result_ && result_->has_fit && !result_->cancelled);
}

}  // namespace conclab::ui
