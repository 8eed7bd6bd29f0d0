// Entity methods are called by name: no overloads, no templates, no C
// variadics.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
class Shapes {
  FLOWC_ENTITY(Shapes);
  FLOWC_KEY int id_ = 0;
public:
  void set(int v);
  void set(double v);
  // CHECK: methods-shape.h:[[@LINE-1]]:8: error: entity method 'Shapes::set' is overloaded; methods are called by name, so each name must be unique
  // CHECK: methods-shape.h:[[@LINE-3]]:8: note: the other overload is here
  template <class T> void any(T value);
  // CHECK: methods-shape.h:[[@LINE-1]]:27: error: 'Shapes::any' is a member function template; entity methods cannot be templates
  int log(const char *format, ...);
  // CHECK: methods-shape.h:[[@LINE-1]]:7: error: entity method 'Shapes::log' is variadic; its arguments could not be sent
  // CHECK: methods-shape.h:[[@LINE-2]]:23: error: parameter 'format' of 'Shapes::log' has type 'const char *'
};
