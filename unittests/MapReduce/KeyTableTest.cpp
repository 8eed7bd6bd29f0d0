// KeyTableTest.cpp - the hash table: lookup by view, growth, equality as text.
#include "flowc/mapreduce/key_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>

using namespace flowc::mapreduce;

TEST(KeyTableTest, StringKeysAreFoundByView) {
  KeyTable<std::string, int> table;
  std::map<std::string, int> expected;
  for (int i = 0; i < 20000; ++i) {
    std::string key = "key" + std::to_string(i % 7919) + std::string(i % 30, 'x');
    std::string_view view = key;
    auto [entry, inserted] =
        table.find_or_insert(view, table.hash(view), [] { return 0; });
    EXPECT_EQ(inserted, expected.find(key) == expected.end());
    entry->mapped += 1;
    expected[key] += 1;
  }
  ASSERT_EQ(table.size(), expected.size());
  for (auto &entry : table.entries())
    EXPECT_EQ(entry.mapped, expected.at(entry.key));
}

TEST(KeyTableTest, InsertOrFindMovesMissingEntries) {
  KeyTable<int, int> a, b;
  for (int i = 0; i < 100; ++i)
    a.find_or_insert(i, a.hash(i), [&] { return i; });
  for (int i = 50; i < 150; ++i)
    b.find_or_insert(i, b.hash(i), [&] { return 1000 + i; });
  int found = 0;
  for (auto &entry : b.entries())
    if (auto *existing = a.insert_or_find(std::move(entry))) {
      EXPECT_EQ(existing->mapped, existing->key);
      ++found;
    }
  EXPECT_EQ(found, 50);
  EXPECT_EQ(a.size(), 150u);
  a.reset();
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(a.memory_bytes(), 0u);
}

TEST(KeyTableTest, FloatingKeysAreEqualWhenTheirTextIs) {
  using Ops = FieldOps<double>;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(Ops::equal(0.0, -0.0)); // "0" and "-0"
  EXPECT_TRUE(Ops::equal(nan, nan));
  EXPECT_TRUE(Ops::equal(nan, std::nan("1")));
  EXPECT_FALSE(Ops::equal(nan, -nan));
  EXPECT_EQ(Ops::hash(nan), Ops::hash(std::nan("7")));
  EXPECT_TRUE(FieldOps<long double>::equal(0.1L, 0.1L));
  EXPECT_EQ(FieldOps<long double>::hash(0.1L), FieldOps<long double>::hash(0.1L));
  KeyTable<double, int> table;
  for (double key : {0.0, -0.0, nan, -nan, nan, 1.0, 0.0})
    table.find_or_insert(key, table.hash(key), [] { return 0; }).first->mapped++;
  EXPECT_EQ(table.size(), 5u);
}

TEST(KeyTableTest, StringHashSpreadsShortKeys) {
  std::set<std::uint64_t> hashes;
  std::set<std::uint64_t> low_bits;
  for (int i = 0; i < 100000; ++i) {
    std::string key = std::to_string(i);
    std::uint64_t h = FieldOps<std::string>::hash(key);
    hashes.insert(h);
    low_bits.insert(h & 0xffff);
  }
  EXPECT_EQ(hashes.size(), 100000u);
  EXPECT_GT(low_bits.size(), 50000u); // probing uses the low bits
  EXPECT_NE(FieldOps<std::string>::hash(""), FieldOps<std::string>::hash("a"));
  EXPECT_NE(FieldOps<std::string>::hash(std::string(17, 'a')),
            FieldOps<std::string>::hash(std::string(18, 'a')));
}
