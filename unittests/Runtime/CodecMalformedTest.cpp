// CodecMalformedTest.cpp - truncated, corrupt, oversized and random input only ever
// decodes or throws DecodeError.
#include "CodecTestUtil.h"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

using flowc::decode;
using flowc::DecodeError;
using flowc::encode;
using flowc_test::bytes;

namespace {

using Nested = std::map<std::string, std::vector<std::optional<std::pair<int, double>>>>;
using Wide = std::tuple<Nested, std::vector<bool>, std::unordered_map<std::int64_t, std::string>,
                        std::optional<std::uint64_t>, float, std::vector<std::uint8_t>, bool>;

Wide sample() {
  Nested n{{"alpha", {std::pair{1, 0.5}, std::nullopt}},
           {"beta", {}},
           {std::string(130, 'b'), {std::pair{-100000, 1e300}}}};
  return Wide{n,
              {true, false, true, true, false, false, true, false, true, true},
              {{-5, "minus"}, {1LL << 50, std::string(200, 'q')}},
              std::uint64_t{1} << 63,
              -1.25f,
              {0, 1, 2, 255},
              true};
}

TEST(CodecMalformed, EveryTruncationThrows) {
  std::string full = encode(sample());
  ASSERT_EQ(decode<Wide>(full), sample());
  ASSERT_GT(full.size(), 400u);
  for (std::size_t n = 0; n < full.size(); ++n)
    EXPECT_THROW(decode<Wide>(std::string_view(full).substr(0, n)), DecodeError)
        << "prefix of " << n << " bytes";
}

TEST(CodecMalformed, TrailingBytesRejected) {
  EXPECT_THROW(decode<int>(bytes({0x02, 0x00})), DecodeError);
  EXPECT_THROW(decode<std::string>(bytes({0x01, 0x61, 0x61})), DecodeError);
  std::string full = encode(sample()) + '\0';
  EXPECT_THROW(decode<Wide>(full), DecodeError);
  try {
    decode<bool>(bytes({0x01, 0x00, 0x00}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(), "flowc: cannot decode at byte 1 of 3: 2 trailing byte(s) after the value");
  }
}

TEST(CodecMalformed, HugeLengthsThrowBeforeReading) {
  // A count near 2^64, 2^63 and one just past what remains, for each container.
  std::string max = encode(std::numeric_limits<std::uint64_t>::max());
  std::string half = encode(std::uint64_t{1} << 63);
  for (const std::string &len : {max, half, encode(std::uint64_t{4})}) {
    std::string input = len + "abc";
    EXPECT_THROW(decode<std::string>(input), DecodeError);
    EXPECT_THROW(decode<std::vector<char>>(input), DecodeError);
    EXPECT_THROW(decode<std::vector<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::vector<bool>>(len), DecodeError);
    EXPECT_THROW((decode<std::map<int, int>>(input)), DecodeError);
    EXPECT_THROW((decode<std::unordered_map<int, int>>(input)), DecodeError);
    EXPECT_THROW(decode<std::vector<std::tuple<>>>(input), DecodeError);
  }
  // Elements of known size: three bytes cannot hold two doubles.
  EXPECT_THROW(decode<std::vector<double>>(bytes({0x02, 0, 0, 0})), DecodeError);
  // Which the message says, at the count's offset.
  try {
    decode<std::pair<bool, std::string>>(bytes({0x01, 0x05, 0x61}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(),
                 "flowc: cannot decode at byte 1 of 3: length 5 exceeds the 1 byte(s) that remain");
  }
}

TEST(CodecMalformed, RandomBytesDecodeOrThrow) {
  std::mt19937_64 rng(20240611);
  int decoded = 0;
  for (int i = 0; i < 5000; ++i) {
    // Half the bytes small (counts, tags, bools), so inputs get past the first
    // check often enough to exercise nested decoding, not just the outer count.
    std::string input(rng() % 64, '\0');
    for (char &c : input)
      c = static_cast<char>(rng() % 2 == 0 ? rng() % 4 : rng());
    try {
      (void)decode<Nested>(input);
      ++decoded;
    } catch (const DecodeError &) {
    }
    try {
      (void)decode<Wide>(input);
      ++decoded;
    } catch (const DecodeError &) {
    }
  }
  // Most random input is malformed, but some (e.g. small maps) is not.
  EXPECT_GT(decoded, 0);
}

TEST(CodecMalformed, MutatedValidInputDecodesOrThrows) {
  // Random bytes rarely get deep; corrupting a byte or two of a valid encoding
  // does. Whatever still decodes must be the one encoding of its value.
  std::string full = encode(sample());
  std::mt19937 rng(7);
  int decoded = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string input = full;
    input[rng() % input.size()] = static_cast<char>(rng());
    if (i % 3 == 0)
      input[rng() % input.size()] = static_cast<char>(rng());
    try {
      Wide w = decode<Wide>(input);
      ++decoded;
      ASSERT_EQ(encode(w), input) << "mutation " << i;
    } catch (const DecodeError &) {
    }
  }
  EXPECT_GT(decoded, 0);
}

TEST(CodecMalformed, MapEntriesOutOfOrderRejected) {
  // {2: 0, 1: 0} written in the wrong order: a valid map, not its encoding.
  EXPECT_THROW((decode<std::map<int, int>>(bytes({0x02, 0x04, 0x00, 0x02, 0x00}))), DecodeError);
  EXPECT_EQ((decode<std::map<int, int>>(bytes({0x02, 0x02, 0x00, 0x04, 0x00}))),
            (std::map<int, int>{{1, 0}, {2, 0}}));
  EXPECT_THROW((decode<std::unordered_map<int, int>>(bytes({0x02, 0x04, 0x00, 0x02, 0x00}))),
               DecodeError);
  EXPECT_EQ((decode<std::unordered_map<int, int>>(bytes({0x02, 0x02, 0x00, 0x04, 0x00}))),
            (std::unordered_map<int, int>{{1, 0}, {2, 0}}));
}

} // namespace
