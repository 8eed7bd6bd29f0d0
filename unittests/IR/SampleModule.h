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
//     for (const auto &tag : tags_)
//       try { item->update_stock(tag.second.size()); } catch (...) { throw; }
//     for (int n = 0; item->more(); ++n) { if (amount) continue; --amount; }
//     auto [first, second] = std::pair(1, 2);
//     (void)(amount > 0 && item->more() ? first : (item->more(), void()));
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
      {Home::pointer,
       "tag",
       "const std::pair<const std::string, "
       "std::vector<int>>",
       "",
       false,
       {}},
      {Home::local, "n_2", "int", "n_2", false, {}},
      {Home::local, "flowc_b", "std::pair<int, int>", "flowc_b", false, {}}};
  machine.resumes = {{1, {}},
                     {2, {{"tag", textCode("tags_"), "flowc_i1"}}, 1},
                     {3, {}},
                     {4, {}},
                     {5, {}}};
  Suspend price{1, 31, "shop::Item::price", {textCode("item")}, "flowc_t1",
                "int"};
  Suspend update{2,
                 33,
                 "shop::Item::update_stock",
                 {textCode("item"), textCode("(*tag).second.size()")},
                 "",
                 "",
                 true};
  Suspend more{3,          34,    "shop::Item::more", {textCode("item")},
               "flowc_t2", "bool"};
  Suspend again{4,          35,    "shop::Item::more", {textCode("item")},
                "flowc_t4", "bool"};
  Suspend last{5, 35, "shop::Item::more", {textCode("item")}, "", ""};
  TryEntry entry{1, {2}, {0}, suspendCode(update)};
  TestedLoop tested;
  tested.init = Code{LocalUse{"n_2"}} + " = 0; ";
  tested.test = suspendCode(more);
  tested.condition = fieldCode("flowc_t2");
  tested.body =
      " { if (amount) " + Code{Continue{"flowc_continue_1"}} + " --amount; }";
  tested.label = "flowc_continue_1";
  tested.increment = "++" + Code{LocalUse{"n_2"}};
  ShortCircuit both{"&&",
                    "flowc_t3",
                    textCode("amount > 0"),
                    {suspendCode(again), fieldCode("flowc_t4")}};
  Conditional choice{fieldCode("flowc_t3"),
                     {{}, Code{BindingUse{"flowc_b", 0, "", true, false}}},
                     {suspendCode(last), Code{VoidValue{}}},
                     ""};
  machine.body = "{\n  constexpr int limit = 3;\n  " + suspendCode(price) +
                 "total = " + fieldCode("flowc_t1") + " * amount;\n  { " +
                 loopCode({"flowc_i1", textCode("tags_"), textCode("tag"), true,
                           tryCode(entry) + " catch (...) { throw; }"}) +
                 " }\n  " + Code{tested} + "\n  " + Code{LocalUse{"flowc_b"}} +
                 " = std::pair(1, 2);\n  " + Code{both} + Code{choice} +
                 "\n  { " + finishCode({textCode("total < limit"), "", false}) +
                 " }\n}";
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
                      {"Item", "shop::Item", "update_stock", 33, 19},
                      {"Item", "shop::Item", "more", 34, 20},
                      {"Item", "shop::Item", "more", 35, 30},
                      {"Item", "shop::Item", "more", 35, 50}};
  buy.suspensions = {{31, {"amount", "item"}},
                     {33, {"amount", "item", "total"}},
                     {34, {"amount", "item", "total"}},
                     {35, {"total"}},
                     {35, {"total"}}};
  buy.reads = {{"balance_", "tags_"}};
  buy.writes = {{"balance_"}};
  buy.frame = {{"amount", "int"},
               {"item", "flowc::Ref<shop::Item>"},
               {"total", "int"},
               {"flowc_t1", "int"},
               {"flowc_i1", "flowc::detail::Position"},
               {"flowc_t2", "bool"},
               {"flowc_t3", "bool"},
               {"flowc_t4", "bool"}};
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
