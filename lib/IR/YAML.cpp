// YAML.cpp - writes the IR as YAML, walking Mapping.h's descriptions.
//
// Small records (fields, calls, suspensions) are written in flow style so the
// document reads like docs/ir.md; everything else is block style.
#include "IR/YAML.h"

#include "IR/Mapping.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace flowc::ir {
namespace {

class Writer {
public:
  static constexpr bool reading = false;

  explicit Writer(YAML::Emitter &out) : out_(out) {}

  void flow(bool on) { flow_ = on; }

  template <class T>
  void key(const char *name, const T &value, Style style = Style::block) {
    begin();
    out_ << YAML::Key << name << YAML::Value;
    write(value, style);
  }
  template <class T> void keyIf(bool on, const char *name, const T &value) {
    if (on)
      key(name, value);
  }
  template <class T>
  void optional(const char *name, const T &value, const T &dflt = T(),
                bool on = true, Style style = Style::block) {
    if (on && !(value == dflt))
      key(name, value, style);
  }
  void location(const char *name, const std::string &file, unsigned line) {
    key(name, file + ":" + std::to_string(line));
  }

  // A struct: its map() names the keys (it takes a non-const reference for
  // the reader's sake and only reads here).
  template <class T> void write(const T &value, Style = Style::block) {
    bool outerFlow = flow_, outerBegun = begun_;
    flow_ = begun_ = false;
    map(*this, const_cast<T &>(value));
    begin();
    out_ << YAML::EndMap;
    flow_ = outerFlow;
    begun_ = outerBegun;
  }
  template <class T>
  void write(const std::vector<T> &items, Style style = Style::block) {
    if (style == Style::flow || items.empty())
      out_ << YAML::Flow;
    out_ << YAML::BeginSeq;
    for (const T &item : items)
      write(item);
    out_ << YAML::EndSeq;
  }
  void write(const Code &code, Style = Style::block) {
    if (codeStyle(code) == Style::flow)
      out_ << YAML::Flow;
    out_ << YAML::BeginSeq;
    for (const Piece &piece : code)
      write(piece);
    out_ << YAML::EndSeq;
  }
  template <class T>
  void write(const std::optional<T> &value, Style style = Style::block) {
    write(*value, style);
  }
  void write(const Piece &piece, Style = Style::block) {
    out_ << YAML::BeginMap;
    std::visit(
        [&](const auto &kind) {
          out_ << YAML::Key << pieceKey(&kind) << YAML::Value;
          write(kind);
        },
        static_cast<const Piece::variant &>(piece));
    out_ << YAML::EndMap;
  }
  // Quoted always: source text may read as a YAML number or boolean.
  void write(const Text &text, Style = Style::block) {
    out_ << YAML::DoubleQuoted << text.text;
  }
  void write(const FieldUse &use, Style = Style::block) { out_ << use.name; }
  // A name YAML 1.1 readers (PyYAML, for one) take for a boolean or null
  // is quoted (not `y` and `n`, which PyYAML reads as strings too);
  // yaml-cpp, a YAML 1.2 library, writes it plain.
  void write(const std::string &text, Style = Style::block) {
    static const std::set<std::string> words{
        "yes",  "Yes",  "YES",  "no",    "No",    "NO",   "on",   "On",
        "ON",   "off",  "Off",  "OFF",   "~",     "null", "Null", "NULL",
        "true", "True", "TRUE", "false", "False", "FALSE"};
    if (words.count(text))
      out_ << YAML::DoubleQuoted;
    out_ << text;
  }
  void write(unsigned number, Style = Style::block) { out_ << number; }
  void write(int number, Style = Style::block) { out_ << number; }
  void write(bool flag, Style = Style::block) { out_ << flag; }
  void write(MachineLocal::Home home, Style = Style::block) {
    for (const auto &[value, name] : homeNames)
      if (value == home)
        out_ << name;
  }

private:
  // A map is opened at its first key, once map() has chosen its style.
  void begin() {
    if (begun_)
      return;
    if (flow_)
      out_ << YAML::Flow;
    out_ << YAML::BeginMap;
    begun_ = true;
  }

  YAML::Emitter &out_;
  bool flow_ = false;
  bool begun_ = true; // the document: write() opens its map
};

} // namespace

std::string toYAML(const Module &module) {
  YAML::Emitter out;
  Writer(out).write(module);
  return std::string(out.c_str()) + "\n";
}

} // namespace flowc::ir
