// engine_text: the engine's English messages worded in the GUI's language. The messages are made
// by the engine's own code (tests/support/engine_messages.hpp), so a sentence changed in the
// engine and not in the table shows here; every pattern of the table must match one of them.
// With Korean loaded each comes out with Hangul and with the figures the engine wrote.
#include <QtTest>

#include <QRegularExpression>

#include <algorithm>

#include "calibrate/calibrate_dialog.hpp"
#include "core/run_fields.hpp"
#include "core/server_shapes.hpp"
#include "engine_messages.hpp"
#include "experiment/calibration.hpp"
#include "text/app_language.hpp"
#include "text/engine_text.hpp"

using namespace conclab;
using namespace conclab::test;
using namespace conclab::ui;

namespace {

bool has_hangul(const QString& text) {
    static const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
    return text.contains(hangul);
}

QStringList figures_of(const QString& text) {
    QStringList out;
    static const QRegularExpression number("\\d+(?:\\.\\d+)?");
    for (auto it = number.globalMatch(text); it.hasNext();) out << it.next().captured();
    return out;
}

// A calibration of the Flask dev server with its overhead fitted, as the dialog gets it.
CalibrationResult flask_calibration(int connections, double overhead_us) {
    CalibrationResult r;
    r.shape = "Flask dev server (Werkzeug)";
    r.connections = connections;
    r.repeats = 3;
    r.has_fit = true;
    r.fit.overhead_us = overhead_us;
    return r;
}

}  // namespace

class TstEngineText : public QObject {
    Q_OBJECT
private slots:
    void cleanupTestCase() { apply_language("en"); }

    void everyPatternMatchesARealMessageAndReadsInKorean() {
        std::vector<std::string> messages = tick_warnings();
        for (auto more :
             {worker_problems(), refusals_and_markers(), calibration_lines(), validation_verdicts(),
              sweep_notes(), start_errors(), scenario_field_errors()}) {
            messages.insert(messages.end(), more.begin(), more.end());
        }
        // The registry's choices, as "(changed: model event-loop → gil-threads)" names them;
        // reuseport, libuv and gevent stay the names of a socket option and two libraries.
        for (const RunField& f : run_fields()) {
            if (f.kind != FieldKind::Choice) continue;
            for (const QString& choice :
                 QString::fromUtf8(f.choices.data(), f.choices.size()).split(" | ")) {
                if (choice != "reuseport" && choice != "libuv" && choice != "gevent") {
                    messages.push_back(choice.toStdString());
                }
            }
        }
        QCOMPARE(apply_language("ko"), QString("ko"));
        std::vector<int> before(engine_text_pattern_count());
        for (int i = 0; i < engine_text_pattern_count(); ++i) before[i] = engine_text_hits(i);
        for (const std::string& m : messages) {
            if (m.empty()) continue;
            const QString english = QString::fromStdString(m);
            const QString korean = engine_text(english);
            QVERIFY2(has_hangul(korean), qPrintable("not translated: " + english));
            for (const QString& figure : figures_of(english)) {
                QVERIFY2(korean.contains(figure),
                         qPrintable(QString("%1 lost in: %2 → %3").arg(figure, english, korean)));
            }
        }
        for (int i = 0; i < engine_text_pattern_count(); ++i) {
            QVERIFY2(engine_text_hits(i) > before[i],
                     qPrintable("no engine message matches: " + engine_text_pattern(i)));
        }
    }

    // A scenario file's field errors: not only the frame 필드 "x": but the reason after it in
    // Korean (the frame alone would pass the test above with an English reason).
    void scenarioFieldReasonsReadInKorean() {
        QCOMPARE(apply_language("ko"), QString("ko"));
        static const QRegularExpression frame(QString::fromUtf8("^필드 \"[a-z_]+\": "));
        for (const std::string& m : scenario_field_errors()) {
            const QString english = QString::fromStdString(m);
            QString reason = engine_text(english);
            QVERIFY2(reason.contains(frame) || !english.startsWith("field"), qPrintable(reason));
            reason.remove(frame);
            QVERIFY2(has_hangul(reason), qPrintable("English reason: " + english + " → " + reason));
        }
        apply_language("en");
    }

    // Each template has a place for each captured part, and no more.
    void templatesFitTheirPatterns() {
        static const QRegularExpression place("%(\\d)");
        for (int i = 0; i < engine_text_pattern_count(); ++i) {
            const QRegularExpression re(engine_text_pattern(i));
            QVERIFY2(re.isValid(), qPrintable(engine_text_pattern(i)));
            int highest = 0;
            for (auto it = place.globalMatch(engine_text_template(i)); it.hasNext();)
                highest = std::max(highest, it.next().captured(1).toInt());
            QVERIFY2(highest == re.captureCount(), qPrintable(engine_text_template(i)));
        }
    }

    // The Calibrate dialog's picker: every shape of the engine named and described.
    void everyServerShapeIsTranslated() {
        apply_language("ko");
        for (const ServerShape& s : server_shapes()) {
            QVERIFY2(has_hangul(shape_description_text(s)), s.key.data());
        }
        QVERIFY(has_hangul(shape_name_text(find_server_shape("flask-dev")->name)));
        apply_language("en");
        QCOMPARE(shape_name_text(find_server_shape("flask-dev")->name),
                 QString("Flask dev server (Werkzeug)"));
    }

    // The Calibrate dialog's result: the shape, each fitted and not fitted line, the warnings
    // and why not, every paragraph in Korean with the engine's figures.
    void calibrateDialogResultReadsInKorean() {
        const std::vector<std::string> lines = calibration_lines();
        CalibrationResult r = flask_calibration(50, 306);
        r.fitted = {lines[8], lines[14]};
        r.not_fitted = {lines[12], lines[13]};
        r.warnings = {lines[15]};
        r.why_not = lines[18];
        apply_language("ko");
        const QString html = calibration_html(r);
        apply_language("en");
        static const QRegularExpression paragraph("<p[^>]*>(.*?)</p>");
        int n = 0;
        for (auto it = paragraph.globalMatch(html); it.hasNext(); ++n) {
            const QString text = it.next().captured(1);
            QVERIFY2(has_hangul(text), qPrintable(text));
        }
        // Heading, framework cost, 2 fitted, 2 not fitted, a warning, why not, the closing note.
        QCOMPARE(n, 9);
        QVERIFY2(html.contains("Flask 개발 서버") && html.contains("61.2 µs") &&
                     html.contains("1850 req/s"),
                 qPrintable(html));
        // In English the lines read as before, without their keys.
        const QString english = calibration_html(r);
        QVERIFY2(english.contains("Fitted: framework cost per request, holding the GIL: 306.0 µs"),
                 qPrintable(english));
        QVERIFY(english.contains("Warning: the real server closed the connection"));
    }

    // With the cost after I/O fitted: its figure beside the overhead, its line, and the closing
    // note says both rates were fitted — in Korean too.
    void calibrateDialogShowsTheCostAfterIo() {
        const std::vector<std::string> lines = calibration_lines();
        CalibrationResult r = flask_calibration(10, 444);
        r.fitted_config.server.workload.resume_us = 112.3;
        r.resume = ResumeFit{};
        r.resume->io_ms = 50;
        const auto resume_line = std::find_if(lines.begin(), lines.end(), [](const auto& l) {
            return l.rfind("resume_us (framework cost after each I/O wait): 104.0 µs, fitted", 0) ==
                   0;
        });
        QVERIFY(resume_line != lines.end());
        r.fitted = {*resume_line};
        const QString english = calibration_html(r);
        QVERIFY2(english.contains("Framework cost after each I/O wait: <b>112 µs</b>"),
                 qPrintable(english));
        QVERIFY2(english.contains("no work and with 50 ms of I/O per request are fitted"),
                 qPrintable(english));
        QVERIFY(english.contains("Fitted: framework cost after each I/O wait: 104.0 µs"));
        apply_language("ko");
        const QString korean = calibration_html(r);
        apply_language("en");
        QVERIFY2(korean.contains("I/O 대기마다 드는 프레임워크 비용: <b>112 µs</b>") &&
                     korean.contains("요청당 I/O 50 ms의 처리량"),
                 qPrintable(korean));
    }

    // The English window shows the engine's own sentence; unknown text passes through.
    void englishAndUnknownTextPassThrough() {
        apply_language("en");
        const std::string note = worker_problems().front();
        QCOMPARE(engine_text(note), QString::fromStdString(note));
        apply_language("ko");
        QCOMPARE(engine_text(QString("something the table does not know")),
                 QString("something the table does not know"));
        QVERIFY(has_hangul(engine_text(QString::fromStdString(note))));
        apply_language("en");
    }
};

QTEST_MAIN(TstEngineText)
#include "tst_engine_text.moc"
