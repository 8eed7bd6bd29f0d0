// type_jobs.h - a job for every key, value and reduce output type (bool, the
// character types, the integers signed and unsigned, float, double, long double
// and std::string), for the types differential test (types_test.sh). flowc
// generates their program (mr_typejobs), as it does for a user's jobs.
//
// Each map function splits its line on ASCII whitespace and emits one pair per
// token, both picked by a hash of the token: three times in four one of the
// type's delicate values (0, -0.0, limits, inf, nan, TAB, backslash, newline,
// an empty string...), otherwise arbitrary bits (or the token itself).
#pragma once

#include <flowc/flowc.h>

#include <span>
#include <string>
#include <string_view>

namespace typejobs {

// keyed_T: keys of type T, values of the next type in the list above, outputs
// of the one after it (cyclically), so each type is once a key, once a value
// and once an output. No combiner; the reduce hashes the key's values in the
// order it gets them, so an order that differs between modes shows.
FLOWC_MAP(keyed_bool)
void map_keyed_bool(std::string_view line, flowc::Emitter<bool, char> &out);
FLOWC_REDUCE(keyed_bool)
signed char reduce_keyed_bool(const bool &key, std::span<const char> values);

FLOWC_MAP(keyed_char)
void map_keyed_char(std::string_view line,
                    flowc::Emitter<char, signed char> &out);
FLOWC_REDUCE(keyed_char)
unsigned char reduce_keyed_char(const char &key,
                                std::span<const signed char> values);

FLOWC_MAP(keyed_schar)
void map_keyed_schar(std::string_view line,
                     flowc::Emitter<signed char, unsigned char> &out);
FLOWC_REDUCE(keyed_schar)
short reduce_keyed_schar(const signed char &key,
                         std::span<const unsigned char> values);

FLOWC_MAP(keyed_uchar)
void map_keyed_uchar(std::string_view line,
                     flowc::Emitter<unsigned char, short> &out);
FLOWC_REDUCE(keyed_uchar)
unsigned short reduce_keyed_uchar(const unsigned char &key,
                                  std::span<const short> values);

FLOWC_MAP(keyed_short)
void map_keyed_short(std::string_view line,
                     flowc::Emitter<short, unsigned short> &out);
FLOWC_REDUCE(keyed_short)
int reduce_keyed_short(const short &key,
                       std::span<const unsigned short> values);

FLOWC_MAP(keyed_ushort)
void map_keyed_ushort(std::string_view line,
                      flowc::Emitter<unsigned short, int> &out);
FLOWC_REDUCE(keyed_ushort)
unsigned reduce_keyed_ushort(const unsigned short &key,
                             std::span<const int> values);

FLOWC_MAP(keyed_int)
void map_keyed_int(std::string_view line, flowc::Emitter<int, unsigned> &out);
FLOWC_REDUCE(keyed_int)
long reduce_keyed_int(const int &key, std::span<const unsigned> values);

FLOWC_MAP(keyed_uint)
void map_keyed_uint(std::string_view line, flowc::Emitter<unsigned, long> &out);
FLOWC_REDUCE(keyed_uint)
unsigned long reduce_keyed_uint(const unsigned &key,
                                std::span<const long> values);

FLOWC_MAP(keyed_long)
void map_keyed_long(std::string_view line,
                    flowc::Emitter<long, unsigned long> &out);
FLOWC_REDUCE(keyed_long)
long long reduce_keyed_long(const long &key,
                            std::span<const unsigned long> values);

FLOWC_MAP(keyed_ulong)
void map_keyed_ulong(std::string_view line,
                     flowc::Emitter<unsigned long, long long> &out);
FLOWC_REDUCE(keyed_ulong)
unsigned long long reduce_keyed_ulong(const unsigned long &key,
                                      std::span<const long long> values);

FLOWC_MAP(keyed_llong)
void map_keyed_llong(std::string_view line,
                     flowc::Emitter<long long, unsigned long long> &out);
FLOWC_REDUCE(keyed_llong)
float reduce_keyed_llong(const long long &key,
                         std::span<const unsigned long long> values);

FLOWC_MAP(keyed_ullong)
void map_keyed_ullong(std::string_view line,
                      flowc::Emitter<unsigned long long, float> &out);
FLOWC_REDUCE(keyed_ullong)
double reduce_keyed_ullong(const unsigned long long &key,
                           std::span<const float> values);

FLOWC_MAP(keyed_float)
void map_keyed_float(std::string_view line, flowc::Emitter<float, double> &out);
FLOWC_REDUCE(keyed_float)
long double reduce_keyed_float(const float &key,
                               std::span<const double> values);

FLOWC_MAP(keyed_double)
void map_keyed_double(std::string_view line,
                      flowc::Emitter<double, long double> &out);
FLOWC_REDUCE(keyed_double)
std::string reduce_keyed_double(const double &key,
                                std::span<const long double> values);

FLOWC_MAP(keyed_ldouble)
void map_keyed_ldouble(std::string_view line,
                       flowc::Emitter<long double, std::string> &out);
FLOWC_REDUCE(keyed_ldouble)
bool reduce_keyed_ldouble(const long double &key,
                          std::span<const std::string> values);

FLOWC_MAP(keyed_string)
void map_keyed_string(std::string_view line,
                      flowc::Emitter<std::string, bool> &out);
FLOWC_REDUCE(keyed_string)
char reduce_keyed_string(const std::string &key, std::span<const bool> values);

// same_T: keys, values and outputs of type T, with one function as reduce and
// combiner. It is exact, as a combiner must be: a wrapping sum for integers,
// exclusive or for bool, the maximum for strings and floating point (in a total
// order: -nan < -inf < ... < -0 < 0 < ... < inf < nan).

FLOWC_MAP(same_bool)
void map_same_bool(std::string_view line, flowc::Emitter<bool, bool> &out);
FLOWC_REDUCE(same_bool)
FLOWC_COMBINE(same_bool)
bool merge_bool(const bool &key, std::span<const bool> values);

FLOWC_MAP(same_char)
void map_same_char(std::string_view line, flowc::Emitter<char, char> &out);
FLOWC_REDUCE(same_char)
FLOWC_COMBINE(same_char)
char merge_char(const char &key, std::span<const char> values);

FLOWC_MAP(same_schar)
void map_same_schar(std::string_view line,
                    flowc::Emitter<signed char, signed char> &out);
FLOWC_REDUCE(same_schar)
FLOWC_COMBINE(same_schar)
signed char merge_schar(const signed char &key,
                        std::span<const signed char> values);

FLOWC_MAP(same_uchar)
void map_same_uchar(std::string_view line,
                    flowc::Emitter<unsigned char, unsigned char> &out);
FLOWC_REDUCE(same_uchar)
FLOWC_COMBINE(same_uchar)
unsigned char merge_uchar(const unsigned char &key,
                          std::span<const unsigned char> values);

FLOWC_MAP(same_short)
void map_same_short(std::string_view line, flowc::Emitter<short, short> &out);
FLOWC_REDUCE(same_short)
FLOWC_COMBINE(same_short)
short merge_short(const short &key, std::span<const short> values);

FLOWC_MAP(same_ushort)
void map_same_ushort(std::string_view line,
                     flowc::Emitter<unsigned short, unsigned short> &out);
FLOWC_REDUCE(same_ushort)
FLOWC_COMBINE(same_ushort)
unsigned short merge_ushort(const unsigned short &key,
                            std::span<const unsigned short> values);

FLOWC_MAP(same_int)
void map_same_int(std::string_view line, flowc::Emitter<int, int> &out);
FLOWC_REDUCE(same_int)
FLOWC_COMBINE(same_int)
int merge_int(const int &key, std::span<const int> values);

FLOWC_MAP(same_uint)
void map_same_uint(std::string_view line,
                   flowc::Emitter<unsigned, unsigned> &out);
FLOWC_REDUCE(same_uint)
FLOWC_COMBINE(same_uint)
unsigned merge_uint(const unsigned &key, std::span<const unsigned> values);

FLOWC_MAP(same_long)
void map_same_long(std::string_view line, flowc::Emitter<long, long> &out);
FLOWC_REDUCE(same_long)
FLOWC_COMBINE(same_long)
long merge_long(const long &key, std::span<const long> values);

FLOWC_MAP(same_ulong)
void map_same_ulong(std::string_view line,
                    flowc::Emitter<unsigned long, unsigned long> &out);
FLOWC_REDUCE(same_ulong)
FLOWC_COMBINE(same_ulong)
unsigned long merge_ulong(const unsigned long &key,
                          std::span<const unsigned long> values);

FLOWC_MAP(same_llong)
void map_same_llong(std::string_view line,
                    flowc::Emitter<long long, long long> &out);
FLOWC_REDUCE(same_llong)
FLOWC_COMBINE(same_llong)
long long merge_llong(const long long &key, std::span<const long long> values);

FLOWC_MAP(same_ullong)
void map_same_ullong(
    std::string_view line,
    flowc::Emitter<unsigned long long, unsigned long long> &out);
FLOWC_REDUCE(same_ullong)
FLOWC_COMBINE(same_ullong)
unsigned long long merge_ullong(const unsigned long long &key,
                                std::span<const unsigned long long> values);

FLOWC_MAP(same_float)
void map_same_float(std::string_view line, flowc::Emitter<float, float> &out);
FLOWC_REDUCE(same_float)
FLOWC_COMBINE(same_float)
float merge_float(const float &key, std::span<const float> values);

FLOWC_MAP(same_double)
void map_same_double(std::string_view line,
                     flowc::Emitter<double, double> &out);
FLOWC_REDUCE(same_double)
FLOWC_COMBINE(same_double)
double merge_double(const double &key, std::span<const double> values);

FLOWC_MAP(same_ldouble)
void map_same_ldouble(std::string_view line,
                      flowc::Emitter<long double, long double> &out);
FLOWC_REDUCE(same_ldouble)
FLOWC_COMBINE(same_ldouble)
long double merge_ldouble(const long double &key,
                          std::span<const long double> values);

FLOWC_MAP(same_string)
void map_same_string(std::string_view line,
                     flowc::Emitter<std::string, std::string> &out);
FLOWC_REDUCE(same_string)
FLOWC_COMBINE(same_string)
std::string merge_string(const std::string &key,
                         std::span<const std::string> values);

} // namespace typejobs
