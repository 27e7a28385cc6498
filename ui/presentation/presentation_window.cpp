#include "presentation/presentation_window.hpp"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "presentation/presentation_legend.hpp"
#include "window/compare_table.hpp"

namespace conclab::ui {

namespace {

// On a 1920×1080 screen: the base text 35 px (DejaVu Sans' capitals are 0.73 of that, 25 px,
// the 24 px a room needs), chart text 26 px (ticks and legends ≥ 24 px).
constexpr double kBasePx = 35;
constexpr double kChartPx = 26;
// QCustomPlot's legend icon, as the charts have it on screen; presentation scales it with the type.
const QSize kLegendIcon(32, 18);

QFont pixel_font(int px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(1, px));
    f.setBold(bold);
    return f;
}

}  // namespace

int PresentationWindow::text_px_for(const QSize& screen) {
    // The smaller of the two ratios: a 4:3 projector narrows the text with the width.
    const double scale = std::min(screen.height() / 1080.0, screen.width() / 1920.0);
    return std::max(12, static_cast<int>(std::lround(kBasePx * scale)));
}

PresentationWindow::PresentationWindow(ChartPanel* panel, QWidget* parent)
    : QWidget(parent, Qt::Window),
      panel_(panel),
      saved_style_(panel->style()),
      title_(new QLabel(this)),
      subtitle_(new QLabel(this)),
      chart_row_(new QHBoxLayout),
      summary_(new CompareTable(this)),
      diagnosis_(new QLabel(this)),
      hint_(new QLabel(this)),
      first_box_(new QComboBox(this)),
      second_box_(new QComboBox(this)),
      dark_box_(new QCheckBox(tr("Dark"), this)) {
    setObjectName("presentationWindow");
    setWindowTitle(tr("Concurrency Lab — presentation"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    title_->setObjectName("presentationTitle");
    subtitle_->setObjectName("presentationSubtitle");
    diagnosis_->setObjectName("presentationDiagnosis");
    for (QLabel* label : {title_, subtitle_, diagnosis_}) label->setWordWrap(true);
    diagnosis_->setTextFormat(Qt::RichText);
    // The audience reads the figures of the story; p50, p99.9 and errors stay in the window.
    for (int column : {CompareTable::P50, CompareTable::P999, CompareTable::Errors})
        summary_->setColumnHidden(column, true);
    summary_->setFocusPolicy(Qt::NoFocus);
    summary_->setFrameShape(QFrame::NoFrame);
    summary_->hide();
    diagnosis_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    layout->addLayout(chart_row_, 1);
    layout->addWidget(summary_);
    layout->addWidget(diagnosis_);
    layout->addWidget(build_bar());
    set_charts(first_, second_);
}

PresentationWindow::~PresentationWindow() {
    return_charts();
}

// The presenter's controls, in small type at the bottom: which charts, light or dark, the keys.
QWidget* PresentationWindow::build_bar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    second_box_->addItem(tr("— one chart —"), -1);
    const auto charts = panel_->charts();
    for (std::size_t i = 0; i < charts.size(); ++i) {
        first_box_->addItem(charts[i]->title(), static_cast<int>(i));
        second_box_->addItem(charts[i]->title(), static_cast<int>(i));
    }
    // The keys belong to the clicker: the boxes take clicks, never the keyboard focus.
    for (QWidget* w : std::initializer_list<QWidget*>{first_box_, second_box_, dark_box_})
        w->setFocusPolicy(Qt::NoFocus);
    first_box_->setObjectName("presentationFirstChart");
    second_box_->setObjectName("presentationSecondChart");
    auto chosen = [this] {
        set_charts(first_box_->currentData().toInt(), second_box_->currentData().toInt());
        emit chartsChosen(first_, second_);
    };
    connect(first_box_, &QComboBox::activated, this, chosen);
    connect(second_box_, &QComboBox::activated, this, chosen);
    connect(dark_box_, &QCheckBox::toggled, this, [this](bool dark) {
        set_dark(dark);
        emit darkChosen(dark);
    });
    hint_->setText(
        tr("→ / Page Down: next preset · ← / Page Up: previous · Space: start / stop · Esc: "
           "leave"));
    row->addWidget(first_box_);
    row->addWidget(second_box_);
    row->addWidget(dark_box_);
    row->addStretch(1);
    row->addWidget(hint_);
    return bar;
}

void PresentationWindow::open_on(QScreen* screen) {
    if (!screen) screen = QGuiApplication::primaryScreen();
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
    apply_scale();
}

void PresentationWindow::set_charts(int first, int second) {
    return_charts();
    if (!panel_) return;
    const int count = static_cast<int>(panel_->charts().size());
    first_ = std::clamp(first, 0, count - 1);
    second_ = second >= 0 && second < count && second != first_ ? second : -1;
    for (int index : {first_, second_}) {
        if (index < 0) continue;
        TimeSeriesChart* chart = panel_->charts()[static_cast<std::size_t>(index)];
        chart_row_->addWidget(chart, 1);  // re-parents it here until return_charts()
        chart->show();
        shown_.push_back(chart);
        // A legend re-flowed by the panel (a new run) is fitted again before it is drawn.
        connect(chart->plot(), &QCustomPlot::beforeReplot, this, &PresentationWindow::fit_legends,
                Qt::UniqueConnection);
    }
    {
        const QSignalBlocker a(first_box_), b(second_box_);
        first_box_->setCurrentIndex(first_box_->findData(first_));
        second_box_->setCurrentIndex(second_box_->findData(second_));
    }
    apply_scale();
}

void PresentationWindow::return_charts() {
    if (!panel_) {
        shown_.clear();
        return;
    }
    for (TimeSeriesChart* chart : shown_) {
        disconnect(chart->plot(), &QCustomPlot::beforeReplot, this,
                   &PresentationWindow::fit_legends);
        chart->plot()->legend->setIconSize(kLegendIcon);
        ungroup_legend(*chart->plot());
        chart->set_log_toggle_font(QFont());  // the window's again
        panel_->restore_chart(chart);
    }
    shown_.clear();
}

void PresentationWindow::set_dark(bool dark) {
    dark_ = dark;
    {
        const QSignalBlocker block(dark_box_);
        dark_box_->setChecked(dark);
    }
    apply_scale();
}

void PresentationWindow::set_heading(const QString& title, const QString& subtitle) {
    title_->setText(title);
    subtitle_->setText(subtitle);
    subtitle_->setVisible(!subtitle.isEmpty());
}

void PresentationWindow::show_summary(const std::vector<RunSet>& sets,
                                      const std::optional<RunResult>& kept) {
    summary_->show_sets(sets, kept);
    // The heading says which run was kept; the row's name stays short.
    if (summary_->kept_row() >= 0)
        summary_->item(summary_->kept_row(), CompareTable::Run)->setText(tr("kept run"));
    fit_summary();
    summary_->setVisible(summary_->rowCount() > 0);
}

void PresentationWindow::clear_summary() {
    summary_->setRowCount(0);
    summary_->hide();
}

void PresentationWindow::show_diagnosis(const QString& html) {
    diagnosis_html_ = html;
    diagnosis_->setText(dark_ ? dark_run_colors(html) : html);
    diagnosis_->setVisible(!html.isEmpty());
}

void PresentationWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    apply_scale();
}

// Every size follows the window's (the screen's) height: the same slide at 720p and at 4K.
void PresentationWindow::apply_scale() {
    text_px_ = text_px_for(size());
    const int margin = text_px_ / 2;
    layout()->setContentsMargins(margin, margin / 2, margin, margin / 3);
    layout()->setSpacing(margin / 2);
    title_->setFont(pixel_font(qRound(text_px_ * 1.45), true));
    subtitle_->setFont(pixel_font(qRound(text_px_ * 0.8)));
    diagnosis_->setFont(pixel_font(qRound(text_px_ * 0.8)));
    fit_summary();
    const QFont small = pixel_font(std::max(11, qRound(text_px_ * 0.45)));
    for (QWidget* w : std::initializer_list<QWidget*>{hint_, first_box_, second_box_, dark_box_})
        w->setFont(small);
    // A chart's "log" box is the presenter's control too: as large as the others, at 4K too.
    for (TimeSeriesChart* chart : shown_) {
        chart->set_log_toggle_font(small);
    }
    const int chart_px = static_cast<int>(std::lround(text_px_ * kChartPx / kBasePx));
    apply_colors();
    if (!panel_) return;
    panel_->set_style(ChartStyle{dark_, true, static_cast<double>(chart_px)});
    fit_legends();
    panel_->refresh();
}

// The summary in the base type, or a little smaller when its columns (repeated runs' spreads)
// would be wider than the screen: never cut, never scrolled.
void PresentationWindow::fit_summary() {
    const int room = width() - text_px_;
    for (int px = text_px_; px >= text_px_ * 3 / 4; px -= std::max(1, text_px_ / 20)) {
        summary_->set_text_font(pixel_font(px));
        if (summary_->horizontalHeader()->length() <= room) return;
    }
}

void PresentationWindow::apply_colors() {
    const ChartStyle style{dark_, true};
    QPalette p = palette();
    p.setColor(QPalette::Window, style.background());
    p.setColor(QPalette::WindowText, style.foreground());
    p.setColor(QPalette::Base, style.background());
    p.setColor(QPalette::Text, style.foreground());
    setPalette(p);
    setAutoFillBackground(true);
    // One colour per run on either background: the table's and the diagnosis's runs in the
    // colours their lines have in this style.
    summary_->set_dark(dark_);
    diagnosis_->setText(dark_ ? dark_run_colors(diagnosis_html_) : diagnosis_html_);
    // Cells padded in proportion to the type, so that "190.0" and "0.10×" never touch at 4K.
    const QString pad = QString::number(std::max(4, text_px_ / 3));
    summary_->setStyleSheet(
        QStringLiteral("QTableWidget { background: %1; color: %2; "
                       "gridline-color: %3; } "
                       "QTableWidget::item { padding: 0px %4px; } "
                       "QHeaderView { background: %1; } "
                       "QHeaderView::section { background: %1; color: %2; "
                       "padding: 0px %4px; border: none; "
                       "border-bottom: 2px solid %3; }")
            .arg(style.background().name(), style.foreground().name(), style.grid().name(), pad));
    hint_->setStyleSheet(
        QStringLiteral("color: %1").arg(style.grid().darker(dark_ ? 70 : 130).name()));
}

// As many legend columns as the chart's width holds, so the legend takes few rows: with large
// type and several runs, two columns would make it taller than the plot.
void PresentationWindow::fit_legends() {
    for (TimeSeriesChart* chart : shown_) {
        QCPLegend* legend = chart->plot()->legend;
        group_legend(*chart->plot(), ChartStyle{dark_, true}.foreground());
        const double scale = text_px_ / kBasePx;
        legend->setIconSize(qRound(kLegendIcon.width() * scale * 1.4),
                            qRound(kLegendIcon.height() * scale * 1.4));
        if (legend->itemCount() == 0) continue;
        int widest = 0;
        for (int i = 0; i < legend->itemCount(); ++i) {
            if (QCPAbstractLegendItem* item = legend->item(i))
                widest = std::max(widest, item->minimumOuterSizeHint().width());
        }
        const int item_w = widest + legend->columnSpacing() + 8;
        const int columns =
            std::clamp(chart->width() / std::max(1, item_w), 1, legend->itemCount());
        if (legend->wrap() != columns) chart->set_legend_columns(columns);
    }
}

void PresentationWindow::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Right:
        case Qt::Key_PageDown:
            emit stepRequested(+1);
            break;
        case Qt::Key_Left:
        case Qt::Key_PageUp:
            emit stepRequested(-1);
            break;
        case Qt::Key_Space:
            emit startStopRequested();
            break;
        case Qt::Key_Escape:
        case Qt::Key_F5:
            close();
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

void PresentationWindow::closeEvent(QCloseEvent* event) {
    return_charts();
    if (panel_) {
        panel_->set_style(saved_style_);
        panel_->refresh();
    }
    emit closed();
    event->accept();
}

}  // namespace conclab::ui
