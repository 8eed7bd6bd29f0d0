// CodecScalarTest.cpp - bool, integers, floating point and enums: exact bytes and round trips.
#include "CodecTestUtil.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

using flowc::decode;
using flowc::DecodeError;
using flowc::encode;
using flowc_test::bytes;
using flowc_test::hex;
using flowc_test::round_trip;

namespace {

TEST(CodecBool, BytesAndRoundTrip) {
  EXPECT_EQ(hex(encode(false)), "00");
  EXPECT_EQ(hex(encode(true)), "01");
  EXPECT_TRUE(round_trip(true));
  EXPECT_FALSE(round_trip(false));
}

TEST(CodecBool, RejectsOtherBytes) {
  EXPECT_THROW(decode<bool>(bytes({2})), DecodeError);
  EXPECT_THROW(decode<bool>(bytes({0xff})), DecodeError);
}

TEST(CodecInt, PinnedBytes) {
  EXPECT_EQ(hex(encode(std::uint32_t{0})), "00");
  EXPECT_EQ(hex(encode(std::uint32_t{127})), "7f");
  EXPECT_EQ(hex(encode(std::uint32_t{128})), "80 01");
  EXPECT_EQ(hex(encode(std::uint32_t{300})), "ac 02");
  EXPECT_EQ(hex(encode(0)), "00");
  EXPECT_EQ(hex(encode(-1)), "01");
  EXPECT_EQ(hex(encode(1)), "02");
  EXPECT_EQ(hex(encode(-2)), "03");
  EXPECT_EQ(hex(encode(-64)), "7f");
  EXPECT_EQ(hex(encode(64)), "80 01");
  EXPECT_EQ(hex(encode(std::numeric_limits<std::uint64_t>::max())),
            "ff ff ff ff ff ff ff ff ff 01");
  EXPECT_EQ(hex(encode(std::numeric_limits<std::int32_t>::min())), "ff ff ff ff 0f");
  EXPECT_EQ(hex(encode(std::numeric_limits<std::int32_t>::max())), "fe ff ff ff 0f");
  // One-byte integers are the raw byte, not a varint.
  EXPECT_EQ(hex(encode(std::uint8_t{200})), "c8");
  EXPECT_EQ(hex(encode(std::int8_t{-1})), "ff");
  EXPECT_EQ(hex(encode('A')), "41");
}

template <class T> void expect_limits_round_trip() {
  using L = std::numeric_limits<T>;
  for (T v : {L::min(), L::max(), T(0), T(1), static_cast<T>(L::max() / 2),
              static_cast<T>(L::min() / 2), static_cast<T>(L::max() - 1),
              static_cast<T>(L::min() + 1)})
    EXPECT_EQ(round_trip(v), v) << "value " << +v;
}

TEST(CodecInt, EveryWidthRoundTripsItsLimits) {
  expect_limits_round_trip<char>();
  expect_limits_round_trip<signed char>();
  expect_limits_round_trip<unsigned char>();
  expect_limits_round_trip<short>();
  expect_limits_round_trip<unsigned short>();
  expect_limits_round_trip<int>();
  expect_limits_round_trip<unsigned>();
  expect_limits_round_trip<long>();
  expect_limits_round_trip<unsigned long>();
  expect_limits_round_trip<long long>();
  expect_limits_round_trip<unsigned long long>();
  expect_limits_round_trip<char8_t>();
  expect_limits_round_trip<char16_t>();
  expect_limits_round_trip<char32_t>();
  expect_limits_round_trip<wchar_t>();
}

TEST(CodecInt, EverySmallValueOfSixteenBitsRoundTrips) {
  for (int v = std::numeric_limits<short>::min(); v <= std::numeric_limits<short>::max(); ++v)
    ASSERT_EQ(round_trip(static_cast<short>(v)), v);
  for (unsigned v = 0; v <= 0xffff; ++v)
    ASSERT_EQ(round_trip(static_cast<unsigned short>(v)), v);
}

TEST(CodecInt, RejectsOverlongVarints) {
  // 0 padded to two bytes, 1 padded to three: same values, longer than needed.
  EXPECT_THROW(decode<std::uint32_t>(bytes({0x80, 0x00})), DecodeError);
  EXPECT_THROW(decode<std::uint64_t>(bytes({0x81, 0x80, 0x00})), DecodeError);
  EXPECT_THROW(decode<int>(bytes({0x82, 0x00})), DecodeError);
}

TEST(CodecInt, RejectsOverflowingVarints) {
  // 2^16 does not fit 16 bits; 2^32 does not fit 32; an 11th byte never fits 64.
  EXPECT_EQ(decode<std::uint16_t>(bytes({0xff, 0xff, 0x03})), 0xffff);
  EXPECT_THROW(decode<std::uint16_t>(bytes({0x80, 0x80, 0x04})), DecodeError);
  EXPECT_THROW(decode<std::uint32_t>(bytes({0x80, 0x80, 0x80, 0x80, 0x10})), DecodeError);
  EXPECT_THROW(decode<std::int32_t>(bytes({0xff, 0xff, 0xff, 0xff, 0x1f})), DecodeError);
  EXPECT_THROW(decode<std::uint64_t>(
                   bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02})),
               DecodeError);
  EXPECT_THROW(decode<std::uint64_t>(
                   bytes({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x00})),
               DecodeError);
}

TEST(CodecInt, ErrorNamesTheOffset) {
  try {
    decode<std::pair<int, int>>(bytes({0x02, 0x80, 0x00}));
    FAIL() << "no DecodeError";
  } catch (const DecodeError &e) {
    EXPECT_STREQ(e.what(), "flowc: cannot decode at byte 1 of 3: overlong varint");
  }
}

template <class T, class Bits> void expect_bits_round_trip(Bits bits) {
  T value = std::bit_cast<T>(bits);
  EXPECT_EQ(std::bit_cast<Bits>(round_trip(value)), bits) << std::hex << bits;
}

TEST(CodecFloat, PinnedBytes) {
  EXPECT_EQ(hex(encode(1.0f)), "00 00 80 3f");
  EXPECT_EQ(hex(encode(-2.0)), "00 00 00 00 00 00 00 c0");
}

TEST(CodecFloat, BitExactIncludingNaNPayloads) {
  for (std::uint32_t bits : {0x00000000u, 0x80000000u, 0x7f800000u, 0xff800000u,
                             0x00000001u, 0x7f7fffffu, 0x7fc00000u, 0x7fc12345u,
                             0xffbadbadu, 0x7f800001u /* signaling NaN */})
    expect_bits_round_trip<float>(bits);
  for (std::uint64_t bits :
       {0x0000000000000000ull, 0x8000000000000000ull, 0x7ff0000000000000ull,
        0x0000000000000001ull, 0x7fefffffffffffffull, 0x7ff8000000000000ull,
        0x7ff8deadbeef1234ull, 0xfff0000000000001ull /* signaling NaN */})
    expect_bits_round_trip<double>(bits);
}

TEST(CodecFloat, LongDoubleRoundTrips) {
  using L = std::numeric_limits<long double>;
  for (long double v : {0.0L, -0.0L, 1.0L / 3.0L, L::max(), L::lowest(), L::min(),
                        L::denorm_min(), L::infinity(), -L::infinity()}) {
    long double back = round_trip(v);
    EXPECT_EQ(back, v);
    EXPECT_EQ(std::signbit(back), std::signbit(v));
  }
  EXPECT_TRUE(std::isnan(round_trip(L::quiet_NaN())));
  EXPECT_EQ(encode(1.0L).size(), flowc::Codec<long double>::min_size);
}

TEST(CodecFloat, Truncated) {
  EXPECT_THROW(decode<float>(bytes({0, 0, 0x80})), DecodeError);
  EXPECT_THROW(decode<double>(bytes({0, 0, 0, 0, 0, 0, 0})), DecodeError);
  std::string ld = encode(2.5L);
  ld.pop_back();
  EXPECT_THROW(decode<long double>(ld), DecodeError);
}

enum class Color : std::uint8_t { red = 1, green = 2 };
enum Plain { plain_a = -3, plain_b = 1000 };
enum class Wide : std::int64_t { low = std::numeric_limits<std::int64_t>::min() };

TEST(CodecEnum, UnderlyingType) {
  EXPECT_EQ(hex(encode(Color::green)), "02");
  EXPECT_EQ(hex(encode(plain_a)), "05");
  EXPECT_EQ(round_trip(Color::red), Color::red);
  EXPECT_EQ(round_trip(plain_b), plain_b);
  EXPECT_EQ(round_trip(Wide::low), Wide::low);
  // A value the enum does not name still round-trips, as static_cast keeps it.
  EXPECT_EQ(round_trip(static_cast<Color>(77)), static_cast<Color>(77));
}

} // namespace
