// ReadYAML.cpp - reads the IR from YAML (`--from-ir`), walking Mapping.h's
// descriptions, then verifies it (Verify.h). Every object read keeps its
// YAML position, so that each problem names the line it is on.
#include "IR/Mapping.h"
#include "IR/Verify.h"
#include "IR/YAML.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

namespace flowc::ir {
namespace {

struct ReadError {
  YAML::Mark mark;
  std::string message;
};

using Marks = std::unordered_map<const void *, YAML::Mark>;

[[noreturn]] void fail(const YAML::Node &node, std::string message) {
  throw ReadError{node.Mark(), std::move(message)};
}

class Reader {
public:
  static constexpr bool reading = true;

  Reader(const YAML::Node &map, Marks &marks) : map_(map), marks_(marks) {}

  void flow(bool) {}

  template <class T>
  void key(const char *name, T &value, Style = Style::block) {
    YAML::Node found = child(name);
    if (!found)
      fail(map_, std::string("missing key '") + name + "'");
    seen_.insert(name);
    read(found, value);
  }
  template <class T> void keyIf(bool, const char *name, T &value) {
    if (YAML::Node found = child(name)) {
      seen_.insert(name);
      read(found, value);
    }
  }
  template <class T>
  void optional(const char *name, T &value, const T &dflt = T(), bool = true,
                Style = Style::block) {
    if (YAML::Node found = child(name)) {
      seen_.insert(name);
      read(found, value);
    } else {
      value = dflt;
    }
  }
  void location(const char *name, std::string &file, unsigned &line) {
    std::string text;
    key(name, text);
    size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 ||
        !parseNumber(text.substr(colon + 1), line))
      fail(child(name), std::string("'") + name + "' is not 'file:line'");
    file = text.substr(0, colon);
  }

  // Every key of the map must be one its type's map() names.
  void checkKeys() const {
    for (const auto &entry : map_) {
      std::string name = entry.first.Scalar();
      if (!seen_.count(name))
        fail(entry.first, "unknown key '" + name + "'");
    }
  }

  template <class T> void read(const YAML::Node &node, T &value) {
    if (!node.IsMap())
      fail(node, "expected a map");
    marks_[&value] = node.Mark();
    Reader nested(node, marks_);
    map(nested, value);
    nested.checkKeys();
  }
  template <class T> void read(const YAML::Node &node, std::vector<T> &items) {
    if (!node.IsSequence())
      fail(node, "expected a sequence");
    items.resize(node.size()); // before reading: the marks keep addresses
    for (size_t i = 0; i < items.size(); ++i)
      read(node[i], items[i]);
  }
  template <class T>
  void read(const YAML::Node &node, std::optional<T> &value) {
    read(node, value.emplace());
  }
  void read(const YAML::Node &node, Piece &piece) {
    if (!node.IsMap() || node.size() != 1)
      fail(node, "expected a piece: a map with one key, " + pieceKinds());
    auto entry = *node.begin();
    readPiece(entry.first.Scalar(), entry.first, entry.second, piece,
              std::make_index_sequence<std::variant_size_v<Piece::variant>>());
    // After its kind's (at the same address): a piece's problems name the
    // piece's line.
    marks_[&piece] = node.Mark();
  }
  void read(const YAML::Node &node, Text &text) { read(node, text.text); }
  void read(const YAML::Node &node, FieldUse &use) { read(node, use.name); }
  void read(const YAML::Node &node, std::string &text) {
    if (!node.IsScalar())
      fail(node, "expected a string");
    text = node.Scalar();
  }
  void read(const YAML::Node &node, unsigned &number) {
    if (!node.IsScalar() || !parseNumber(node.Scalar(), number))
      fail(node, "expected a number");
  }
  void read(const YAML::Node &node, int &number) {
    unsigned value;
    read(node, value);
    number = static_cast<int>(value);
  }
  void read(const YAML::Node &node, bool &flag) {
    if (!node.IsScalar() ||
        (node.Scalar() != "true" && node.Scalar() != "false"))
      fail(node, "expected true or false");
    flag = node.Scalar() == "true";
  }
  void read(const YAML::Node &node, MachineLocal::Home &home) {
    std::string name;
    read(node, name);
    for (const auto &[value, spelling] : homeNames)
      if (spelling == name) {
        home = value;
        return;
      }
    fail(node,
         "unknown home '" + name + "' (frame, local, pointer or constant)");
  }

private:
  // The value of `name`, or an invalid node. Looked up through a const node:
  // yaml-cpp's non-const operator[] adds the key it does not find.
  YAML::Node child(const char *name) const {
    const YAML::Node &map = map_;
    return map[name];
  }

  static bool parseNumber(const std::string &text, unsigned &number) {
    auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), number);
    return error == std::errc() && end == text.data() + text.size() &&
           !text.empty();
  }

  template <size_t... I>
  void readPiece(const std::string &kind, const YAML::Node &key,
                 const YAML::Node &value, Piece &piece,
                 std::index_sequence<I...>) {
    bool known =
        ((kind ==
              pieceKey(
                  static_cast<std::variant_alternative_t<I, Piece::variant> *>(
                      nullptr)) &&
          (read(value, piece.emplace<I>()), true)) ||
         ...);
    if (!known)
      fail(key, "unknown piece kind '" + kind + "' (" + pieceKinds() + ")");
  }

  YAML::Node map_;
  Marks &marks_;
  std::set<std::string> seen_;
};

std::string where(const std::string &file, const YAML::Mark &mark) {
  return file + ":" + std::to_string(mark.line + 1) + ":" +
         std::to_string(mark.column + 1) + ": error: ";
}

} // namespace

bool fromYAML(std::string_view text, const std::string &file, Module &module,
              std::string &error) {
  Marks marks;
  try {
    YAML::Node document = YAML::Load(std::string(text));
    if (!document.IsMap())
      fail(document, "expected the IR: a map with the key 'flowc_ir'");
    YAML::Node version = document["flowc_ir"];
    if (!version)
      fail(document, "missing key 'flowc_ir' (not an IR written by flowc "
                     "--emit=ir)");
    Module read;
    if (!version.IsScalar() || version.Scalar() != std::to_string(read.version))
      fail(version,
           "IR version '" +
               (version.IsScalar() ? version.Scalar() : std::string()) +
               "' is not " + std::to_string(read.version) +
               ", the version this flowc reads");
    Reader(document, marks).read(document, module);
  } catch (const YAML::Exception &e) {
    error = where(file, e.mark) + e.msg;
    return false;
  } catch (const ReadError &e) {
    error = where(file, e.mark) + e.message;
    return false;
  }
  std::vector<Problem> problems = verify(module);
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const Problem &a, const Problem &b) {
                     return marks[a.where].pos < marks[b.where].pos;
                   });
  for (const Problem &problem : problems)
    error += (error.empty() ? "" : "\n") + where(file, marks[problem.where]) +
             problem.message;
  return problems.empty();
}

} // namespace flowc::ir
