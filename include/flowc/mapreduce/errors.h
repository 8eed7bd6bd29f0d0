// errors.h - the two ways a MapReduce program fails: bad usage and bad input.
#pragma once

#include <stdexcept>
#include <string>

namespace flowc::mapreduce {

// Bad input data, an I/O failure, or an exception from a job's function: exit 1.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The map function failed on a line of a `run` chunk, `offset` bytes into
// it: `run` names the input and line from where the chunk came (run.cpp).
class MapLineError : public Error {
public:
  MapLineError(const std::string &what, std::size_t offset)
      : Error(what), offset(offset) {}
  std::size_t offset;
};

// Wrong command line: exit 2.
class UsageError : public Error {
public:
  using Error::Error;
};

// Renders a field for an error message: quoted, control bytes escaped, and cut
// short, so a multi-megabyte line does not flood the terminal.
std::string quote_for_message(std::string_view text);

} // namespace flowc::mapreduce
