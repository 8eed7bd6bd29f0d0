// ChainMapTest.cpp - the worker's map of chains it roots (lib/Runtime/Core/
// chain_map.h) against std::unordered_map, over random inserts and erases of
// chain numbers as workers make them (steps of the number of workers).
#include "chain_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using flowc::dataflow::ChainMap;

struct Value {
  std::uint64_t number = 0;
  std::string text;
};

void check_all(ChainMap<Value> &map,
               const std::unordered_map<std::uint64_t, std::string> &model) {
  ASSERT_EQ(map.size(), model.size());
  for (const auto &[number, text] : model) {
    Value *found = map.find(number);
    ASSERT_NE(found, nullptr) << number;
    EXPECT_EQ(found->number, number);
    EXPECT_EQ(found->text, text);
  }
}

TEST(ChainMap, AgreesWithUnorderedMap) {
  for (std::uint64_t workers : {1u, 2u, 16u}) {
    std::mt19937_64 random(workers);
    ChainMap<Value> map;
    std::unordered_map<std::uint64_t, std::string> model;
    std::vector<std::uint64_t> live;
    std::uint64_t made = 0;
    for (int step = 0; step < 20000; ++step) {
      // Mostly start chains while few are live, mostly end them while many
      // are: the table grows and shrinks through its sizes.
      bool start =
          live.empty() || random() % 1000 < (live.size() < 500 ? 700u : 300u);
      if (start) {
        std::uint64_t number = ++made * workers + 1;
        Value &value = map.insert(number);
        value.number = number;
        value.text =
            "chain " + std::to_string(number) + std::string(step % 40, 'x');
        model[number] = value.text;
        live.push_back(number);
      } else {
        std::size_t at = random() % live.size();
        std::uint64_t number = live[at];
        live[at] = live.back();
        live.pop_back();
        map.erase(number);
        model.erase(number);
        EXPECT_EQ(map.find(number), nullptr);
      }
      if (step % 997 == 0)
        check_all(map, model);
      // A number never made, or made and ended, is not found.
      EXPECT_EQ(map.find((made + 1) * workers + 1), nullptr);
    }
    check_all(map, model);
  }
}

TEST(ChainMap, ReusedSlotsKeepTheirValuesApart) {
  ChainMap<Value> map;
  map.insert(3).text = "three";
  map.insert(5).text = "five";
  map.erase(3);
  Value &again = map.insert(7); // takes 3's slot, with what 3 left there
  again.text = "seven";
  EXPECT_EQ(map.find(5)->text, "five");
  EXPECT_EQ(map.find(7)->text, "seven");
  EXPECT_EQ(map.find(3), nullptr);
}

} // namespace
