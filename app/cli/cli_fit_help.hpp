#pragma once
// What `conclab-cli calibrate --help` and `validate --help` add to the flags: what the fit and
// the check do, and what they cannot capture.

namespace conclab::cli {

const char* calibrate_help();
const char* validate_help();

}  // namespace conclab::cli
