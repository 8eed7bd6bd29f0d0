// YAMLRoundTripTest.cpp - the IR survives toYAML -> fromYAML unchanged, and
// malformed documents are rejected with a reason.
#include "IR/YAML.h"

#include <gtest/gtest.h>

using namespace flowc::ir;

namespace {

Module sampleModule() {
  Module module;
  Entity user;
  user.name = "User";
  user.qualified_name = "shop::User";
  user.file = "include/shop.h";
  user.line = 27;
  user.key = {"name_", "std::string"};
  user.state = {{"name_", "std::string"},
                {"balance_", "int"},
                {"tags_", "std::map<std::string, std::vector<int>>"}};
  user.constructors = {{29, {{"name", "std::string"}}}};
  Method buy;
  buy.name = "buy_item";
  buy.line = 30;
  buy.params = {{"amount", "int"}, {"item", "flowc::Ref<shop::Item>"}};
  buy.returns = "bool";
  buy.remote_calls = {{"Item", "shop::Item", "price", 31, 22},
                      {"Item", "shop::Item", "update_stock", 33, 19}};
  buy.suspensions = {{31, {"amount", "item"}}, {33, {"total"}}};
  buy.frame = {{"amount", "int"}, {"item", "flowc::Ref<shop::Item>"},
               {"total", "int"}, {"flowc_t1", "int"}};
  buy.machine = "auto &f_ = m_.frame;\nswitch (f_.label) {\ncase 0:\n"
                "break;\n}\n{ m_.finish(true); return; }\n";
  Method balance;
  balance.name = "balance";
  balance.line = 37;
  balance.returns = "int";
  balance.read_only = true;
  user.methods = {buy, balance};
  module.entities.push_back(user);

  Job wordcount;
  wordcount.name = "wordcount";
  wordcount.map = "split_words";
  wordcount.reduce = "sum_counts";
  wordcount.combine = "sum_counts";
  wordcount.key_type = "std::string";
  wordcount.value_type = "std::int64_t";
  wordcount.output_type = "std::int64_t";
  wordcount.file = "wc.h";
  wordcount.line = 4;
  Job mean = wordcount;
  mean.name = "mean";
  mean.combine.reset();
  mean.key_type = "int";
  mean.value_type = "double";
  mean.output_type = "double";
  module.jobs = {wordcount, mean};
  return module;
}

TEST(YAMLRoundTrip, FullModule) {
  Module original = sampleModule();
  std::string text = toYAML(original);
  Module parsed;
  std::string error;
  ASSERT_TRUE(fromYAML(text, parsed, error)) << error << "\n" << text;
  EXPECT_EQ(parsed, original);
  EXPECT_EQ(toYAML(parsed), text);
}

TEST(YAMLRoundTrip, EmptyModule) {
  Module parsed;
  std::string error;
  ASSERT_TRUE(fromYAML(toYAML(Module{}), parsed, error)) << error;
  EXPECT_EQ(parsed, Module{});
}

TEST(YAMLRoundTrip, SpecKeysArePresent) {
  std::string text = toYAML(sampleModule());
  for (const char *key :
       {"flowc_ir: 1", "qualified_name: shop::User",
        "location: include/shop.h:27", "key: {name: name_, type: std::string}",
        "read_only: false", "remote_calls:", "suspensions:",
        "live: [amount, item]", "combine: sum_counts",
        "value_type: std::int64_t"})
    EXPECT_NE(text.find(key), std::string::npos) << key << "\n" << text;
}

TEST(YAMLRoundTrip, RejectsMalformed) {
  Module parsed;
  std::string error;
  EXPECT_FALSE(fromYAML("entities: [", parsed, error));
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_FALSE(fromYAML("flowc_ir: 1\njobs: []\n", parsed, error));
  EXPECT_FALSE(error.empty());
  error.clear();
  // An entity without its key.
  EXPECT_FALSE(fromYAML("flowc_ir: 1\nentities:\n  - name: A\n"
                        "    qualified_name: A\n    location: a.h:1\n"
                        "jobs: []\n",
                        parsed, error));
  EXPECT_FALSE(error.empty());
}

} // namespace
