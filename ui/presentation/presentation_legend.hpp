#pragma once
// Presentation mode's legends for several runs: one entry per run (its colour) and one per line
// style (what the style means, in the text colour) instead of one per series — "event loop",
// "GIL threads (10)", "kept"; "in service", "waiting", … — as a slide designer groups a legend
// beyond about six series, so that it stays shorter than its plot in large type. The series'
// own entries come back when the chart goes back to the window.

class QColor;
class QCPGraph;
class QCustomPlot;
class QString;

namespace conclab::ui {

// Groups the legend when more than `max_entries` series of at least two runs are in it (and
// again when runs were added since); otherwise leaves it as the series made it. Cheap when
// nothing changed: it may be called before every replot.
void group_legend(QCustomPlot& plot, const QColor& text_color, int max_entries = 6);
// The run a series belongs to, as its name starts ("event loop "): a grouped legend names the
// run by it, where the names' common start would run on ("event loop loop " for the loop's
// delay and busy lines). Without it, the common start of the run's names, cut to a word.
void set_run_prefix(QCPGraph* graph, const QString& prefix);
// Puts the series' own entries back.
void ungroup_legend(QCustomPlot& plot);

}  // namespace conclab::ui
