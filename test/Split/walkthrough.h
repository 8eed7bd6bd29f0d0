// The worked example of docs/architecture.md ("The compiler, by example"):
// its IR and generated machine, as the document shows them.
// RUN: %flowc --emit=ir %s | FileCheck %s --check-prefix=IR
// RUN: rm -rf %t && %flowc %s -o %t
// RUN: FileCheck %s --check-prefix=CPP < %t/walkthrough.flowc.cpp
#include <flowc/flowc.h>
#include <string>
#include <vector>

class Item {
  FLOWC_ENTITY(Item);
public:
  explicit Item(std::string id, long price) : id_(std::move(id)), price_(price) {}
  long price() const { return price_; }
private:
  FLOWC_KEY std::string id_;
  long price_;
};

class Cart {
  FLOWC_ENTITY(Cart);
public:
  explicit Cart(int id) : id_(id) {}
  long total(std::vector<flowc::Ref<Item>> items, long coupon) {
    long sum = 0;
    for (const auto &item : items)
      sum += item->price();
    long shipping = sum / 10 + items.front()->price();
    return sum + shipping - coupon;
  }
private:
  FLOWC_KEY int id_;
};

// IR: name: total
// IR: suspensions:
// IR-NEXT: - {line: [[@LINE-10]], live: [items, coupon, sum]}
// IR-NEXT: - {line: [[@LINE-10]], live: [coupon, sum]}
// IR-NEXT: reads: []
// IR-NEXT: writes: []
// IR-NEXT: frame:
// IR-NEXT: - {name: items, type: std::vector<flowc::Ref<Item>>}
// IR-NEXT: - {name: coupon, type: long}
// IR-NEXT: - {name: sum, type: long}
// IR-NEXT: - {name: flowc_i1, type: flowc::detail::Position}
// IR-NEXT: - {name: flowc_t1, type: long}
// IR-NEXT: - {name: flowc_t2, type: long}
// IR-NEXT: - {name: flowc_t3, type: long}
// IR: locals:
// IR-NEXT: - {home: frame, name: sum, type: long}
// IR-NEXT: - {home: pointer, name: item, type: const flowc::Ref<Item>}
// IR: - loop:
// IR-NEXT: index: flowc_i1
// IR-NEXT: range: [{text: "items"}]
// IR-NEXT: variable: [{text: "item"}]
// IR-NEXT: pointer: true
// IR-NEXT: body:
// IR-NEXT: - text: "\n      { "
// IR-NEXT: - suspend:
// IR: - [{local: {name: item, pointer: true}}]
// IR: - text: "sum += "
// IR-NEXT: - field: flowc_t1
// IR-NEXT: - text: "; }"
// IR-NEXT: - text: " }\n    "
// IR: - field: flowc_t2
// IR-NEXT: - text: " = sum / 10; "
// IR: - finish:
// IR-NEXT: value: [{text: "sum + shipping - coupon"}]

// CPP: long &sum = flowc_f.sum;
// CPP-NEXT: const flowc::Ref<Item> *item = nullptr;
// CPP: case 1:
// CPP-NEXT: goto flowc_resume_1;
// CPP: item = &flowc::detail::at(items, flowc_f.flowc_i1);
// CPP: flowc_m.template call<&Item::price>((*item));
// CPP: flowc_f.flowc_t2 = sum / 10;
// CPP: flowc_m.template call_last<&Item::price>(items.front());
// CPP: long shipping = flowc_f.flowc_t2 + flowc_f.flowc_t3;
// CPP: flowc_m.finish(sum + shipping - coupon);
