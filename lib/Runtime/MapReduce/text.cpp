// text.cpp - escaping of string fields and quoting of fields in error messages.
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/text.h"

#include <cstring>

namespace flowc::mapreduce {

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
