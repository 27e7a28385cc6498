#pragma once
// How conclab-cli talks: through C stdio only (progress lines are printf-formatted; one buffer
// per stream keeps messages in order), errors prefixed "conclab-cli: ", and results written to
// "-" (stdout) or to a file written atomically (never over an existing one without --force).

#include <string>

namespace conclab::cli {

// "conclab-cli: MESSAGE" and a newline, on stderr.
void print_error(const std::string& message);
// `text` as it is, on stdout or stderr.
void print_out(const std::string& text);
void print_err(const std::string& text);

// False (the reason on stderr) when the file cannot be written, or stdout cannot take it.
[[nodiscard]] bool write_output(const std::string& path, const std::string& content, bool force);

}  // namespace conclab::cli
