// Structs the generated code must serialize: those reachable from state,
// public method signatures and the locals of split methods, through std
// containers, each listed once after the structs it contains (Box<int>,
// named only as a map's value type, is instantiated for it). Structs only
// in private methods, or not serializable, are not listed.
// RUN: %flowc --emit=ir %s | FileCheck %s
// The generated codecs compile, for the template specialization too.
// RUN: rm -rf %t && %flowc %s -o %t
// RUN: %gxx %strict -c %t/structs.flowc.cpp -o %t/structs.o
#include <flowc/flowc.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {
struct Point { int x = 0, y = 0; };
struct Segment { Point from, to; };
template <class T> struct Box { T value; };
struct Hidden { int secret = 0; };
struct Local { std::string note; };
struct Unused { int n = 0; };
} // namespace geo

class Map;

class Tracker {
  FLOWC_ENTITY(Tracker);
public:
  std::optional<geo::Segment> last() const { return {}; }
  void add(std::map<std::string, geo::Box<int>> boxes) { (void)boxes; }
  int ping(flowc::Ref<Tracker> other) {
    geo::Local local{"x"};
    int n = other->count();
    return n + static_cast<int>(local.note.size());
  }
  int count() const { return 1; }
private:
  int hidden(geo::Hidden h) { return h.secret; }
  FLOWC_KEY int id_ = 0;
  std::vector<geo::Segment> path_;
};

// CHECK:      structs:
// CHECK-NEXT:   - name: Point
// CHECK-NEXT:     qualified_name: geo::Point
// CHECK-NEXT:     location: {{.*}}structs.h:17
// CHECK-NEXT:     fields:
// CHECK-NEXT:       - {name: x, type: int}
// CHECK-NEXT:       - {name: y, type: int}
// CHECK-NEXT:   - name: Segment
// CHECK-NEXT:     qualified_name: geo::Segment
// CHECK:            - {name: from, type: geo::Point}
// CHECK-NEXT:       - {name: to, type: geo::Point}
// CHECK-NEXT:   - name: Box
// CHECK-NEXT:     qualified_name: geo::Box<int>
// CHECK:        - name: Local
// CHECK-NOT:  Hidden
// CHECK-NOT:  Unused
