#pragma once
// "How it was measured" in a report: the machine (cores, CPU model, kernel) and the versions of
// the app and its libraries, read when the report is written.

#include <QString>

#include <utility>
#include <vector>

namespace conclab::ui {

// Label and value rows: "CPU" → "AMD EPYC 7B13 (2 cores)", "Kernel" → "Linux 6.8.0 x86_64", ...
std::vector<std::pair<QString, QString>> machine_rows();
// For the provenance line of an exported chart: "Concurrency Lab 0.1.0 · 2 cores (AMD EPYC
// 7B13) · 2026-12-04".
QString machine_summary();
// The "model name" of /proc/cpuinfo (x86), else its "Hardware"/"Processor" line; empty if none.
QString cpu_model(const QString& cpuinfo_text);

}  // namespace conclab::ui
