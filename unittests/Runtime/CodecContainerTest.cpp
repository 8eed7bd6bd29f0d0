// CodecContainerTest.cpp - strings, vectors, deques, lists, arrays, maps, sets,
// optional, variant, pair, tuple, structs and nesting.
#include "CodecTestUtil.h"

#include <array>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
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
using flowc_test::round_trip;

namespace {

TEST(CodecString, BytesAndRoundTrip) {
  EXPECT_EQ(hex(encode(std::string())), "00");
  EXPECT_EQ(hex(encode(std::string("hi"))), "02 68 69");
  std::string all;
  for (int c = 0; c < 256; ++c)
    all += static_cast<char>(c);
  EXPECT_EQ(round_trip(all), all);
  std::string big(300, 'x');
  EXPECT_EQ(hex(encode(big).substr(0, 2)), "ac 02");
  EXPECT_EQ(round_trip(big), big);
}

TEST(CodecVector, BytesAndRoundTrip) {
  EXPECT_EQ(hex(encode(std::vector<int>{})), "00");
  EXPECT_EQ(hex(encode(std::vector<int>{1, -1, 300})), "03 02 01 d8 04");
  EXPECT_EQ(hex(encode(std::vector<std::uint8_t>{1, 255})), "02 01 ff");
  std::vector<std::int64_t> v{0, std::numeric_limits<std::int64_t>::min(), 42};
  EXPECT_EQ(round_trip(v), v);
  std::vector<std::string> s{"", "a", std::string(1000, 'z')};
  EXPECT_EQ(round_trip(s), s);
}

TEST(CodecVector, ByteVectorsMatchElementByElement) {
  // The bulk path for one-byte elements must give the bytes the generic path would.
  std::vector<signed char> v{-1, 0, 5, -128, 127};
  EXPECT_EQ(encode(v), flowc::encode_all(std::uint8_t{5}, v[0], v[1], v[2], v[3], v[4]));
  EXPECT_EQ(round_trip(v), v);
}

TEST(CodecVectorBool, PackedBits) {
  EXPECT_EQ(hex(encode(std::vector<bool>{})), "00");
  EXPECT_EQ(hex(encode(std::vector<bool>{true})), "01 01");
  EXPECT_EQ(hex(encode(std::vector<bool>{true, false, true, true, false, false, false,
                                         false, true})),
            "09 0d 01");
  for (std::size_t n : {1u, 7u, 8u, 9u, 15u, 16u, 17u, 100u}) {
    std::vector<bool> v(n);
    for (std::size_t i = 0; i < n; ++i)
      v[i] = (i * 7 + n) % 3 == 0;
    EXPECT_EQ(round_trip(v), v) << n;
    EXPECT_EQ(encode(v).size(), 1 + (n + 7) / 8) << n;
  }
}

TEST(CodecVectorBool, RejectsStrayBitsAndShortInput) {
  EXPECT_THROW(decode<std::vector<bool>>(bytes({0x01, 0x03})), DecodeError);
  EXPECT_THROW(decode<std::vector<bool>>(bytes({0x09, 0xff})), DecodeError);
  EXPECT_EQ(decode<std::vector<bool>>(bytes({0x08, 0xff})), std::vector<bool>(8, true));
}

TEST(CodecMap, OrderedEntries) {
  std::map<std::string, int> m{{"b", 2}, {"a", -1}};
  EXPECT_EQ(hex(encode(m)), "02 01 61 01 01 62 04");
  EXPECT_EQ(round_trip(m), m);
  EXPECT_EQ(round_trip(std::map<int, int>{}), (std::map<int, int>{}));
}

TEST(CodecMap, RejectsRepeatedKey) {
  EXPECT_THROW((decode<std::map<int, int>>(bytes({0x02, 0x02, 0x00, 0x02, 0x04}))),
               DecodeError);
  EXPECT_THROW((decode<std::unordered_map<int, int>>(bytes({0x02, 0x02, 0x00, 0x02, 0x04}))),
               DecodeError);
}

TEST(CodecUnorderedMap, EqualMapsGiveEqualBytes) {
  std::unordered_map<std::string, int> a, b;
  for (int i = 0; i < 200; ++i)
    a.emplace("key" + std::to_string(i), i);
  b.reserve(1000); // other bucket count, reverse insertion order
  for (int i = 199; i >= 0; --i)
    b.emplace("key" + std::to_string(i), i);
  ASSERT_EQ(a, b);
  EXPECT_EQ(encode(a), encode(b));
  EXPECT_EQ(round_trip(a), a);
  // Entries in byte order: zigzag 1 is 02, -1 is 01, so -1 comes first.
  std::unordered_map<int, bool> small{{1, true}, {-1, false}};
  EXPECT_EQ(hex(encode(small)), "02 01 00 02 01");
}

TEST(CodecOptional, BytesAndRoundTrip) {
  EXPECT_EQ(hex(encode(std::optional<int>{})), "00");
  EXPECT_EQ(hex(encode(std::optional<int>{3})), "01 06");
  EXPECT_EQ(round_trip(std::optional<std::string>{"x"}), std::optional<std::string>{"x"});
  EXPECT_EQ(round_trip(std::optional<std::optional<int>>{std::optional<int>{}}),
            std::optional<std::optional<int>>{std::optional<int>{}});
  EXPECT_THROW(decode<std::optional<int>>(bytes({0x02, 0x06})), DecodeError);
}

TEST(CodecDequeList, AsVector) {
  std::vector<int> v{1, -1, 300};
  std::deque<int> d(v.begin(), v.end());
  std::list<int> l(v.begin(), v.end());
  EXPECT_EQ(hex(encode(d)), "03 02 01 d8 04");
  EXPECT_EQ(encode(d), encode(v));
  EXPECT_EQ(encode(l), encode(v));
  EXPECT_EQ(round_trip(d), d);
  EXPECT_EQ(round_trip(l), l);
  EXPECT_EQ(hex(encode(std::deque<std::string>{})), "00");
  std::list<std::string> words{"", "a", std::string(300, 'z')};
  EXPECT_EQ(round_trip(words), words);
  std::deque<std::deque<char>> deep{{'a'}, {}, {'b', 'c'}};
  EXPECT_EQ(round_trip(deep), deep);
  // A deque longer than one of its blocks.
  std::deque<std::int64_t> big;
  for (int i = 0; i < 2000; ++i)
    big.push_back(i % 2 ? -i : i * 1000);
  EXPECT_EQ(round_trip(big), big);
}

TEST(CodecArray, ElementsWithoutCount) {
  EXPECT_EQ(hex(encode(std::array<int, 3>{1, -1, 300})), "02 01 d8 04");
  EXPECT_EQ(encode(std::array<int, 0>{}), "");
  EXPECT_EQ(hex(encode(std::array<std::string, 2>{"a", ""})), "01 61 00");
  std::array<std::pair<int, std::string>, 3> pairs{{{1, "x"}, {-2, ""}, {3, "zz"}}};
  EXPECT_EQ(round_trip(pairs), pairs);
  std::array<std::vector<bool>, 2> bits{{{true, false, true}, {}}};
  EXPECT_EQ(round_trip(bits), bits);
  std::array<std::uint8_t, 4> raw{0, 1, 0x80, 0xff};
  EXPECT_EQ(hex(encode(raw)), "00 01 80 ff");
  EXPECT_EQ(round_trip(raw), raw);
  EXPECT_EQ((flowc::codec_min_size<std::array<int, 3>>()), 3u);
  EXPECT_EQ((flowc::codec_min_size<std::array<double, 2>>()), 16u);
  EXPECT_EQ((flowc::codec_min_size<std::array<int, 0>>()), 0u);
  // Too short for its elements, or longer than them.
  EXPECT_THROW((decode<std::array<int, 3>>(bytes({0x02, 0x04}))), DecodeError);
  EXPECT_THROW((decode<std::array<int, 2>>(bytes({0x02, 0x04, 0x06}))), DecodeError);
}

TEST(CodecSet, ElementsInOrder) {
  EXPECT_EQ(hex(encode(std::set<int>{})), "00");
  // Zigzag: -1 is 01, 2 is 04, 3 is 06; in the set's (numeric) order.
  EXPECT_EQ(hex(encode(std::set<int>{3, -1, 2})), "03 01 04 06");
  std::set<std::string> words{"pear", "", "apple", std::string(200, 'q')};
  EXPECT_EQ(round_trip(words), words);
  // The set's own order, whatever it is.
  std::set<int, std::greater<int>> down{1, 2, 3};
  EXPECT_EQ(hex(encode(down)), "03 06 04 02");
  EXPECT_EQ(round_trip(down), down);
  std::set<std::pair<int, std::string>> pairs{{1, "b"}, {1, "a"}, {0, "z"}};
  EXPECT_EQ(round_trip(pairs), pairs);
}

TEST(CodecMultiset, RepeatsKept) {
  EXPECT_EQ(hex(encode(std::multiset<int>{2, 1, 2})), "03 02 04 04");
  std::multiset<std::string> words{"b", "a", "b", "b", ""};
  EXPECT_EQ(round_trip(words), words);
  EXPECT_EQ(decode<std::multiset<int>>(bytes({0x03, 0x02, 0x02, 0x02})),
            (std::multiset<int>{1, 1, 1}));
}

TEST(CodecUnorderedSet, EqualSetsGiveEqualBytes) {
  std::unordered_set<std::string> a, b;
  for (int i = 0; i < 200; ++i)
    a.insert("key" + std::to_string(i));
  b.reserve(1000); // other bucket count, reverse insertion order
  for (int i = 199; i >= 0; --i)
    b.insert("key" + std::to_string(i));
  ASSERT_EQ(a, b);
  EXPECT_EQ(encode(a), encode(b));
  EXPECT_EQ(round_trip(a), a);
  // In byte order: zigzag 1 is 02, -1 is 01, so -1 comes first.
  EXPECT_EQ(hex(encode(std::unordered_set<int>{1, -1})), "02 01 02");
  EXPECT_EQ(hex(encode(std::unordered_set<int>{})), "00");
}

TEST(CodecMultimap, EqualKeysKeepTheirOrder) {
  std::multimap<int, std::string> m;
  m.emplace(1, "b");
  m.emplace(0, "z");
  m.emplace(1, "a");
  EXPECT_EQ(hex(encode(m)), "03 00 01 7a 02 01 62 02 01 61");
  std::multimap<int, std::string> back = round_trip(m);
  EXPECT_EQ(back, m); // the same sequence: "b" still before "a"
  EXPECT_EQ(std::next(back.begin())->second, "b");
  EXPECT_EQ(hex(encode(std::multimap<int, int>{})), "00");
  std::multimap<std::string, std::vector<int>> nested{{"x", {1}}, {"x", {}}, {"", {2, 3}}};
  EXPECT_EQ(round_trip(nested), nested);
}

TEST(CodecVariant, IndexThenAlternative) {
  using V = std::variant<int, std::string>;
  EXPECT_EQ(hex(encode(V{-1})), "00 01");
  EXPECT_EQ(hex(encode(V{std::string("ab")})), "01 02 61 62");
  EXPECT_EQ(round_trip(V{std::string("x")}), V{std::string("x")});
  EXPECT_EQ(round_trip(V{7}), V{7});
  // Alternatives of one type are told apart by index.
  using Twice = std::variant<int, int>;
  Twice second(std::in_place_index<1>, 5);
  EXPECT_EQ(hex(encode(second)), "01 0a");
  EXPECT_EQ(round_trip(second).index(), 1u);
  EXPECT_EQ(std::get<1>(round_trip(second)), 5);
  // std::monostate takes no bytes.
  using Maybe = std::variant<std::monostate, double, std::vector<int>>;
  EXPECT_EQ(hex(encode(Maybe{})), "00");
  EXPECT_EQ(encode(std::monostate{}), "");
  Maybe list{std::vector<int>{1, 2}};
  EXPECT_EQ(hex(encode(list)), "02 02 02 04");
  EXPECT_EQ(round_trip(list), list);
  EXPECT_EQ(round_trip(Maybe{0.5}), Maybe{0.5});
  // An index past the alternatives is malformed.
  EXPECT_THROW(decode<V>(bytes({0x02, 0x00})), DecodeError);
  EXPECT_THROW(decode<V>(bytes({0xff, 0xff, 0x03})), DecodeError);
  EXPECT_EQ((flowc::codec_min_size<V>()), 2u);
  EXPECT_EQ(flowc::codec_min_size<Maybe>(), 1u);
  EXPECT_EQ((flowc::codec_min_size<std::variant<double, std::array<int, 3>>>()), 4u);
}

TEST(CodecPairTuple, MembersInOrder) {
  EXPECT_EQ(hex(encode(std::pair<int, std::string>{-2, "ab"})), "03 02 61 62");
  EXPECT_EQ(hex(encode(std::tuple<bool, std::uint16_t, char>{true, 128, 'z'})),
            "01 80 01 7a");
  EXPECT_EQ(encode(std::tuple<>{}), "");
  auto t = std::make_tuple(1.5, std::string("s"), std::vector<int>{1}, std::tuple<>{});
  EXPECT_EQ(round_trip(t), t);
}

TEST(CodecNested, MapOfVectorsOfOptionalPairs) {
  using T = std::map<std::string, std::vector<std::optional<std::pair<int, double>>>>;
  T value{{"", {}},
          {"one", {std::nullopt}},
          {"many", {std::pair{1, 2.5}, std::nullopt, std::pair{-7, -0.0}}}};
  EXPECT_EQ(round_trip(value), value);
  using U = std::unordered_map<std::int64_t, std::tuple<std::vector<bool>, std::map<int, float>,
                                                        std::optional<std::string>>>;
  U u{{-1, {{true, false}, {{1, 1.0f}}, "x"}}, {1LL << 40, {{}, {}, std::nullopt}}};
  EXPECT_EQ(round_trip(u), u);
  std::vector<std::vector<std::vector<char>>> deep{{{'a'}, {}}, {}};
  EXPECT_EQ(round_trip(deep), deep);
  using W = std::map<std::string, std::variant<std::set<int>, std::list<std::array<int, 2>>,
                                               std::multimap<int, std::deque<bool>>>>;
  W w{{"set", std::set<int>{3, 1}},
      {"list", std::list<std::array<int, 2>>{{1, 2}, {3, 4}}},
      {"multi", std::multimap<int, std::deque<bool>>{{1, {true}}, {1, {}}, {0, {false}}}}};
  EXPECT_EQ(round_trip(w), w);
  std::unordered_set<std::int64_t> keys{-1, 1LL << 40, 0};
  using Queue = std::variant<std::monostate, std::deque<std::string>>;
  std::tuple<std::multiset<std::string>, std::unordered_set<std::int64_t>, std::optional<Queue>>
      t{{"a", "a"}, keys, Queue{std::deque<std::string>{"q"}}};
  EXPECT_EQ(round_trip(t), t);
}

// A struct as generated code will describe it, and one written by hand.
struct Point {
  int x = 0;
  std::string label;
  std::vector<Point> children;
  bool operator==(const Point &) const = default;
};
struct Empty {
  bool operator==(const Empty &) const = default;
};
struct Manual {
  std::uint32_t a = 0;
  std::optional<double> b;
  bool operator==(const Manual &) const = default;
};
// Copying one throws, which leaves a variant valueless.
struct Throws {
  Throws() = default;
  Throws(const Throws &) { throw 1; }
  Throws &operator=(const Throws &) = default;
};

} // namespace

template <>
struct flowc::Codec<Point> : flowc::FieldsCodec<&Point::x, &Point::label, &Point::children> {};
template <> struct flowc::Codec<Empty> : flowc::FieldsCodec<> {};
template <> struct flowc::Codec<Throws> : flowc::FieldsCodec<> {};
template <> struct flowc::Codec<Manual> {
  static void write(Writer &w, const Manual &m) { codec_fields(w, m.a, m.b); }
  static void read(Reader &r, Manual &m) { codec_fields(r, m.a, m.b); }
};

namespace {

TEST(CodecStruct, FieldsCodec) {
  Point p{1, "p", {Point{2, "c", {}}}};
  EXPECT_EQ(hex(encode(Point{-1, "a", {}})), "01 01 61 00");
  EXPECT_EQ(round_trip(p), p);
  EXPECT_EQ(flowc::Codec<Point>::min_size, 3u);
  EXPECT_EQ((flowc::codec_min_size<std::pair<Point, double>>()), 11u);
}

TEST(CodecStruct, EmptyStructsTakeNoBytes) {
  EXPECT_EQ(encode(Empty{}), "");
  std::vector<Empty> v(1000);
  EXPECT_EQ(hex(encode(v)), "e8 07");
  EXPECT_EQ(round_trip(v), v);
  // Without a size to check against, a count is capped.
  EXPECT_THROW(decode<std::vector<Empty>>(encode(std::uint64_t{1} << 40)), DecodeError);
}

TEST(CodecStruct, HandWrittenWithCodecFields) {
  Manual m{300, 0.25};
  EXPECT_EQ(round_trip(m), m);
  EXPECT_EQ(flowc::codec_min_size<Manual>(), 0u); // no min_size declared
  std::vector<Manual> v{m, Manual{}, m};
  EXPECT_EQ(round_trip(v), v);
}

TEST(CodecVariant, ValuelessCannotBeWritten) {
  std::variant<int, Throws> v;
  try {
    v.emplace<1>(Throws{});
  } catch (int) {
  }
  ASSERT_TRUE(v.valueless_by_exception());
  EXPECT_THROW(encode(v), std::bad_variant_access);
}

TEST(CodecArguments, EncodeAllIsTheTupleEncoding) {
  std::string args = flowc::encode_all(2, std::string("book"), true);
  EXPECT_EQ(args, encode(std::make_tuple(2, std::string("book"), true)));
  auto [n, s, b] = flowc::decode_all<int, const std::string &, bool>(args);
  EXPECT_EQ(n, 2);
  EXPECT_EQ(s, "book");
  EXPECT_TRUE(b);
  EXPECT_EQ(flowc::encode_all(), "");
  EXPECT_EQ(flowc::decode_all<>(""), std::tuple<>{});
  EXPECT_THROW(flowc::decode_all<>("x"), DecodeError);
}

TEST(CodecWriterReader, StreamsSeveralValues) {
  std::string frame = "HDR";
  flowc::Writer w(frame); // appends after an existing header
  w.write(7);
  w.write(std::string("x"));
  EXPECT_EQ(hex(frame), "48 44 52 0e 01 78");
  flowc::Reader r(std::string_view(frame).substr(3));
  EXPECT_EQ(r.read<int>(), 7);
  EXPECT_FALSE(r.done());
  EXPECT_EQ(r.read<std::string>(), "x");
  EXPECT_TRUE(r.done());
  r.expect_end();

  flowc::Writer own;
  own.write(true);
  EXPECT_EQ(own.take(), bytes({1}));
  EXPECT_EQ(own.buffer(), "");
}

} // namespace
