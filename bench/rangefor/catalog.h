// catalog.h - the range-for benchmark's entities: a Catalog walks its items,
// calling a Pricer for each one, so every step of the loop suspends.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace rangefor {

class Pricer {
  FLOWC_ENTITY(Pricer);

public:
  explicit Pricer(std::int64_t id) : id_(id) {}
  std::int64_t price(std::int64_t amount) const { return amount * 2 + 1; }

private:
  FLOWC_KEY std::int64_t id_;
};

class Catalog {
  FLOWC_ENTITY(Catalog);

public:
  Catalog(std::int64_t id, std::int64_t n) : id_(id) {
    for (std::int64_t i = 0; i < n; ++i) {
      by_key_[i * 7] = i;
      keys_.insert(i * 7);
      list_.push_back(i);
    }
  }
  std::int64_t total_map(flowc::Ref<Pricer> p) const {
    std::int64_t t = 0;
    for (const auto &[k, v] : by_key_)
      t += p->price(v);
    return t;
  }
  std::int64_t total_set(flowc::Ref<Pricer> p) const {
    std::int64_t t = 0;
    for (std::int64_t k : keys_)
      t += p->price(k);
    return t;
  }
  std::int64_t total_vector(flowc::Ref<Pricer> p) const {
    std::int64_t t = 0;
    for (std::int64_t v : list_)
      t += p->price(v);
    return t;
  }

private:
  FLOWC_KEY std::int64_t id_;
  std::map<std::int64_t, std::int64_t> by_key_;
  std::set<std::int64_t> keys_;
  std::vector<std::int64_t> list_;
};

} // namespace rangefor
