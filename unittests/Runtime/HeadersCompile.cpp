// HeadersCompile.cpp - instantiates every codec so the compile tests see the
// headers' template code, not just their declarations, under strict warnings.
#include "flowc/runtime/access.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/errors.h"
#include "flowc/runtime/machine.h"

#include <array>
#include <cstdint>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace headers_compile {

class Entity {
  FLOWC_ENTITY(Entity);

public:
  explicit Entity(std::int64_t id) : id_(id) {}

private:
  FLOWC_KEY std::int64_t id_;
};

struct Fields {
  std::uint16_t a;
  std::vector<std::optional<double>> b;
};
struct NoFields {};
enum class Tag : std::int16_t { x = -1 };

} // namespace headers_compile

template <> struct flowc::Access::Of<headers_compile::Entity> {
  static std::int64_t id(const headers_compile::Entity &e) { return e.id_; }
};
template <> struct flowc::EntityTraits<headers_compile::Entity> {
  static std::string encode_key(const headers_compile::Entity &e) {
    return flowc::encode(flowc::Access::Of<headers_compile::Entity>::id(e));
  }
};
template <>
struct flowc::Codec<headers_compile::Fields>
    : flowc::FieldsCodec<&headers_compile::Fields::a, &headers_compile::Fields::b> {};
template <> struct flowc::Codec<headers_compile::NoFields> : flowc::FieldsCodec<> {};

template <class T> void round_trip(const T &value) {
  (void)flowc::decode<T>(flowc::encode(value));
}

template <class... Ts> void round_trip_all() { (round_trip(Ts{}), ...); }

// As a split method's range-for walks a container.
template <class C> void walk(C container) {
  for (std::size_t i = 0; i < flowc::detail::size(container); ++i)
    (void)flowc::detail::element(container, i);
  flowc::detail::Position p;
  for (flowc::detail::start(container, p); flowc::detail::more(container, p);
       flowc::detail::next(container, p))
    (void)flowc::detail::at(container, p);
  round_trip(p);
}
template <class... Ts> void walk_all() { (walk(Ts{}), ...); }

void instantiate_everything() {
  round_trip_all<bool, char, signed char, unsigned char, char8_t, char16_t, char32_t,
                 wchar_t, short, unsigned short, int, unsigned, long, unsigned long,
                 long long, unsigned long long, float, double, long double,
                 headers_compile::Tag, std::string, std::vector<int>,
                 std::vector<std::uint8_t>, std::vector<bool>, std::map<int, std::string>,
                 std::unordered_map<std::string, double>, std::optional<float>,
                 std::pair<int, bool>, std::tuple<>, std::tuple<int, std::string, char>,
                 std::deque<std::string>, std::list<short>, std::array<int, 3>,
                 std::array<char, 0>, std::set<std::int64_t>, std::multiset<char>,
                 std::unordered_set<std::string>, std::multimap<int, std::string>,
                 std::unordered_multiset<short>, std::unordered_multimap<int, std::vector<bool>>,
                 std::forward_list<std::string>,
                 std::variant<std::monostate, int, std::string>, std::variant<double, bool>,
                 headers_compile::Fields, headers_compile::NoFields,
                 std::vector<headers_compile::NoFields>,
                 flowc::Ref<headers_compile::Entity>>();
  walk_all<std::vector<int>, std::deque<std::string>, std::list<short>, std::array<int, 3>,
           std::set<std::int64_t>, std::multiset<char>, std::unordered_set<std::string>,
           std::map<int, bool>, std::multimap<int, std::string>,
           std::unordered_map<std::string, double>, std::unordered_multiset<short>,
           std::unordered_multimap<int, std::vector<bool>>, std::forward_list<std::string>>();
  headers_compile::Entity e(3);
  round_trip(flowc::Ref<headers_compile::Entity>(&e));
  (void)flowc::decode_all<int, const std::string &>(flowc::encode_all(1, std::string()));
  (void)flowc::decode_all<>(flowc::encode_all());
  flowc::Writer w;
  flowc::codec_fields(w);
  flowc::Reader r(w.buffer());
  flowc::codec_fields(r);
  auto ref = flowc::Access::make_ref<headers_compile::Entity>("k");
  flowc::Access::set_key(ref, "j");
  (void)flowc::Access::object(ref);
}

int main() {
  instantiate_everything();
  return 0;
}
