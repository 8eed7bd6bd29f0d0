// flowc::Ref<T> must name an entity whose definition is visible.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <vector>
class Plain {};
class Declared;
class Real { FLOWC_ENTITY(Real); FLOWC_KEY int id_ = 0;
public:
  void take(flowc::Ref<Plain> p);
  // CHECK: ref-not-entity.h:[[@LINE-1]]:24: error: flowc::Ref names 'Plain', which is not an entity (an entity class starts with FLOWC_ENTITY)
  std::vector<flowc::Ref<int>> ints_;
  // CHECK: ref-not-entity.h:[[@LINE-1]]:26: error: flowc::Ref names 'int', which is not an entity
  flowc::Ref<Declared> later_;
  // CHECK: ref-not-entity.h:[[@LINE-1]]:14: error: flowc::Ref names 'Declared', whose definition is not visible; include the header that defines the entity
};
