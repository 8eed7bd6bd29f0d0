// CodecContainerTest.cpp - strings, vectors, maps, optional, pair, tuple, structs and nesting.
#include "CodecTestUtil.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
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

} // namespace

template <>
struct flowc::Codec<Point> : flowc::FieldsCodec<&Point::x, &Point::label, &Point::children> {};
template <> struct flowc::Codec<Empty> : flowc::FieldsCodec<> {};
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
