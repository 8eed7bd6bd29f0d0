// Two FLOWC_KEY members: the second is the error, the first a note.
// RUN: not %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: count 0 < %t.out
#include <flowc/flowc.h>
#include <string>
class TwoKeys {
  FLOWC_ENTITY(TwoKeys);
  FLOWC_KEY std::string first_;
  FLOWC_KEY std::string second_;
  // CHECK: duplicate-key.h:[[@LINE-1]]:25: error: entity 'TwoKeys' has more than one FLOWC_KEY
  // CHECK: duplicate-key.h:[[@LINE-3]]:25: note: the first key is 'first_'
};
