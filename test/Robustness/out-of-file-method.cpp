// A source file defining a method of an entity from its header: the entity is
// split with its own file, so a remote call here would silently stay a
// direct call. It is an error.
// RUN: not %flowc --emit=ir %s -- -I%S/Inputs > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include "header-entity.h"
int Item::total(flowc::Ref<Item> other) { return other->price() + 1; }
// CHECK: out-of-file-method.cpp:[[@LINE-1]]:57: error: remote call in 'Item::total', a method of entity 'Item', which is defined in another file; flowc splits an entity's methods only when they are defined in the entity's own file, so define 'Item::total' there
