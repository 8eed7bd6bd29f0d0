// qualified.h - types that generated code must spell fully qualified: every
// value below is live across a remote call or kept as a frame temporary, so
// flowc writes its type into the generated header, outside namespace
// qualified (issue 12). qualified_main.cpp runs each method in direct mode and
// on the Executor; qualified-types.test compiles both with g++ and clang.
#pragma once

#include <flowc/flowc.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace qualified {
namespace inner {

enum class Color { red, green, blue };
enum Plain { one = 1, two = 2 }; // unscoped, in a namespace

struct Cell {
  int x = 0;
  std::string tag;
};

template <class T> struct Box {
  T value{};
  std::vector<T> more;
  struct Nested {
    T value{};
    int n = 0;
  };
  enum class Kind { a, b };
};

// A template over a value of a namespace's enum.
template <Color C> struct Tinted {
  int shade = static_cast<int>(C);
};

} // namespace inner

// Aliases of several kinds: of a standard template, an alias template, of a
// namespace's struct, and one in the entity's class.
using Row = std::tuple<std::string, std::int64_t>;
template <class T> using List = std::vector<T>;
using Cells = std::map<std::string, List<inner::Cell>>;
using CellBox = inner::Box<inner::Cell>;

class Peer {
  FLOWC_ENTITY(Peer);

public:
  Peer(std::string name, int k) : name_(std::move(name)), k_(k) {}
  int k() { return ++calls_ + k_; }
  inner::Color color(int i) { return static_cast<inner::Color>((i + k_) % 3); }
  inner::Cell cell(int x) { return {x + k_, name_}; }
  Row row(int n) { return {name_ + std::to_string(n), n * k_}; }

private:
  FLOWC_KEY std::string name_;
  int k_;
  int calls_ = 0;
};

class Probe {
  FLOWC_ENTITY(Probe);

public:
  using Local = std::pair<inner::Color, std::optional<inner::Plain>>;

  explicit Probe(std::string id) : id_(std::move(id)) {}

  // The case: a binding of a tuple read after the call.
  std::int64_t binding(flowc::Ref<Peer> r) {
    std::tuple<std::string, std::int64_t> t{"abc", 5};
    auto [s, n] = t;
    return n + r->k() + static_cast<std::int64_t>(s.size());
  }
  // Bindings of a tuple of a namespace's enum and struct, read before a call
  // (kept as frame temporaries whose type is std::tuple_element<...>::type).
  // A binding of a binding (found by the program generator, seed 598): the
  // inner tuple's type is reached through tuple_element's typedef, with no
  // sugar left; its std::string argument must be spelled qualified.
  std::int64_t binding_of_binding(flowc::Ref<Peer> r) {
    auto [c, in] = std::pair<char, std::tuple<inner::Cell, std::string>>('c', {inner::Cell{3, "t"}, "in"});
    auto [label, text] = in;
    return r->k() + static_cast<std::int64_t>(text.size()) + c + static_cast<std::int64_t>(label.tag.size()) + label.x;
  }

  int binding_of_enum(flowc::Ref<Peer> r) {
    std::tuple<inner::Color, inner::Cell, inner::Plain> t{inner::Color::green, {8, "e"}, inner::two};
    auto [color, cell, plain] = t;
    return weigh(color, cell, plain, r->k());
  }
  // A binding of a tuple returned by a remote call, used after another.
  std::string binding_of_call(flowc::Ref<Peer> r) {
    auto [s, n] = r->row(4);
    int k = r->k();
    return s + ":" + std::to_string(n + k);
  }
  // A binding of a namespace's struct, and of a pair with an enum.
  int binding_of_struct(flowc::Ref<Peer> r) {
    inner::Cell c{3, "c"};
    auto [x, tag] = c;
    Local local{inner::Color::blue, inner::two};
    auto [color, plain] = local;
    int k = r->k();
    return x + k + static_cast<int>(tag.size()) + static_cast<int>(color) + (plain ? *plain : 0);
  }
  // Aliases live across a call.
  int aliases(flowc::Ref<Peer> r) {
    Row row{"row", 7};
    List<int> list{1, 2, 3};
    Cells cells;
    cells["a"].push_back(inner::Cell{1, "x"});
    CellBox box{inner::Cell{2, "y"}, {inner::Cell{4, "z"}}};
    int k = r->k();
    return static_cast<int>(std::get<1>(row)) + list[2] + cells["a"][0].x + box.value.x +
           box.more[0].x + k;
  }
  // Nested templates of namespace types live across a call.
  int nested(flowc::Ref<Peer> r) {
    std::map<std::string, std::vector<std::pair<inner::Color, std::optional<inner::Cell>>>> m;
    m["k"].push_back({inner::Color::green, inner::Cell{5, "n"}});
    std::optional<std::map<inner::Plain, inner::Box<std::int64_t>>> o;
    o.emplace();
    (*o)[inner::one].value = 6;
    int k = r->k();
    return m["k"][0].second->x + static_cast<int>((*o)[inner::one].value) + k;
  }
  // Enums and structs of the namespace as locals, results of remote calls
  // and frame temporaries (an operand kept while a later call runs).
  int enums_and_structs(flowc::Ref<Peer> r) {
    inner::Color c = r->color(1);
    inner::Plain p = inner::two;
    inner::Cell cell = r->cell(2);
    int k = r->k();
    colors_.push_back(c);
    last_ = cell;
    return static_cast<int>(c) * 100 + p * 10 + cell.x + k;
  }
  int temporaries(flowc::Ref<Peer> r) {
    // The first call's result is kept while the second runs.
    return static_cast<int>(r->color(0)) + r->cell(1).x + r->k() +
           static_cast<int>(std::get<1>(r->row(2)));
  }
  // A specialization over an enum value, and a member type reached through
  // a specialization.
  int tinted(flowc::Ref<Peer> r) {
    inner::Tinted<inner::Color::blue> tint;
    std::vector<inner::Cell>::value_type first{9, "v"};
    std::map<std::string, inner::Color>::mapped_type mapped = inner::Color::green;
    int k = r->k();
    return tint.shade * 10 + first.x + static_cast<int>(mapped) + k;
  }
  // Types nested in class template specializations, one kept as a frame
  // temporary through a binding of a tuple.
  int nested_in_templates(flowc::Ref<Peer> r) {
    inner::Box<inner::Cell>::Nested nested{inner::Cell{4, "m"}, 2};
    inner::Box<inner::Color>::Kind kind = inner::Box<inner::Color>::Kind::b;
    std::tuple<inner::Box<inner::Cell>::Nested, int> t{nested, 3};
    auto [a, b] = t;
    return depth(a, kind, r->k()) + b;
  }
  // A member alias of the entity.
  int member_alias(flowc::Ref<Peer> r) {
    Local l{inner::Color::red, std::nullopt};
    int k = r->k();
    return static_cast<int>(l.first) + (l.second ? 1 : 0) + k;
  }

private:
  static int depth(const inner::Box<inner::Cell>::Nested &nested,
                   inner::Box<inner::Color>::Kind kind, int k) {
    return nested.value.x * 1000 + nested.n * 100 + static_cast<int>(kind) * 10 + k;
  }
  static int weigh(inner::Color c, const inner::Cell &cell, inner::Plain p, int k) {
    return static_cast<int>(c) * 1000 + cell.x * 100 + p * 10 + k;
  }

  FLOWC_KEY std::string id_;
  std::vector<inner::Color> colors_;
  inner::Cell last_;
};

} // namespace qualified
