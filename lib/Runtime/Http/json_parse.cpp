// json_parse.cpp - RapidJSON's SAX reader builds flowc::json::Value.
//
// RapidJSON (Debian's rapidjson-dev) parses iteratively (no recursion, so
// deep input cannot exhaust the stack), validates UTF-8 and hands numbers
// over as text, which keeps 64-bit integers exact: json.h converts them with
// the target type's range. docs/http.md has the measurement that chose it.
#include "Http/json_parse.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <string>
#include <vector>

namespace flowc::json {

namespace {

class Builder {
public:
  Builder(const rapidjson::MemoryStream &stream, std::size_t max_depth)
      : stream_(stream), max_depth_(max_depth) {}

  bool Null() { return add(Value::Kind::null, 4); }
  bool Bool(bool b) {
    Value *v = add_value(Value::Kind::boolean, b ? 4 : 5);
    if (v)
      v->boolean = b;
    return v != nullptr;
  }
  // Only RawNumber is called with kParseNumbersAsStringsFlag.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char *s, rapidjson::SizeType length, bool) {
    Value *v = add_value(Value::Kind::number, length);
    if (v)
      v->text.assign(s, length);
    return v != nullptr;
  }
  bool String(const char *s, rapidjson::SizeType length, bool) {
    Value *v = add_value(Value::Kind::string, length + 2);
    if (v)
      v->text.assign(s, length);
    return v != nullptr;
  }
  bool Key(const char *s, rapidjson::SizeType length, bool) {
    Value &object = *open_.back();
    std::string_view name(s, length);
    for (const std::string &seen : object.names)
      if (seen == name)
        return failWith("the member name \"" + std::string(name) + "\" given twice");
    object.names.emplace_back(name);
    return true;
  }
  bool StartObject() { return open(Value::Kind::object); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(Value::Kind::array); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  Value take() { return std::move(root_); }
  const std::string &problem() const { return problem_; }
  std::size_t problem_offset() const { return problem_offset_; }

private:
  std::size_t here() const { return stream_.Tell(); }

  Value *add_value(Value::Kind kind, std::size_t length) {
    Value *v;
    if (open_.empty()) {
      v = &root_;
    } else {
      v = &open_.back()->items.emplace_back();
    }
    v->kind = kind;
    std::size_t end = here();
    v->offset = end >= length ? end - length : 0;
    return v;
  }
  bool add(Value::Kind kind, std::size_t length) { return add_value(kind, length) != nullptr; }

  bool open(Value::Kind kind) {
    if (open_.size() >= max_depth_)
      return failWith("nesting deeper than " + std::to_string(max_depth_) + " levels");
    open_.push_back(add_value(kind, 1));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }
  bool failWith(std::string problem) {
    problem_ = std::move(problem);
    problem_offset_ = here();
    return false;
  }

  const rapidjson::MemoryStream &stream_;
  std::size_t max_depth_;
  Value root_;
  std::vector<Value *> open_;
  std::string problem_;
  std::size_t problem_offset_ = 0;
};

} // namespace

Value parse(std::string_view text, std::size_t max_depth) {
  rapidjson::MemoryStream stream(text.data(), text.size());
  Builder builder(stream, max_depth);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseIterativeFlag |
                             rapidjson::kParseNumbersAsStringsFlag |
                             rapidjson::kParseValidateEncodingFlag |
                             rapidjson::kParseStopWhenDoneFlag;
  rapidjson::ParseResult result = reader.Parse<flags>(stream, builder);
  if (!builder.problem().empty())
    throw ParseError("malformed JSON at byte " + std::to_string(builder.problem_offset()) +
                     ": " + builder.problem());
  if (result.IsError())
    throw ParseError("malformed JSON at byte " + std::to_string(result.Offset()) + ": " +
                     rapidjson::GetParseError_En(result.Code()));
  // kParseStopWhenDoneFlag stops after the value: anything but whitespace
  // after it is an error (RapidJSON's own check would not say where).
  for (std::size_t i = stream.Tell(); i < text.size(); ++i)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
      throw ParseError("malformed JSON at byte " + std::to_string(i) +
                       ": more text after the value");
  return builder.take();
}

} // namespace flowc::json
