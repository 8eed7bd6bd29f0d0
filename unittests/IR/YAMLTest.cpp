// YAMLTest.cpp - the IR's YAML form, written in full: every field of every
// record, in the order and style of docs/ir.md.
#include "IR/YAML.h"

#include "SampleModule.h"

#include <gtest/gtest.h>

using namespace flowc::ir;

namespace {

TEST(YAML, FullModule) {
  const char *expected = R"yaml(flowc_ir: 1
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
          - {name: color, type: shop::Color}
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
          - {entity: Item, method: more, line: 34, column: 20, qualified_entity: shop::Item}
          - {entity: Item, method: more, line: 35, column: 30, qualified_entity: shop::Item}
          - {entity: Item, method: more, line: 35, column: 50, qualified_entity: shop::Item}
        suspensions:
          - {line: 31, live: [amount, item]}
          - {line: 33, live: [amount, item, total]}
          - {line: 34, live: [amount, item, total]}
          - {line: 35, live: [total]}
          - {line: 35, live: [total]}
        reads: [balance_, tags_]
        writes: [balance_]
        frame:
          - {name: amount, type: int}
          - {name: item, type: flowc::Ref<shop::Item>}
          - {name: total, type: int}
          - {name: flowc_t1, type: int}
          - {name: flowc_i1, type: flowc::detail::Position}
          - {name: flowc_t2, type: bool}
          - {name: flowc_t3, type: bool}
          - {name: flowc_t4, type: bool}
        machine:
          params:
            - {name: amount, type: int, field: amount, index: 0}
            - {name: item, type: flowc::Ref<shop::Item>, field: item, index: 1}
          locals:
            - home: constant
              name: limit
              declaration: [{text: "constexpr int limit = 3;"}]
            - {home: frame, name: total, type: int}
            - {home: pointer, name: tag, type: "const std::pair<const std::string, std::vector<int>>"}
            - {home: local, name: n_2, type: int}
            - {home: local, name: flowc_b, type: "std::pair<int, int>"}
          resumes:
            - {label: 1}
            - {label: 2, via: 1, rebinds: [{variable: tag, range: [{text: "tags_"}], index: flowc_i1}]}
            - {label: 3}
            - {label: 4}
            - {label: 5}
          body:
            - text: "{\n  constexpr int limit = 3;\n  "
            - suspend:
                label: 1
                line: 31
                callee: shop::Item::price
                args:
                  - [{text: "item"}]
                result: flowc_t1
                result_type: int
            - text: "total = "
            - field: flowc_t1
            - text: " * amount;\n  { "
            - loop:
                index: flowc_i1
                range: [{text: "tags_"}]
                variable: [{text: "tag"}]
                pointer: true
                body:
                  - try:
                      id: 1
                      resumes:
                        - {label: 2}
                      block:
                        - suspend:
                            label: 2
                            line: 33
                            callee: shop::Item::update_stock
                            args:
                              - [{text: "item"}]
                              - [{text: "(*tag).second.size()"}]
                            in_try: true
                  - text: " catch (...) { throw; }"
            - text: " }\n  "
            - tested_loop:
                init:
                  - local: {name: n_2}
                  - text: " = 0; "
                test:
                  - suspend:
                      label: 3
                      line: 34
                      callee: shop::Item::more
                      args:
                        - [{text: "item"}]
                      result: flowc_t2
                      result_type: bool
                condition: [{field: flowc_t2}]
                body:
                  - text: " { if (amount) "
                  - continue: {label: flowc_continue_1}
                  - text: " --amount; }"
                label: flowc_continue_1
                increment:
                  - text: "++"
                  - local: {name: n_2}
            - text: "\n  "
            - local: {name: flowc_b}
            - text: " = std::pair(1, 2);\n  "
            - short_circuit:
                op: "&&"
                result: flowc_t3
                left: [{text: "amount > 0"}]
                right:
                  before:
                    - suspend:
                        label: 4
                        line: 35
                        callee: shop::Item::more
                        args:
                          - [{text: "item"}]
                        result: flowc_t4
                        result_type: bool
                  value: [{field: flowc_t4}]
            - conditional:
                condition: [{field: flowc_t3}]
                then:
                  value: [{binding: {object: flowc_b, index: 0, tuple: true}}]
                else:
                  before:
                    - suspend:
                        label: 5
                        line: 35
                        callee: shop::Item::more
                        args:
                          - [{text: "item"}]
                  value: [{void: {}}]
            - text: "\n  { "
            - finish:
                value: [{text: "total < limit"}]
            - text: " }\n}"
          finishes_at_end: false
      - name: balance
        line: 37
        params:
          - {name: in, type: shop::Color}
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
enums:
  - name: Color
    qualified_name: shop::Color
    location: include/shop.h:18
    enumerators: [red, green]
)yaml";
  EXPECT_EQ(toYAML(test::sampleModule()), expected);
}

// Every key written is read back into the same value (each piece kind, each
// optional key present and absent).
TEST(YAML, ReadsBackWhatItWrites) {
  Module written = test::sampleModule();
  written.entities.front().state[1].initialized = true;
  written.inputs = {{"include/shop.h",
                     {"shop::Address"},
                     {"shop::Color"},
                     {{"venue::Hall", "venue.h"}}}};
  Module read;
  std::string error;
  ASSERT_TRUE(fromYAML(toYAML(written), "sample.yaml", read, error)) << error;
  EXPECT_EQ(read, written);
  EXPECT_EQ(toYAML(read), toYAML(written));
}

TEST(YAML, EmptyModule) {
  EXPECT_EQ(toYAML(Module{}), "flowc_ir: 1\nentities: []\njobs: []\n");
}

// A parameter's default argument (its text, and its value as JSON text when
// it has one) and the type aliases, each only where there is one.
TEST(YAML, DefaultArgumentsAndAliases) {
  Module module;
  Entity &entity = module.entities.emplace_back();
  entity.name = "Account";
  entity.qualified_name = "bank::Account";
  entity.file = "bank.h";
  entity.line = 3;
  entity.key = {"owner_", "std::string"};
  Constructor &ctor = entity.constructors.emplace_back();
  ctor.line = 5;
  ctor.params = {{"owner", "std::string"},
                 {"balance", "bank::Money", false, DefaultArg{"kOpening", "100"}},
                 {"note", "std::string", false, DefaultArg{"\"new\"", "\"new\""}},
                 {"tags", "std::vector<int>", false, DefaultArg{"{}", ""}}};
  module.aliases.push_back({"bank::Money", "std::int64_t", "bank.h", 1});
  const char *expected = R"yaml(flowc_ir: 1
entities:
  - name: Account
    qualified_name: bank::Account
    location: bank.h:3
    key: {name: owner_, type: std::string}
    state: []
    constructors:
      - line: 5
        params:
          - {name: owner, type: std::string}
          - {name: balance, type: bank::Money, default: {text: "kOpening", value: "100"}}
          - {name: note, type: std::string, default: {text: "\"new\"", value: "\"new\""}}
          - {name: tags, type: std::vector<int>, default: {text: "{}"}}
    methods: []
jobs: []
aliases:
  - {name: bank::Money, type: std::int64_t, location: bank.h:1}
)yaml";
  EXPECT_EQ(toYAML(module), expected);
}

} // namespace
