// Generated code calls methods on the entity object, an lvalue.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class Moving {
  FLOWC_ENTITY(Moving);
public:
  void consume() && {}
  // CHECK: rvalue-method.h:[[@LINE-1]]:8: error: entity method 'Moving::consume' is '&&'-qualified; it could not be called on the entity
  void lvalue() & {}
private:
  FLOWC_KEY int id_ = 0;
};
