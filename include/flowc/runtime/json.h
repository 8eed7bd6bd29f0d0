// json.h - the JSON form of every serializable type, for the HTTP gateway
// (docs/http.md, "JSON mapping").
//
// API
//   flowc::json::Writer w;  flowc::json::write(w, value);  std::string s = w.take();
//   T value{};  flowc::json::read(parsed, value, flowc::json::Where::root("amount"));
// `parsed` is a flowc::json::Value, the tree flowc::json::parse (http.h,
// flowc::http) builds from text. Reading checks the JSON against T and throws
// flowc::json::Mismatch naming the place (`amount.items[2].qty`), its byte
// offset in the text, what was expected and what was found.
//
// Mapping: integers as JSON numbers, exact to 64 bits (a value out of T's
// range, a fraction or an exponent is rejected, never rounded); floating
// point in shortest round-trip form (NaN and the infinities as the strings
// "NaN", "Infinity", "-Infinity"); bool; strings; optional as null or the
// value; std::map/unordered_map with string keys as objects; other maps as
// arrays of [key, value]; every other container, pair, tuple and array as an
// array; variant as {"index": i, "value": v}; monostate as null; Ref<E> as
// E's key. Enums (by enumerator name) and structs (objects by member name)
// get a Codec from generated code (X.flowc.cpp), as for the binary codec.
// Everything is resolved at compile time: there is no run-time reflection.
#pragma once

#include "flowc/flowc.h"
#include "flowc/runtime/access.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/errors.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <forward_list>
#include <initializer_list>
#include <limits>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace flowc::json {

// A parsed JSON value. Numbers keep their text, so integers convert exactly.
struct Value {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;               // a string's contents, a number's text
  std::vector<Value> items;       // array elements; object member values
  std::vector<std::string> names; // object member names, beside items
  std::size_t offset = 0;         // where the value starts in the text

  // An object's member, or null when there is none.
  const Value *find(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name)
        return &items[i];
    return nullptr;
  }
};

// Text that is not JSON (thrown by parse) or JSON that does not fit the type.
class ParseError : public Error {
public:
  using Error::Error;
};
class Mismatch : public Error {
public:
  using Error::Error;
};

inline const char *kind_name(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::null: return "null";
  case Value::Kind::boolean: return "a boolean";
  case Value::Kind::number: return "a number";
  case Value::Kind::string: return "a string";
  case Value::Kind::array: return "an array";
  case Value::Kind::object: return "an object";
  }
  return "a value";
}

// Where a value sits in the document: a chain of member names and indexes
// from a root (an argument's name), formatted only when something is wrong.
struct Where {
  const Where *parent = nullptr;
  std::string_view name; // a member name, or the root's name
  std::size_t index = 0;
  bool is_index = false;

  static Where root(std::string_view name) { return Where{nullptr, name, 0, false}; }
  Where member(std::string_view member) const { return Where{this, member, 0, false}; }
  Where at(std::size_t i) const { return Where{this, {}, i, true}; }

  std::string path() const {
    std::string prefix = parent ? parent->path() : std::string();
    if (is_index)
      return prefix + "[" + std::to_string(index) + "]";
    if (parent)
      return prefix + "." + std::string(name);
    return std::string(name);
  }
};

[[noreturn]] inline void mismatch(const Value &v, const Where &at,
                                  std::string_view expected) {
  std::string message = std::string(at.path());
  message += " (byte ";
  message += std::to_string(v.offset);
  message += "): expected ";
  message += expected;
  message += ", got ";
  if (v.kind == Value::Kind::number || v.kind == Value::Kind::string) {
    std::string shown = v.text.size() > 40 ? v.text.substr(0, 40) + "..." : v.text;
    message += v.kind == Value::Kind::number ? shown : "\"" + shown + "\"";
  } else if (v.kind == Value::Kind::boolean) {
    message += v.boolean ? "true" : "false";
  } else {
    message += kind_name(v.kind);
  }
  throw Mismatch(message);
}

// Builds JSON text.
class Writer {
public:
  void raw(std::string_view text) { out_ += text; }
  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  template <class I> void integer(I value) {
    char buffer[48];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out_.append(buffer, end);
  }
  template <class F> void floating(F value) {
    if (std::isnan(value)) {
      out_ += "\"NaN\"";
    } else if (std::isinf(value)) {
      out_ += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    } else {
      char buffer[64];
      auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
      out_.append(buffer, end);
    }
  }
  void string(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out_ += '"';
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (u < 0x20) {
        out_ += "\\u00";
        out_ += hex[u >> 4];
        out_ += hex[u & 15];
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }
  // Inside objects and arrays: the separator before each member or element.
  void comma(bool &first) {
    if (!first)
      out_ += ',';
    first = false;
  }
  void key(std::string_view name) {
    string(name);
    out_ += ':';
  }
  std::string take() { return std::move(out_); }
  const std::string &text() const { return out_; }

private:
  std::string out_;
};

// Specialized per type: static void write(Writer&, const T&) and
// static void read(const Value&, T&, const Where&).
template <class T, class Enable = void> struct Codec {
  static_assert(sizeof(T) == 0,
                "flowc: no JSON codec for this type (an enum or struct needs "
                "the one X.flowc.cpp generates)");
};

template <class T> void write(Writer &w, const T &value) { Codec<T>::write(w, value); }
template <class T> void read(const Value &v, T &out, const Where &at) {
  Codec<T>::read(v, out, at);
}

namespace detail {

template <class T> std::string integer_range() {
  return "an integer in [" + std::to_string(std::numeric_limits<T>::min()) + ", " +
         std::to_string(std::numeric_limits<T>::max()) + "]";
}

inline void expect(const Value &v, Value::Kind kind, const Where &at,
                   std::string_view expected) {
  if (v.kind != kind)
    mismatch(v, at, expected);
}

template <class S> void write_array(Writer &w, const S &items) {
  w.raw("[");
  bool first = true;
  for (const auto &item : items) {
    w.comma(first);
    json::write(w, static_cast<const typename S::value_type &>(item));
  }
  w.raw("]");
}

// Reads each element and hands it to `add(element, where)`.
template <class T, class Add>
void read_array(const Value &v, const Where &at, Add add) {
  expect(v, Value::Kind::array, at, "an array");
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    Where here = at.at(i);
    T element{};
    json::read(v.items[i], element, here);
    add(std::move(element), v.items[i], here);
  }
}

template <class T> struct is_string : std::false_type {};
template <class Traits, class Alloc>
struct is_string<std::basic_string<char, Traits, Alloc>> : std::true_type {};

// A map whose keys are not strings, or a multimap: [key, value] pairs.
template <class M> void write_pairs(Writer &w, const M &map) {
  bool first = true;
  w.raw("[");
  for (const auto &[key, value] : map) {
    w.comma(first);
    w.raw("[");
    json::write(w, key);
    w.raw(",");
    json::write(w, value);
    w.raw("]");
  }
  w.raw("]");
}

template <class M> void write_map(Writer &w, const M &map) {
  if constexpr (is_string<typename M::key_type>::value) {
    bool first = true;
    w.raw("{");
    for (const auto &[key, value] : map) {
      w.comma(first);
      w.key(key);
      json::write(w, value);
    }
    w.raw("}");
  } else {
    write_pairs(w, map);
  }
}

template <class M> void read_map(const Value &v, M &map, const Where &at) {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  if constexpr (is_string<K>::value) {
    expect(v, Value::Kind::object, at, "an object");
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      Where here = at.member(v.names[i]);
      V value{};
      json::read(v.items[i], value, here);
      if (!map.emplace(K(v.names[i]), std::move(value)).second)
        mismatch(v.items[i], here, "each member name once");
    }
  } else {
    read_array<std::pair<K, V>>(
        v, at, [&](std::pair<K, V> entry, const Value &item, const Where &here) {
          if (!map.emplace(std::move(entry)).second)
            mismatch(item, here, "each key once");
        });
  }
}

template <class Tuple, std::size_t... I>
void write_tuple(Writer &w, const Tuple &t, std::index_sequence<I...>) {
  w.raw("[");
  ((w.raw(I == 0 ? "" : ","), json::write(w, std::get<I>(t))), ...);
  w.raw("]");
}
template <class Tuple, std::size_t... I>
void read_tuple(const Value &v, Tuple &t, const Where &at, std::index_sequence<I...>) {
  constexpr std::size_t n = sizeof...(I);
  if (v.kind != Value::Kind::array || v.items.size() != n)
    mismatch(v, at, "an array of " + std::to_string(n) + " elements");
  (json::read(v.items[I], std::get<I>(t), at.at(I)), ...);
}

template <class V, std::size_t I = 0>
void read_alternative(const Value &v, V &out, std::size_t index, const Where &at) {
  if constexpr (I < std::variant_size_v<V>) {
    if (index == I) {
      std::variant_alternative_t<I, V> value{};
      json::read(v, value, at);
      out.template emplace<I>(std::move(value));
    } else {
      read_alternative<V, I + 1>(v, out, index, at);
    }
  }
}

} // namespace detail

template <> struct Codec<bool> {
  static void write(Writer &w, bool b) { w.boolean(b); }
  static void read(const Value &v, bool &out, const Where &at) {
    detail::expect(v, Value::Kind::boolean, at, "true or false");
    out = v.boolean;
  }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static void write(Writer &w, T value) {
    if constexpr (std::is_signed_v<T>)
      w.integer(static_cast<long long>(value));
    else
      w.integer(static_cast<unsigned long long>(value));
  }
  static void read(const Value &v, T &out, const Where &at) {
    if (v.kind != Value::Kind::number)
      mismatch(v, at, detail::integer_range<T>());
    const char *begin = v.text.data(), *end = begin + v.text.size();
    using Wide = std::conditional_t<std::is_signed_v<T>, long long, unsigned long long>;
    Wide wide{};
    // "-0" is an integer; a fraction or an exponent is not.
    auto [ptr, ec] = std::from_chars(begin, end, wide);
    if (ec != std::errc{} || ptr != end || wide < static_cast<Wide>(std::numeric_limits<T>::min()) ||
        wide > static_cast<Wide>(std::numeric_limits<T>::max()))
      mismatch(v, at, detail::integer_range<T>());
    out = static_cast<T>(wide);
  }
};

template <class T> struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static void write(Writer &w, T value) { w.floating(value); }
  static void read(const Value &v, T &out, const Where &at) {
    if (v.kind == Value::Kind::string) {
      if (v.text == "NaN")
        out = std::numeric_limits<T>::quiet_NaN();
      else if (v.text == "Infinity")
        out = std::numeric_limits<T>::infinity();
      else if (v.text == "-Infinity")
        out = -std::numeric_limits<T>::infinity();
      else
        mismatch(v, at, "a number");
      return;
    }
    detail::expect(v, Value::Kind::number, at, "a number");
    const char *begin = v.text.data(), *end = begin + v.text.size();
    auto [ptr, ec] = std::from_chars(begin, end, out);
    if (ec != std::errc{} || ptr != end)
      mismatch(v, at, "a number within the range of the floating-point type");
  }
};

template <class Traits, class Alloc> struct Codec<std::basic_string<char, Traits, Alloc>> {
  using S = std::basic_string<char, Traits, Alloc>;
  static void write(Writer &w, const S &s) { w.string(s); }
  static void read(const Value &v, S &out, const Where &at) {
    detail::expect(v, Value::Kind::string, at, "a string");
    out.assign(v.text.data(), v.text.size());
  }
};

// Sequences: vector, deque, list.
template <class C> struct SequenceCodec {
  static void write(Writer &w, const C &c) { detail::write_array(w, c); }
  static void read(const Value &v, C &out, const Where &at) {
    detail::read_array<typename C::value_type>(
        v, at, [&](auto element, const Value &, const Where &) {
          out.push_back(std::move(element));
        });
  }
};
template <class T, class A> struct Codec<std::vector<T, A>> : SequenceCodec<std::vector<T, A>> {};
template <class T, class A> struct Codec<std::deque<T, A>> : SequenceCodec<std::deque<T, A>> {};
template <class T, class A> struct Codec<std::list<T, A>> : SequenceCodec<std::list<T, A>> {};

// Sets: an array; an element given twice in a set is an error.
template <class C, bool Multi> struct SetCodec {
  static void write(Writer &w, const C &c) { detail::write_array(w, c); }
  static void read(const Value &v, C &out, const Where &at) {
    detail::read_array<typename C::value_type>(
        v, at, [&](auto element, const Value &item, const Where &here) {
          if constexpr (Multi)
            out.insert(std::move(element));
          else if (!out.insert(std::move(element)).second)
            mismatch(item, here, "each element once");
        });
  }
};
template <class K, class C, class A>
struct Codec<std::set<K, C, A>> : SetCodec<std::set<K, C, A>, false> {};
template <class K, class C, class A>
struct Codec<std::multiset<K, C, A>> : SetCodec<std::multiset<K, C, A>, true> {};
template <class K, class H, class E, class A>
struct Codec<std::unordered_set<K, H, E, A>> : SetCodec<std::unordered_set<K, H, E, A>, false> {};
template <class K, class H, class E, class A>
struct Codec<std::unordered_multiset<K, H, E, A>>
    : SetCodec<std::unordered_multiset<K, H, E, A>, true> {};

template <class T, class A> struct Codec<std::forward_list<T, A>> {
  static void write(Writer &w, const std::forward_list<T, A> &l) { detail::write_array(w, l); }
  static void read(const Value &v, std::forward_list<T, A> &out, const Where &at) {
    std::vector<T> items;
    detail::read_array<T>(v, at, [&](T element, const Value &, const Where &) {
      items.push_back(std::move(element));
    });
    out.assign(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
  }
};

template <class M> struct MapCodec {
  static void write(Writer &w, const M &m) { detail::write_map(w, m); }
  static void read(const Value &v, M &out, const Where &at) { detail::read_map(v, out, at); }
};
template <class K, class V, class C, class A>
struct Codec<std::map<K, V, C, A>> : MapCodec<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Codec<std::unordered_map<K, V, H, E, A>> : MapCodec<std::unordered_map<K, V, H, E, A>> {};

// A multimap is always an array of [key, value] pairs: its keys repeat.
template <class M> struct MultiMapCodec {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  static void write(Writer &w, const M &m) { detail::write_pairs(w, m); }
  static void read(const Value &v, M &out, const Where &at) {
    detail::read_array<std::pair<K, V>>(
        v, at, [&](std::pair<K, V> entry, const Value &, const Where &) {
          out.insert(std::move(entry));
        });
  }
};
template <class K, class V, class C, class A>
struct Codec<std::multimap<K, V, C, A>> : MultiMapCodec<std::multimap<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Codec<std::unordered_multimap<K, V, H, E, A>>
    : MultiMapCodec<std::unordered_multimap<K, V, H, E, A>> {};

template <class T, std::size_t N> struct Codec<std::array<T, N>> {
  static void write(Writer &w, const std::array<T, N> &a) { detail::write_array(w, a); }
  static void read(const Value &v, std::array<T, N> &out, const Where &at) {
    if (v.kind != Value::Kind::array || v.items.size() != N)
      mismatch(v, at, "an array of " + std::to_string(N) + " elements");
    for (std::size_t i = 0; i < N; ++i)
      json::read(v.items[i], out[i], at.at(i));
  }
};

template <class T> struct Codec<std::optional<T>> {
  static void write(Writer &w, const std::optional<T> &o) {
    if (o)
      json::write(w, *o);
    else
      w.null();
  }
  static void read(const Value &v, std::optional<T> &out, const Where &at) {
    if (v.kind == Value::Kind::null) {
      out.reset();
      return;
    }
    T value{};
    json::read(v, value, at);
    out = std::move(value);
  }
};

template <> struct Codec<std::monostate> {
  static void write(Writer &w, const std::monostate &) { w.null(); }
  static void read(const Value &v, std::monostate &, const Where &at) {
    detail::expect(v, Value::Kind::null, at, "null");
  }
};

template <class... Ts> struct Codec<std::variant<Ts...>> {
  using V = std::variant<Ts...>;
  static void write(Writer &w, const V &v) {
    if (v.valueless_by_exception())
      throw std::bad_variant_access();
    w.raw("{\"index\":");
    w.integer(static_cast<unsigned long long>(v.index()));
    w.raw(",\"value\":");
    std::visit([&](const auto &alternative) { json::write(w, alternative); }, v);
    w.raw("}");
  }
  static void read(const Value &v, V &out, const Where &at) {
    const std::string expected = "{\"index\": i, \"value\": v} with i below " +
                                 std::to_string(sizeof...(Ts));
    if (v.kind != Value::Kind::object || v.items.size() != 2)
      mismatch(v, at, expected);
    const Value *index = v.find("index"), *value = v.find("value");
    if (!index || !value)
      mismatch(v, at, expected);
    std::size_t i = 0;
    json::read(*index, i, at.member("index"));
    if (i >= sizeof...(Ts))
      mismatch(*index, at.member("index"), "an index below " + std::to_string(sizeof...(Ts)));
    detail::read_alternative(*value, out, i, at.member("value"));
  }
};

template <class A, class B> struct Codec<std::pair<A, B>> {
  static void write(Writer &w, const std::pair<A, B> &p) {
    detail::write_tuple(w, p, std::index_sequence_for<A, B>{});
  }
  static void read(const Value &v, std::pair<A, B> &out, const Where &at) {
    detail::read_tuple(v, out, at, std::index_sequence_for<A, B>{});
  }
};
// A const key (a map's value_type) is read through a copy.
template <class A, class B> struct Codec<std::pair<const A, B>> : Codec<std::pair<A, B>> {};

template <class... Ts> struct Codec<std::tuple<Ts...>> {
  static void write(Writer &w, const std::tuple<Ts...> &t) {
    detail::write_tuple(w, t, std::index_sequence_for<Ts...>{});
  }
  static void read(const Value &v, std::tuple<Ts...> &out, const Where &at) {
    detail::read_tuple(v, out, at, std::index_sequence_for<Ts...>{});
  }
};

// A Ref is its entity's key in the key's own JSON form.
template <class E> struct Codec<Ref<E>> {
  using Key = typename EntityTraits<E>::key_type;
  static void write(Writer &w, const Ref<E> &ref) {
    json::write(w, flowc::decode<Key>(flowc::detail::key_of(ref)));
  }
  static void read(const Value &v, Ref<E> &out, const Where &at) {
    Key key{};
    json::read(v, key, at);
    out = Access::make_ref<E>(flowc::encode(key));
  }
};

// What a generated struct or enum Codec shares.
// An object with exactly these member names (in any order).
inline void expect_members(const Value &v, const Where &at, std::string_view type,
                           std::initializer_list<std::string_view> names) {
  std::string expected = "an object " + std::string(type) + " {";
  bool first = true;
  for (std::string_view name : names) {
    expected += first ? "" : ", ";
    expected += name;
    first = false;
  }
  expected += "}";
  if (v.kind != Value::Kind::object)
    mismatch(v, at, expected);
  for (std::size_t i = 0; i < v.names.size(); ++i) {
    bool known = false;
    for (std::string_view name : names)
      known |= name == v.names[i];
    if (!known)
      mismatch(v.items[i], at.member(v.names[i]), "no member '" + v.names[i] + "' in " + expected);
  }
  for (std::string_view name : names)
    if (!v.find(name))
      mismatch(v, at, expected + " with member '" + std::string(name) + "'");
}

// An enumerator's value from its name (an integer is taken as the value).
template <class E>
void read_enum(const Value &v, E &out, const Where &at, std::string_view type,
               std::initializer_list<std::pair<std::string_view, E>> names) {
  if (v.kind == Value::Kind::string)
    for (const auto &[name, value] : names)
      if (name == v.text) {
        out = value;
        return;
      }
  if (v.kind == Value::Kind::number) {
    std::underlying_type_t<E> raw{};
    read(v, raw, at);
    out = static_cast<E>(raw);
    return;
  }
  std::string expected = "an enumerator of " + std::string(type) + " (";
  bool first = true;
  for (const auto &entry : names) {
    expected += first ? "\"" : ", \"";
    expected += entry.first;
    expected += "\"";
    first = false;
  }
  mismatch(v, at, expected + ")");
}

// An enumerator's name; a value no enumerator names is written as its number.
template <class E>
void write_enum(Writer &w, E value,
                std::initializer_list<std::pair<std::string_view, E>> names) {
  for (const auto &[name, known] : names)
    if (known == value) {
      w.string(name);
      return;
    }
  write(w, static_cast<std::underlying_type_t<E>>(value));
}

// The JSON of an encoded value: the generated gateway's results and state.
template <class T> void write_encoded(Writer &w, std::string_view bytes) {
  json::write(w, flowc::decode<T>(bytes));
}

} // namespace flowc::json
