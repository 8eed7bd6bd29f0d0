// CodecTestUtil.h - helpers shared by the codec tests: hex dumps and round trips.
#pragma once

#include "flowc/runtime/codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace flowc_test {

// "03 02 61 62": byte expectations read like the format description in codec.h.
inline std::string hex(const std::string &bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty())
      out += ' ';
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

inline std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values)
    out += static_cast<char>(static_cast<unsigned char>(v));
  return out;
}

template <class T> T round_trip(const T &value) {
  return flowc::decode<T>(flowc::encode(value));
}

} // namespace flowc_test
