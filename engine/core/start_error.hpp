#pragma once

#include <stdexcept>

namespace conclab {

// Thrown when a run cannot begin: invalid config, port in use, worker program missing, too few
// file descriptors. The message is meant for the user as it is.
class StartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace conclab
