// An entity's state and methods are what it declares itself: a base that
// would add state, methods or another entity is an error, not silently left
// out of the IR.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
struct Counted { int count = 0; };
struct Greeter { void greet() const {} };
struct Deep : Counted {};
class Parent { FLOWC_ENTITY(Parent); FLOWC_KEY int id_ = 0; };

class WithState : public Counted {
  // CHECK: bases.h:[[@LINE-1]]:19: error: entity 'WithState' derives from 'Counted', which has data member 'count'; an entity's state and methods must be declared in the entity itself
  FLOWC_ENTITY(WithState);
  FLOWC_KEY int id_ = 0;
};
class WithMethod : public Greeter {
  // CHECK: bases.h:[[@LINE-1]]:20: error: entity 'WithMethod' derives from 'Greeter', which has public method 'greet'; an entity's state and methods must be declared in the entity itself
  FLOWC_ENTITY(WithMethod);
  FLOWC_KEY int id_ = 0;
};
class Indirect : Deep {
  // CHECK: bases.h:[[@LINE-1]]:18: error: entity 'Indirect' derives from 'Deep', which has data member 'count' (through its base 'Counted'); an entity's state and methods must be declared in the entity itself
  FLOWC_ENTITY(Indirect);
  FLOWC_KEY int id_ = 0;
};
class Child : public Parent {
  // CHECK: bases.h:[[@LINE-1]]:15: error: entity 'Child' derives from 'Parent', which is an entity; an entity's state and methods must be declared in the entity itself
  FLOWC_ENTITY(Child);
  FLOWC_KEY int cid_ = 0;
};
// Its key would be the base's: the one mistake gets one error, not a second
// that it has no key.
class Heir : public Parent {
  // CHECK: bases.h:[[@LINE-1]]:14: error: entity 'Heir' derives from 'Parent', which is an entity; an entity's state and methods must be declared in the entity itself
  FLOWC_ENTITY(Heir);
public:
  int get() const { return 1; }
};
