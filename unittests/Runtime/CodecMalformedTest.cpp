// CodecMalformedTest.cpp - truncated, corrupt, oversized and random input only ever
// decodes or throws DecodeError.
#include "CodecTestUtil.h"

#include <array>
#include <cstdint>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

using flowc::decode;
using flowc::DecodeError;
using flowc::encode;
using flowc_test::bytes;
using flowc_test::hex;

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

// The containers beyond vector and map, and variant, in one value.
using Slot = std::variant<std::monostate, int, std::string, std::set<int>>;
using More = std::tuple<std::set<std::string>, std::multiset<int>,
                        std::unordered_set<std::int64_t>, std::multimap<int, std::string>,
                        std::deque<double>, std::list<std::string>,
                        std::array<std::pair<int, std::string>, 3>, std::vector<Slot>>;

More more_sample() {
  return More{{"", "alpha", "beta", std::string(130, 'b')},
              {3, -1, 3, 3, 40000},
              {-5, 0, 1LL << 50, 7, 8, 9},
              {{2, "two"}, {-1, "minus"}, {2, "again"}, {2, ""}},
              {0.5, -0.0, 1e300},
              {"x", "", std::string(200, 'l')},
              {{{1, "a"}, {-2, ""}, {1 << 20, "c"}}},
              {Slot{}, Slot{-3}, Slot{std::string("s")}, Slot{std::set<int>{1, 2, 300}}}};
}

// The multi and singly linked containers (issue 20), repeats included.
using Multi = std::tuple<std::unordered_multimap<std::string, std::vector<int>>,
                         std::unordered_multiset<std::int64_t>, std::forward_list<std::string>>;

Multi multi_sample() {
  Multi m;
  for (int i = 0; i < 12; ++i)
    std::get<0>(m).emplace(std::string(static_cast<std::size_t>(i % 4) * 40, 'k'),
                           std::vector<int>{i, -i});
  std::get<1>(m) = {3, -1, 3, 3, 40000, 1LL << 50};
  std::get<2>(m) = {"x", "", std::string(200, 'l'), "x"};
  return m;
}

// Every proper prefix of `full`, the encoding of a T, fails to decode.
template <class T> void expect_truncations_throw(const std::string &full) {
  ASSERT_GT(full.size(), 400u);
  for (std::size_t n = 0; n < full.size(); ++n)
    EXPECT_THROW(decode<T>(std::string_view(full).substr(0, n)), DecodeError)
        << "prefix of " << n << " bytes";
}

// Random bytes, half of them small (counts, tags, bools), so that inputs get
// past the first check often enough to exercise nested decoding, not just
// the outer count.
std::string random_input(std::mt19937_64 &rng) {
  std::string input(rng() % 64, '\0');
  for (char &c : input)
    c = static_cast<char>(rng() % 2 == 0 ? rng() % 4 : rng());
  return input;
}

// How many of Ts decode `input`; each either decodes or throws DecodeError.
template <class... Ts> int decodes(const std::string &input) {
  auto one = [&](auto type) {
    try {
      (void)decode<typename decltype(type)::type>(input);
      return 1;
    } catch (const DecodeError &) {
      return 0;
    }
  };
  return (0 + ... + one(std::type_identity<Ts>{}));
}

// Random bytes rarely get deep; corrupting a byte or two of a valid encoding
// does. Whatever still decodes must be the one encoding of its value.
template <class T> void expect_mutations_canonical(const std::string &full, unsigned seed,
                                                   int rounds) {
  std::mt19937 rng(seed);
  int decoded = 0;
  for (int i = 0; i < rounds; ++i) {
    std::string input = full;
    input[rng() % input.size()] = static_cast<char>(rng());
    if (i % 3 == 0)
      input[rng() % input.size()] = static_cast<char>(rng());
    try {
      T value = decode<T>(input);
      ++decoded;
      ASSERT_EQ(encode(value), input) << "mutation " << i;
    } catch (const DecodeError &) {
    }
  }
  EXPECT_GT(decoded, 0);
}

TEST(CodecMalformed, EveryTruncationThrows) {
  std::string full = encode(sample());
  ASSERT_EQ(decode<Wide>(full), sample());
  expect_truncations_throw<Wide>(full);
}

TEST(CodecMalformed, EveryTruncationOfMoreContainersThrows) {
  std::string full = encode(more_sample());
  ASSERT_EQ(decode<More>(full), more_sample());
  expect_truncations_throw<More>(full);
  EXPECT_THROW(decode<More>(full + '\0'), DecodeError);
}

TEST(CodecMalformed, EveryTruncationOfMultiContainersThrows) {
  std::string full = encode(multi_sample());
  ASSERT_EQ(decode<Multi>(full), multi_sample());
  expect_truncations_throw<Multi>(full);
  EXPECT_THROW(decode<Multi>(full + '\0'), DecodeError);
}

TEST(CodecMalformed, MutatedMultiContainersDecodeOrThrow) {
  // Keys' bytes non-decreasing; what decodes re-encodes to the same bytes,
  // each key's values in the order they were written.
  expect_mutations_canonical<Multi>(encode(multi_sample()), 13, 5000);
}

TEST(CodecMalformed, RandomBytesOfMultiContainersDecodeOrThrow) {
  std::mt19937_64 rng(20261207);
  int decoded = 0;
  for (int i = 0; i < 5000; ++i)
    decoded += decodes<std::unordered_multimap<int, std::string>,
                       std::unordered_multiset<std::string>, std::forward_list<int>, Multi>(
        random_input(rng));
  EXPECT_GT(decoded, 0);
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
    EXPECT_THROW(decode<std::set<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::multiset<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::unordered_set<int>>(input), DecodeError);
    EXPECT_THROW((decode<std::multimap<int, int>>(input)), DecodeError);
    EXPECT_THROW(decode<std::deque<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::list<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::forward_list<int>>(input), DecodeError);
    EXPECT_THROW(decode<std::unordered_multiset<int>>(input), DecodeError);
    EXPECT_THROW((decode<std::unordered_multimap<int, int>>(input)), DecodeError);
    EXPECT_THROW(decode<std::deque<std::tuple<>>>(input), DecodeError);
    EXPECT_THROW(decode<std::list<std::monostate>>(input), DecodeError);
    EXPECT_THROW(decode<std::set<std::tuple<>>>(input), DecodeError);
    EXPECT_THROW((decode<std::variant<int, std::string>>(input)), DecodeError);
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
  for (int i = 0; i < 5000; ++i)
    decoded += decodes<Nested, Wide>(random_input(rng));
  // Most random input is malformed, but some (e.g. small maps) is not.
  EXPECT_GT(decoded, 0);
}

TEST(CodecMalformed, RandomBytesOfMoreContainersDecodeOrThrow) {
  std::mt19937_64 rng(20250101);
  int decoded = 0;
  for (int i = 0; i < 5000; ++i)
    decoded += decodes<std::vector<Slot>, std::multimap<int, std::set<std::int64_t>>, More>(random_input(rng));
  EXPECT_GT(decoded, 0);
}

TEST(CodecMalformed, MutatedMoreContainersDecodeOrThrow) {
  // Set elements in order, unordered ones in byte order, a valid variant index.
  expect_mutations_canonical<More>(encode(more_sample()), 12, 5000);
}

TEST(CodecMalformed, MutatedValidInputDecodesOrThrows) {
  expect_mutations_canonical<Wide>(encode(sample()), 7, 3000);
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

TEST(CodecMalformed, SetElementsOutOfOrderOrRepeatedRejected) {
  // {1, 2}: 02 02 04 is its encoding; 04 02 and a repeated 02 are not.
  EXPECT_EQ(decode<std::set<int>>(bytes({0x02, 0x02, 0x04})), (std::set<int>{1, 2}));
  EXPECT_THROW(decode<std::set<int>>(bytes({0x02, 0x04, 0x02})), DecodeError);
  EXPECT_THROW(decode<std::set<int>>(bytes({0x02, 0x02, 0x02})), DecodeError);
  try {
    decode<std::set<int>>(bytes({0x03, 0x02, 0x06, 0x04}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(),
                 "flowc: cannot decode at byte 3 of 4: set elements are not in increasing order");
  }
  // A multiset repeats, but never goes down.
  EXPECT_EQ(decode<std::multiset<int>>(bytes({0x02, 0x02, 0x02})), (std::multiset<int>{1, 1}));
  EXPECT_THROW(decode<std::multiset<int>>(bytes({0x03, 0x02, 0x04, 0x02})), DecodeError);
  // An unordered set: increasing bytes, no repeats, and no two equal elements
  // with different bytes (0.0 and -0.0).
  EXPECT_EQ(decode<std::unordered_set<int>>(bytes({0x02, 0x01, 0x02})),
            (std::unordered_set<int>{-1, 1}));
  EXPECT_THROW(decode<std::unordered_set<int>>(bytes({0x02, 0x02, 0x01})), DecodeError);
  EXPECT_THROW(decode<std::unordered_set<int>>(bytes({0x02, 0x02, 0x02})), DecodeError);
  std::string zeros = flowc::encode_all(std::uint8_t{2}, 0.0, -0.0);
  ASSERT_LT(zeros.substr(1, 8), zeros.substr(9, 8));
  try {
    decode<std::unordered_set<double>>(zeros);
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(), "flowc: cannot decode at byte 9 of 17: set repeats an element");
  }
  EXPECT_THROW((decode<std::unordered_map<double, int>>(
                   flowc::encode_all(std::uint8_t{2}, 0.0, 1, -0.0, 1))),
               DecodeError);
  // A multimap: keys never go down; equal keys in either order, kept.
  EXPECT_THROW((decode<std::multimap<int, int>>(bytes({0x02, 0x04, 0x00, 0x02, 0x00}))),
               DecodeError);
  auto both = decode<std::multimap<int, int>>(bytes({0x02, 0x02, 0x06, 0x02, 0x04}));
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both.begin()->second, 3);
  EXPECT_EQ(std::next(both.begin())->second, 2);
  EXPECT_EQ(hex(encode(both)), "02 02 06 02 04");
}

TEST(CodecMalformed, VariantIndexChecked) {
  using V = std::variant<std::monostate, int, std::string>;
  EXPECT_EQ(decode<V>(bytes({0x00})), V{});
  EXPECT_EQ(decode<V>(bytes({0x01, 0x02})), V{1});
  try {
    decode<V>(bytes({0x03, 0x00}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(), "flowc: cannot decode at byte 0 of 2: variant index 3 is not below 3");
  }
  // Overlong, huge and truncated indexes; an index whose alternative is missing.
  EXPECT_THROW(decode<V>(bytes({0x81, 0x00, 0x02})), DecodeError);
  EXPECT_THROW(decode<V>(encode(std::numeric_limits<std::uint64_t>::max())), DecodeError);
  EXPECT_THROW(decode<V>(bytes({0x80})), DecodeError);
  EXPECT_THROW(decode<V>(bytes({0x02})), DecodeError);
  EXPECT_THROW(decode<V>(bytes({0x02, 0x05, 0x61})), DecodeError);
  EXPECT_THROW(decode<V>(""), DecodeError);
}

} // namespace
