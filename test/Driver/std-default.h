// Headers parse as C++20 by default (concepts and <=> below), and a -std
// given after `--` wins.
// RUN: %flowc --emit=ir %s | FileCheck %s
// RUN: not %flowc --emit=ir %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=CXX17
#include <flowc/flowc.h>
#include <compare>
template <class T> concept Small = sizeof(T) <= 8;
struct Version {
  FLOWC_ENTITY(Version);
  FLOWC_KEY int id = 0;
  auto operator<=>(const Version &) const = default;
};
static_assert(Small<int>);
// CHECK: name: Version
// CXX17: error:
