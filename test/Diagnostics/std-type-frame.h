// A split method's locals kept across a remote call follow the same rules: a
// set, variant or array of serializable types is carried in the frame, one of
// pointers is not, and the element at fault is named.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <array>
#include <list>
#include <set>
#include <string>
#include <variant>
#include <vector>
class Peer {
  FLOWC_ENTITY(Peer);
  FLOWC_KEY int id_ = 0;
public:
  int get() const { return id_; }
};
class Walker {
  FLOWC_ENTITY(Walker);
  FLOWC_KEY int id_ = 0;
public:
  int fine(flowc::Ref<Peer> peer) {
    std::set<int> seen{1, 2};
    std::variant<int, std::string> last = 0;
    std::array<std::list<int>, 2> lists{};
    int total = 0;
    for (int x : seen)
      total += x * peer->get() + static_cast<int>(last.index() + lists[0].size());
    return total;
  }
  int carry(flowc::Ref<Peer> peer) {
    std::list<const int *> seen{&id_};
    int n = peer->get();
    return n + static_cast<int>(seen.size());
  }
  // CHECK: std-type-frame.h:[[@LINE-4]]:28: error: local 'seen' of type 'std::list<const int *>' lives across the remote call to 'Peer::get' at line [[@LINE-3]], but it cannot be carried in the method's frame: 'const int *' is a raw pointer
  int alternative(flowc::Ref<Peer> peer) {
    std::variant<int, int *> slot = 0;
    int n = peer->get();
    return n + static_cast<int>(slot.index());
  }
  // CHECK: std-type-frame.h:[[@LINE-4]]:30: error: local 'slot' of type 'std::variant<int, int *>' lives across the remote call to 'Peer::get' at line [[@LINE-3]], but it cannot be carried in the method's frame: 'int *' is a raw pointer
  // An iterator says it is one, and what to keep instead.
  int position(flowc::Ref<Peer> peer) {
    std::set<int> seen{1, 2};
    auto at = seen.begin();
    int n = peer->get();
    return n + *at;
  }
  // CHECK: std-type-frame.h:[[@LINE-4]]:10: error: local 'at' of type 'std::_Rb_tree_const_iterator<int>' lives across the remote call to 'Peer::get' at line [[@LINE-3]], but it cannot be carried in the method's frame: 'std::_Rb_tree_const_iterator<int>' is an iterator, which points into a container that does not travel with it; keep an index or a key instead
  int vector_position(flowc::Ref<Peer> peer) {
    std::vector<int> v{1, 2};
    auto at = v.begin();
    int n = peer->get();
    return n + *at;
  }
  // CHECK: std-type-frame.h:[[@LINE-4]]:10: error: local 'at' of type '{{.*}}' lives across the remote call to 'Peer::get' at line [[@LINE-3]], but it cannot be carried in the method's frame: '{{.*}}' is an iterator, which points into a container that does not travel with it; keep an index or a key instead
};
