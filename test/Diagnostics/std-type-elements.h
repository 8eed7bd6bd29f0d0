// The standard containers and std::variant are serializable only when what
// they hold is: the element at fault is named. Standard types still not
// supported are named as such.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <array>
#include <deque>
#include <forward_list>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <stack>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <variant>
struct Hidden { private: int secret_ = 0; };
class Inner { FLOWC_ENTITY(Inner); FLOWC_KEY int id_ = 0; };
class Bad {
  FLOWC_ENTITY(Bad);
  FLOWC_KEY int id_ = 0;
  std::set<int *> set_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:19: error: state member 'set_' of entity 'Bad' has type 'std::set<int *>', which cannot be serialized: 'int *' is a raw pointer
  std::multiset<std::string_view> multiset_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:35: error: {{.*}}'std::multiset<std::string_view>', which cannot be serialized: 'std::string_view' does not own what it refers to
  std::unordered_set<const char *> unordered_set_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:36: error: {{.*}}'std::unordered_set<const char *>', which cannot be serialized: 'const char *' is a raw pointer
  std::multimap<int, Hidden> multimap_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:30: error: {{.*}}which cannot be serialized: 'Hidden' has a non-public member 'secret_'
  std::deque<std::unique_ptr<int>> deque_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:36: error: {{.*}}which cannot be serialized: 'std::unique_ptr<int>' is a smart pointer
  std::list<Inner> list_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:20: error: {{.*}}which cannot be serialized: 'Inner' is an entity (pass a flowc::Ref<Inner> instead)
  std::array<int *, 2> array_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:24: error: {{.*}}'std::array<int *, 2>', which cannot be serialized: 'int *' is a raw pointer
  std::variant<int, std::function<void()>> variant_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:44: error: {{.*}}which cannot be serialized: 'std::function<void ()>' holds code, not data
  std::map<int, std::variant<std::monostate, std::set<int *>>> nested_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:64: error: {{.*}}which cannot be serialized: 'int *' is a raw pointer
  template <class T> using Pointers = std::multiset<T *>;
  Pointers<int> aliased_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:17: error: {{.*}}'Bad::Pointers<int>', which cannot be serialized: 'int *' is a raw pointer
  std::forward_list<Inner> forward_list_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:28: error: {{.*}}'std::forward_list<Inner>', which cannot be serialized: 'Inner' is an entity (pass a flowc::Ref<Inner> instead)
  std::unordered_multiset<int *> unordered_multiset_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:34: error: {{.*}}'std::unordered_multiset<int *>', which cannot be serialized: 'int *' is a raw pointer
  std::unordered_multimap<int, std::string_view> unordered_multimap_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:50: error: {{.*}}'std::unordered_multimap<int, std::string_view>', which cannot be serialized: 'std::string_view' does not own what it refers to
  std::stack<int> stack_;
  // CHECK: std-type-elements.h:[[@LINE-1]]:19: error: {{.*}}'std::stack<int>' is not one of the supported standard types
public:
  void take(std::set<int *> xs);
  // CHECK: std-type-elements.h:[[@LINE-1]]:29: error: parameter 'xs' of 'Bad::take' has type 'std::set<int *>', which cannot be serialized: 'int *' is a raw pointer
  std::array<std::string_view, 1> give();
  // CHECK: std-type-elements.h:[[@LINE-1]]:35: error: entity method 'Bad::give' returns 'std::array<std::string_view, 1>', which cannot be serialized: 'std::string_view' does not own what it refers to
  std::unordered_multimap<std::string, int> pairs(std::forward_list<std::unique_ptr<int>> l);
  // CHECK: std-type-elements.h:[[@LINE-1]]:91: error: parameter 'l' of 'Bad::pairs' has type 'std::forward_list<std::unique_ptr<int>>', which cannot be serialized: 'std::unique_ptr<int>' is a smart pointer
};
