#include "controls/control_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "controls/labeled_slider.hpp"
#include "controls/load_plan_edit.hpp"
#include "core/machine_limits.hpp"
#include "text/data_text.hpp"
#include "text/model_explanations.hpp"

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

// The process-per-core policies, each with what it stands for.
void fill_scheduling(QComboBox* box) {
    box->addItem(QObject::tr("Round-robin (Node cluster)"), int(Scheduling::RoundRobin));
    box->setItemData(0,
                     QObject::tr("The primary accepts every connection and hands it to the next "
                                 "worker in turn: Node cluster's default (SCHED_RR). Even."),
                     Qt::ToolTipRole);
    box->addItem(QObject::tr("Kernel accept (gunicorn)"), int(Scheduling::Kernel));
    box->setItemData(1,
                     QObject::tr("Every worker accept()s on one shared socket and the kernel "
                                 "picks who wins: gunicorn, Node's SCHED_NONE. Uneven under a "
                                 "burst of connections."),
                     Qt::ToolTipRole);
    box->addItem(QObject::tr("SO_REUSEPORT (nginx reuseport)"), int(Scheduling::ReusePort));
    box->setItemData(2,
                     QObject::tr("One listening socket per worker on the same port; the kernel "
                                 "spreads connections by a hash of their addresses: nginx "
                                 "`listen … reuseport`. A busy worker's queue fills while "
                                 "another's stays empty."),
                     Qt::ToolTipRole);
}

Scheduling scheduling_of(const QComboBox* box) {
    return Scheduling(box->currentData().toInt());
}

const RunField& field(const char* key) {
    const RunField* f = find_run_field(key);
    Q_ASSERT_X(f, "ControlPanel", key);
    return *f;
}

// "Closed-loop keep-alive connections, like wrk -c (1..10000)  ·  --connections"
QString registry_tip(const RunField& f) {
    QString help = field_help_text(f);
    if (!help.isEmpty()) help[0] = help[0].toUpper();
    return help + QStringLiteral("\n") +
           QObject::tr("Scenario key \"%1\", CLI --%2")
               .arg(QString::fromUtf8(f.key.data(), static_cast<int>(f.key.size())),
                    QString::fromUtf8(f.flag.data(), static_cast<int>(f.flag.size())));
}

const char* kNotLive = QT_TRANSLATE_NOOP(
    "ControlPanel",
    "Fixed while a run is going: it needs new server processes. Stop, change, start again.");

}  // namespace

ControlPanel::ControlPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(build_model_group());
    layout->addWidget(build_knobs());
    layout->addWidget(build_advanced());
    layout->addWidget(build_real_server());
    build_buttons(layout);
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::RichText);
    explanation_->setObjectName("explanation");
    layout->addWidget(explanation_);
    layout->addStretch(1);

    // Defaults: the real systems' defaults, a moderate load, until Stop.
    RunConfig defaults;
    defaults.duration_s = 0;
    set_config(defaults);
    connect_controls();
    connect_knobs();
}

QGroupBox* ControlPanel::build_model_group() {
    auto* group = new QGroupBox(tr("Concurrency model"), this);
    auto* form = new QFormLayout(group);
    model_ = new QComboBox(group);
    inner_ = new QComboBox(group);
    scheduling_ = new QComboBox(group);
    scheduling_->setObjectName("schedulingBox");
    fill_models(model_, true);
    fill_models(inner_, false);
    fill_scheduling(scheduling_);
    model_->setToolTip(registry_tip(field("model")));
    inner_->setToolTip(registry_tip(field("inner")));
    scheduling_->setToolTip(registry_tip(field("scheduling")));
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Inside each worker"), inner_);
    form->addRow(tr("Scheduling"), scheduling_);
    return group;
}

QGroupBox* ControlPanel::build_knobs() {
    auto* group = new QGroupBox(tr("Experiment"), this);
    auto* knobs = new QVBoxLayout(group);
    // Closed loop: N connections, each waiting for its answer. Open loop: a rate, whatever the
    // server does; then the connections slider gives way to rate and max connections.
    auto* shape_row = new QFormLayout;
    load_shape_ = new QComboBox(group);
    load_shape_->setObjectName("loadShapeBox");
    load_shape_->addItem(tr("Closed loop (connections)"), false);
    load_shape_->addItem(tr("Open loop (rate)"), true);
    load_shape_->setToolTip(
        tr("Closed: each connection sends, waits, repeats: the load slows down with the server "
           "(like wrk). Open: requests are sent when they are due (like wrk2 -R), latency counted "
           "from then, so a stalling server shows in the latency (coordinated omission)."));
    shape_row->addRow(tr("Load"), load_shape_);
    knobs->addLayout(shape_row);
    connections_ = add_field_slider(knobs, "connections", tr("Client connections"), 1,
                                    conclab::max_connections(), 0, true,
                                    tr("Each sends a request, waits for the answer, repeats."));
    rate_ = add_field_slider(knobs, "rate", tr("Arrival rate"), 1, 100000, 0, true);
    max_connections_ = add_field_slider(knobs, "max_connections", tr("Max connections"), 1,
                                        conclab::max_connections(), 0, true);
    plan_ = new LoadPlanEdit(group);
    knobs->addWidget(plan_);
    cpu_ms_ = add_field_slider(knobs, "cpu_ms", tr("Handler CPU per request"), 0, 200, 2, false);
    io_ms_ = add_field_slider(knobs, "io_ms", tr("I/O wait per request"), 0, 1000, 1, false,
                              tr("A downstream call (database, API)."));
    overhead_us_ = add_field_slider(knobs, "overhead_us", tr("Framework overhead"), 0, 5000, 0,
                                    false, tr("Routing, parsing: Run → Calibrate fits it."));
    overhead_released_us_ = add_field_slider(
        knobs, "overhead_released_us", tr("Framework overhead without the GIL"), 0, 5000, 0, false,
        tr("System calls, thread start: runs beside the GIL holder; on the event loop it is "
           "simply more CPU on the loop."));
    add_field_slider(knobs, "resume_us", tr("Framework cost after each I/O wait"), 0, 5000, 0,
                     false,
                     tr("A thread woken after a downstream call runs on cold caches and takes the "
                        "GIL back from other waiters: Run → Calibrate fits it."));
    add_field_slider(knobs, "connection_us", tr("Framework cost per new connection"), 0, 5000, 0,
                     false,
                     tr("Node's socket and parser objects, gevent's greenlet: run where the server "
                        "accepts, before it takes the next connection."));
    threads_ = add_field_slider(knobs, "threads", tr("Threads (0 = one per connection)"), 0, 256, 0,
                                false);
    const int cores = std::max(1, QThread::idealThreadCount());
    workers_ = add_field_slider(knobs, "workers", tr("Worker processes"), 1, 2 * cores, 0, false,
                                tr("Cores on this machine: %1.").arg(cores));
    switch_interval_ = add_field_slider(knobs, "switch_interval_ms", tr("GIL switch interval"),
                                        Limits::kMinSwitchIntervalMs, 100, 1, true);
    backlog_ = add_field_slider(knobs, "backlog", tr("Listen backlog"), 1, 4096, 0, true,
                                tr("A full queue drops handshakes."));
    heavy_connections_ = add_field_slider(
        knobs, "heavy_connections", tr("CPU-heavy connections (convoy effect)"), 0, 20, 0, false,
        tr("Next to the main load; their responses are kept out of the charts, which show what "
           "they do to everyone else."));
    heavy_cpu_ms_ =
        add_field_slider(knobs, "heavy_cpu_ms", tr("CPU per heavy request"), 0, 500, 1, false);
    duration_ = add_field_slider(knobs, "duration_s", tr("Run length (0 = until Stop)"), 0, 600, 0,
                                 false, tr("A comparison runs each model this long (10 s if 0)."));
    // One width for every spin box (the widest, "10000.00 ms"), so that the sliders line up.
    int width = 0;
    for (const FieldSlider& fs : field_sliders_) {
        width = std::max(width, fs.slider->spin_box()->sizeHint().width());
    }
    for (const FieldSlider& fs : field_sliders_) fs.slider->spin_box()->setFixedWidth(width);
    return group;
}

// The real servers' timeouts and the slow-clients experiment (#9): rarely changed, so folded
// away under a checkable group; −1 keeps each model's real default (Node, gunicorn, Werkzeug).
QGroupBox* ControlPanel::build_advanced() {
    auto* group = new QGroupBox(tr("Advanced: timeouts, connection limit, slow clients"), this);
    group->setObjectName("advancedGroup");
    group->setCheckable(true);
    group->setChecked(false);
    auto* inner = new QWidget(group);
    auto* rows = new QVBoxLayout(inner);
    rows->setContentsMargins(0, 0, 0, 0);
    const QString model_default = tr("−1 = the model's real default; 0 = none.");
    add_field_slider(rows, "header_timeout_s", tr("Header timeout"), -1, 600, 0, false,
                     model_default);
    add_field_slider(rows, "server_request_timeout_s", tr("Request timeout"), -1, 600, 0, false,
                     model_default);
    add_field_slider(rows, "keepalive_timeout_s", tr("Keep-alive timeout"), -1, 60, 0, false,
                     model_default);
    add_field_slider(rows, "worker_timeout_s", tr("Worker timeout (gunicorn arbiter)"), -1, 120, 0,
                     false, model_default);
    add_field_slider(rows, "worker_connections", tr("Connections per worker (0 = unlimited)"), 0,
                     10000, 0, false,
                     tr("gevent's worker_connections (1000), nginx's (768 in Debian)."));
    add_field_slider(rows, "slow_clients", tr("Slow clients"), 0, 100, 0, false,
                     tr("Connections that send a request one byte a second and never finish "
                        "it, beside the normal load, counted apart."));
    auto* layout = new QVBoxLayout(group);
    layout->addWidget(inner);
    inner->setVisible(false);
    connect(group, &QGroupBox::toggled, inner, &QWidget::setVisible);
    return group;
}

void ControlPanel::build_buttons(QVBoxLayout* layout) {
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
}

LabeledSlider* ControlPanel::add_field_slider(QVBoxLayout* layout, const char* key,
                                              const QString& label, double lo, double hi,
                                              int decimals, bool log, const QString& tip) {
    const RunField& f = field(key);
    const QString unit = QString::fromUtf8(f.unit.data(), static_cast<int>(f.unit.size()));
    auto* slider = new LabeledSlider(label, unit, std::max(lo, f.min), std::min(hi, f.max),
                                     decimals, log, this);
    // "0 = default" rows (workers, backlog) show the default instead of 0, so their spin box
    // starts where the slider does.
    slider->set_limits(std::max(f.min, slider->minimum()), f.max);
    slider->set_tool_tip(tip.isEmpty() ? registry_tip(f) : tip + "\n\n" + registry_tip(f));
    slider->setProperty("baseTip", slider->toolTip());
    field_sliders_.push_back({slider, &f});
    layout->addWidget(slider);
    connect(slider, &LabeledSlider::valueChanged, this, [this, &f](double v) { store_edit(f, v); });
    return slider;
}

void ControlPanel::store_edit(const RunField& f, double value) {
    if (showing_) return;
    // In range by construction (the spin box's limits are the row's). Should a control ever
    // offer a value the registry refuses, the config keeps the old one, the controls show it
    // again and the user reads why.
    if (Result<> set = set_field_number(f, config_, value); !set) {
        show_config(config_);
        emit editRefused(QString::fromStdString(set.error()));
    }
}

void ControlPanel::connect_controls() {
    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        if (!showing_) {
            config_.server.model = model_of(model_);
            config_.server.listen_backlog = 0;  // each model with its real-world default
            const QSignalBlocker block(backlog_);
            backlog_->set_value(default_backlog(config_.server.model));
        }
        update_enabled();
    });
    connect(inner_, &QComboBox::currentIndexChanged, this, [this] {
        if (!showing_) config_.server.inner = model_of(inner_);
        update_enabled();
    });
    connect(scheduling_, &QComboBox::currentIndexChanged, this, [this] {
        if (!showing_) config_.server.scheduling = scheduling_of(scheduling_);
        update_enabled();
    });
    connect(load_shape_, &QComboBox::currentIndexChanged, this, [this] {
        const bool open = load_shape_->currentData().toBool();
        if (!showing_) config_.load.rate = open ? std::max(1.0, rate_->value()) : 0.0;
        if (!showing_ && open && rate_->value() <= 1) rate_->set_value(100);  // not 1 req/s
        set_open_loop(open);
    });
    connect(plan_, &LoadPlanEdit::stagesChanged, this, [this](const std::vector<Stage>& stages) {
        if (!showing_) config_.stages = stages;
    });
    connect(real_url_, &QLineEdit::textChanged, this, &ControlPanel::update_real_server);
    connect(allow_remote_, &QCheckBox::toggled, this, &ControlPanel::update_real_server);
    connect(start_, &QPushButton::clicked, this, &ControlPanel::startStopRequested);
    connect(compare_, &QPushButton::clicked, this, &ControlPanel::compareRequested);
    update_real_server();
}

// Every slider of a live row (the registry's Live::Yes) offers its value to a running
// experiment; whole-number rows as a whole number.
void ControlPanel::connect_knobs() {
    for (const FieldSlider& fs : field_sliders_) {
        if (!fs.field->is_live()) continue;
        const RunField* f = fs.field;
        connect(fs.slider, &LabeledSlider::valueChanged, this, [this, f](double v) {
            if (showing_) return;
            emit knobChanged(Knobs{}.set(*f, f->kind == FieldKind::Integer ? std::round(v) : v));
        });
    }
}

RunConfig ControlPanel::config() const {
    RunConfig c = config_;
    c.external.reset();
    if (real_on_start_->isChecked()) {
        if (Result<ExternalTarget> real = real_server()) c.external = std::move(*real);
    }
    return c;
}

void ControlPanel::set_config(const RunConfig& c) {
    show_config(c);
    config_ = c;  // after the controls, whose rounding must not become the value
    if (c.external) {
        const QSignalBlocker block(real_url_);
        real_url_->setText(QString::fromStdString(c.external->url));
        allow_remote_->setChecked(!parse_target_url(c.external->url, false).ok());
        real_on_start_->setChecked(true);
        update_real_server();
    }
}

// Shows `c` in the controls without taking their (rounded, clamped) values as edits.
void ControlPanel::show_config(const RunConfig& c) {
    showing_ = true;
    select_model(model_, c.server.model);
    select_model(inner_, c.server.inner);
    scheduling_->setCurrentIndex(scheduling_->findData(int(c.server.scheduling)));
    for (const FieldSlider& fs : field_sliders_) fs.slider->set_value(fs.field->get_number(c));
    // "0 = default" rows show what the run will use.
    if (c.server.workers == 0) workers_->set_value(default_workers());
    if (c.server.listen_backlog == 0) backlog_->set_value(default_backlog(c.server.model));
    load_shape_->setCurrentIndex(c.load.rate > 0 ? 1 : 0);
    set_open_loop(c.load.rate > 0);
    plan_->set_stages(c.stages);
    showing_ = false;
    update_enabled();
}

void ControlPanel::apply_fit(const RunConfig& fitted) {
    // The fitted server — its shape (threads, keep-alive, workers, …) and overhead — with the
    // workload and load the controls had; the config keeps the fit exactly, the slider shows it
    // rounded to whole µs.
    RunConfig c = config_;
    const Workload work = c.server.workload;
    c.server = fitted.server;
    c.server.workload.cpu_ms = work.cpu_ms;
    c.server.workload.io_ms = work.io_ms;
    set_config(c);
}

void ControlPanel::set_open_loop(bool open) {
    connections_->setVisible(!open);
    rate_->setVisible(open);
    max_connections_->setVisible(open);
    plan_->set_open_loop(open);
    if (!showing_) config_.stages = plan_->stages();  // the same text may now be (in)valid
}

void ControlPanel::set_running(bool running) {
    running_ = running;
    start_->setText(running ? tr("Stop") : tr("Start"));
    compare_->setEnabled(!running);
    real_url_->setEnabled(!running);
    allow_remote_->setEnabled(!running);
    repeat_->setEnabled(!running);
    update_real_server();
    update_enabled();
}

void ControlPanel::update_enabled() {
    const Model m = model_of(model_);
    const bool ppc = m == Model::ProcessPerCore;
    const bool gil = m == Model::GilThreads || (ppc && model_of(inner_) == Model::GilThreads);
    model_->setEnabled(!running_);
    inner_->setEnabled(ppc && !running_);
    scheduling_->setEnabled(ppc && !running_);
    // Open and closed loops are different load generators: fixed while a run goes; so is the plan.
    load_shape_->setEnabled(!running_);
    plan_->setEnabled(!running_);
    // Rows that cannot change during a run (the registry's `live`) are fixed while one goes, and
    // say why in their tooltip; their own text comes back after.
    auto tip = [this](QWidget* w, bool live) {
        if (!w->property("baseTip").isValid()) w->setProperty("baseTip", w->toolTip());
        const QString base = w->property("baseTip").toString();
        const QString text =
            running_ && !live
                ? base + "\n\n" + QCoreApplication::translate("ControlPanel", kNotLive)
                : base;
        if (auto* slider = qobject_cast<LabeledSlider*>(w)) {
            slider->set_tool_tip(text);
        } else {
            w->setToolTip(text);
        }
    };
    tip(model_, field("model").is_live());
    tip(inner_, field("inner").is_live());
    tip(scheduling_, field("scheduling").is_live());
    for (const FieldSlider& fs : field_sliders_) {
        fs.slider->setEnabled(fs.field->is_live() || !running_);
        tip(fs.slider, fs.field->is_live());
    }
    threads_->setEnabled(gil);
    workers_->setEnabled(ppc);
    switch_interval_->setEnabled(gil && !running_);
    explanation_->setText(explain_model(m, model_of(inner_), scheduling_of(scheduling_)));
}

}  // namespace conclab::ui
