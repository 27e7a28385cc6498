#include "sweep/sweep_window.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "core/machine_limits.hpp"
#include "export/chart_exporter.hpp"
#include "sweep/cost_chart.hpp"
#include "sweep/sweep_chart.hpp"
#include "sweep/sweep_runner.hpp"
#include "text/data_text.hpp"
#include "text/engine_text.hpp"
#include "window/preset_library.hpp"

namespace conclab::ui {

namespace {

const Model kModels[] = {Model::EventLoop, Model::GilThreads, Model::ProcessPerCore};

QString connection_list(const std::vector<int>& list) {
    QStringList items;
    for (int n : list) items << QString::number(n);
    return items.join(",");
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

SweepWindow::SweepWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), runner_(new SweepRunner(this)) {
    setObjectName("sweepWindow");
    setWindowTitle(tr("Concurrency sweep — Concurrency Lab"));
    chart_ = new SweepChart(this);
    cost_chart_ = new CostChart(this);
    fit_ = new QLabel(this);
    fit_->setObjectName("sweepFit");
    fit_->setWordWrap(true);
    fit_->setTextFormat(Qt::RichText);
    fit_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    table_ = new QTableWidget(0, 7, this);
    table_->setObjectName("sweepTable");
    table_->setHorizontalHeaderLabels({tr("Model"), tr("N"), tr("X req/s"), tr("mean ms"),
                                       tr("p99 ms"), tr("X·R / N"), tr("Little's law")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(6, QHeaderView::Stretch);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chart_);
    right->addWidget(cost_chart_);
    auto* bottom = new QWidget(right);
    auto* bottom_layout = new QVBoxLayout(bottom);
    bottom_layout->setContentsMargins(0, 0, 0, 0);
    bottom_layout->addWidget(fit_);
    bottom_layout->addWidget(table_, 1);
    right->addWidget(bottom);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setStretchFactor(2, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(build_controls());
    layout->addWidget(right, 1);

    connect(runner_, &SweepRunner::pointFinished, this, &SweepWindow::on_point);
    connect(runner_, &SweepRunner::sweepFinished, this,
            [this](int sweep, const SweepResult& result) {
                points_[static_cast<std::size_t>(sweep)] = result.points;
                chart_->set_model(sweep, result.points, sweep_fit(result.points));
                cost_chart_->set_points(sweep, result.points);
                show_fits();
            });
    connect(runner_, &SweepRunner::allFinished, this, [this](bool cancelled) {
        set_running(false);
        status_->setText(cancelled ? tr("Stopped.") : tr("Done."));
        emit finished(cancelled);
    });
    connect(runner_, &SweepRunner::failed, this, [this](const QString& message) {
        set_running(false);
        error_->setText(
            tr("<span style='color:#b00020'>Cannot run: %1</span>").arg(message.toHtmlEscaped()));
        emit finished(true);
    });
    set_running(false);
    set_base(RunConfig{});
    fit_screen();
}

// 1400 × 850 where the screen has room; on a 1280 × 800 laptop that would put the right chart
// and the table off the screen: then as much of the screen as is free, centred on it.
void SweepWindow::fit_screen() {
    const QScreen* on = parentWidget() ? parentWidget()->screen() : screen();
    if (!on) {
        resize(1400, 850);
        return;
    }
    const QRect free = on->availableGeometry();
    // Leave room for the window manager's frame and title bar.
    const QSize size(std::min(1400, free.width() - 16), std::min(850, free.height() - 48));
    resize(size.expandedTo(minimumSizeHint()).boundedTo(free.size()));
    move(free.center() - QPoint(width() / 2, height() / 2 + 12));
}

SweepWindow::~SweepWindow() = default;

QWidget* SweepWindow::build_controls() {
    auto* box = new QGroupBox(tr("Sweep"), this);
    box->setFixedWidth(370);
    auto* form = new QFormLayout(box);
    add_scenario_rows(form, box);
    add_model_rows(form, box);
    add_connection_rows(form, box);
    add_timing_rows(form, box);
    add_action_rows(form, box);
    return box;
}

// A preset or a scenario file, and the workload the sweep will run.
void SweepWindow::add_scenario_rows(QFormLayout* form, QGroupBox* box) {
    presets_box_ = new QComboBox(box);
    presets_box_->setObjectName("sweepPresetBox");
    presets_box_->addItem(tr("The main window's workload"));
    presets_ = load_sweep_presets();
    for (const Scenario& p : presets_) presets_box_->addItem(scenario_text(p.name));
    presets_box_->setToolTip(
        tr("A preset sweep per article claim, or the workload set in the "
           "main window's controls"));
    connect(presets_box_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) apply_scenario(presets_[static_cast<std::size_t>(index - 1)]);
    });
    auto* open = new QPushButton(tr("Open a sweep scenario…"), box);
    open->setObjectName("sweepOpen");
    open->setToolTip(
        tr("A scenario file with a \"sweep\" section (as conclab-cli sweep "
           "--scenario reads)"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a sweep scenario"), {},
                                                          tr("Scenarios (*.json)"));
        if (!path.isEmpty()) open_scenario_file(path);
    });
    form->addRow(presets_box_);
    form->addRow(open);
    workload_ = new QLabel(box);
    workload_->setWordWrap(true);
    form->addRow(workload_);
}

void SweepWindow::add_model_rows(QFormLayout* form, QGroupBox* box) {
    auto* models = new QVBoxLayout;
    const QString names[] = {tr("Event loop"), tr("GIL-locked threads"), tr("Process per core")};
    for (std::size_t i = 0; i < std::size(kModels); ++i) {
        const Model m = kModels[i];
        auto* check = new QCheckBox(names[i], box);
        check->setChecked(m == Model::EventLoop);
        model_boxes_.push_back(check);
        models->addWidget(check);
    }
    form->addRow(tr("Models"), models);
}

// The connection counts: a list, or a geometric series that fills it.
void SweepWindow::add_connection_rows(QFormLayout* form, QGroupBox* box) {
    connections_ = new QLineEdit(QStringLiteral("1,2,4,8,16,32,64,128"), box);
    connections_->setObjectName("sweepConnections");
    connections_->setToolTip(
        tr("Connection counts N, in order; the fit needs N = 1 and six "
           "points"));
    form->addRow(tr("Connections"), connections_);
    auto* series = new QHBoxLayout;
    from_ = new QSpinBox(box);
    to_ = new QSpinBox(box);
    steps_ = new QSpinBox(box);
    from_->setRange(1, max_connections());
    to_->setRange(1, max_connections());
    steps_->setRange(2, 100);
    to_->setValue(256);
    steps_->setValue(9);
    auto* fill = new QPushButton(tr("Fill"), box);
    fill->setToolTip(tr("A geometric series from … to … in … steps"));
    connect(fill, &QPushButton::clicked, this, &SweepWindow::fill_geometric);
    series->addWidget(from_);
    series->addWidget(to_);
    series->addWidget(steps_);
    series->addWidget(fill);
    form->addRow(tr("or from/to/steps"), series);
    idle_box_ = new QCheckBox(tr("Idle connections (what a connection costs)"), box);
    idle_box_->setObjectName("sweepIdle");
    idle_box_->setToolTip(
        tr("The counts are connections that send one request and then wait, open, beside the "
           "workload's connections: the Cost chart shows each model's memory and threads "
           "against them."));
    form->addRow(QString(), idle_box_);
}

void SweepWindow::add_timing_rows(QFormLayout* form, QGroupBox* box) {
    step_ = new QDoubleSpinBox(box);
    step_->setObjectName("sweepStep");
    step_->setRange(0.5, 3600);
    step_->setValue(3);
    step_->setSuffix(tr(" s"));
    form->addRow(tr("Measured per point"), step_);
    warmup_ = new QDoubleSpinBox(box);
    warmup_->setObjectName("sweepWarmup");
    warmup_->setRange(0, 600);
    warmup_->setValue(1);
    warmup_->setSuffix(tr(" s"));
    warmup_->setToolTip(tr("The start of every point, discarded"));
    form->addRow(tr("Warm-up per point"), warmup_);
}

void SweepWindow::add_action_rows(QFormLayout* form, QGroupBox* box) {
    run_ = new QPushButton(tr("Run sweep"), box);
    run_->setObjectName("sweepRun");
    stop_ = new QPushButton(tr("Stop"), box);
    stop_->setObjectName("sweepStop");
    export_ = new QPushButton(tr("Export chart…"), box);
    export_->setObjectName("sweepExport");
    connect(run_, &QPushButton::clicked, this, &SweepWindow::start);
    connect(stop_, &QPushButton::clicked, this, &SweepWindow::stop);
    connect(export_, &QPushButton::clicked, this, &SweepWindow::export_chart);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(stop_);
    form->addRow(buttons);
    form->addRow(export_);
    error_ = new QLabel(box);
    error_->setObjectName("sweepError");
    error_->setWordWrap(true);
    form->addRow(error_);
    status_ = new QLabel(box);
    status_->setObjectName("sweepStatus");
    status_->setWordWrap(true);
    form->addRow(status_);
}

void SweepWindow::set_base(const RunConfig& base) {
    base_ = base;
    base_.external.reset();
    base_.load.rate = 0;  // a sweep is closed loop at each N, without a plan
    base_.stages.clear();
    base_.warmup_s = 0;
    workload_->setText(tr("Workload: %1 ms CPU + %2 ms I/O per request; %3 GIL threads")
                           .arg(base_.server.workload.cpu_ms)
                           .arg(base_.server.workload.io_ms)
                           .arg(base_.server.threads));
}

void SweepWindow::apply_scenario(const Scenario& s) {
    set_base(s.run);
    if (!s.sweep) return;
    const std::vector<Model> models =
        s.sweep->models.empty() ? std::vector<Model>{s.run.server.model} : s.sweep->models;
    for (std::size_t i = 0; i < std::size(kModels); ++i) {
        model_boxes_[i]->setChecked(std::find(models.begin(), models.end(), kModels[i]) !=
                                    models.end());
    }
    connections_->setText(connection_list(s.sweep->connections));
    idle_box_->setChecked(s.sweep->idle);
    step_->setValue(s.sweep->step_s);
    warmup_->setValue(s.sweep->warmup_s);
    setToolTip(scenario_text(s.description));
    status_->setText(scenario_text(s.description));
}

bool SweepWindow::open_scenario_file(const QString& path) {
    const auto parsed = load_scenario_file(path.toStdString());
    QString problem = parsed ? QString() : QString::fromStdString(parsed.error());
    if (parsed && !parsed->sweep) {
        problem = tr("%1 has no \"sweep\" section (connections, step_duration, warmup)").arg(path);
    }
    if (!problem.isEmpty()) {
        error_->setText(tr("<span style='color:#b00020'>%1</span>").arg(problem.toHtmlEscaped()));
        return false;
    }
    error_->clear();
    apply_scenario(*parsed);
    return true;
}

void SweepWindow::fill_geometric() {
    if (to_->value() < from_->value()) to_->setValue(from_->value());
    connections_->setText(
        connection_list(geometric_steps(from_->value(), to_->value(), steps_->value())));
}

bool SweepWindow::start() {
    if (running()) return false;
    error_->clear();
    const auto connections = parse_connection_list(connections_->text().toStdString());
    std::string problem = connections ? std::string() : connections.error();
    models_.clear();
    for (std::size_t i = 0; i < std::size(kModels); ++i) {
        if (model_boxes_[i]->isChecked()) models_.push_back(kModels[i]);
    }
    if (problem.empty() && models_.empty()) problem = tr("tick at least one model").toStdString();
    if (!problem.empty()) {
        error_->setText(tr("<span style='color:#b00020'>%1</span>")
                            .arg(QString::fromStdString(problem).toHtmlEscaped()));
        return false;
    }
    std::vector<SweepSettings> sweeps;
    chart_->clear();
    cost_chart_->clear();
    shown_idle_ = idle_box_->isChecked();
    table_->setRowCount(0);
    points_.assign(models_.size(), {});
    QStringList labels;
    for (Model m : models_) {
        SweepSettings s;
        s.base = base_;
        s.base.server.model = m;
        s.connections = *connections;
        s.idle = idle_box_->isChecked();
        s.step_s = step_->value();
        s.warmup_s = warmup_->value();
        chart_->add_model(model_label(s.base));
        cost_chart_->add_model(model_label(s.base));
        labels << model_label(s.base);
        sweeps.push_back(std::move(s));
    }
    SweepResult describe;
    describe.base = base_;
    describe.step_s = step_->value();
    describe.warmup_s = warmup_->value();
    chart_->set_heading(tr("Concurrency sweep: %1").arg(labels.join(tr(" vs "))),
                        describe_sweep_workload(describe));
    status_->setText(tr("Starting %1 …").arg(labels.front()));
    show_fits();
    set_running(true);
    runner_->start(std::move(sweeps));
    return true;
}

void SweepWindow::stop() {
    runner_->stop();
    status_->setText(tr("Stopping …"));
}

bool SweepWindow::running() const {
    return runner_->running();
}

void SweepWindow::on_point(int sweep, const SweepPoint& p, int done, int total) {
    auto& points = points_[static_cast<std::size_t>(sweep)];
    points.push_back(p);
    chart_->set_model(sweep, points, sweep_fit(points));
    cost_chart_->set_points(sweep, points);
    RunConfig c = base_;
    c.server.model = models_[static_cast<std::size_t>(sweep)];
    const int row = table_->rowCount();
    table_->insertRow(row);
    table_->setItem(row, 0, new QTableWidgetItem(model_label(c)));
    table_->setItem(row, 1, cell(QString::number(p.connections)));
    table_->setItem(row, 2, cell(QString::number(p.rps, 'f', 1)));
    table_->setItem(row, 3, cell(QString::number(p.mean_ms, 'f', 2)));
    table_->setItem(row, 4, cell(QString::number(p.p99_ms, 'f', 2)));
    table_->setItem(row, 5, cell(QString::number(p.little.ratio, 'f', 2)));
    auto* check = new QTableWidgetItem(
        p.little.ok ? tr("ok") : tr("bad point: %1").arg(engine_text(p.little.reason)));
    if (!p.little.ok) check->setForeground(QColor(0xb0, 0x00, 0x20));
    check->setToolTip(check->text());
    table_->setItem(row, 6, check);
    table_->scrollToBottom();
    status_->setText(tr("%1: point %2 of %3 (N = %4) done")
                         .arg(model_label(c))
                         .arg(done)
                         .arg(total)
                         .arg(p.connections));
    show_fits();
}

void SweepWindow::show_fits() {
    QStringList lines;
    for (std::size_t i = 0; i < models_.size() && i < points_.size(); ++i) {
        RunConfig c = base_;
        c.server.model = models_[i];
        const UslFit fit = sweep_fit(points_[i]);
        lines << tr("<b style='color:%1'>%2</b>: %3")
                     .arg(series_color(static_cast<int>(i)).name(), model_label(c).toHtmlEscaped(),
                          fit_summary(fit).toHtmlEscaped());
    }
    fit_->setText(tr("USL fit X(N) = λN / (1 + σ(N−1) + κN(N−1)), 95 % intervals in "
                     "parentheses:<br>") +
                  lines.join("<br>"));
}

void SweepWindow::set_running(bool running) {
    run_->setEnabled(!running);
    stop_->setEnabled(running);
    presets_box_->setEnabled(!running);
}

void SweepWindow::export_chart() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export sweep chart"), QStringLiteral("sweep.png"),
                                     tr("PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty()) return;
    // The file dialog has asked before replacing a file.
    if (auto written = export_sweep_chart(*chart_, path, true, shown_idle_ ? cost_chart_ : nullptr);
        !written) {
        error_->setText(
            tr("<span style='color:#b00020'>%1</span>").arg(written.error().toHtmlEscaped()));
    } else {
        status_->setText(tr("Wrote %1").arg(path));
    }
}

}  // namespace conclab::ui
