// TextTest.cpp - the text form: exact texts, round trips of every type, parse errors.
#include "flowc/mapreduce/text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

using namespace flowc::mapreduce;

namespace {

template <Field T> T round_trip(const T &value) {
  std::string text = to_text(value);
  T back{};
  const char *error = parse_text(text, back);
  EXPECT_EQ(error, nullptr) << "text: " << text;
  return back;
}

template <Field T> const char *parse_error(std::string_view text) {
  T value{};
  return parse_text(text, value);
}

template <class T> void expect_integer_limits() {
  EXPECT_EQ(round_trip(std::numeric_limits<T>::min()),
            std::numeric_limits<T>::min());
  EXPECT_EQ(round_trip(std::numeric_limits<T>::max()),
            std::numeric_limits<T>::max());
  EXPECT_EQ(round_trip(T(0)), T(0));
  EXPECT_EQ(round_trip(T(7)), T(7));
}

} // namespace

TEST(TextTest, IntegersAreDecimal) {
  EXPECT_EQ(to_text(std::int64_t{-9223372036854775807 - 1}),
            "-9223372036854775808");
  EXPECT_EQ(to_text(std::numeric_limits<std::int64_t>::max()),
            "9223372036854775807");
  EXPECT_EQ(to_text(std::numeric_limits<std::uint64_t>::max()),
            "18446744073709551615");
  EXPECT_EQ(to_text(std::int8_t{-128}), "-128");
  EXPECT_EQ(to_text(std::uint8_t{255}), "255");
  EXPECT_EQ(to_text('A'), "65"); // char is an integer type here
  expect_integer_limits<std::int8_t>();
  expect_integer_limits<std::uint8_t>();
  expect_integer_limits<std::int16_t>();
  expect_integer_limits<std::uint16_t>();
  expect_integer_limits<std::int32_t>();
  expect_integer_limits<std::uint32_t>();
  expect_integer_limits<std::int64_t>();
  expect_integer_limits<std::uint64_t>();
  expect_integer_limits<char>();
  expect_integer_limits<long long>();
}

TEST(TextTest, IntegerParseErrors) {
  EXPECT_STREQ(parse_error<int>(""), "expected an integer");
  EXPECT_STREQ(parse_error<int>("+1"), "expected an integer");
  EXPECT_STREQ(parse_error<int>(" 1"), "expected an integer");
  EXPECT_STREQ(parse_error<int>("1 "), "expected an integer");
  EXPECT_STREQ(parse_error<int>("1.5"), "expected an integer");
  EXPECT_STREQ(parse_error<int>("1\r"), "expected an integer");
  EXPECT_STREQ(parse_error<std::int8_t>("128"), "integer out of range");
  EXPECT_STREQ(parse_error<std::int8_t>("-129"), "integer out of range");
  EXPECT_STREQ(parse_error<std::uint32_t>("4294967296"), "integer out of range");
  EXPECT_STREQ(parse_error<std::uint32_t>("-1"), "expected an integer");
  EXPECT_STREQ(parse_error<std::int64_t>("9223372036854775808"),
               "integer out of range");
  EXPECT_EQ(parse_error<std::int64_t>("-9223372036854775808"), nullptr);
  int value = 0;
  EXPECT_EQ(parse_text("007", value), nullptr); // read, though never written
  EXPECT_EQ(value, 7);
}

TEST(TextTest, FloatingPointIsShortestRoundTrip) {
  EXPECT_EQ(to_text(0.1), "0.1");
  EXPECT_EQ(to_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(to_text(1e300), "1e+300");
  EXPECT_EQ(to_text(-0.0), "-0");
  EXPECT_EQ(to_text(0.0), "0");
  EXPECT_EQ(to_text(100.0), "100");
  EXPECT_EQ(to_text(0.0001), "1e-04");
  EXPECT_EQ(to_text(5e-324), "5e-324");
  EXPECT_EQ(to_text(0.1f), "0.1");
  for (double v : {0.1, 1e300, -1e-300, 5e-324, 1.7976931348623157e308,
                   3.141592653589793, -2.5, 123456789.125})
    EXPECT_EQ(round_trip(v), v);
  EXPECT_TRUE(std::signbit(round_trip(-0.0)));
  EXPECT_FALSE(std::signbit(round_trip(0.0)));
  EXPECT_EQ(round_trip(3.4028235e38f), 3.4028235e38f);
  EXPECT_EQ(round_trip(0.1L), 0.1L);
}

template <class T> void expect_subnormals_round_trip() {
  using L = std::numeric_limits<T>;
  for (T v : {L::denorm_min(), -L::denorm_min(), T(L::denorm_min() * 3),
              T(L::min() / 2), L::min(), -L::min()})
    EXPECT_EQ(round_trip(v), v) << to_text(v);
}

TEST(TextTest, SubnormalsRoundTrip) {
  expect_subnormals_round_trip<float>();
  expect_subnormals_round_trip<double>();
  expect_subnormals_round_trip<long double>();
  EXPECT_EQ(to_text(std::numeric_limits<long double>::denorm_min()), "4e-4951");
  long double v = 0;
  EXPECT_EQ(parse_text("3e-4951", v), nullptr); // rounds to the smallest
  EXPECT_EQ(v, std::numeric_limits<long double>::denorm_min());
  // What rounds to zero or overflows is out of range in every type.
  EXPECT_STREQ(parse_error<long double>("1e-5000"), "number out of range");
  EXPECT_STREQ(parse_error<long double>("-1e-5000"), "number out of range");
  EXPECT_STREQ(parse_error<long double>("1e5000"), "number out of range");
  EXPECT_STREQ(parse_error<long double>("1e-5000x"), "number out of range");
  EXPECT_STREQ(parse_error<double>("1e-400"), "number out of range");
  EXPECT_STREQ(parse_error<float>("1e-50"), "number out of range");
}

TEST(TextTest, InfinitiesAndNaNs) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(to_text(inf), "inf");
  EXPECT_EQ(to_text(-inf), "-inf");
  EXPECT_EQ(to_text(nan), "nan");
  EXPECT_EQ(to_text(-nan), "-nan");
  EXPECT_EQ(round_trip(inf), inf);
  EXPECT_EQ(round_trip(-inf), -inf);
  EXPECT_TRUE(std::isnan(round_trip(nan)));
  EXPECT_FALSE(std::signbit(round_trip(nan)));
  EXPECT_TRUE(std::isnan(round_trip(-nan)));
  EXPECT_TRUE(std::signbit(round_trip(-nan)));
  EXPECT_TRUE(std::isnan(round_trip(std::numeric_limits<float>::quiet_NaN())));
}

TEST(TextTest, FloatingPointParseErrors) {
  EXPECT_STREQ(parse_error<double>(""), "expected a number");
  EXPECT_STREQ(parse_error<double>("+1"), "expected a number");
  EXPECT_STREQ(parse_error<double>("1.5x"), "expected a number");
  EXPECT_STREQ(parse_error<double>("0x10"), "expected a number");
  EXPECT_STREQ(parse_error<double>("1e400"), "number out of range");
  EXPECT_STREQ(parse_error<float>("1e39"), "number out of range");
}

TEST(TextTest, Bools) {
  EXPECT_EQ(to_text(true), "true");
  EXPECT_EQ(to_text(false), "false");
  EXPECT_EQ(round_trip(true), true);
  EXPECT_EQ(round_trip(false), false);
  EXPECT_STREQ(parse_error<bool>("1"), "expected true or false");
  EXPECT_STREQ(parse_error<bool>("True"), "expected true or false");
}

TEST(TextTest, StringsEscapeBackslashTabNewline) {
  EXPECT_EQ(to_text(std::string("plain text")), "plain text");
  EXPECT_EQ(to_text(std::string("a\\b\tc\nd")), "a\\\\b\\tc\\nd");
  EXPECT_EQ(to_text(std::string("\\t")), "\\\\t"); // a backslash and a t
  EXPECT_EQ(to_text(std::string("\r\x01\xff")), "\r\x01\xff");
  for (std::string s : {std::string(), std::string("\\"), std::string("\t\t"),
                        std::string("\n"), std::string("\\n\\t\\\\"),
                        std::string("x\0y", 3), std::string("caf\xc3\xa9")})
    EXPECT_EQ(round_trip(s), s);
}

TEST(TextTest, StringParse) {
  std::string out;
  EXPECT_EQ(parse_text("a\\tb", out), nullptr);
  EXPECT_EQ(out, "a\tb");
  EXPECT_EQ(parse_text("raw\ttab", out), nullptr); // Hadoop keeps it
  EXPECT_EQ(out, "raw\ttab");
  EXPECT_NE(parse_error<std::string>("bad \\q escape"), nullptr);
  EXPECT_NE(parse_error<std::string>("ends in \\"), nullptr);
  EXPECT_EQ(parse_error<std::string>("ends in \\\\"), nullptr);
}

TEST(TextTest, TypeNames) {
  EXPECT_STREQ(field_type_name<std::int64_t>(), "int64");
  EXPECT_STREQ(field_type_name<std::uint8_t>(), "uint8");
  EXPECT_STREQ(field_type_name<double>(), "double");
  EXPECT_STREQ(field_type_name<bool>(), "bool");
  EXPECT_STREQ(field_type_name<std::string>(), "string");
}
