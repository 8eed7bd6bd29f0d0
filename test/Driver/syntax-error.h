// A syntax error gets Clang's own error, exit 1, and no IR on stdout.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: count 0 < %t.out
// RUN: %flowc --emit=ir %s; test $? -eq 1
#include <flowc/flowc.h>
class Broken {
  FLOWC_ENTITY(Broken);
  FLOWC_KEY int id = 0
  // CHECK: syntax-error.h:[[@LINE-1]]:23: error: expected ';' at end of declaration list
};
