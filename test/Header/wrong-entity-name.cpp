// Outside flowc, compilers reject FLOWC_ENTITY naming another class too.
// RUN: not %gxx %strict -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: not %clangxx %strict -fsyntax-only %s 2>&1 | FileCheck %s
#include <flowc/flowc.h>
class A {
  FLOWC_ENTITY(A);
};
class B {
  FLOWC_ENTITY(A);
};
// CHECK: FLOWC_ENTITY(A) must name the class it is written in
