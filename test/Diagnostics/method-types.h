// Parameters and results travel by value: non-serializable ones and non-const
// references are errors, named with the method.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <functional>
#include <string>
class Calls {
  FLOWC_ENTITY(Calls);
  FLOWC_KEY int id_ = 0;
  int value_ = 0;
public:
  Calls(int *start);
  // CHECK: method-types.h:[[@LINE-1]]:14: error: parameter 'start' of the constructor of 'Calls' has type 'int *', which cannot be serialized: 'int *' is a raw pointer
  void out(int &result) { result = value_; }
  // CHECK: method-types.h:[[@LINE-1]]:17: error: parameter 'result' of 'Calls::out' is a non-const reference; arguments are sent by value, so take it by value or by const reference
  // CHECK-NEXT: void out(int &result) { result = value_; }
  // CHECK-NEXT: | {{ *}}^
  // CHECK-NEXT: | {{ *}}const{{ $}}
  void on(std::function<void()> callback);
  // CHECK: method-types.h:[[@LINE-1]]:33: error: parameter 'callback' of 'Calls::on' has type 'std::function<void ()>', which cannot be serialized
  int *where() { return &value_; }
  // CHECK: method-types.h:[[@LINE-1]]:8: error: entity method 'Calls::where' returns 'int *', which cannot be serialized: 'int *' is a raw pointer
  int &value() { return value_; }
  // CHECK: method-types.h:[[@LINE-1]]:8: error: entity method 'Calls::value' returns a non-const reference; results are sent by value
  void fine(const std::string &a, std::string &&b, int c) const;
};
