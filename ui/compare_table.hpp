#pragma once
// The summary of a comparison: one row per run (req/s, p50, p99, errors, peak in service, peak
// waiting), coloured like the run's series.

#include <QTableWidget>

#include <vector>

#include "experiment/experiment.hpp"

namespace conclab::ui {

class CompareTable : public QTableWidget {
    Q_OBJECT
public:
    explicit CompareTable(QWidget* parent = nullptr);
    void show_results(const std::vector<RunResult>& runs);
};

}  // namespace conclab::ui
