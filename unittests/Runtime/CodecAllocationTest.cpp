// CodecAllocationTest.cpp - a corrupt count is rejected before memory is reserved for it.
//
// Its own executable: it replaces the global operator new to record the largest
// request, which must not leak into other tests (or fight a sanitizer's).
#include "flowc/runtime/codec.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <new>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace {
std::size_t largest_request = 0;
}
std::size_t global_news = 0;    // requests so far (ActivationCacheTest.cpp,
std::size_t global_deletes = 0; // CallBlockTest.cpp) and frees

void *operator new(std::size_t size) {
  ++global_news;
  if (size > largest_request)
    largest_request = size;
  if (void *p = std::malloc(size == 0 ? 1 : size))
    return p;
  throw std::bad_alloc();
}
// Not inlined, or GCC sees free() on what `new` returned (-Wmismatched-new-delete).
[[gnu::noinline]] void operator delete(void *p) noexcept {
  global_deletes += p != nullptr ? 1 : 0;
  std::free(p);
}
[[gnu::noinline]] void operator delete(void *p, std::size_t) noexcept {
  ::operator delete(p);
}

namespace {

template <class T> std::size_t largest_allocation_decoding(const std::string &input) {
  largest_request = 0;
  EXPECT_THROW(flowc::decode<T>(input), flowc::DecodeError);
  return largest_request;
}

TEST(CodecAllocation, CorruptCountsAllocateNothingLarge) {
  // A count of a million items (or bits) over 32 bytes of input: each container
  // must fail before reserving anything near what the count asks for.
  std::string input = flowc::encode(std::uint64_t{1} << 20) + std::string(32, '\x01');
  EXPECT_LT(largest_allocation_decoding<std::string>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::vector<char>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::vector<int>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::vector<bool>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::vector<std::vector<double>>>(input), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::map<int, std::string>>(input)), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::unordered_map<int, int>>(input)), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::set<std::string>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::multiset<int>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::unordered_set<int>>(input), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::multimap<int, int>>(input)), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::deque<double>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::list<int>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::forward_list<int>>(input), 4096u);
  EXPECT_LT(largest_allocation_decoding<std::unordered_multiset<int>>(input), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::unordered_multimap<int, int>>(input)), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::variant<int, std::vector<int>>>(input)), 4096u);
  EXPECT_LT((largest_allocation_decoding<std::variant<int, std::vector<int>>>(
                flowc::encode(std::uint8_t{1}) + input)),
            4096u);
}

TEST(CodecAllocation, TheCounterSeesLargeRequests) {
  // The guard above can fail: a legitimate large decode is visible to it.
  std::string big(1 << 20, 'x');
  std::string bytes = flowc::encode(big);
  largest_request = 0;
  EXPECT_EQ(flowc::decode<std::string>(bytes), big);
  EXPECT_GE(largest_request, std::size_t{1} << 20);
}

} // namespace
