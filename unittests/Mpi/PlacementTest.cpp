// PlacementTest.cpp - which worker owns a key (lib/Runtime/Core/core.cpp,
// Placement::owner) must never change: every rank of a job computes it on its
// own, and a durable store keeps a rank's entities where the placement put them.
#include "core.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

using flowc::dataflow::key_hash;
using flowc::dataflow::Placement;

TEST(Placement, KeyHashIsPinned) {
  // FNV-1a and MurmurHash3's finalizer, as every release has computed it.
  EXPECT_EQ(key_hash(""), 0xefd01f60ba992926ull);
  EXPECT_EQ(key_hash("a"), 0x82a2a958a9bece5bull);
  EXPECT_EQ(key_hash("book"), 0x39b1b79965bdcd7cull);
  EXPECT_EQ(key_hash("user-17"), 0xd89df1359ef4b32full);
}

TEST(Placement, OwnerIsTheHashsProcessThenWorker) {
  // Process h % P, then worker (h / P) % W within it, for counts that are
  // powers of two (no division) and counts that are not.
  for (unsigned processes : {1u, 2u, 3u, 4u, 5u, 8u, 16u}) {
    for (unsigned workers : {1u, 2u, 3u, 4u, 6u, 8u}) {
      Placement placement{processes, 0, workers};
      for (int i = 0; i < 2000; ++i) {
        std::string key = "key-" + std::to_string(i);
        std::uint64_t h = key_hash(key);
        unsigned expected = static_cast<unsigned>(h % processes) * workers +
                            static_cast<unsigned>((h / processes) % workers);
        ASSERT_EQ(placement.owner(key), expected)
            << key << " with " << processes << " processes of " << workers << " workers";
      }
    }
  }
}

} // namespace
