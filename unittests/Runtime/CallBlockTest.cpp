// CallBlockTest.cpp - a client call's completion, its future's shared state
// and its result share one allocation (detail/call_block.h), freed when the
// last of them goes, on whichever thread.
//
// In RuntimeAllocationTests, whose operator new and delete count calls.
#include "flowc/runtime/completion.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <thread>

extern std::size_t global_news;    // CodecAllocationTest.cpp
extern std::size_t global_deletes; // CodecAllocationTest.cpp

namespace {

using flowc::detail::CallBlock;
using flowc::detail::make_deliver;

auto as_int() {
  return [](std::string_view bytes) { return static_cast<int>(bytes.size()); };
}

// Makes a completion and its future, fulfils it as a worker does (then
// deletes it), and reads the future; returns the value.
template <class T, class Decode>
T round_trip(Decode decode, std::string bytes) {
  std::unique_ptr<flowc::detail::Completion> done;
  std::future<T> future;
  {
    auto deliver = make_deliver<T>(std::move(decode));
    future = deliver->future();
    done = std::move(deliver);
  }
  done->succeed(std::move(bytes));
  done.reset();
  return future.get();
}

TEST(CallBlock, ACallsCompletionStateAndResultAreOneAllocation) {
  if (!CallBlock::kEnabled)
    GTEST_SKIP() << "blocks are off under AddressSanitizer";
  std::size_t news = global_news, deletes = global_deletes;
  EXPECT_EQ(round_trip<int>(as_int(), "abc"), 3);
  EXPECT_EQ(global_news - news, 1u);
  EXPECT_EQ(global_deletes - deletes, 1u);

  // A void result; and a string one from a capturing decode, whose own
  // allocations come and go with it.
  news = global_news, deletes = global_deletes;
  round_trip<void>([](std::string_view) {}, "");
  EXPECT_EQ(global_news - news, 1u);
  EXPECT_EQ(global_deletes - deletes, 1u);
  std::string key(40, 'k');
  auto with_key = [key](std::string_view bytes) {
    return key + std::string(bytes);
  };
  news = global_news, deletes = global_deletes;
  std::string got = round_trip<std::string>(with_key, "!");
  std::size_t made = global_news - news, freed = global_deletes - deletes;
  EXPECT_EQ(got, key + "!");
  EXPECT_EQ(made, freed + 1); // `got`'s bytes
}

TEST(CallBlock, ALargeResultGetsItsOwnAllocation) {
  if (!CallBlock::kEnabled)
    GTEST_SKIP() << "blocks are off under AddressSanitizer";
  using Big = std::array<char, 4096>;
  std::size_t news = global_news, deletes = global_deletes;
  Big got = round_trip<Big>(
      [](std::string_view bytes) {
        Big big{};
        big[4095] = bytes[0];
        return big;
      },
      "x");
  EXPECT_EQ(got[4095], 'x');
  EXPECT_EQ(global_news - news, global_deletes - deletes);
}

// A completion that needs more alignment than a block's start is made on its
// own, and ends as it was made.
struct alignas(64) AlignedDecode {
  char pad[64] = {};
  // -1 when the completion holding it was placed without its alignment.
  int operator()(std::string_view bytes) const {
    if (reinterpret_cast<std::uintptr_t>(this) % 64 != 0)
      return -1;
    return static_cast<int>(bytes.size()) + pad[0];
  }
};

TEST(CallBlock, AnOverAlignedCompletionIsMadeOnItsOwn) {
  std::size_t news = global_news, deletes = global_deletes;
  EXPECT_EQ(round_trip<int>(AlignedDecode{}, "abcde"), 5);
  EXPECT_EQ(global_news - news, global_deletes - deletes);
}

TEST(CallBlock, TheLastPieceFreesTheBlockOnAnyThread) {
  std::size_t news = global_news, deletes = global_deletes;
  {
    auto deliver = make_deliver<int>(as_int());
    std::future<int> future = deliver->future();
    std::unique_ptr<flowc::detail::Completion> done = std::move(deliver);
    // The worker's side: fulfil and end the completion on another thread
    // while the client waits.
    std::thread worker([&] {
      done->succeed("four");
      done.reset();
    });
    EXPECT_EQ(future.get(), 4);
    worker.join();
  }
  // A completion ended unfulfilled breaks its promise; the future holds the
  // block until it goes.
  {
    std::future<int> future;
    {
      auto deliver = make_deliver<int>(as_int());
      future = deliver->future();
    }
    EXPECT_THROW(future.get(), std::future_error);
  }
  // std::thread's own state is freed too: everything made here is gone.
  EXPECT_EQ(global_news - news, global_deletes - deletes);
}

} // namespace
