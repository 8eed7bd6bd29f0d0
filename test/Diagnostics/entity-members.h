// The key is an entity's identity: a method that may change it is an error
// (the runtime would keep the entity under its old key). A static data member
// is not state: flowc warns (it is shared, not saved, not rolled back).
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <string>
class Account {
  FLOWC_ENTITY(Account);
public:
  explicit Account(std::string id) : id_(std::move(id)) {}
  void rename(std::string id) { id_ = id; }
  // CHECK-DAG: entity-members.h:[[@LINE-1]]:33: error: 'Account::rename' may change the key member 'id_'; an entity is found by its key, which is set by its constructor and never changes
  void append(std::string s) { id_.append(s); }
  // CHECK-DAG: entity-members.h:[[@LINE-1]]:32: error: 'Account::append' may change the key member 'id_'
  std::string id() const { return id_; }
  std::size_t length() { return id_.size() + static_cast<std::size_t>(opened_); }
  static int count() { return opened_; }
private:
  FLOWC_KEY std::string id_;
  static inline int opened_ = 0;
  // CHECK-DAG: entity-members.h:[[@LINE-1]]:21: warning: static data member 'opened_' of entity 'Account' is not state: every entity of the type in one process shares it, and it is not saved with a chain, rolled back, or seen on other ranks
  static constexpr int limit_ = 10;
  static const int floor_ = 1;
};
// CHECK: 1 warning and 2 errors generated.
