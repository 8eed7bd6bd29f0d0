// YAMLTest.cpp - the IR's YAML form, written in full: every field of every
// record, in the order and style of docs/ir.md.
#include "IR/YAML.h"

#include "SampleModule.h"

#include <gtest/gtest.h>

using namespace flowc::ir;

namespace {

TEST(YAML, FullModule) {
  const char *expected = R"(flowc_ir: 1
entities:
  - name: User
    qualified_name: shop::User
    location: include/shop.h:27
    key: {name: name_, type: std::string}
    state:
      - {name: name_, type: std::string}
      - {name: balance_, type: int}
      - {name: address_, type: shop::Address}
      - {name: tags_, type: "std::map<std::string, std::vector<int>>"}
    constructors:
      - line: 29
        params:
          - {name: name, type: std::string}
    methods:
      - name: buy_item
        line: 30
        params:
          - {name: amount, type: int}
          - {name: item, type: flowc::Ref<shop::Item>}
        returns: bool
        read_only: false
        remote_calls:
          - {entity: Item, method: price, line: 31, column: 22, qualified_entity: shop::Item}
          - {entity: Item, method: update_stock, line: 33, column: 19, qualified_entity: shop::Item}
        suspensions:
          - {line: 31, live: [amount, item]}
          - {line: 33, live: [total]}
        frame:
          - {name: amount, type: int}
          - {name: item, type: flowc::Ref<shop::Item>}
          - {name: total, type: int}
          - {name: flowc_t1, type: int}
        machine: |
          auto &f_ = m_.frame;
          switch (f_.label) {
          case 0:
          break;
          }
          { m_.finish(true); return; }

      - name: balance
        line: 37
        params: []
        returns: int
        read_only: true
        remote_calls: []
        suspensions: []
jobs:
  - name: wordcount
    location: wc.h:4
    map: split_words
    reduce: sum_counts
    combine: sum_counts
    key_type: std::string
    value_type: std::int64_t
    output_type: std::int64_t
  - name: mean
    location: wc.h:4
    map: split_words
    reduce: sum_counts
    key_type: int
    value_type: double
    output_type: double
structs:
  - name: Address
    qualified_name: shop::Address
    location: include/shop.h:12
    fields:
      - {name: street, type: std::string}
      - {name: number, type: int}
)";
  EXPECT_EQ(toYAML(test::sampleModule()), expected);
}

TEST(YAML, EmptyModule) {
  EXPECT_EQ(toYAML(Module{}), "flowc_ir: 1\nentities: []\njobs: []\n");
}

} // namespace
