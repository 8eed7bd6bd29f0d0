// ladder_main.cpp - runs the ladder's scenario and prints every result and,
// after every call, every entity's state.
//
// Built as is, it is direct mode: entities are plain objects and flowc::Ref
// wraps pointers to them, so each call is an ordinary C++ call. Built with
// LADDER_EXECUTOR, the same calls run through the generated state machines on
// flowc::Executor (which encodes and decodes every suspended frame); with
// LADDER_LOCAL, on flowc::LocalRuntime (`ladder_main [workers]`, default 1);
// with LADDER_MPI, on flowc::MpiRuntime under `mpirun -np N` (`[workers]` per
// rank; rank 0 prints). On the runtimes each call is a call chain
// (rt.call<M>(ref, args...).get(): what a method threw comes back through the
// future), and a state is what rt.state(ref) reads: the committed state's
// encoding, the same bytes write_state gives in the other worlds. The direct
// run is the oracle: the tests diff the outputs. The generated header is
// included in every world, only to print state the same way.
//
// A call that throws is a failed chain, which the Executor and the runtimes
// roll back (docs/semantics.md): the direct run undoes it too, putting back
// the states it saved before the call. With LADDER_CHAIN none undoes anything
// (Isolation::chain), so plain C++ is the oracle as is.
#include "ladder.flowc.h"

#if defined(LADDER_LOCAL) || defined(LADDER_MPI)
#define LADDER_RUNTIME 1
#endif

#if defined(LADDER_EXECUTOR)
#include <flowc/runtime/executor.h>
#elif defined(LADDER_LOCAL)
#include <flowc/runtime/local.h>
#elif defined(LADDER_MPI)
#include <flowc/runtime/mpi.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace ladder;
using flowc::Ref;

namespace {

// --- Printing values ---------------------------------------------------------
std::string show(const std::string &s) { return "\"" + s + "\""; }
[[maybe_unused]] std::string show(bool b) { return b ? "true" : "false"; }
template <class T>
  requires std::is_arithmetic_v<T>
std::string show(T v) {
  return std::to_string(v);
}
std::string show(Mood m) { return "Mood" + std::to_string(static_cast<int>(m)); }
template <class E> std::string show(const Ref<E> &ref) {
  // The entity's key, the same whether the Ref holds a pointer or a key.
  using Key = typename flowc::EntityTraits<E>::key_type;
  std::string key = flowc::decode<std::string>(flowc::encode(ref));
  return "Ref(" + show(flowc::decode<Key>(key)) + ")";
}
template <class T> std::string show(const std::vector<T> &v);
template <class K, class V> std::string show(const std::map<K, V> &m);
template <class K, class V> std::string show(const std::multimap<K, V> &m);
template <class T> std::string show(const std::set<T> &s);
template <class T> std::string show(const std::list<T> &l);
template <class T, std::size_t N> std::string show(const std::array<T, N> &a);
template <class... T> std::string show(const std::variant<T...> &v);
std::string show(std::monostate) { return "monostate"; }
template <class T> std::string show(const std::optional<T> &o);
template <class A, class B> std::string show(const std::pair<A, B> &p);
template <class... T> std::string show(const std::tuple<T...> &t);
std::string show(const Point &p);
std::string show(const Batch &b);

template <class T> std::string show(const std::vector<T> &v) {
  std::string out = "[";
  for (const T &item : v)
    out += (out.size() > 1 ? ", " : "") + show(item);
  return out + "]";
}
template <class K, class V> std::string show(const std::map<K, V> &m) {
  std::string out = "{";
  for (const auto &[k, v] : m)
    out += (out.size() > 1 ? ", " : "") + show(k) + ": " + show(v);
  return out + "}";
}
template <class C> std::string show_items(const C &items) {
  std::string out = "[";
  for (const auto &item : items)
    out += (out.size() > 1 ? ", " : "") + show(item);
  return out + "]";
}
template <class K, class V> std::string show(const std::multimap<K, V> &m) {
  std::string out = "{";
  for (const auto &[k, v] : m)
    out += (out.size() > 1 ? ", " : "") + show(k) + ": " + show(v);
  return out + "}";
}
template <class T> std::string show(const std::set<T> &s) { return show_items(s); }
template <class T> std::string show(const std::list<T> &l) { return show_items(l); }
template <class T, std::size_t N> std::string show(const std::array<T, N> &a) {
  return show_items(a);
}
template <class... T> std::string show(const std::variant<T...> &v) {
  return "variant" + std::to_string(v.index()) + "(" +
         std::visit([](const auto &alt) { return show(alt); }, v) + ")";
}
template <class T> std::string show(const std::optional<T> &o) {
  return o ? "some(" + show(*o) + ")" : "none";
}
template <class A, class B> std::string show(const std::pair<A, B> &p) {
  return "(" + show(p.first) + ", " + show(p.second) + ")";
}
template <class... T> std::string show(const std::tuple<T...> &t) {
  std::string out;
  std::apply([&](const auto &...items) { ((out += (out.empty() ? "" : ", ") + show(items)), ...); },
             t);
  return "(" + out + ")";
}
std::string show(const Point &p) {
  return "Point{" + show(p.x) + ", " + show(p.y) + ", " + show(p.tag) + "}";
}
std::string show(const Batch &b) {
  return "Batch{" + show(b.label) + ", " + show(b.points) + ", " + show(b.weights) +
         ", " + show(b.mood) + "}";
}

std::string hex(const std::string &bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// --- The worlds -------------------------------------------------------------
#if defined(LADDER_EXECUTOR) || defined(LADDER_RUNTIME)
#ifdef LADDER_CHAIN
constexpr flowc::Isolation kIsolation = flowc::Isolation::chain;
#else
constexpr flowc::Isolation kIsolation = flowc::Isolation::serializable;
#endif
#endif

class World {
public:
#if defined(LADDER_LOCAL)
  explicit World(int argc, char **argv)
      : rt_(flowc::LocalOptions{.workers = workers(argc, argv), .isolation = kIsolation}) {}
#elif defined(LADDER_MPI)
  // Ranks other than 0 serve inside rt_'s constructor and end there.
  explicit World(int &argc, char **&argv)
      : rt_(argc, argv, flowc::MpiOptions{.workers = workers(argc, argv), .isolation = kIsolation}) {}
#else
  World(int, char **) {}
#endif

  template <class E, class... A> Ref<E> make(A &&...args) {
#if defined(LADDER_RUNTIME)
    Ref<E> ref = rt_.template create<E>(std::forward<A>(args)...).get();
#elif defined(LADDER_EXECUTOR)
    Ref<E> ref = executor_.create<E>(std::forward<A>(args)...);
#else
    auto owned = std::make_shared<E>(std::forward<A>(args)...);
    Ref<E> ref(owned.get());
    owned_.push_back(std::move(owned));
#endif
    states_.push_back([this, ref]() -> std::function<std::string()> {
#if defined(LADDER_RUNTIME)
      // Every state is asked for before the first answer is awaited.
      auto bytes = std::make_shared<std::future<std::string>>(rt_.state(ref));
      return [ref, bytes] { return show(ref) + " " + hex(bytes->get()); };
#else
      return [line = show(ref) + " " + hex(state(ref))] { return line; };
#endif
    });
#if !defined(LADDER_EXECUTOR) && !defined(LADDER_RUNTIME) && !defined(LADDER_CHAIN)
    undo_.push_back([ref]() -> std::function<void()> {
      E &object = *flowc::Access::object(ref);
      flowc::Writer w;
      flowc::Access::Of<E>::write_state(w, object);
      return [&object, saved = w.take()] {
        flowc::Reader r(saved);
        flowc::Access::Of<E>::read_state(r, object);
      };
    });
#endif
    return ref;
  }

  // Before a call: what puts every entity back as it is now, if it throws.
  std::function<void()> save() {
    std::vector<std::function<void()>> restores;
    for (const auto &saver : undo_)
      restores.push_back(saver());
    return [restores] {
      for (const auto &restore : restores)
        restore();
    };
  }

  template <auto Method, class E, class... A> auto call(const Ref<E> &ref, A &&...args) {
#if defined(LADDER_RUNTIME)
    return rt_.template call<Method>(ref, std::forward<A>(args)...).get();
#elif defined(LADDER_EXECUTOR)
    return executor_.call<Method>(ref, std::forward<A>(args)...);
#else
    return (flowc::Access::object(ref)->*Method)(std::forward<A>(args)...);
#endif
  }

#if !defined(LADDER_RUNTIME)
  // The entity's encoded state.
  template <class E> std::string state(const Ref<E> &ref) {
    flowc::Writer w;
#if defined(LADDER_EXECUTOR)
    flowc::Access::Of<E>::write_state(w, executor_.get(ref));
#else
    flowc::Access::Of<E>::write_state(w, *flowc::Access::object(ref));
#endif
    return w.take();
  }
#endif

  void print_states() const {
    std::vector<std::function<std::string()>> lines;
    for (const auto &state : states_)
      lines.push_back(state());
    for (const auto &line : lines)
      std::printf("  %s\n", line().c_str());
  }

private:
  [[maybe_unused]] static unsigned workers(int argc, char **argv) {
    return argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 1u;
  }

#if defined(LADDER_LOCAL)
  flowc::LocalRuntime rt_;
#elif defined(LADDER_MPI)
  flowc::MpiRuntime rt_;
#elif defined(LADDER_EXECUTOR)
  flowc::Executor executor_{flowc::Executor::Options{.isolation = kIsolation}};
#else
  std::vector<std::shared_ptr<void>> owned_;
#endif
  // Per entity: reads its state now, prints it when called (a runtime's
  // answer may still be on its way).
  std::vector<std::function<std::function<std::string()>()>> states_;
  std::vector<std::function<std::function<void()>()>> undo_; // direct, atomic
};

World *the_world = nullptr;

// Runs one call, prints its result (or what it threw) and every state.
template <auto Method, class E, class... A>
void step(const char *name, const Ref<E> &ref, A &&...args) {
  World &world = *the_world;
  std::printf("%s %s -> ", name, show(ref).c_str());
  std::function<void()> undo = world.save();
  try {
    using R = decltype(world.call<Method>(ref, std::forward<A>(args)...));
    if constexpr (std::is_void_v<R>) {
      world.call<Method>(ref, std::forward<A>(args)...);
      std::printf("void\n");
    } else {
      std::printf("%s\n", show(world.call<Method>(ref, std::forward<A>(args)...)).c_str());
    }
  } catch (const std::exception &e) {
    std::printf("threw: %s\n", e.what());
    undo();
  }
  world.print_states();
}
#define STEP(method, ...) step<&method>(#method, __VA_ARGS__)

} // namespace

int main(int argc, char **argv) {
  World world(argc, argv);
  the_world = &world;
  Ref<Counter> a = world.make<Counter>("a", 1);
  Ref<Counter> b = world.make<Counter>("b", 5);
  Ref<Counter> c = world.make<Counter>("c", 0);
  Ref<Counter> s = world.make<Counter>("s", 0);

  Ref<Flow> flow = world.make<Flow>(1);
  STEP(Flow::watch, flow, a);
  STEP(Flow::watch, flow, b);
  STEP(Flow::watch, flow, c);
  STEP(Flow::name, flow, std::string("alpha"), a);
  STEP(Flow::name, flow, std::string("be"), b);
  STEP(Flow::straight, flow, a);
  for (int x : {-4, 1, 50, 60, 2})
    STEP(Flow::branches, flow, x, b);
  STEP(Flow::for_loop, flow, 0, c);
  STEP(Flow::for_loop, flow, 12, c);
  STEP(Flow::over_state, flow);
  STEP(Flow::over_param, flow, std::vector<std::string>{"x", "yy", "zzz"}, c);
  STEP(Flow::over_param, flow, std::vector<std::string>{}, c);
  STEP(Flow::over_local, flow, a);
  STEP(Flow::over_call, flow, b);
  STEP(Flow::over_named, flow);
  STEP(Flow::while_loop, flow, b);
  STEP(Flow::do_loop, flow, c);
  STEP(Flow::do_cond, flow, b);
  STEP(Flow::early, flow, 30, a);
  for (int k : {0, 1, 2, 3})
    STEP(Flow::switched, flow, k, c);
  for (int i = 0; i < 3; ++i)
    STEP(Flow::switch_on_call, flow, a);
  STEP(Flow::nested, flow, 6, a, b);
  STEP(Flow::nested, flow, 20, c, b);
  STEP(Flow::for_calls, flow, b, c);
  STEP(Flow::with_inits, flow, c);
  STEP(Flow::with_inits, flow, c);
  STEP(Flow::cond_vars, flow, a);
  STEP(Flow::cond_vars, flow, b);
  STEP(Flow::cond_vars, flow, c);
  STEP(Flow::grid, flow, std::vector<std::vector<int>>{{1, 2}, {}, {3}}, c);
  STEP(Flow::void_arms, flow, true, a, b);
  STEP(Flow::void_arms, flow, false, a, b);

  Ref<Exprs> ex = world.make<Exprs>("ex");
  STEP(Exprs::set_picks, ex, a, b);
  STEP(Exprs::as_argument, ex, a, b);
  for (int x : {-1, 0, 1, 3, 4, 6, 11})
    STEP(Exprs::short_circuit, ex, x, a, b);
  for (int x : {-2, 1, 4, 5})
    STEP(Exprs::conditional, ex, x, a, b);
  STEP(Exprs::in_return, ex, c);
  STEP(Exprs::discarded, ex, c);
  STEP(Exprs::compound, ex, c);
  STEP(Exprs::sequenced, ex, s);
  STEP(Exprs::two_calls, ex, a, b);
  STEP(Exprs::in_declarations, ex, c);
  STEP(Exprs::in_conditions, ex, s);
  STEP(Exprs::defaults, ex, a);
  STEP(Exprs::throws, ex, a);
  STEP(Exprs::objects, ex, c);
  STEP(Exprs::braced, ex, b);
  STEP(Exprs::temporaries, ex, b);
  Ref<Places> pl = world.make<Places>("pl");
  STEP(Places::right_first, pl, std::string("t"), a, b);
  STEP(Places::call_object, pl, a, b);
  STEP(Places::operator_object, pl, a, b);
  STEP(Places::subscripts, pl, a, b);
  STEP(Places::arguments, pl, a, b);
  STEP(Places::braced, pl, a, b);
  STEP(Places::braced_return, pl, a, b);
  STEP(Places::allocated, pl, a, b);
  for (int v : {1, 3})
    STEP(Places::thrown, pl, v, a, b);
  STEP(Places::initializers, pl, a, b);
  STEP(Places::caught, pl, 3, a);
  STEP(Places::caught, pl, 4, a);
  STEP(Places::range_and_body, pl, a, b);
  STEP(Places::state_objects, pl, a, b);
  STEP(Places::state_objects, pl, b, a);

  std::vector<Ref<Node>> nodes;
  for (int i = 0; i < 5; ++i)
    nodes.push_back(world.make<Node>(i, i * 3 + 1));
  for (int i = 0; i + 1 < 5; ++i)
    STEP(Node::link, nodes[i], nodes[i + 1]);
  STEP(Node::sum, nodes[0]);
  STEP(Node::sum, nodes[3]);
  STEP(Node::weighted, nodes[0], 3);
  STEP(Node::fib, nodes[0], 9, nodes[1]);
  STEP(Node::fact, nodes[2], 10);
  STEP(Node::path, nodes[1]);
  STEP(Node::walk, nodes[0]);
  STEP(Node::walk, nodes[4]);
  STEP(Node::second, nodes[2]);
  STEP(Node::second, nodes[3]);
  STEP(Node::last, nodes[1]);

  Ref<Account> acct = world.make<Account>("ann", 500);
  Ref<Auditor> aud = world.make<Auditor>(7);
  STEP(Account::audit, acct, aud);
  STEP(Account::ping, acct, aud, 5);
  STEP(Account::during, acct, aud);
  STEP(Auditor::inspect, aud, acct, 3);
  STEP(Account::by_reference, acct, std::string("fees"), std::vector<int>{3, 4}, aud);
  STEP(Account::by_reference, acct, std::string(), std::vector<int>{}, aud);
  STEP(Account::by_rvalue, acct, std::string("moved"), aud);

  Ref<Store> store = world.make<Store>("st");
  STEP(Store::locals, store, a);
  STEP(Store::collect, store,
       Batch{"in", {{1, 2, "p"}, {3, 4, "q"}}, {{"w", 1}}, std::nullopt}, b);
  STEP(Store::group, store, std::map<std::string, Ref<Counter>>{{"a", a}, {"c", c}}, 2);
  STEP(Store::maybe, store, std::optional<Point>(), a);
  STEP(Store::maybe, store, std::optional<Point>(Point{5, 6, "m"}), a);
  STEP(Store::tuple_out, store, c);
  STEP(Store::pairs_by_value, store,
       std::vector<std::pair<int, std::string>>{{1, "one"}, {2, "two"}, {3, "six"}}, c);
  STEP(Store::tally_twice, store, std::vector<std::string>{"x", "y", "x"}, a, b);
  STEP(Store::constants, store, s);
  STEP(Store::constants, store, s);

  Ref<Shelf> shelf = world.make<Shelf>("sh");
  STEP(Shelf::over_bits, shelf, std::vector<bool>{true, false, true, true}, a);
  STEP(Shelf::over_bits, shelf, std::vector<bool>{}, b);
  STEP(Shelf::over_set, shelf, std::set<int>{5, 1, 3}, a);
  STEP(Shelf::over_set, shelf, std::set<int>{9, 2, 7, 4}, b);
  STEP(Shelf::over_set, shelf, std::set<int>{}, c);
  STEP(Shelf::over_list, shelf, c);
  STEP(Shelf::over_deque, shelf, a);
  STEP(Shelf::over_deque, shelf, b);
  STEP(Shelf::over_array, shelf,
       std::array<std::pair<int, std::string>, 3>{{{1, "x"}, {2, "yy"}, {3, ""}}}, c);
  STEP(Shelf::regroup, shelf, std::multiset<int>{4, 1, 4, 7, 2},
       std::unordered_set<std::string>{"7", "9"}, a);
  STEP(Shelf::over_unordered, shelf, c);
  STEP(Shelf::over_call, shelf, b);
  STEP(Shelf::over_forward, shelf, std::forward_list<int>{3, 50, 7}, a);
  STEP(Shelf::over_forward, shelf, std::forward_list<int>{}, b);
  STEP(Shelf::over_pairs, shelf,
       std::unordered_multimap<int, int>{{1, 5}, {2, 6}, {1, 7}, {1, 8}, {3, 9}}, c);
  STEP(Shelf::first_of, shelf, 1, a);
  STEP(Shelf::first_of, shelf, 4, a);
  STEP(Shelf::over_bag, shelf,
       std::unordered_multiset<std::string>{"a", "bb", "a", "ccc", "bb", "dddddd"}, 2, b);
  STEP(Shelf::over_bin, shelf,
       Shelf::Bin{{4, 5}, {"t", "t", "uu"}, {{"x", 2}, {"yy", 3}, {"x", 4}}}, c);
  STEP(Shelf::first_of, shelf, 3, a);

  Ref<Names> names = world.make<Names>("n");
  Ref<Counter> ten = world.make<Counter>("ten", 10);
  STEP(Names::swap, names, ten);
  STEP(Names::swap, names, ten);
  STEP(Names::taken, names, ten);

  Ref<Exits> ex2 = world.make<Exits>("ex");
  STEP(Exits::walk, ex2, std::int64_t{2}, std::string("xyz"), ex2);
  STEP(Exits::walk, ex2, std::int64_t{0}, std::string("xyz"), ex2);
  STEP(Exits::walk, ex2, std::int64_t{3}, std::string(""), ex2);
  STEP(Exits::return_param, ex2, std::vector<int>{1, 2, 7, 9}, a);
  STEP(Exits::return_param, ex2, std::vector<int>{1}, a);
  STEP(Exits::return_local, ex2, 4, b);
  STEP(Exits::return_local, ex2, 1, b);
  STEP(Exits::break_local, ex2, c);
  STEP(Exits::continue_map, ex2, std::map<std::string, int>{{"a", 4}, {"bb", 5}, {"c", 6}}, a);
  STEP(Exits::break_binding, ex2, b);
  STEP(Exits::throw_member, ex2, 4, c);
  STEP(Exits::throw_member, ex2, 20, c);
  STEP(Exits::throw_member, ex2, 15, c);
  STEP(Exits::nested_return, ex2, std::vector<std::vector<int>>{{1, 2}, {}, {3, 4, 5}}, 4, a);
  STEP(Exits::nested_return, ex2, std::vector<std::vector<int>>{{1}}, 4, a);
  STEP(Exits::nested_break, ex2, std::set<int>{1, 2, 3, 4}, b);
  STEP(Exits::by_value, ex2, std::vector<std::string>{"a", "bc", "d"}, c);
  STEP(Exits::by_value, ex2, std::vector<std::string>{"", "q"}, c);
  STEP(Exits::over_part, ex2, std::pair<std::string, std::vector<int>>{"lbl", {3, -4, -5}}, a);
  STEP(Exits::forwarded, ex2, std::int64_t{12}, b);

  Ref<Depot> d1 = world.make<Depot>("d1", 10);
  Ref<Depot> d2 = world.make<Depot>("d2", 3);
  Ref<Depot> d3 = world.make<Depot>("d3", 40);
  Ref<Catches> ca = world.make<Catches>(7);
  STEP(Catches::first_of, ca, std::vector<Ref<Depot>>{d2, d1, d3}, 5);
  STEP(Catches::first_of, ca, std::vector<Ref<Depot>>{d2, d1}, 30);
  STEP(Catches::first_of, ca, std::vector<Ref<Depot>>{d2}, 2);
  for (int n : {2, -3, 50, 13, 99, 77})
    STEP(Catches::classes, ca, d3, n);
  STEP(Catches::unread, ca, d3, 1);
  STEP(Catches::unread, ca, d3, 35);
  STEP(Catches::unread, ca, d2, 4);
  STEP(Catches::rethrows, ca, d1, 1);
  STEP(Catches::rethrows, ca, d1, 500);
  STEP(Catches::nested, ca, d3, d2, 1);
  STEP(Catches::nested, ca, d3, d2, 2);
  STEP(Catches::nested, ca, d3, d1, 7);
  STEP(Catches::nested, ca, d2, d1, 9);
  STEP(Catches::deep, ca, d1, d3, 1);
  STEP(Catches::deep, ca, d1, d3, 400);
  STEP(Catches::deep, ca, d1, d3, -2);
  STEP(Catches::deep, ca, d1, d3, 13);
  STEP(Catches::drain, ca, d1);
  std::printf("done\n");
}
