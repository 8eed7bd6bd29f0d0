// flowc.h compiles warning-free as plain C++20 under g++ 12 and clang 19, and
// entities run directly: Ref wraps a pointer, Emitter forwards to a callable.
// RUN: %gxx %strict %s -o %t.gcc && %t.gcc
// RUN: %clangxx %strict %s -o %t.clang && %t.clang
#include <flowc/flowc.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#define EXPECT(cond)                                                           \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond);  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

namespace shop {
class Item {
  FLOWC_ENTITY(Item);

public:
  Item(std::string id, int price) : id_(std::move(id)), price_(price) {}
  int price() const { return price_; }
  bool update_stock(int delta) {
    if (stock_ + delta < 0)
      return false;
    stock_ += delta;
    return true;
  }

private:
  FLOWC_KEY std::string id_;
  int price_;
  int stock_ = 0;
};

struct Counter { // FLOWC_ENTITY in a struct keeps members public
  FLOWC_ENTITY(Counter);
  FLOWC_KEY long id = 0;
  int hits = 0;
  std::vector<flowc::Ref<Item>> seen;
  std::map<std::string, flowc::Ref<Item>> by_name;
};
} // namespace shop

FLOWC_MAP(wordcount)
void split_words(std::string_view line,
                 flowc::Emitter<std::string, std::int64_t> &out) {
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos)
      end = line.size();
    if (end > start)
      out.emit(line.substr(start, end - start), 1);
    start = end + 1;
  }
}

FLOWC_REDUCE(wordcount)
FLOWC_COMBINE(wordcount)
std::int64_t sum_counts(const std::string &, std::span<const std::int64_t> counts) {
  std::int64_t sum = 0;
  for (std::int64_t c : counts)
    sum += c;
  return sum;
}

int main() {
  shop::Item book("book", 10);
  flowc::Ref<shop::Item> ref(&book);
  EXPECT(ref->price() == 10);
  EXPECT(!ref->update_stock(-1));
  EXPECT(ref->update_stock(5));
  EXPECT(ref->update_stock(-5));
  EXPECT(static_cast<bool>(ref) && !flowc::Ref<shop::Item>());

  shop::Counter counter;
  counter.seen.push_back(ref);
  counter.by_name["book"] = ref;
  EXPECT(counter.seen[0] == ref && counter.by_name["book"]->price() == 10);

  std::map<std::string, std::vector<std::int64_t>> groups;
  auto sink = [&](std::string_view word, const std::int64_t &n) {
    groups[std::string(word)].push_back(n);
  };
  flowc::Emitter<std::string, std::int64_t> out(sink);
  split_words("to be or not to be", out);
  EXPECT(groups.size() == 4);
  EXPECT(sum_counts("to", groups["to"]) == 2);
  EXPECT(sum_counts("or", groups["or"]) == 1);
  return 0;
}
