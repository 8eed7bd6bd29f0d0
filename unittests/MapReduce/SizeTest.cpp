// SizeTest.cpp - `--memory-limit` sizes and how sizes and machines are described.
#include "system.h"

#include <gtest/gtest.h>

using namespace flowc::mapreduce;

TEST(SizeTest, ParsesSuffixes) {
  EXPECT_EQ(parse_size("4096"), 4096u);
  EXPECT_EQ(parse_size("1K"), 1024u);
  EXPECT_EQ(parse_size("2k"), 2048u);
  EXPECT_EQ(parse_size("512M"), 512ull << 20);
  EXPECT_EQ(parse_size("2G"), 2ull << 30);
  EXPECT_EQ(parse_size("1T"), 1ull << 40);
  EXPECT_EQ(parse_size("3MB"), 3ull << 20);
  EXPECT_EQ(parse_size("3MiB"), 3ull << 20);
  EXPECT_EQ(parse_size("100B"), 100u);
}

TEST(SizeTest, RejectsMalformedSizes) {
  for (const char *bad : {"", "0", "0K", "K", "-1", "1.5G", "12X", "1KK",
                          "1 K", "99999999999999999999", "20000000T", "1iB"})
    EXPECT_FALSE(parse_size(bad).has_value()) << bad;
}

TEST(SizeTest, FormatsBytes) {
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(1536), "1.5 KiB");
  EXPECT_EQ(format_bytes(3ull << 30), "3.0 GiB");
}

TEST(SizeTest, MachineFacts) {
  EXPECT_GE(available_cpus(), 1u);
  EXPECT_GE(default_memory_limit(), 64ull << 20);
  EXPECT_LE(default_memory_limit(), usable_memory() / 4 + (64ull << 20));
}
