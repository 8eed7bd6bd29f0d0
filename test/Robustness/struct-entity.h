// An entity written as a struct: FLOWC_ENTITY's own member template is public
// there, and is not taken for a user's method template.
// RUN: %flowc --emit=ir %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <flowc/flowc.h>
#include <string>
struct Point {
  FLOWC_ENTITY(Point);
  FLOWC_KEY std::string id_;
  int x = 0;
  int get() const { return x; }
};
// CHECK:      name: Point
// CHECK:      methods:
// CHECK-NEXT:   - name: get
