// Code.h - building ir::Code: text and protocol parts, appended in order.
//
// Adjacent text is kept as one piece, and empty text adds no piece, so two
// ways of building the same code compare equal.
#pragma once

#include "IR/IR.h"

#include <algorithm>
#include <string_view>

namespace flowc::ir {

// A piece of source text (not a field or a protocol part).
inline bool isText(const Piece &piece) {
  return !piece.suspend && !piece.finish && !piece.loop && !piece.entry &&
         piece.field.empty();
}

inline Code &operator+=(Code &code, std::string_view text) {
  if (text.empty())
    return code;
  if (!code.empty() && isText(code.back()))
    code.back().text += text;
  else
    code.push_back(Piece{std::string(text), {}, {}, {}, {}, {}});
  return code;
}

inline Code &operator+=(Code &code, const Code &more) {
  for (const Piece &piece : more) {
    if (!piece.text.empty())
      code += piece.text;
    else
      code.push_back(piece);
  }
  return code;
}

inline Code operator+(Code code, const Code &more) { return code += more; }
inline Code operator+(Code code, std::string_view text) { return code += text; }
inline Code operator+(std::string_view text, const Code &code) {
  Code out;
  out += text;
  return out += code;
}

inline Code textCode(std::string_view text) { return Code() + text; }
inline Code fieldCode(std::string name) {
  return {Piece{{}, std::move(name), {}, {}, {}}};
}
inline Code suspendCode(Suspend suspend) {
  return {Piece{{}, {}, std::move(suspend), {}, {}}};
}
inline Code finishCode(Finish finish) {
  return {Piece{{}, {}, {}, std::move(finish), {}}};
}
inline Code loopCode(IndexLoop loop) {
  return {Piece{{}, {}, {}, {}, std::move(loop)}};
}
inline Code tryCode(TryEntry entry) {
  return {Piece{{}, {}, {}, {}, {}, std::move(entry)}};
}

// Code that is exactly one frame field.
inline bool isFieldCode(const Code &code) {
  return code.size() == 1 && !code.front().field.empty();
}
// Code that is exactly `text`.
inline bool isTextCode(const Code &code, std::string_view text) {
  return code.size() == 1 && code.front().text == text;
}
// Whether the code starts, after white space, with `prefix`.
inline bool startsWithText(const Code &code, std::string_view prefix) {
  if (code.empty() || code.front().text.empty())
    return false;
  std::string_view text = code.front().text;
  text.remove_prefix(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
  return text.substr(0, prefix.size()) == prefix;
}
// The code without white space at its end; whether it then ends with `suffix`.
inline Code rtrimmed(Code code) {
  while (!code.empty() && !code.back().text.empty()) {
    std::string &text = code.back().text;
    text.erase(std::min(text.find_last_not_of(" \t\r\n") + 1, text.size()));
    if (!text.empty())
      break;
    code.pop_back();
  }
  return code;
}
inline bool endsWithText(const Code &code, std::string_view suffix) {
  if (code.empty() || code.back().text.empty())
    return false;
  std::string_view text = code.back().text;
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace flowc::ir
