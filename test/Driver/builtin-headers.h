// flowc finds Clang's builtin headers (stddef.h, stdarg.h, x86 intrinsics)
// and its own <flowc/flowc.h> with no flags, from the build or install tree.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <cstddef>
#include <cstdarg>
#include <immintrin.h>
struct Sized {
  FLOWC_ENTITY(Sized);
  FLOWC_KEY std::size_t id = 0;
};
// CHECK: key: {name: id, type: std::size_t}
