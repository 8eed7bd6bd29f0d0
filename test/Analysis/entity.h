// An entity's name, qualified name and location (file as given, class line).
// RUN: cd %S && %flowc --emit=ir entity.h | FileCheck %s
#include <flowc/flowc.h>
#include <string>

namespace outer::inner {

class Account {
  FLOWC_ENTITY(Account);

public:
  explicit Account(std::string id) : id_(id) {}

private:
  FLOWC_KEY std::string id_;
};

} // namespace outer::inner

struct Global {
  FLOWC_ENTITY(Global);
  FLOWC_KEY int id = 0;
};

// CHECK:      flowc_ir: 1
// CHECK-NEXT: entities:
// CHECK-NEXT:   - name: Account
// CHECK-NEXT:     qualified_name: outer::inner::Account
// CHECK-NEXT:     location: entity.h:8
// CHECK:        - name: Global
// CHECK-NEXT:     qualified_name: Global
// CHECK-NEXT:     location: entity.h:20
// CHECK:      jobs: []
