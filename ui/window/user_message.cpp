#include "window/user_message.hpp"

#include <QObject>
#include <QRegularExpression>

namespace conclab::ui {

UserMessage user_message(const QString& message) {
    // nlohmann::json's ids, "[json.exception.<kind>.<number>] ", as a prefix of its text.
    static const QRegularExpression id(QStringLiteral(R"(\[json\.exception\.([a-z_]+)\.\d+\]\s*)"));
    const QRegularExpressionMatch match = id.match(message);
    if (!match.hasMatch()) return {message, {}};
    QString text = message.left(match.capturedStart());
    const QString rest = message.mid(match.capturedEnd());
    if (match.captured(1) == QLatin1String("parse_error")) {
        // "parse error at line 3, column 7: syntax error while parsing object key - …"
        static const QRegularExpression where(QStringLiteral(R"(line (\d+), column (\d+))"));
        const QRegularExpressionMatch at = where.match(rest);
        const QString sentence =
            at.hasMatch() ? QObject::tr("the text stops being JSON at line %1, column %2")
                                .arg(at.captured(1), at.captured(2))
                          : QObject::tr("the text is not JSON");
        text += sentence;
    } else {
        text += rest;  // type and range errors say what was wrong in words already
    }
    return {text.trimmed(), message};
}

}  // namespace conclab::ui
