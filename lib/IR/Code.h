// Code.h - building ir::Code: text and protocol parts, appended in order.
//
// Adjacent text is kept as one piece, and empty text adds no piece, so two
// ways of building the same code compare equal.
#pragma once

#include "IR/IR.h"

#include <algorithm>
#include <string_view>

namespace flowc::ir {

// The text of a text piece; null for any other kind.
inline const std::string *textOf(const Piece &piece) {
  const Text *text = std::get_if<Text>(&piece);
  return text ? &text->text : nullptr;
}
inline std::string *textOf(Piece &piece) {
  Text *text = std::get_if<Text>(&piece);
  return text ? &text->text : nullptr;
}
// A piece of source text (not a field or a protocol part).
inline bool isText(const Piece &piece) {
  return std::holds_alternative<Text>(piece);
}
// The frame field a field piece names; null for any other kind.
inline const std::string *fieldOf(const Piece &piece) {
  const FieldUse *use = std::get_if<FieldUse>(&piece);
  return use ? &use->name : nullptr;
}

inline Code &operator+=(Code &code, std::string_view text) {
  if (text.empty())
    return code;
  if (std::string *last = code.empty() ? nullptr : textOf(code.back()))
    *last += text;
  else
    code.push_back(Text{std::string(text)});
  return code;
}

inline Code &operator+=(Code &code, const Code &more) {
  for (const Piece &piece : more) {
    if (const std::string *text = textOf(piece))
      code += *text;
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
inline Code fieldCode(std::string name) { return {FieldUse{std::move(name)}}; }
inline Code suspendCode(Suspend suspend) { return {std::move(suspend)}; }
inline Code finishCode(Finish finish) { return {std::move(finish)}; }
inline Code loopCode(IndexLoop loop) { return {std::move(loop)}; }
inline Code tryCode(TryEntry entry) { return {std::move(entry)}; }

// Code that is exactly one frame field.
inline bool isFieldCode(const Code &code) {
  return code.size() == 1 && fieldOf(code.front());
}
// Code that is exactly `text`.
inline bool isTextCode(const Code &code, std::string_view text) {
  return code.size() == 1 && textOf(code.front()) &&
         *textOf(code.front()) == text;
}
// Whether the code starts, after white space, with `prefix`.
inline bool startsWithText(const Code &code, std::string_view prefix) {
  if (code.empty() || !textOf(code.front()))
    return false;
  std::string_view text = *textOf(code.front());
  text.remove_prefix(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
  return text.substr(0, prefix.size()) == prefix;
}
// The code without white space at its end; whether it then ends with `suffix`.
inline Code rtrimmed(Code code) {
  while (!code.empty() && textOf(code.back())) {
    std::string &text = *textOf(code.back());
    text.erase(std::min(text.find_last_not_of(" \t\r\n") + 1, text.size()));
    if (!text.empty())
      break;
    code.pop_back();
  }
  return code;
}
inline bool endsWithText(const Code &code, std::string_view suffix) {
  if (code.empty() || !textOf(code.back()))
    return false;
  std::string_view text = *textOf(code.back());
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace flowc::ir
