// State that cannot be serialized is named with the reason, member by member.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <functional>
#include <memory>
#include <stack>
#include <string>
#include <string_view>
#include <vector>
struct Hidden { private: int secret_ = 0; };
struct Virtual { virtual ~Virtual() = default; int x = 0; };
struct Holder { int *p = nullptr; };
struct NoDefault { explicit NoDefault(int v) : v(v) {} int v; };
struct Fixed { const int v = 1; };
struct HoldsNoDefault { NoDefault inner; };
class Inner { FLOWC_ENTITY(Inner); FLOWC_KEY int id_ = 0; };
class Bad {
  FLOWC_ENTITY(Bad);
  FLOWC_KEY int id_ = 0;
  int *raw_;
  // CHECK: state-types.h:[[@LINE-1]]:8: error: state member 'raw_' of entity 'Bad' has type 'int *', which cannot be serialized: 'int *' is a raw pointer
  int &ref_;
  // CHECK: state-types.h:[[@LINE-1]]:8: error: state member 'ref_' of entity 'Bad' has type 'int &', which cannot be serialized: 'int &' is a reference
  std::function<int(int)> callback_;
  // CHECK: state-types.h:[[@LINE-1]]:27: error: state member 'callback_' of entity 'Bad' has type 'std::function<int (int)>', which cannot be serialized: 'std::function<int (int)>' holds code, not data
  std::vector<const char *> names_;
  // CHECK: state-types.h:[[@LINE-1]]:29: error: {{.*}}'std::vector<const char *>', which cannot be serialized: 'const char *' is a raw pointer
  std::string_view view_;
  // CHECK: state-types.h:[[@LINE-1]]:20: error: {{.*}}'std::string_view' does not own what it refers to
  std::unique_ptr<int> owned_;
  // CHECK: state-types.h:[[@LINE-1]]:24: error: {{.*}}is a smart pointer
  std::stack<int> stack_;
  // CHECK: state-types.h:[[@LINE-1]]:19: error: {{.*}}'std::stack<int>' is not one of the supported standard types
  Hidden hidden_;
  // CHECK: state-types.h:[[@LINE-1]]:10: error: {{.*}}'Hidden' has a non-public member 'secret_'
  Virtual virtual_;
  // CHECK: state-types.h:[[@LINE-1]]:11: error: {{.*}}'Virtual' has virtual functions
  Holder holder_;
  // CHECK: state-types.h:[[@LINE-1]]:10: error: {{.*}}member 'p' of 'Holder': 'int *' is a raw pointer
  Inner inner_;
  // CHECK: state-types.h:[[@LINE-1]]:9: error: {{.*}}'Inner' is an entity (pass a flowc::Ref<Inner> instead)
  int array_[4];
  // CHECK: state-types.h:[[@LINE-1]]:7: error: {{.*}}is a C array (use std::vector)
  NoDefault no_default_;
  // CHECK: state-types.h:[[@LINE-1]]:13: error: {{.*}}'NoDefault' has no public default constructor (a decoded value is built first, then its members are read into it)
  std::vector<HoldsNoDefault> holds_;
  // CHECK: state-types.h:[[@LINE-1]]:31: error: {{.*}}member 'inner' of 'HoldsNoDefault': 'NoDefault' has no public default constructor
  Fixed fixed_;
  // CHECK: state-types.h:[[@LINE-1]]:9: error: {{.*}}'Fixed' has a const member 'v', which decoding cannot write
  __int128 wide_;
  // CHECK: state-types.h:[[@LINE-1]]:12: error: {{.*}}'__int128' is not a standard arithmetic type (use std::int64_t, double or another standard one)
};
