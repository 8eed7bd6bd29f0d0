// An entity the generated file cannot name: in an anonymous namespace each
// file that includes the header has its own class, so flowc exited 0 and the
// link failed (undefined reference to EntityTraits<(anonymous namespace)::
// Hidden>). It is an error naming the entity.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
namespace {
class Hidden {
  // CHECK: entity-linkage.h:[[@LINE-1]]:7: error: entity 'Hidden' is in an anonymous namespace; the generated code defines its methods' machines in another file, which cannot name it, so put it in a named namespace
  FLOWC_ENTITY(Hidden);
  FLOWC_KEY int id_ = 0;
public:
  int get() const { return id_; }
};
} // namespace
namespace shown {
class Visible {
  FLOWC_ENTITY(Visible);
  FLOWC_KEY int id_ = 0;
public:
  int get() const { return id_; }
};
} // namespace shown
