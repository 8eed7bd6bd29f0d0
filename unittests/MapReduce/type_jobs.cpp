// type_jobs.cpp - the bodies of the type jobs: plain functions, no runtime
// code. Each is a one-line call of a template below, written once for every
// type.
#include "type_jobs.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace typejobs {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// The finalizer of splitmix64: every bit of x affects every bit of the result.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// FNV-1a over the bytes.
std::uint64_t hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

// The values of T most likely to be mishandled: limits and their neighbours,
// the bytes TAB, newline and backslash, signed zeros, infinities and NaNs,
// decimal fractions, and strings that need escaping or sort unexpectedly.
template <class T> const std::vector<T> &samples() {
  using L = std::numeric_limits<T>;
  static const std::vector<T> values = [] {
    if constexpr (std::is_same_v<T, bool>) {
      return std::vector<T>{false, true};
    } else if constexpr (std::is_same_v<T, std::string>) {
      return std::vector<T>{
          "",     "a",           "A",    "a b",       "a\tb",  "tab\t",
          "\\",   "back\\slash", "\\t",  "new\nline", "\n",    "\x01",
          "\x7f", "caf\xc3\xa9", "cr\r", "zz",        " lead", "a\x01"};
    } else if constexpr (std::is_integral_v<T>) {
      return std::vector<T>{T(0),     T(1),
                            T(7),     T(9),
                            T(10),    T(92),
                            T(100),   T(127),
                            L::max(), T(L::max() - 1),
                            L::min(), T(L::min() + 1),
                            T(-1),    T(-100)};
    } else {
      return std::vector<T>{T(0),           -T(0),           T(1),
                            T(-1),          T(0.1L),         T(1) / T(3),
                            -T(2) / T(3),   T(1e-5L),        T(123456.789L),
                            T(1e10L),       L::max(),        L::lowest(),
                            L::min(),       L::denorm_min(), -L::denorm_min(),
                            L::epsilon(),   L::infinity(),   -L::infinity(),
                            L::quiet_NaN(), -L::quiet_NaN()};
    }
  }();
  return values;
}

// A value of T made of the bits of h.
template <class T> T arbitrary(std::uint64_t h) {
  if constexpr (std::is_same_v<T, bool>) {
    return (h & 1) != 0;
  } else if constexpr (std::is_same_v<T, std::string>) {
    static const char *const pieces[] = {"",  "\t",   "\\",   "\n",
                                         " ", "\x01", "\xff", "\xc3\xa9"};
    std::string s;
    for (std::uint64_t i = 0; i < h % 7; ++i)
      s += "0123456789abcdef"[(h >> (4 * i + 8)) & 15];
    s += pieces[(h >> 3) % 8];
    return s;
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(h); // modulo 2^bits, as C++20 defines it
  } else {
    // Up to 63 significant bits, scaled by 2^-80 to 2^16: finite in every type.
    const T mantissa = static_cast<T>(static_cast<std::int64_t>(h));
    return std::ldexp(mantissa, static_cast<int>(mix(h) % 97) - 80);
  }
}

// A sample three times in four, else arbitrary bits.
template <class T> T pick(std::uint64_t h) {
  h = mix(h);
  if (h & 3) {
    const std::vector<T> &list = samples<T>();
    return list[(h >> 2) % list.size()];
  }
  return arbitrary<T>(h >> 2);
}

// A hash of value that depends only on its text form: all NaNs of one sign
// hash alike, 0 and -0 do not.
template <class T> std::uint64_t digest(const T &value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? 1 : 2;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return hash(value);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::uint64_t>(value) + 3; // sign-extended
  } else {
    const std::uint64_t sign = std::signbit(value) ? 1 : 0;
    if (std::isnan(value))
      return 10 + sign;
    if (std::isinf(value))
      return 12 + sign;
    if (value == 0)
      return 14 + sign;
    int exponent = 0;
    const T fraction = std::fabs(std::frexp(value, &exponent)); // [0.5, 1)
    // 64 bits hold the fraction of every type exactly (long double's too).
    const auto bits = static_cast<std::uint64_t>(std::ldexp(fraction, 64));
    return mix(bits) ^ (static_cast<std::uint64_t>(exponent) << 1) ^ sign;
  }
}

// One pair per token: key and value picked by the token's hash; string keys
// and values are sometimes the token itself.
template <class K, class V>
void map_tokens(std::string_view line, flowc::Emitter<K, V> &out) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i]))
      ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i]))
      ++i;
    if (i == start)
      continue;
    const std::string_view token = line.substr(start, i - start);
    const std::uint64_t h = hash(token);
    K key = pick<K>(h);
    V value = pick<V>(h ^ 0x9e3779b97f4a7c15ull);
    if constexpr (std::is_same_v<K, std::string>)
      if (h % 7 == 0)
        key = std::string(token);
    if constexpr (std::is_same_v<V, std::string>)
      if (h % 5 == 0)
        value = std::string(token);
    out.emit(key, value);
  }
}

// An output of type R from the key and its values in their order.
template <class R, class K, class V>
R hash_values(const K &key, std::span<const V> values) {
  std::uint64_t h = digest(key);
  for (const V &value : values)
    h = mix(h * 31 + digest(value));
  h = mix(h + values.size());
  return (h & 7) ? arbitrary<R>(h >> 3) : pick<R>(h >> 3);
}

// Floating point in a total order that tells apart what the text form does.
template <class T> bool float_less(T a, T b) {
  auto rank = [](T v) {
    return std::isnan(v) ? (std::signbit(v) ? -1 : 1) : 0;
  };
  if (rank(a) != rank(b))
    return rank(a) < rank(b);
  if (rank(a) != 0)
    return false;
  if (a == b)
    return std::signbit(a) && !std::signbit(b);
  return a < b;
}

// The combiner: exact, so any grouping of the values gives the same result.
template <class T> T merge(std::span<const T> values) {
  if constexpr (std::is_same_v<T, bool>) {
    bool odd = false;
    for (bool value : values)
      odd = odd != value;
    return odd;
  } else if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    U sum = 0;
    for (T value : values)
      sum = static_cast<U>(sum + static_cast<U>(value));
    return static_cast<T>(sum);
  } else {
    T best = values[0];
    for (const T &value : values) {
      if constexpr (std::is_same_v<T, std::string>) {
        if (best < value)
          best = value;
      } else if (float_less(best, value)) {
        best = value;
      }
    }
    return best;
  }
}

} // namespace

void map_keyed_bool(std::string_view line, flowc::Emitter<bool, char> &out) {
  map_tokens(line, out);
}
signed char reduce_keyed_bool(const bool &key, std::span<const char> values) {
  return hash_values<signed char>(key, values);
}

void map_keyed_char(std::string_view line,
                    flowc::Emitter<char, signed char> &out) {
  map_tokens(line, out);
}
unsigned char reduce_keyed_char(const char &key,
                                std::span<const signed char> values) {
  return hash_values<unsigned char>(key, values);
}

void map_keyed_schar(std::string_view line,
                     flowc::Emitter<signed char, unsigned char> &out) {
  map_tokens(line, out);
}
short reduce_keyed_schar(const signed char &key,
                         std::span<const unsigned char> values) {
  return hash_values<short>(key, values);
}

void map_keyed_uchar(std::string_view line,
                     flowc::Emitter<unsigned char, short> &out) {
  map_tokens(line, out);
}
unsigned short reduce_keyed_uchar(const unsigned char &key,
                                  std::span<const short> values) {
  return hash_values<unsigned short>(key, values);
}

void map_keyed_short(std::string_view line,
                     flowc::Emitter<short, unsigned short> &out) {
  map_tokens(line, out);
}
int reduce_keyed_short(const short &key,
                       std::span<const unsigned short> values) {
  return hash_values<int>(key, values);
}

void map_keyed_ushort(std::string_view line,
                      flowc::Emitter<unsigned short, int> &out) {
  map_tokens(line, out);
}
unsigned reduce_keyed_ushort(const unsigned short &key,
                             std::span<const int> values) {
  return hash_values<unsigned>(key, values);
}

void map_keyed_int(std::string_view line, flowc::Emitter<int, unsigned> &out) {
  map_tokens(line, out);
}
long reduce_keyed_int(const int &key, std::span<const unsigned> values) {
  return hash_values<long>(key, values);
}

void map_keyed_uint(std::string_view line,
                    flowc::Emitter<unsigned, long> &out) {
  map_tokens(line, out);
}
unsigned long reduce_keyed_uint(const unsigned &key,
                                std::span<const long> values) {
  return hash_values<unsigned long>(key, values);
}

void map_keyed_long(std::string_view line,
                    flowc::Emitter<long, unsigned long> &out) {
  map_tokens(line, out);
}
long long reduce_keyed_long(const long &key,
                            std::span<const unsigned long> values) {
  return hash_values<long long>(key, values);
}

void map_keyed_ulong(std::string_view line,
                     flowc::Emitter<unsigned long, long long> &out) {
  map_tokens(line, out);
}
unsigned long long reduce_keyed_ulong(const unsigned long &key,
                                      std::span<const long long> values) {
  return hash_values<unsigned long long>(key, values);
}

void map_keyed_llong(std::string_view line,
                     flowc::Emitter<long long, unsigned long long> &out) {
  map_tokens(line, out);
}
float reduce_keyed_llong(const long long &key,
                         std::span<const unsigned long long> values) {
  return hash_values<float>(key, values);
}

void map_keyed_ullong(std::string_view line,
                      flowc::Emitter<unsigned long long, float> &out) {
  map_tokens(line, out);
}
double reduce_keyed_ullong(const unsigned long long &key,
                           std::span<const float> values) {
  return hash_values<double>(key, values);
}

void map_keyed_float(std::string_view line,
                     flowc::Emitter<float, double> &out) {
  map_tokens(line, out);
}
long double reduce_keyed_float(const float &key,
                               std::span<const double> values) {
  return hash_values<long double>(key, values);
}

void map_keyed_double(std::string_view line,
                      flowc::Emitter<double, long double> &out) {
  map_tokens(line, out);
}
std::string reduce_keyed_double(const double &key,
                                std::span<const long double> values) {
  return hash_values<std::string>(key, values);
}

void map_keyed_ldouble(std::string_view line,
                       flowc::Emitter<long double, std::string> &out) {
  map_tokens(line, out);
}
bool reduce_keyed_ldouble(const long double &key,
                          std::span<const std::string> values) {
  return hash_values<bool>(key, values);
}

void map_keyed_string(std::string_view line,
                      flowc::Emitter<std::string, bool> &out) {
  map_tokens(line, out);
}
char reduce_keyed_string(const std::string &key, std::span<const bool> values) {
  return hash_values<char>(key, values);
}

void map_same_bool(std::string_view line, flowc::Emitter<bool, bool> &out) {
  map_tokens(line, out);
}
bool merge_bool(const bool &, std::span<const bool> values) {
  return merge(values);
}

void map_same_char(std::string_view line, flowc::Emitter<char, char> &out) {
  map_tokens(line, out);
}
char merge_char(const char &, std::span<const char> values) {
  return merge(values);
}

void map_same_schar(std::string_view line,
                    flowc::Emitter<signed char, signed char> &out) {
  map_tokens(line, out);
}
signed char merge_schar(const signed char &,
                        std::span<const signed char> values) {
  return merge(values);
}

void map_same_uchar(std::string_view line,
                    flowc::Emitter<unsigned char, unsigned char> &out) {
  map_tokens(line, out);
}
unsigned char merge_uchar(const unsigned char &,
                          std::span<const unsigned char> values) {
  return merge(values);
}

void map_same_short(std::string_view line, flowc::Emitter<short, short> &out) {
  map_tokens(line, out);
}
short merge_short(const short &, std::span<const short> values) {
  return merge(values);
}

void map_same_ushort(std::string_view line,
                     flowc::Emitter<unsigned short, unsigned short> &out) {
  map_tokens(line, out);
}
unsigned short merge_ushort(const unsigned short &,
                            std::span<const unsigned short> values) {
  return merge(values);
}

void map_same_int(std::string_view line, flowc::Emitter<int, int> &out) {
  map_tokens(line, out);
}
int merge_int(const int &, std::span<const int> values) {
  return merge(values);
}

void map_same_uint(std::string_view line,
                   flowc::Emitter<unsigned, unsigned> &out) {
  map_tokens(line, out);
}
unsigned merge_uint(const unsigned &, std::span<const unsigned> values) {
  return merge(values);
}

void map_same_long(std::string_view line, flowc::Emitter<long, long> &out) {
  map_tokens(line, out);
}
long merge_long(const long &, std::span<const long> values) {
  return merge(values);
}

void map_same_ulong(std::string_view line,
                    flowc::Emitter<unsigned long, unsigned long> &out) {
  map_tokens(line, out);
}
unsigned long merge_ulong(const unsigned long &,
                          std::span<const unsigned long> values) {
  return merge(values);
}

void map_same_llong(std::string_view line,
                    flowc::Emitter<long long, long long> &out) {
  map_tokens(line, out);
}
long long merge_llong(const long long &, std::span<const long long> values) {
  return merge(values);
}

void map_same_ullong(
    std::string_view line,
    flowc::Emitter<unsigned long long, unsigned long long> &out) {
  map_tokens(line, out);
}
unsigned long long merge_ullong(const unsigned long long &,
                                std::span<const unsigned long long> values) {
  return merge(values);
}

void map_same_float(std::string_view line, flowc::Emitter<float, float> &out) {
  map_tokens(line, out);
}
float merge_float(const float &, std::span<const float> values) {
  return merge(values);
}

void map_same_double(std::string_view line,
                     flowc::Emitter<double, double> &out) {
  map_tokens(line, out);
}
double merge_double(const double &, std::span<const double> values) {
  return merge(values);
}

void map_same_ldouble(std::string_view line,
                      flowc::Emitter<long double, long double> &out) {
  map_tokens(line, out);
}
long double merge_ldouble(const long double &,
                          std::span<const long double> values) {
  return merge(values);
}

void map_same_string(std::string_view line,
                     flowc::Emitter<std::string, std::string> &out) {
  map_tokens(line, out);
}
std::string merge_string(const std::string &,
                         std::span<const std::string> values) {
  return merge(values);
}
} // namespace typejobs
