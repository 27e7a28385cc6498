#include "window/run_changes.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QStringList>

#include "core/run_fields.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

// The names a speaker would say; the other fields read as their key without the unit suffix.
QString field_name(const RunField& field) {
    static const std::pair<std::string_view, const char*> kNames[] = {
        {"cpu_ms", QT_TRANSLATE_NOOP("RunChanges", "CPU")},
        {"io_ms", QT_TRANSLATE_NOOP("RunChanges", "I/O")},
        {"overhead_us", QT_TRANSLATE_NOOP("RunChanges", "overhead")},
        {"overhead_released_us", QT_TRANSLATE_NOOP("RunChanges", "overhead without the GIL")},
        {"resume_us", QT_TRANSLATE_NOOP("RunChanges", "cost after I/O")},
        {"connection_us", QT_TRANSLATE_NOOP("RunChanges", "cost per new connection")},
        {"heavy_cpu_ms", QT_TRANSLATE_NOOP("RunChanges", "heavy CPU")},
        {"keep_alive", QT_TRANSLATE_NOOP("RunChanges", "keep-alive")},
        {"request_timeout_s", QT_TRANSLATE_NOOP("RunChanges", "client timeout")},
        {"server_request_timeout_s", QT_TRANSLATE_NOOP("RunChanges", "server request timeout")},
        {"connections", QT_TRANSLATE_NOOP("RunChanges", "connections")},
        {"threads", QT_TRANSLATE_NOOP("RunChanges", "threads")},
        {"workers", QT_TRANSLATE_NOOP("RunChanges", "workers")},
        {"model", QT_TRANSLATE_NOOP("RunChanges", "model")},
        {"inner", QT_TRANSLATE_NOOP("RunChanges", "inner")},
        {"scheduling", QT_TRANSLATE_NOOP("RunChanges", "scheduling")},
        {"switch_interval_ms", QT_TRANSLATE_NOOP("RunChanges", "switch interval")},
        {"backlog", QT_TRANSLATE_NOOP("RunChanges", "backlog")},
        {"worker_connections", QT_TRANSLATE_NOOP("RunChanges", "worker connections")},
        {"rate", QT_TRANSLATE_NOOP("RunChanges", "rate")},
        {"max_connections", QT_TRANSLATE_NOOP("RunChanges", "max connections")},
        {"load_threads", QT_TRANSLATE_NOOP("RunChanges", "load threads")},
        {"heavy_connections", QT_TRANSLATE_NOOP("RunChanges", "heavy connections")},
        {"slow_clients", QT_TRANSLATE_NOOP("RunChanges", "slow clients")},
        {"duration_s", QT_TRANSLATE_NOOP("RunChanges", "duration")},
        {"warmup_s", QT_TRANSLATE_NOOP("RunChanges", "warmup")},
    };
    for (const auto& [key, name] : kNames) {
        if (field.key == key) return QCoreApplication::translate("RunChanges", name);
    }
    QString key = QString::fromUtf8(field.key.data(), static_cast<qsizetype>(field.key.size()));
    for (const char* suffix : {"_ms", "_us", "_s"}) {
        if (key.endsWith(suffix)) key.chop(static_cast<qsizetype>(qstrlen(suffix)));
    }
    return key.replace('_', ' ');
}

QString value_text(const RunField& field, const RunConfig& config) {
    if (field.kind == FieldKind::Choice) {  // "event-loop" reads "event loop" in English
        const QString name = QString::fromStdString(field_text(field, config));
        const QString said = engine_text(name);
        return said != name ? said : QString(name).replace('-', ' ');
    }
    const double v = field.get_number(config);
    const QLocale english(QLocale::English);
    // Whole numbers with a thousands separator ("1,000"); others as few digits as they need.
    return v == static_cast<double>(static_cast<long long>(v))
               ? english.toString(static_cast<long long>(v))
               : english.toString(v, 'g', 6);
}

QString unit_text(const RunField& field) {
    return QString::fromUtf8(field.unit.data(), static_cast<qsizetype>(field.unit.size()));
}

}  // namespace

QString changes_between(const RunConfig& preset, const RunConfig& now) {
    QStringList changes;
    for (const RunField& field : run_fields()) {
        if (field_text(field, preset) == field_text(field, now)) continue;
        QString change =
            QObject::tr("%1 %2 → %3")
                .arg(field_name(field), value_text(field, preset), value_text(field, now));
        if (!field.unit.empty()) change += ' ' + unit_text(field);
        changes << change;
    }
    return changes.join(", ");
}

QString title_with_changes(const QString& title, const QString& changes) {
    return changes.isEmpty() ? title : QObject::tr("%1 (changed: %2)").arg(title, changes);
}

RunConfig with_knobs(RunConfig c, const Knobs& k) {
    apply_knobs(k, c);
    return c;
}

QString knobs_text(const Knobs& knobs) {
    QStringList parts;
    for (const Knobs::Value& knob : knobs) {
        RunConfig c;
        knob.field->set_number(c, knob.value);
        QString part = field_name(*knob.field) + ' ' + value_text(*knob.field, c);
        if (!knob.field->unit.empty()) part += ' ' + unit_text(*knob.field);
        parts << part;
    }
    return parts.join(", ");
}

QString knob_change_text(const AdjustEvent& event) {
    const RunField* field = event.note.empty() ? find_run_field(event.knob) : nullptr;
    if (!field) return engine_text(event.label());  // a note, or not a run field
    auto number = [](double v) {
        return v == static_cast<double>(static_cast<long long>(v))
                   ? QString::number(static_cast<long long>(v))
                   : QString::number(v, 'g', 6);
    };
    return QObject::tr("%1 %2 → %3").arg(field_name(*field), number(event.from), number(event.to));
}

}  // namespace conclab::ui
