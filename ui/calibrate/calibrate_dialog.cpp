#include "calibrate/calibrate_dialog.hpp"

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
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

#include "calibrate/model_vs_real_table.hpp"
#include "core/server_shapes.hpp"
#include "core/start_error.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

constexpr int kProgressSteps = 1000;

QString shape_key(const ServerShape& s) {
    return QString::fromUtf8(s.key.data(), static_cast<int>(s.key.size()));
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
    if (const ServerShape* shape = shape_of(base_.server)) {
        shape_->setCurrentIndex(shape_->findData(shape_key(*shape)));
    }
    workers_->setValue(base_.server.workers);
    threads_->setValue(base_.server.threads);
    connections_->setValue(base_.load.connections);
    shape_changed();
    set_measuring(false);
}

CalibrateDialog::~CalibrateDialog() {
    worker_.request_stop();
    if (worker_.joinable()) worker_.join();
}

QWidget* CalibrateDialog::build_form() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    url_ = new QLineEdit(box);
    url_->setObjectName("calibrateUrl");
    url_->setPlaceholderText(tr("http://127.0.0.1:5000/"));
    allow_remote_ = new QCheckBox(tr("Allow a remote target"), box);
    allow_remote_->setToolTip(tr("Only 127.0.0.1 / localhost unless ticked"));
    shape_ = new QComboBox(box);
    shape_->setObjectName("calibrateShape");
    shape_->addItem(tr("The model in the controls, as it is"), QString());
    for (const ServerShape& s : server_shapes()) {
        shape_->addItem(shape_name_text(s.name), shape_key(s));
        shape_->setItemData(shape_->count() - 1, shape_description_text(s), Qt::ToolTipRole);
    }
    workers_ = new QSpinBox(box);
    workers_->setRange(0, Limits::kMaxWorkers);
    workers_->setSpecialValueText(tr("one per core"));
    workers_->setToolTip(tr("gunicorn -w, or the cluster's workers"));
    threads_ = new QSpinBox(box);
    threads_->setRange(0, Limits::kMaxThreads);
    threads_->setSpecialValueText(tr("one per connection"));
    threads_->setToolTip(tr("The size of each worker's thread pool: gunicorn gthread --threads"));
    connections_ = new QSpinBox(box);
    const RunField* conns = find_run_field("connections");
    connections_->setRange(static_cast<int>(conns->min), static_cast<int>(conns->max));
    connections_->setToolTip(
        tr("Enough to saturate the server: the fit is for its saturated rate"));
    duration_ = new QDoubleSpinBox(box);
    duration_->setRange(1, 600);
    duration_->setDecimals(1);
    duration_->setSuffix(tr(" s"));
    duration_->setValue(3);
    duration_->setToolTip(tr("Of each run; each figure is the median of several runs"));
    repeats_ = new QSpinBox(box);
    repeats_->setRange(1, 9);
    repeats_->setValue(3);
    repeats_->setToolTip(
        tr("Runs per figure; the median counts (this machine moves a few % "
           "from run to run)"));
    form->addRow(tr("Real server URL"), url_);
    form->addRow(QString(), allow_remote_);
    form->addRow(tr("The real server is"), shape_);
    form->addRow(tr("Workers"), workers_);
    form->addRow(tr("Threads per worker"), threads_);
    form->addRow(tr("Connections"), connections_);
    form->addRow(tr("Each run"), duration_);
    form->addRow(tr("Runs per figure"), repeats_);
    connect(shape_, &QComboBox::currentIndexChanged, this, &CalibrateDialog::shape_changed);
    return box;
}

void CalibrateDialog::build() {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Fits the model's framework cost per request to a real server, so that the model "
           "runs as fast as it at saturation: both are measured with requests that do no work, "
           "then the model's cost is corrected and measured again until it is within ±5 %. "
           "Give the URL of a route that does no work of its own (a \"hello world\"). For a "
           "real server whose CPU, not its threads, bounds it, the cost after each I/O wait is "
           "fitted the same way, with ?io_ms=50, and for one that keeps connections alive, the "
           "cost of each new connection, with Connection: close. Validate then compares the "
           "fitted model with the real server on "
           "CPU-bound, I/O-bound and mixed requests (the route must honour ?cpu_ms=&io_ms=, see "
           "docs/validation.md)."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(build_form());

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
    table_ = new ModelVsRealTable(this);
    result_text_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // The loop's steps and the fitted parts make a long text: it scrolls rather than being cut.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName("calibrateResultScroll");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(result_text_);
    scroll->setMinimumHeight(260);
    // The calibration's text and the Model vs real table in tabs: one above the other, the
    // form left them 140 px at 760 px high, and the table's header and summary went under the
    // text above it.
    results_ = new QTabWidget(this);
    results_->setObjectName("calibrateResults");
    results_->addTab(scroll, tr("Calibration"));
    results_->addTab(table_, tr("Model vs real"));
    results_->setTabVisible(kModelVsRealTab, false);
    layout->addWidget(progress_);
    layout->addWidget(step_);
    layout->addWidget(results_, 1);

    auto* buttons = new QHBoxLayout;
    measure_ = new QPushButton(tr("Measure"), this);
    measure_->setDefault(true);
    validate_ = new QPushButton(tr("Validate"), this);
    validate_->setToolTip(
        tr("Run the fitted model and the real server on CPU-bound, I/O-bound "
           "and mixed requests at 10, 100 and 1,000 connections (a few "
           "minutes) and show Model vs real"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop the measurement"));
    apply_ = new QPushButton(tr("Apply"), this);
    apply_->setToolTip(tr("Set the model, its shape and its framework cost in the controls"));
    close_ = new QPushButton(tr("Close"), this);
    buttons->addWidget(measure_);
    buttons->addWidget(validate_);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    buttons->addWidget(apply_);
    buttons->addWidget(close_);
    layout->addLayout(buttons);
    connect(measure_, &QPushButton::clicked, this, &CalibrateDialog::start);
    connect(validate_, &QPushButton::clicked, this, &CalibrateDialog::start_validation);
    connect(cancel_, &QPushButton::clicked, this, &CalibrateDialog::cancel);
    connect(close_, &QPushButton::clicked, this, &CalibrateDialog::reject);
    connect(apply_, &QPushButton::clicked, this, [this] {
        if (!result_ || !result_->has_fit || result_->cancelled) return;
        emit applyRequested(result_->fitted_config, apply_summary());
    });
    setMinimumWidth(640);
}

// Workers mean something for the process-per-core shapes, threads for the GIL pools whose size
// the shape leaves to the user.
void CalibrateDialog::shape_changed() {
    const RunConfig model = model_to_fit();
    const ServerShape* shape = find_server_shape(shape_->currentData().toString().toStdString());
    workers_->setEnabled(model.server.model == Model::ProcessPerCore);
    threads_->setEnabled(has_gil(model.server) && !(shape && shape->threads));
    if (shape && shape->threads) threads_->setValue(*shape->threads);
}

RunConfig CalibrateDialog::model_to_fit() const {
    RunConfig model = base_;
    model.server.workers = workers_->value();
    model.server.threads = threads_->value();
    if (const ServerShape* shape =
            find_server_shape(shape_->currentData().toString().toStdString())) {
        apply_server_shape(*shape, model.server);
    }
    model.server.listen_backlog = 0;
    model.load.connections = connections_->value();
    model.duration_s = duration_->value();
    model.warmup_s = 0;  // calibrate() leaves out the first quarter (at most 1 s)
    return model;
}

bool CalibrateDialog::target(ExternalTarget& out) {
    const Result<ExternalTarget> parsed =
        parse_target_url(url_->text().trimmed().toStdString(), allow_remote_->isChecked());
    if (!parsed) {
        step_->setText(tr("<span style='color:#b00020'>%1</span>")
                           .arg(QString::fromStdString(parsed.error()).toHtmlEscaped()));
        return false;
    }
    out = *parsed;
    return true;
}

bool CalibrateDialog::start() {
    if (measuring_) return false;
    CalibrationSettings settings;
    if (!target(settings.real)) return false;
    settings.model = model_to_fit();
    settings.repeats = repeats_->value();
    result_.reset();
    validation_.reset();
    table_->clear();
    results_->setTabVisible(kModelVsRealTab, false);
    results_->setCurrentIndex(0);
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
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result, error] { on_finished(result, error); }, Qt::QueuedConnection);
    });
    return true;
}

bool CalibrateDialog::start_validation() {
    if (measuring_ || !result_ || !result_->has_fit || result_->cancelled) return false;
    ValidationSettings settings;
    if (!target(settings.real)) return false;
    settings.model = result_->fitted_config;
    settings.model.duration_s = std::max(4.0, duration_->value());
    settings.model.warmup_s = 1;
    settings.points = grid_;
    validation_.reset();
    table_->clear();
    progress_->setValue(0);
    set_measuring(true);
    emit measuringStarted();
    if (worker_.joinable()) worker_.join();
    worker_ = std::jthread([this, settings](std::stop_token stop) {
        auto progress = [this](const ValidationProgress& p) {
            Progress copy{p.index,     std::max(1, p.most), QString::fromStdString(p.what),
                          p.elapsed_s, p.duration_s,        std::nullopt};
            if (p.finished) copy.finished_rps = p.finished->summary.rps;
            QMetaObject::invokeMethod(
                this, [this, copy] { on_progress(copy); }, Qt::QueuedConnection);
        };
        auto result = std::make_shared<ValidationResult>();
        QString error;
        try {
            *result = validate_model(settings, progress, stop);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result, settings, error] { on_validated(result, settings, error); },
            Qt::QueuedConnection);
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
    QString text =
        tr("Run %1 (at most %2): %3").arg(p.index + 1).arg(p.steps).arg(engine_text(p.what));
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
        set_measuring(false);
        return;
    }
    progress_->setValue(kProgressSteps);
    step_->setText(result->error.empty()
                       ? tr("Done.")
                       : tr("<span style='color:#b00020'>%1</span>")
                             .arg(QString::fromStdString(result->error).toHtmlEscaped()));
    show_result(*result);
    set_measuring(false);
}

void CalibrateDialog::on_validated(const std::shared_ptr<ValidationResult>& result,
                                   const ValidationSettings& settings, const QString& error) {
    set_measuring(false);
    if (!error.isEmpty()) {
        step_->setText(
            tr("<span style='color:#b00020'>Cannot start: %1</span>").arg(error.toHtmlEscaped()));
        return;
    }
    if (result->cancelled) {
        progress_->setValue(0);
        step_->setText(tr("Validation cancelled."));
        return;
    }
    validation_ = *result;
    progress_->setValue(kProgressSteps);
    step_->setText(tr("Model vs real, %1 s per run, real and model alternating:")
                       .arg(settings.model.duration_s));
    table_->set_result(*result, settings);
    results_->setTabVisible(kModelVsRealTab, true);
    results_->setCurrentWidget(table_);
    resize(std::max(width(), 1100), std::max(height(), 760));
}

void CalibrateDialog::show_result(const CalibrationResult& r) {
    result_text_->setText(calibration_html(r));
    resize(width(), std::max(height(), 720));  // room for the result: it opened without one
}

void CalibrateDialog::set_measuring(bool measuring) {
    measuring_ = measuring;
    for (QWidget* w : std::initializer_list<QWidget*>{url_, allow_remote_, shape_, connections_,
                                                      duration_, repeats_, measure_}) {
        w->setEnabled(!measuring);
    }
    if (!measuring) {
        shape_changed();
    } else {
        workers_->setEnabled(false);
        threads_->setEnabled(false);
    }
    const bool fitted = result_ && result_->has_fit && !result_->cancelled;
    cancel_->setEnabled(measuring);
    apply_->setEnabled(!measuring && fitted);
    validate_->setEnabled(!measuring && fitted);
}

}  // namespace conclab::ui
