// CodecMultiContainerTest.cpp - std::unordered_multiset, unordered_multimap and
// forward_list: their bytes, exact round trips (the values under one key of an
// unordered_multimap in the container's order), equal containers giving equal
// bytes, and malformed input rejected.
#include "CodecTestUtil.h"

#include <cstdint>
#include <forward_list>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

using flowc::decode;
using flowc::DecodeError;
using flowc::encode;
using flowc_test::bytes;
using flowc_test::hex;
using flowc_test::round_trip;

namespace {

// Each key's values in the order the container holds them.
template <class M> std::map<typename M::key_type, std::vector<typename M::mapped_type>>
groups(const M &m) {
  std::map<typename M::key_type, std::vector<typename M::mapped_type>> out;
  for (const auto &[key, value] : m)
    out[key].push_back(value);
  return out;
}

TEST(CodecUnorderedMultiset, RepeatsInByteOrder) {
  // zigzag: -1 is 01, 1 is 02, 2 is 04.
  EXPECT_EQ(hex(encode(std::unordered_multiset<int>{2, 1, 2, -1})), "04 01 02 04 04");
  EXPECT_EQ(hex(encode(std::unordered_multiset<int>{})), "00");
  std::unordered_multiset<std::string> words{"b", "a", "b", "b", ""};
  EXPECT_EQ(round_trip(words), words);
  EXPECT_EQ(decode<std::unordered_multiset<int>>(bytes({0x03, 0x02, 0x02, 0x02})),
            (std::unordered_multiset<int>{1, 1, 1}));
}

TEST(CodecUnorderedMultiset, EqualSetsGiveEqualBytes) {
  std::unordered_multiset<std::string> a, b;
  for (int i = 0; i < 300; ++i)
    a.insert("key" + std::to_string(i % 70));
  b.reserve(1000); // other bucket count, reverse insertion order
  for (int i = 299; i >= 0; --i)
    b.insert("key" + std::to_string(i % 70));
  ASSERT_EQ(a, b);
  EXPECT_EQ(encode(a), encode(b));
  EXPECT_EQ(round_trip(a), a);
  EXPECT_EQ(encode(round_trip(a)), encode(a));
}

TEST(CodecUnorderedMultimap, KeysInByteOrderValuesInTheContainersOrder) {
  std::unordered_multimap<int, std::string> m;
  m.emplace(1, "b");
  m.emplace(0, "z");
  m.emplace(1, "a");
  std::vector<std::string> ones = groups(m)[1];
  ASSERT_EQ(ones.size(), 2u);
  // 0 first (00), then key 1 (02) twice, its values as the container holds them.
  EXPECT_EQ(hex(encode(m)),
            "03 00 01 7a 02 01 " + hex(ones[0]) + " 02 01 " + hex(ones[1]));
}

TEST(CodecUnorderedMultimap, RoundTripKeepsEachKeysValueOrder) {
  // Many values under each key, in an order that is neither sorted nor
  // reverse-sorted, so a decoder that inserts in encoding order and lets the
  // container place equal keys (in front, or behind) gets it wrong.
  std::unordered_multimap<std::string, int> m;
  for (int i = 0; i < 400; ++i)
    m.emplace("k" + std::to_string(i % 13), (i * 7919) % 101);
  std::unordered_multimap<std::string, int> back = round_trip(m);
  EXPECT_EQ(back, m);
  EXPECT_EQ(groups(back), groups(m));
  EXPECT_EQ(encode(back), encode(m));
  // Decoded into a container that already had another layout.
  std::unordered_multimap<std::string, int> other;
  other.reserve(5000);
  other.emplace("x", 1);
  std::string encoded = encode(m);
  flowc::Reader r(encoded);
  r.read(other);
  EXPECT_EQ(groups(other), groups(m));
  // Equal keys of other bytes (0.0 and -0.0) each keep their own values' order.
  std::unordered_multimap<double, int> zeros;
  for (int i = 0; i < 6; ++i)
    zeros.emplace(i % 2 == 0 ? 0.0 : -0.0, 5 - i);
  EXPECT_EQ(encode(round_trip(zeros)), encode(zeros));
}

TEST(CodecUnorderedMultimap, EqualContainersBuiltInTheSameOrderGiveEqualBytes) {
  std::unordered_multimap<std::int64_t, std::string> a, b;
  b.reserve(3000);
  for (int i = 0; i < 500; ++i) {
    a.emplace(i % 37, std::to_string(i));
    b.emplace(i % 37, std::to_string(i));
  }
  EXPECT_EQ(encode(a), encode(b));
  // Keys inserted in another order: the keys' order is the bytes', not the
  // insertion's.
  std::unordered_multimap<std::int64_t, std::string> c;
  for (int i = 36; i >= 0; --i)
    for (int j = 0; j < 500; ++j)
      if (j % 37 == i)
        c.emplace(i, std::to_string(j));
  EXPECT_EQ(encode(c), encode(a));
}

TEST(CodecUnorderedMulti, MalformedInputRejected) {
  // Keys going down, for the set and the map.
  EXPECT_THROW(decode<std::unordered_multiset<int>>(bytes({0x02, 0x04, 0x02})), DecodeError);
  try {
    decode<std::unordered_multimap<int, int>>(bytes({0x03, 0x02, 0x00, 0x04, 0x00, 0x02, 0x00}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(),
                 "flowc: cannot decode at byte 5 of 7: map keys are not in non-decreasing byte order");
  }
  // Counts beyond the input, truncated entries, a corrupt value, trailing bytes.
  for (const std::string &input :
       {bytes({0x05, 0x02}), bytes({0x02, 0x02}), bytes({0x02, 0x02, 0x00, 0x02}),
        bytes({0x81}), bytes({0x01, 0x02, 0x02, 0x00})})
    EXPECT_THROW((decode<std::unordered_multimap<int, int>>(input)), DecodeError) << hex(input);
  for (const std::string &input : {bytes({0x05, 0x00}), bytes({0x02, 0x01, 0x61}),
                                   bytes({0x01, 0x03, 0x61}), bytes({0x01, 0x01, 0x61, 0x00})})
    EXPECT_THROW(decode<std::unordered_multiset<std::string>>(input), DecodeError) << hex(input);
  EXPECT_THROW((decode<std::unordered_multimap<int, bool>>(bytes({0x01, 0x02, 0x02}))),
               DecodeError);
  EXPECT_THROW(decode<std::unordered_multiset<std::monostate>>(encode(std::uint64_t{1} << 40)),
               DecodeError);
}

TEST(CodecForwardList, AsAList) {
  EXPECT_EQ(hex(encode(std::forward_list<int>{3, -1, 3})), "03 06 01 06");
  EXPECT_EQ(hex(encode(std::forward_list<std::string>{})), "00");
  std::forward_list<std::string> words{"x", "", std::string(200, 'l')};
  EXPECT_EQ(round_trip(words), words);
  std::forward_list<std::forward_list<int>> nested{{1, 2}, {}, {3}};
  EXPECT_EQ(round_trip(nested), nested);
  // Decoding replaces what was there.
  std::forward_list<int> l{9, 9};
  flowc::Reader r(bytes({0x01, 0x02}));
  r.read(l);
  EXPECT_EQ(l, (std::forward_list<int>{1}));
}

TEST(CodecForwardList, MalformedInputRejected) {
  EXPECT_THROW(decode<std::forward_list<int>>(bytes({0x03, 0x02, 0x02})), DecodeError);
  EXPECT_THROW(decode<std::forward_list<int>>(bytes({0x01, 0x80})), DecodeError);
  EXPECT_THROW(decode<std::forward_list<int>>(bytes({0x01, 0x02, 0x02})), DecodeError);
  EXPECT_THROW(decode<std::forward_list<std::tuple<>>>(encode(std::uint64_t{1} << 40)),
               DecodeError);
  EXPECT_THROW(decode<std::forward_list<int>>(encode(~std::uint64_t{0})), DecodeError);
}

} // namespace
