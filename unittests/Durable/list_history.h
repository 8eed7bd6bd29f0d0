// list_history.h - the check of the list-append crash tests, on LocalRuntime
// (CrashTest.cpp) and on MpiRuntime (unittests/Mpi/DurableTest.cpp): what
// the children said they tried, and which were acknowledged or failed on
// purpose, against the lists as stored after each restart.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace durable_test {

struct ListHistory {
  std::map<long, std::vector<std::string>> tried; // value -> its lists
  std::set<long> acked, failed;
  std::map<std::string, std::vector<long>> before; // the last dump

  // One line of a child's log, in words: "try VALUE LIST...", "ok VALUE",
  // "fail VALUE".
  void record(const std::vector<std::string> &w) {
    long value = std::stol(w[1]);
    if (w[0] == "try")
      tried[value].assign(w.begin() + 2, w.end());
    else if (w[0] == "ok")
      acked.insert(value);
    else if (w[0] == "fail")
      failed.insert(value);
  }

  // The lists stored after `run`: nothing committed before is lost, every
  // acknowledged chain is there, nothing applied in part or twice, and two
  // lists order the values they share alike. Then they are `before`.
  void check(std::map<std::string, std::vector<long>> lists, int run) {
    std::map<long, std::set<std::string>>
        where; // value -> the lists holding it
    for (const auto &[name, items] : lists) {
      const std::vector<long> &old = before[name];
      ASSERT_LE(old.size(), items.size())
          << name << " shrank after run " << run;
      ASSERT_TRUE(std::equal(old.begin(), old.end(), items.begin()))
          << name << " lost or changed committed values after run " << run;
      for (long item : items) {
        ASSERT_TRUE(tried.count(item)) << item << " was never appended";
        ASSERT_FALSE(failed.count(item))
            << item << " is from a chain that failed on purpose";
        ASSERT_TRUE(where[item].insert(name).second)
            << item << " appended twice to " << name;
      }
    }
    for (const auto &[value, lists_of] : tried) {
      auto found = where.find(value);
      if (acked.count(value)) { // acknowledged: in every list it went to
        ASSERT_TRUE(found != where.end() &&
                    found->second.size() == lists_of.size())
            << "acknowledged " << value << " lost after run " << run;
      }
      if (found == where.end())
        continue;
      // All of the chain or nothing (on every rank).
      ASSERT_EQ(found->second.size(), lists_of.size())
          << value << " applied in part after run " << run;
      for (const std::string &list : lists_of)
        ASSERT_TRUE(found->second.count(list)) << value << " in the wrong list";
    }
    for (const auto &[a, items_a] : lists)
      for (const auto &[b, items_b] : lists) {
        if (a >= b)
          continue;
        std::set<long> in_a(items_a.begin(), items_a.end());
        std::set<long> in_b(items_b.begin(), items_b.end());
        std::vector<long> common_a, common_b;
        for (long v : items_a)
          if (in_b.count(v))
            common_a.push_back(v);
        for (long v : items_b)
          if (in_a.count(v))
            common_b.push_back(v);
        ASSERT_EQ(common_a, common_b)
            << a << " and " << b << " order their values differently after run "
            << run;
      }
    before = std::move(lists);
  }
};

} // namespace durable_test
