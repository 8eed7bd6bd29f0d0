// args.h - the bench programs' command line: "--name value" pairs, positive numbers, usage.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bench {

// argv read as "--name value" pairs. Whatever does not fit prints
// "usage: ARGV0 SYNOPSIS" to stderr and exits with status 2:
//
//   bench::Args args(argc, argv, "--workers W [--chains N]");
//   while (args.next())
//     if (args.is("--workers")) workers = args.number();
//     else args.usage();
class Args {
public:
  Args(int argc, char **argv, const char *synopsis)
      : argc_(argc), argv_(argv), synopsis_(synopsis) {}

  // Moves to the next pair; false when none is left. A name without a value
  // is a usage error.
  bool next() {
    if (a_ >= argc_)
      return false;
    if (a_ + 1 >= argc_)
      usage();
    name_ = argv_[a_];
    value_ = argv_[a_ + 1];
    a_ += 2;
    return true;
  }

  // Whether the pair's name is `name` (and, with a `value`, its value is that).
  bool is(const char *name) const { return !std::strcmp(name_, name); }
  bool is(const char *name, const char *value) const {
    return is(name) && !std::strcmp(value_, value);
  }
  const char *value() const { return value_; }

  // The pair's value as a number greater than 0.
  long number() const {
    char *end = nullptr;
    long v = std::strtol(value_, &end, 10);
    if (end == value_ || *end != '\0' || v <= 0)
      usage();
    return v;
  }

  [[noreturn]] void usage() const {
    std::fprintf(stderr, "usage: %s %s\n", argv_[0], synopsis_);
    std::exit(2);
  }

private:
  int argc_;
  char **argv_;
  const char *synopsis_;
  int a_ = 1;
  const char *name_ = "";
  const char *value_ = "";
};

} // namespace bench
