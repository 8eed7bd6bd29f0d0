// thrown.h - what a callee's exception is when it reaches a caller's catch.
//
// A method that catches around a remote call (docs/architecture.md, "Catching
// a callee's failure") gets the callee's exception back at the call, rethrown
// by the generated code. Exceptions are not data, so what travels is the
// message and the class, as the most derived of the standard library's
// exception classes the exception is an object of: a handler of any of these
// classes, of std::exception or `...` catches exactly what it would catch in
// direct mode, with the same what(). flowc rejects handlers of other classes
// around a remote call (they could not match).
#pragma once

#include "flowc/runtime/errors.h"

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace flowc::detail {

enum class Thrown : std::uint8_t {
  unknown, // not a std::exception (`throw 42`)
  exception, // a std::exception of none of the classes below
  logic_error,
  invalid_argument,
  domain_error,
  length_error,
  out_of_range,
  runtime_error,
  range_error,
  overflow_error,
  underflow_error,
  bad_alloc,
  bad_optional_access,
  bad_variant_access,
  not_found, // flowc::EntityNotFound: the callee's entity does not exist
  runtime,   // no method threw: the runtime failed the call (its depth
             // limit, a malformed message); never handed to a handler
};
inline constexpr std::uint8_t last_thrown =
    static_cast<std::uint8_t>(Thrown::runtime);

template <class T> bool is_a(const std::exception &e) {
  return dynamic_cast<const T *>(&e) != nullptr;
}

// The class `e` travels as: the most derived one it is an object of.
inline Thrown classify(const std::exception &e) {
  if (is_a<EntityNotFound>(e))
    return Thrown::not_found;
  if (is_a<std::logic_error>(e)) {
    if (is_a<std::invalid_argument>(e))
      return Thrown::invalid_argument;
    if (is_a<std::domain_error>(e))
      return Thrown::domain_error;
    if (is_a<std::length_error>(e))
      return Thrown::length_error;
    if (is_a<std::out_of_range>(e))
      return Thrown::out_of_range;
    return Thrown::logic_error;
  }
  if (is_a<std::runtime_error>(e)) {
    if (is_a<std::range_error>(e))
      return Thrown::range_error;
    if (is_a<std::overflow_error>(e))
      return Thrown::overflow_error;
    if (is_a<std::underflow_error>(e))
      return Thrown::underflow_error;
    return Thrown::runtime_error;
  }
  if (is_a<std::bad_alloc>(e))
    return Thrown::bad_alloc;
  if (is_a<std::bad_optional_access>(e))
    return Thrown::bad_optional_access;
  if (is_a<std::bad_variant_access>(e))
    return Thrown::bad_variant_access;
  return Thrown::exception;
}

// A std::exception of a class that does not travel: only its message does.
class ForeignException : public std::exception {
public:
  explicit ForeignException(std::string what) : what_(std::move(what)) {}
  const char *what() const noexcept override { return what_.c_str(); }

private:
  std::string what_;
};

// Not a std::exception, as what was thrown was not: only `...` catches it.
struct UnknownException {};

// Throws what the callee threw, as the class it travelled as.
[[noreturn]] inline void rethrow(Thrown kind, const std::string &what) {
  switch (kind) {
  case Thrown::unknown:
    throw UnknownException{};
  case Thrown::exception:
    throw ForeignException(what);
  case Thrown::logic_error:
    throw std::logic_error(what);
  case Thrown::invalid_argument:
    throw std::invalid_argument(what);
  case Thrown::domain_error:
    throw std::domain_error(what);
  case Thrown::length_error:
    throw std::length_error(what);
  case Thrown::out_of_range:
    throw std::out_of_range(what);
  case Thrown::runtime_error:
    throw std::runtime_error(what);
  case Thrown::range_error:
    throw std::range_error(what);
  case Thrown::overflow_error:
    throw std::overflow_error(what);
  case Thrown::underflow_error:
    throw std::underflow_error(what);
  case Thrown::bad_alloc:
    throw std::bad_alloc();
  case Thrown::bad_optional_access:
    throw std::bad_optional_access();
  case Thrown::bad_variant_access:
    throw std::bad_variant_access();
  case Thrown::not_found:
    throw EntityNotFound(what);
  case Thrown::runtime:
    break;
  }
  throw ForeignException(what);
}

} // namespace flowc::detail
