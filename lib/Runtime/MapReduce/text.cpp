// text.cpp - escaping of string fields and quoting of fields in error messages.
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/text.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <string>

namespace flowc::mapreduce {

namespace {

// strto*_l in the C locale, whatever the program's locale is (a map function
// may have set one).
locale_t c_locale() {
  static const locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t(0));
  return locale;
}

float strto(const char *text, char **end, float *) {
  return strtof_l(text, end, c_locale());
}
double strto(const char *text, char **end, double *) {
  return strtod_l(text, end, c_locale());
}
long double strto(const char *text, char **end, long double *) {
  return strtold_l(text, end, c_locale());
}

template <class T> const char *reparse(std::string_view text, T &out) {
  if (!c_locale())
    return "number out of range";
  const std::string copy(text); // NUL-terminated
  char *end = nullptr;
  const T value = strto(copy.c_str(), &end, static_cast<T *>(nullptr));
  if (end != copy.c_str() + copy.size() || value == 0 || std::isinf(value))
    return "number out of range";
  out = value;
  return nullptr;
}

} // namespace

const char *parse_out_of_range(std::string_view text, float &out) {
  return reparse(text, out);
}
const char *parse_out_of_range(std::string_view text, double &out) {
  return reparse(text, out);
}
const char *parse_out_of_range(std::string_view text, long double &out) {
  return reparse(text, out);
}

void append_escaped(TextBuffer &out, std::string_view s) {
  char *begin = out.reserve_tail(s.size() * 2); // every byte may double
  char *dst = begin;
  for (char c : s) {
    switch (c) {
    case '\\':
      *dst++ = '\\';
      *dst++ = '\\';
      break;
    case '\t':
      *dst++ = '\\';
      *dst++ = 't';
      break;
    case '\n':
      *dst++ = '\\';
      *dst++ = 'n';
      break;
    default:
      *dst++ = c;
    }
  }
  out.commit(static_cast<std::size_t>(dst - begin));
}

const char *unescape(std::string_view text, std::string &out) {
  if (!std::memchr(text.data(), '\\', text.size())) {
    out.assign(text);
    return nullptr;
  }
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == text.size())
      return "a backslash ends the field (write \\\\ for a backslash)";
    switch (text[i]) {
    case '\\':
      out.push_back('\\');
      break;
    case 't':
      out.push_back('\t');
      break;
    case 'n':
      out.push_back('\n');
      break;
    default:
      return "unknown escape (only \\\\, \\t and \\n are allowed)";
    }
  }
  return nullptr;
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t shown = 60;
  static const char hex[] = "0123456789abcdef";
  std::string quoted = "\"";
  for (std::size_t i = 0; i < text.size() && i < shown; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (c == '\r') {
      quoted += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      quoted += "\\x";
      quoted += hex[c >> 4];
      quoted += hex[c & 15];
    } else {
      quoted += static_cast<char>(c);
    }
  }
  quoted += '"';
  if (text.size() > shown)
    quoted += "... (" + std::to_string(text.size()) + " bytes)";
  return quoted;
}

} // namespace flowc::mapreduce
