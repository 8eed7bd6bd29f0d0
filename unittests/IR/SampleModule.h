// SampleModule.h - a small IR with every list filled, built by hand, for the
// tests of what reads the IR (unittests/IR, unittests/Emit).
#pragma once

#include "IR/Code.h"
#include "IR/IR.h"

namespace flowc::ir::test {

// The machine of
//   bool buy_item(int amount, flowc::Ref<Item> item) {
//     constexpr int limit = 3;
//     int total = item->price() * amount;
//     for (const auto &tag : tags_) item->update_stock(tag.second.size());
//     return total < limit;
//   }
// (roughly: every kind of piece, local and resume is here once).
inline Machine buyMachine() {
  using Home = MachineLocal::Home;
  Machine machine;
  machine.params = {{"amount", "int", "amount", 0},
                    {"item", "flowc::Ref<shop::Item>", "item", 1}};
  machine.locals = {
      {Home::constant, "limit", "", "", false,
       textCode("constexpr int limit = 3;")},
      {Home::frame, "total", "int", "", false, {}},
      {Home::pointer, "tag", "const std::pair<const std::string, "
                             "std::vector<int>>", "", false, {}}};
  machine.resumes = {{1, {}}, {2, {{"tag", textCode("tags_"), "flowc_i1"}}, 1}};
  Suspend price{1, 31, "shop::Item::price", {textCode("item")}, "flowc_t1",
                "int"};
  Suspend update{2,
                 33,
                 "shop::Item::update_stock",
                 {textCode("item"), textCode("(*tag).second.size()")},
                 "",
                 "",
                 true};
  machine.body =
      "{\n  constexpr int limit = 3;\n  " + suspendCode(price) +
      "total = " + fieldCode("flowc_t1") + " * amount;\n  { " +
      loopCode({"flowc_i1", textCode("tags_"), textCode("tag"), true}) +
      tryCode({1, {2}, {0}}) + suspendCode(update) +
      " } catch (...) { throw; } } }\n  { " +
      finishCode({textCode("total < limit"), "", false}) + " }\n}";
  return machine;
}

// An entity with state, a constructor, a split method (remote calls,
// suspensions, frame, machine) and a read-only one; a job with a combiner and
// one without; a struct the entity's state carries.
inline Module sampleModule() {
  Module module;
  Entity user;
  user.name = "User";
  user.qualified_name = "shop::User";
  user.file = "include/shop.h";
  user.line = 27;
  user.key = {"name_", "std::string"};
  user.state = {{"name_", "std::string"},
                {"balance_", "int"},
                {"address_", "shop::Address"},
                {"tags_", "std::map<std::string, std::vector<int>>"}};
  user.constructors = {{29, {{"name", "std::string"}, {"color", "shop::Color"}}}};
  Method buy;
  buy.name = "buy_item";
  buy.line = 30;
  buy.params = {{"amount", "int"}, {"item", "flowc::Ref<shop::Item>"}};
  buy.returns = "bool";
  buy.remote_calls = {{"Item", "shop::Item", "price", 31, 22},
                      {"Item", "shop::Item", "update_stock", 33, 19}};
  buy.suspensions = {{31, {"amount", "item"}}, {33, {"total"}}};
  buy.frame = {{"amount", "int"},
               {"item", "flowc::Ref<shop::Item>"},
               {"total", "int"},
               {"flowc_t1", "int"},
               {"flowc_i1", "flowc::detail::Position"}};
  buy.machine = buyMachine();
  Method balance;
  balance.name = "balance";
  balance.line = 37;
  balance.params = {{"in", "shop::Color"}};
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

  Struct address;
  address.name = "Address";
  address.qualified_name = "shop::Address";
  address.file = "include/shop.h";
  address.line = 12;
  address.fields = {{"street", "std::string"}, {"number", "int"}};
  module.structs = {address};

  Enum color;
  color.name = "Color";
  color.qualified_name = "shop::Color";
  color.file = "include/shop.h";
  color.line = 18;
  color.enumerators = {"red", "green"};
  module.enums = {color};
  return module;
}

} // namespace flowc::ir::test
