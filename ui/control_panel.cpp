#include "control_panel.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QThread>
#include <QVBoxLayout>

#include "labeled_slider.hpp"
#include "model_explanations.hpp"

namespace conclab::ui {

namespace {

void fill_models(QComboBox* box, bool with_process_per_core) {
    box->addItem(QObject::tr("Event loop (Node.js)"), int(Model::EventLoop));
    box->addItem(QObject::tr("GIL-locked threads (Flask)"), int(Model::GilThreads));
    if (with_process_per_core) {
        box->addItem(QObject::tr("Process per core (cluster / gunicorn)"),
                     int(Model::ProcessPerCore));
    }
}

Model model_of(const QComboBox* box) {
    return Model(box->currentData().toInt());
}

void select_model(QComboBox* box, Model model) {
    const int index = box->findData(int(model));
    if (index >= 0) box->setCurrentIndex(index);
}

const char* kNotLive = QT_TRANSLATE_NOOP(
    "ControlPanel",
    "Fixed while a run is going: it needs new server processes. Stop, change, start again.");

}  // namespace

ControlPanel::ControlPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);

    auto* model_group = new QGroupBox(tr("Concurrency model"), this);
    auto* model_form = new QFormLayout(model_group);
    model_ = new QComboBox(model_group);
    inner_ = new QComboBox(model_group);
    fill_models(model_, true);
    fill_models(inner_, false);
    model_->setToolTip(
        tr("How the server schedules requests: one event loop, threads behind a "
           "global interpreter lock, or one process per core"));
    inner_->setToolTip(tr("The model each worker process runs (process per core only)"));
    model_form->addRow(tr("Model"), model_);
    model_form->addRow(tr("Inside each worker"), inner_);
    layout->addWidget(model_group);

    auto* knobs = new QGroupBox(tr("Experiment"), this);
    auto* knob_layout = new QVBoxLayout(knobs);
    auto add = [&](LabeledSlider* s) {
        knob_layout->addWidget(s);
        return s;
    };
    connections_ = add(add_slider(tr("Client connections"), "", 1, Limits::kMaxConnections, 0, true,
                                  tr("Closed-loop keep-alive connections of the load generator "
                                     "(each sends a request, waits for the answer, repeats)")));
    cpu_ms_ = add(add_slider(tr("Handler CPU per request"), "ms", 0, 200, 2, false,
                             tr("Real computation per request, in thread CPU time")));
    io_ms_ = add(add_slider(tr("I/O wait per request"), "ms", 0, 1000, 1, false,
                            tr("A downstream call (database, API) that uses no CPU")));
    overhead_us_ = add(add_slider(tr("Framework overhead"), "µs", 0, 5000, 0, false,
                                  tr("Framework CPU cost per request (routing, parsing), run "
                                     "like handler CPU work: under the GIL")));
    overhead_released_us_ =
        add(add_slider(tr("Framework overhead without the GIL"), "µs", 0, 5000, 0, false,
                       tr("Server CPU cost per request that runs without the GIL (system calls, "
                          "thread start), in parallel with the lock holder; on the event loop "
                          "it is simply more CPU on the loop")));
    threads_ = add(add_slider(tr("Threads (0 = one per connection)"), "", 0, 256, 0, false,
                              tr("GIL-locked threads: pool size, like gunicorn --threads. 0 = a "
                                 "new thread per connection, like Werkzeug's dev server")));
    const int cores = std::max(1, QThread::idealThreadCount());
    workers_ = add(add_slider(tr("Worker processes"), "", 1, 2 * cores, 0, false,
                              tr("Process per core: server processes (cores on this machine: "
                                 "%1)")
                                  .arg(cores)));
    switch_interval_ = add(add_slider(tr("GIL switch interval"), "ms", 0.1, 100, 1, true,
                                      tr("How long a thread waits for the GIL before asking the "
                                         "holder to drop it (CPython: 5 ms)")));
    backlog_ = add(add_slider(tr("Listen backlog"), "", 1, 4096, 0, true,
                              tr("Kernel queue of connections not yet accepted (Node 511, "
                                 "Werkzeug 128, gunicorn 2048); a full queue drops handshakes")));
    heavy_connections_ =
        add(add_slider(tr("CPU-heavy connections (convoy effect)"), "", 0, 20, 0, false,
                       tr("Extra connections whose every request computes for the time below, "
                          "next to the main load; their responses are counted apart and kept out "
                          "of the charts, which show what they do to everyone else")));
    heavy_cpu_ms_ = add(add_slider(tr("CPU per heavy request"), "ms", 0, 500, 1, false,
                                   tr("Handler CPU of each heavy request")));
    duration_ = add(add_slider(tr("Run length (0 = until Stop)"), "s", 0, 600, 0, false,
                               tr("Runs stop by themselves after this long; a comparison runs "
                                  "each model this long (10 s if 0)")));
    layout->addWidget(knobs);

    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(tr("Start"), this);
    start_->setToolTip(tr("Start or stop the experiment (Space, Ctrl+R)"));
    compare_ = new QPushButton(tr("Compare models"), this);
    compare_->setToolTip(
        tr("Run the same workload on each model in turn and overlay the "
           "results (Ctrl+M)"));
    buttons->addWidget(start_);
    buttons->addWidget(compare_);
    layout->addLayout(buttons);

    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::RichText);
    explanation_->setObjectName("explanation");
    layout->addWidget(explanation_);
    layout->addStretch(1);

    // Defaults: the real systems' defaults, a moderate load.
    RunConfig defaults;
    defaults.duration_s = 0;
    set_config(defaults);

    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        const Model m = model_of(model_);
        backlog_->set_value(default_backlog(m));
        update_enabled();
    });
    connect(inner_, &QComboBox::currentIndexChanged, this, [this] { update_enabled(); });
    auto knob = [this](LabeledSlider* slider, auto setter) {
        connect(slider, &LabeledSlider::valueChanged, this, [this, setter](double v) {
            Knobs k;
            setter(k, v);
            emit knobChanged(k);
        });
    };
    knob(connections_, [](Knobs& k, double v) { k.connections = static_cast<int>(v); });
    knob(cpu_ms_, [](Knobs& k, double v) { k.cpu_ms = v; });
    knob(io_ms_, [](Knobs& k, double v) { k.io_ms = v; });
    knob(overhead_us_, [](Knobs& k, double v) { k.overhead_us = v; });
    knob(overhead_released_us_, [](Knobs& k, double v) { k.overhead_released_us = v; });
    knob(threads_, [](Knobs& k, double v) { k.threads = static_cast<int>(v); });
    knob(workers_, [](Knobs& k, double v) { k.workers = static_cast<int>(v); });
    connect(start_, &QPushButton::clicked, this, &ControlPanel::startStopRequested);
    connect(compare_, &QPushButton::clicked, this, &ControlPanel::compareRequested);
}

LabeledSlider* ControlPanel::add_slider(const QString& label, const QString& unit, double min,
                                        double max, int decimals, bool log, const QString& tip) {
    auto* slider = new LabeledSlider(label, unit, min, max, decimals, log, this);
    slider->set_tool_tip(tip);
    return slider;
}

RunConfig ControlPanel::config() const {
    RunConfig c = loaded_;
    c.server.model = model_of(model_);
    c.server.inner = model_of(inner_);
    c.server.threads = static_cast<int>(threads_->value());
    c.server.workers = static_cast<int>(workers_->value());
    c.server.switch_interval_ms = switch_interval_->value();
    c.server.listen_backlog = static_cast<int>(backlog_->value());
    c.server.workload = {overhead_us_->value(), cpu_ms_->value(), io_ms_->value(),
                         overhead_released_us_->value()};
    c.load.connections = static_cast<int>(connections_->value());
    c.duration_s = duration_->value();
    c.load.heavy_connections = static_cast<int>(heavy_connections_->value());
    c.load.heavy_cpu_ms = heavy_cpu_ms_->value();
    return c;
}

void ControlPanel::set_config(const RunConfig& c) {
    // Programmatic changes must not look like live adjustments.
    const QSignalBlocker block(this);
    loaded_ = c;
    select_model(model_, c.server.model);
    select_model(inner_, c.server.inner);
    threads_->set_value(c.server.threads);
    workers_->set_value(c.server.workers > 0 ? c.server.workers : default_workers());
    switch_interval_->set_value(c.server.switch_interval_ms);
    backlog_->set_value(c.server.listen_backlog > 0 ? c.server.listen_backlog
                                                    : default_backlog(c.server.model));
    cpu_ms_->set_range(0, std::max(200.0, c.server.workload.cpu_ms));
    io_ms_->set_range(0, std::max(1000.0, c.server.workload.io_ms));
    cpu_ms_->set_value(c.server.workload.cpu_ms);
    io_ms_->set_value(c.server.workload.io_ms);
    overhead_us_->set_value(c.server.workload.overhead_us);
    overhead_released_us_->set_value(c.server.workload.overhead_released_us);
    connections_->set_value(c.load.connections);
    duration_->set_value(c.duration_s);
    heavy_connections_->set_value(c.load.heavy_connections);
    heavy_cpu_ms_->set_value(c.load.heavy_cpu_ms);
    update_enabled();
}

void ControlPanel::set_running(bool running) {
    running_ = running;
    start_->setText(running ? tr("Stop") : tr("Start"));
    compare_->setEnabled(!running);
    update_enabled();
}

void ControlPanel::update_enabled() {
    const Model m = model_of(model_);
    const bool ppc = m == Model::ProcessPerCore;
    const bool gil = m == Model::GilThreads || (ppc && model_of(inner_) == Model::GilThreads);
    model_->setEnabled(!running_);
    inner_->setEnabled(ppc && !running_);
    threads_->setEnabled(gil);
    workers_->setEnabled(ppc);
    switch_interval_->setEnabled(gil && !running_);
    backlog_->setEnabled(!running_);
    duration_->setEnabled(!running_);
    heavy_connections_->setEnabled(!running_);
    heavy_cpu_ms_->setEnabled(!running_);
    // Controls fixed during a run say why in their tooltip; their own text comes back after.
    auto tip = [this](QWidget* w) {
        if (!w->property("baseTip").isValid()) w->setProperty("baseTip", w->toolTip());
        const QString base = w->property("baseTip").toString();
        const QString text = running_ ? base + "\n\n" + tr(kNotLive) : base;
        if (auto* slider = qobject_cast<LabeledSlider*>(w)) {
            slider->set_tool_tip(text);
        } else {
            w->setToolTip(text);
        }
    };
    for (QWidget* w : {static_cast<QWidget*>(model_), static_cast<QWidget*>(inner_),
                       static_cast<QWidget*>(switch_interval_), static_cast<QWidget*>(backlog_),
                       static_cast<QWidget*>(duration_), static_cast<QWidget*>(heavy_connections_),
                       static_cast<QWidget*>(heavy_cpu_ms_)}) {
        tip(w);
    }
    explanation_->setText(explain_model(m, model_of(inner_)));
}

}  // namespace conclab::ui
