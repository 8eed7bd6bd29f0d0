// ActivationCacheTest.cpp - activations get their memory from a per-thread
// cache (detail/activation_cache.h): after the first of a size, making and
// ending one reaches the global operator new no more.
//
// In RuntimeAllocationTests, whose operator new counts requests.
#include "flowc/runtime/entity.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

extern std::size_t global_news; // CodecAllocationTest.cpp

namespace {

template <std::size_t Bytes> struct Sized final : flowc::Activation {
  char payload[Bytes] = {};
  void run(void *) override { finish_with({}); }
};

struct alignas(128) OverAligned final : flowc::Activation {
  void run(void *) override { finish_with({}); }
};

TEST(ActivationCache, AnEndedActivationsMemoryServesTheNextOfItsSize) {
  if (!flowc::detail::ActivationCache::kEnabled)
    GTEST_SKIP() << "the cache is off under AddressSanitizer";
  std::unique_ptr<flowc::Activation> first = std::make_unique<Sized<40>>();
  void *where = first.get();
  first.reset();
  std::size_t before = global_news;
  for (int i = 0; i < 100; ++i) {
    std::unique_ptr<flowc::Activation> next = std::make_unique<Sized<40>>();
    EXPECT_EQ(next.get(), where);
    EXPECT_EQ(next->step(nullptr), flowc::Activation::Status::finished);
  }
  EXPECT_EQ(global_news, before);
}

TEST(ActivationCache, SizesKeepTheirOwnBlocks) {
  if (!flowc::detail::ActivationCache::kEnabled)
    GTEST_SKIP() << "the cache is off under AddressSanitizer";
  auto small = std::make_unique<Sized<8>>();
  auto large = std::make_unique<Sized<400>>();
  void *small_at = small.get();
  void *large_at = large.get();
  small.reset();
  large.reset();
  // The large one's block is not handed out for a small request, nor the
  // other way round.
  auto small_again = std::make_unique<Sized<8>>();
  auto large_again = std::make_unique<Sized<400>>();
  EXPECT_EQ(small_again.get(), small_at);
  EXPECT_EQ(large_again.get(), large_at);
  small_again->payload[7] = 1;
  large_again->payload[399] = 1; // the whole object is usable (ASan checks)
}

TEST(ActivationCache, TheCacheHoldsABoundedNumber) {
  if (!flowc::detail::ActivationCache::kEnabled)
    GTEST_SKIP() << "the cache is off under AddressSanitizer";
  // Thousands alive at once, all ended: the cache keeps a few hundred, the
  // rest go back to operator delete, and making as many again allocates.
  std::vector<std::unique_ptr<flowc::Activation>> alive;
  alive.reserve(5000);
  for (int i = 0; i < 5000; ++i)
    alive.push_back(std::make_unique<Sized<100>>());
  alive.clear();
  std::size_t before = global_news;
  for (int i = 0; i < 5000; ++i)
    alive.push_back(std::make_unique<Sized<100>>());
  std::size_t made = global_news - before;
  EXPECT_GT(made, 4000u);
  EXPECT_LT(made, 5000u);
}

TEST(ActivationCache, LargeAndOverAlignedActivationsBypassIt) {
  for (int i = 0; i < 3; ++i) {
    std::size_t before = global_news;
    auto big = std::make_unique<Sized<4096>>();
    EXPECT_EQ(global_news, before + 1);
    auto aligned = std::make_unique<OverAligned>();
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(aligned.get()) % 128, 0u);
    big->payload[4095] = 1;
  }
}

TEST(ActivationCache, AnActivationMayEndOnAnotherThread) {
  // It joins that thread's cache, which frees it when the thread ends.
  std::vector<std::unique_ptr<flowc::Activation>> made;
  for (int i = 0; i < 50; ++i)
    made.push_back(std::make_unique<Sized<40>>());
  std::thread ender([&] { made.clear(); });
  ender.join();
  EXPECT_TRUE(made.empty());
}

} // namespace
