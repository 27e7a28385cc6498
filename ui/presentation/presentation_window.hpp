#pragma once
// Presentation mode (View → Presentation, F5): the live charts, the headline and the summary on a
// full screen, in type for the back of a room. It borrows one or two of the ChartPanel's charts
// (the viewer picks which) and gives them back when it closes, so they stay live: the runs go on
// feeding the same widgets. Text is sized in pixels of the screen it fills, from its height
// (1280×720 to 3840×2160), never in points. The keys are a clicker's: → / Page Down and ← / Page
// Up step through the presets, Space starts or stops, Esc (or F5) leaves.

#include <QPointer>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

#include "charts/chart_style.hpp"
#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QHBoxLayout;
class QScreen;

namespace conclab::ui {

class ChartPanel;
class CompareTable;
class TimeSeriesChart;

class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    // `panel` lends its charts while this window lives; it must outlive it.
    explicit PresentationWindow(ChartPanel* panel, QWidget* parent = nullptr);
    ~PresentationWindow() override;

    // Full screen on `screen` (the primary one if null).
    void open_on(QScreen* screen);
    // Indexes into ChartPanel::charts(); second -1 shows the first alone (twice as wide).
    void set_charts(int first, int second);
    std::pair<int, int> charts() const { return {first_, second_}; }
    void set_dark(bool dark);
    bool dark() const { return dark_; }

    void set_heading(const QString& title, const QString& subtitle);
    // The comparison's summary (hidden when there is none yet) and the diagnosis lines (rich
    // text, as DiagnosisBar shows them).
    void show_summary(const std::vector<RunSet>& sets, const std::optional<RunResult>& kept);
    void clear_summary();
    void show_diagnosis(const QString& html);

    // The base text size, in pixels, for a screen of this size: the headline and the summary
    // have ≥ 24 px of cap height on a 1080-pixel-high screen, and scale with the screen.
    static int text_px_for(const QSize& screen);
    int text_px() const { return text_px_; }

    QLabel* title_label() const { return title_; }
    QLabel* subtitle_label() const { return subtitle_; }
    QLabel* diagnosis_label() const { return diagnosis_; }
    CompareTable* summary_table() const { return summary_; }
    std::vector<TimeSeriesChart*> shown_charts() const { return shown_; }

signals:
    void stepRequested(int delta);  // +1 next preset, -1 previous
    void startStopRequested();
    void chartsChosen(int first, int second);
    void darkChosen(bool dark);
    void closed();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* build_bar();
    void apply_scale();
    void apply_colors();
    void return_charts();
    void fit_legends();
    void fit_summary();

    QPointer<ChartPanel> panel_;  // null once the main window is gone
    ChartStyle saved_style_;
    QLabel* title_;
    QLabel* subtitle_;
    QHBoxLayout* chart_row_;
    CompareTable* summary_;
    QLabel* diagnosis_;
    QString diagnosis_html_;  // as shown on the light background
    QLabel* hint_;
    QComboBox* first_box_;
    QComboBox* second_box_;
    QCheckBox* dark_box_;
    std::vector<TimeSeriesChart*> shown_;
    int first_ = 0;
    int second_ = 2;
    int text_px_ = 0;
    bool dark_ = false;
};

}  // namespace conclab::ui
