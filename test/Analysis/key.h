// The key: a std::string or any integral member, wherever it is declared.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <flowc/flowc.h>
#include <cstdint>
#include <string>

class ByName {
  FLOWC_ENTITY(ByName);
  int other_ = 0;
  FLOWC_KEY std::string name_;
};
// CHECK-LABEL: name: ByName
// CHECK:       key: {name: name_, type: std::string}

class ById {
  FLOWC_ENTITY(ById);
  FLOWC_KEY std::uint64_t id_ = 0;
};
// CHECK-LABEL: name: ById
// CHECK:       key: {name: id_, type: std::uint64_t}

class ByChar {
  FLOWC_ENTITY(ByChar);
  FLOWC_KEY unsigned char code_ = 0;
};
// CHECK-LABEL: name: ByChar
// CHECK:       key: {name: code_, type: unsigned char}
