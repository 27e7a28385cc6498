#include "window/app_settings.hpp"

#include <QObject>
#include <QSettings>

#include "text/app_language.hpp"

#include <algorithm>
#include <exception>

namespace conclab::ui {

namespace {

constexpr const char* kLastScenario = "lastScenario";
constexpr const char* kGeometry = "window/geometry";
constexpr const char* kLanguage = "view/language";

bool read_bool(const QSettings& settings, const char* key) {
    // Only "true" (as QSettings writes a bool) or 1 is on; anything else is off, never an error
    // worth a note (QVariant would take any non-empty string for true).
    const QString text = settings.value(key).toString().trimmed().toLower();
    return text == "true" || text == "1";
}

// A small whole number in [lo, hi]; anything else (text, a fraction, out of range) is `fallback`.
int read_int(const QSettings& settings, const char* key, int lo, int hi, int fallback) {
    bool ok = false;
    const int v = settings.value(key).toString().trimmed().toInt(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}

}  // namespace

Result<Scenario, QString> AppSettings::parse_last_scenario(const QString& text) {
    // The engine's parser reports bad fields by value, but nlohmann::json also throws for
    // numbers out of double's range (1e400) and may throw for other input it cannot represent:
    // a remembered setting must never take the app down, so everything is caught here.
    try {
        auto parsed = parse_scenario(text.toStdString());
        if (parsed) return std::move(*parsed);
        return Failure{QString::fromStdString(parsed.error())};
    } catch (const std::exception& e) {
        return Failure{QString::fromUtf8(e.what())};
    } catch (...) {
        return Failure{QObject::tr("unreadable value")};
    }
}

RestoredSettings AppSettings::load() {
    RestoredSettings out;
    const QSettings settings;
    const QString last = settings.value(kLastScenario).toString();
    if (!last.isEmpty()) {
        auto parsed = parse_last_scenario(last);
        if (parsed) {
            out.last_scenario = std::move(*parsed);
        } else {
            out.note = QObject::tr(
                           "The remembered settings could not be read (%1); starting "
                           "with the defaults.")
                           .arg(parsed.error());
        }
    }
    out.view.whole_run = read_bool(settings, "view/wholeRun");
    out.view.log_latency = read_bool(settings, "view/logLatency");
    out.view.log_rps = read_bool(settings, "view/logRps");
    out.view.dark = read_bool(settings, "view/dark");
    out.view.presentation_first = read_int(settings, "view/presentationFirst", 0, 5, 0);
    out.view.presentation_second = read_int(settings, "view/presentationSecond", -1, 5, 2);
    out.geometry = settings.value(kGeometry).toByteArray();
    return out;
}

void AppSettings::save_scenario(const Scenario& scenario) {
    QSettings().setValue(kLastScenario, QString::fromStdString(scenario_to_json(scenario)));
}

void AppSettings::save_view(const ViewSettings& view) {
    QSettings settings;
    settings.setValue("view/wholeRun", view.whole_run);
    settings.setValue("view/logLatency", view.log_latency);
    settings.setValue("view/logRps", view.log_rps);
    settings.setValue("view/dark", view.dark);
    settings.setValue("view/presentationFirst", view.presentation_first);
    settings.setValue("view/presentationSecond", view.presentation_second);
}

void AppSettings::save_geometry(const QByteArray& geometry) {
    QSettings().setValue(kGeometry, geometry);
}

QString AppSettings::language() {
    const QString code = QSettings().value(kLanguage).toString();
    return available_languages().contains(code) ? code : QString();
}

void AppSettings::save_language(const QString& code) {
    QSettings().setValue(kLanguage, code);
}

QRect AppSettings::first_window_geometry(const QRect& available, const QSize& minimum) {
    if (!available.isValid()) return QRect(QPoint(0, 0), minimum.expandedTo(QSize(1280, 800)));
    QSize size(qRound(available.width() * 0.9), qRound(available.height() * 0.9));
    size = size.expandedTo(minimum).boundedTo(available.size());
    QRect r(QPoint(0, 0), size);
    r.moveCenter(available.center());
    return r;
}

}  // namespace conclab::ui
