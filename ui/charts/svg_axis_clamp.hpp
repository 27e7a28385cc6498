#pragma once
// Qt's SVG generator (Qt 6.4) writes no clip paths: a line that leaves its plot — a tick a
// thousandth of a thread below a log axis's floor, a spike above a scrolled range — would run
// out of the plot, across the axis and into the legend. While an SVG is drawn, each point
// outside its axes' range is held at the edge of the plot, as the clip would have cut it; the
// values come back afterwards.

#include <algorithm>
#include <utility>
#include <vector>

#include <qcustomplot.h>

namespace conclab::ui {

class SvgAxisClamp {
public:
    explicit SvgAxisClamp(QCustomPlot& plot) {
        for (int i = 0; i < plot.graphCount(); ++i) {
            QCPGraph* graph = plot.graph(i);
            const QCPRange range = graph->valueAxis()->range();
            for (auto it = graph->data()->begin(); it != graph->data()->end(); ++it) {
                if (!(it->value < range.lower || it->value > range.upper)) continue;  // or NaN
                saved_.push_back({graph, it->key, it->value});
                it->value = std::clamp(it->value, range.lower, range.upper);
            }
        }
    }
    ~SvgAxisClamp() {
        for (const Saved& s : saved_) {
            auto& data = *s.graph->data();
            auto it = data.begin() + (data.findBegin(s.key, false) - data.constBegin());
            if (it != data.end() && it->key == s.key) it->value = s.value;
        }
    }
    SvgAxisClamp(const SvgAxisClamp&) = delete;
    SvgAxisClamp& operator=(const SvgAxisClamp&) = delete;

private:
    struct Saved {
        QCPGraph* graph;
        double key;
        double value;
    };
    std::vector<Saved> saved_;
};

}  // namespace conclab::ui
