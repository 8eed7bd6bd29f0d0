// std::monostate belongs to the codec: it is not listed as a struct of the
// input (it was once, and the generated code then gave it a second Codec).
// RUN: %flowc --emit=ir %s | FileCheck %s --implicit-check-not=monostate
// RUN: rm -rf %t && %flowc %s -o %t
// RUN: %gxx %strict -c %t/variant-empty.flowc.cpp -o %t/o.o
#include <flowc/flowc.h>
#include <string>
#include <variant>

struct Point { int x = 0, y = 0; };

class Shape {
  FLOWC_ENTITY(Shape);
public:
  std::size_t kind() const { return value_.index(); }
private:
  FLOWC_KEY int id_ = 0;
  std::variant<std::monostate, Point, std::string> value_;
  // CHECK: {name: value_, type: "std::variant<std::monostate, Point, std::string>"}
};
// CHECK: structs:
// CHECK-NEXT: - name: Point
