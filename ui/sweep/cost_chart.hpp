#pragma once
// What a connection costs each model: the server's resident memory and its threads against the
// connections it holds, one colour per model, overlaid (memory solid on the left axis, threads
// dashed on the right). Fed by a sweep's points, so a sweep of idle connections (the preset
// "What a connection costs") shows a thread per connection's threads following the connections
// while the event loop's stay flat. The legend carries each model's memory per connection, the
// slope of its points.

#include <QString>
#include <QWidget>

#include <vector>

#include "experiment/sweep.hpp"

class QCustomPlot;

namespace conclab::ui {

// "18.4 KiB per connection (R² 1.000 over 1,010–10,010 connections)", or that the points do not
// give a slope.
QString memory_per_connection_summary(const std::vector<SweepPoint>& points);

class CostChart : public QWidget {
    Q_OBJECT
public:
    explicit CostChart(QWidget* parent = nullptr);

    void clear();
    int add_model(const QString& label);  // returns its index
    // Redraws model `index` with these points (those without a memory reading are left out).
    void set_points(int index, const std::vector<SweepPoint>& points);

    QCustomPlot* plot() const { return plot_; }
    // Graph indices of model `index` in plot(): memory, threads.
    struct Graphs {
        int memory, threads;
    };
    Graphs graphs(int index) const { return models_.at(static_cast<std::size_t>(index)); }

private:
    void rescale();

    QCustomPlot* plot_;
    std::vector<Graphs> models_;
    std::vector<QString> labels_;
};

}  // namespace conclab::ui
