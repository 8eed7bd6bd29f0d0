// A method whose body is not in the file cannot be checked for remote calls:
// flowc warns (the body may be in a source file it is not given) and still
// writes the IR.
// RUN: %flowc --emit=ir %s > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=WARN --implicit-check-not=warning: --implicit-check-not=error: < %t.err
// RUN: FileCheck %s --check-prefix=IR < %t.out
#include <flowc/flowc.h>
#include <string>

class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return 1; }
  int elsewhere(flowc::Ref<Item> other);
  // WARN: declared-only-method.h:[[@LINE-1]]:7: warning: entity method 'Item::elsewhere' is not defined in this file; flowc cannot see its body, so any remote calls in it are not converted (define it in the entity's header)
  virtual int abstract() const = 0;
  virtual ~Item() = default;
private:
  FLOWC_KEY std::string id_;
};

// IR:      name: elsewhere
// IR:      remote_calls: []
// IR:      name: abstract
