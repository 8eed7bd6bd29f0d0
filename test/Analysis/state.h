// State is every non-static data member, in declaration order, with its type
// spelled as written but namespace-qualified.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace bank {

enum class Kind { Checking, Savings };
struct Entry {
  std::string memo;
  std::int64_t cents = 0;
  std::vector<Entry> children; // recursive through a container is fine
};
using Ledger = std::vector<Entry>;

class Account {
  FLOWC_ENTITY(Account);
  static int instances_; // static: not state

  FLOWC_KEY std::string id_;
  int balance_ = 0;
  double rate_ = 0.0;
  bool frozen_ = false;
  Kind kind_ = Kind::Checking;
  Ledger ledger_;
  std::map<std::string, std::vector<int>> tags_;
  std::unordered_map<int, std::optional<std::string>> notes_;
  std::pair<int, std::string> last_;
  std::tuple<int, double, std::string> stats_;
  flowc::Ref<Account> parent_;
  std::vector<flowc::Ref<Account>> children_;
  std::map<std::string, flowc::Ref<Account>> by_name_;
};

} // namespace bank

// CHECK:      state:
// CHECK-NEXT:   - {name: id_, type: std::string}
// CHECK-NEXT:   - {name: balance_, type: int, initialized: true}
// CHECK-NEXT:   - {name: rate_, type: double, initialized: true}
// CHECK-NEXT:   - {name: frozen_, type: bool, initialized: true}
// CHECK-NEXT:   - {name: kind_, type: bank::Kind, initialized: true}
// CHECK-NEXT:   - {name: ledger_, type: bank::Ledger}
// CHECK-NEXT:   - {name: tags_, type: "std::map<std::string, std::vector<int>>"}
// CHECK-NEXT:   - {name: notes_, type: "std::unordered_map<int, std::optional<std::string>>"}
// CHECK-NEXT:   - {name: last_, type: "std::pair<int, std::string>"}
// CHECK-NEXT:   - {name: stats_, type: "std::tuple<int, double, std::string>"}
// CHECK-NEXT:   - {name: parent_, type: flowc::Ref<bank::Account>}
// CHECK-NEXT:   - {name: children_, type: std::vector<flowc::Ref<bank::Account>>}
// CHECK-NEXT:   - {name: by_name_, type: "std::map<std::string, flowc::Ref<bank::Account>>"}
// CHECK-NEXT: constructors: []
