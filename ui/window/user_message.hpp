#pragma once
// Messages for people: what a library says about a failure ("[json.exception.parse_error.101]
// parse error at line 1, column 1: syntax error while parsing value - invalid literal; last
// read: 'x'") becomes a sentence ("… the text stops being JSON at line 1, column 1"); the
// original goes to the details of the message box and the log.

#include <QString>

namespace conclab::ui {

struct UserMessage {
    QString text;    // what the user reads
    QString detail;  // the original, when it said more than the text (else empty)
};

UserMessage user_message(const QString& message);

}  // namespace conclab::ui
