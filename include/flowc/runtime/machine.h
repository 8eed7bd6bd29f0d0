// machine.h - the Activations generated code instantiates for each method.
//
// A method without remote calls runs whole: DirectCall decodes the arguments,
// calls it and encodes what it returns. A method with remote calls was lowered
// by flowc into the body of `E::flowc_run_<Machine<&E::m, Frame>>(flowc_m)`, a
// resumable state machine whose locals live in the generated Frame struct
// (a `label` and the fields flowc found live). templates/machine.mustache
// writes that body; it talks to the machine through exactly these members:
//   flowc_m.frame                        the Frame (`flowc_f` in the body)
//   flowc_m.args                         the call's arguments, read at label 0
//   flowc_m.template call<&F::g>(ref, a...)  record a remote call (then `return;`)
//   flowc_m.template call_in_try<&F::g>(ref, a...)  the same, inside a try
//                                        block: the callee's failure comes back
//   flowc_m.template call_last<&F::g>(ref, a...)  the same, for a call after
//                                        which nothing may throw (Outgoing::last)
//   flowc_m.template result<T>()         the result of that call, after resuming
//                                        (throws what the callee threw)
//   flowc_m.check()                      the same for a result nobody reads
//   flowc_m.resuming()                   resumed, the call not yet reached: a
//                                        try block dispatches to the call
//   flowc_m.finish(v) / flowc_m.finish() the method's return value (then `return;`)
//   flowc_m.bad_label()                  the frame's label names no resume point
// and flowc::detail::start/more/next/at, with which a suspending range-for
// walks its container from a position kept in the frame (range_position.h).
#pragma once

#include "flowc/runtime/detail/range_position.h"
#include "flowc/runtime/entity.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowc {

namespace detail {
// Decodes a call's arguments into `args`; the bytes must hold exactly them.
template <class Tuple> void read_args(std::string_view bytes, Tuple &args) {
  Reader r(bytes);
  std::apply([&](auto &...items) { (r.read(items), ...); }, args);
  r.expect_end();
}
} // namespace detail

// The state machine of Method over Frame (one type per method, so that
// E::flowc_run_ is specialized once for each).
template <auto Method, class Frame> class Machine final : public Activation {
  using Fn = detail::method_fn<Method>;
  using Entity = typename Fn::entity;
  using Result = typename Fn::result;

public:
  using frame_type = Frame;

  Frame frame{};
  typename Fn::args args;

  static std::unique_ptr<Activation> start(std::string_view bytes) {
    auto machine = std::make_unique<Machine>();
    detail::read_args(bytes, machine->args);
    return machine;
  }

  template <auto Callee, class E, class... A>
  void call(const Ref<E> &ref, A &&...a) {
    fill_call<Callee>(outgoing_, ref, std::forward<A>(a)...);
    suspend(false);
  }
  template <auto Callee, class E, class... A>
  void call_last(const Ref<E> &ref, A &&...a) {
    fill_call<Callee>(outgoing_, ref, std::forward<A>(a)...);
    outgoing_.last = true;
    suspend(false);
  }
  template <auto Callee, class E, class... A>
  void call_in_try(const Ref<E> &ref, A &&...a) {
    fill_call<Callee>(outgoing_, ref, std::forward<A>(a)...);
    suspend(true);
  }

  bool resuming() const { return resuming_; }
  void check() {
    resuming_ = false;
    if (reply_failed_) {
      reply_failed_ = false;
      detail::rethrow(reply_thrown_, reply_);
    }
  }
  template <class T> std::remove_cvref_t<T> result() {
    check();
    return decode<std::remove_cvref_t<T>>(reply_);
  }

  template <class V>
    requires(!std::is_void_v<Result>)
  void finish(V &&value) {
    const std::remove_cvref_t<Result> &converted = std::forward<V>(value);
    finish_with(encode(converted));
  }
  void finish()
    requires std::is_void_v<Result>
  {
    finish_with({});
  }

  [[noreturn]] void bad_label() {
    throw Error("flowc: corrupt frame: label " + std::to_string(frame.label) +
                " is no resume point of this method");
  }

  std::string save_frame() const override { return encode(frame); }
  void load_frame(std::string_view bytes) override {
    frame = decode<Frame>(bytes);
  }

private:
  void run(void *entity) override {
    Access::run(*static_cast<Entity *>(entity), *this);
  }
};

// A method that makes no remote calls: one step runs it whole.
template <auto Method> class DirectCall final : public Activation {
  using Fn = detail::method_fn<Method>;
  using Entity = typename Fn::entity;
  using Result = typename Fn::result;

public:
  typename Fn::args args;

  static std::unique_ptr<Activation> start(std::string_view bytes) {
    auto call = std::make_unique<DirectCall>();
    detail::read_args(bytes, call->args);
    return call;
  }

private:
  void run(void *entity) override {
    auto &object = *static_cast<Entity *>(entity);
    auto invoke = [&](auto &...items) -> Result {
      return (object.*Method)(std::move(items)...);
    };
    if constexpr (std::is_void_v<Result>) {
      std::apply(invoke, args);
      finish_with({});
    } else {
      const std::remove_cvref_t<Result> &value = std::apply(invoke, args);
      finish_with(encode(value));
    }
  }
};

namespace detail {

// The EntityType members that follow from E's generated traits.
template <class E> void destroy(void *entity) { delete static_cast<E *>(entity); }
template <class E> std::string key(const void *entity) {
  return EntityTraits<E>::encode_key(*static_cast<const E *>(entity));
}
template <class E> std::string key_text(std::string_view key) {
  using K = typename EntityTraits<E>::key_type;
  try {
    K value = decode<K>(key);
    if constexpr (std::is_same_v<K, std::string>)
      return "\"" + value + "\"";
    else if constexpr (std::is_same_v<K, bool>)
      return value ? "true" : "false";
    else
      return std::to_string(value);
  } catch (const DecodeError &) {
    return "(malformed key)";
  }
}
template <class E> std::string save_state(const void *entity) {
  Writer w;
  Access::Of<E>::write_state(w, *static_cast<const E *>(entity));
  return w.take();
}

// Decodes into a fresh value, then assigns: reading into a container that
// holds elements would add to them. A const member keeps its value (it
// cannot have changed), but its bytes are read past.
template <class T> void read_member(Reader &r, T &member) {
  T value{};
  r.read(value);
  member = std::move(value);
}
template <class T> void read_member(Reader &r, const T &) {
  T value{};
  r.read(value);
}
template <class E> void load_state(void *entity, std::string_view bytes) {
  Reader r(bytes);
  Access::Of<E>::read_state(r, *static_cast<E *>(entity));
  r.expect_end();
}

template <class E>
void save_member(const void *entity, Writer &w, std::size_t member) {
  Access::Of<E>::write_member(w, *static_cast<const E *>(entity), member);
}
template <class E>
void load_member(void *entity, Reader &r, std::size_t member) {
  Access::Of<E>::read_member(r, *static_cast<E *>(entity), member);
}
template <class E> void reset_member(void *entity, std::size_t member) {
  Access::Of<E>::reset_member(*static_cast<E *>(entity), member);
}
template <class T> void reset_member(T &member) { member = T{}; }
template <class T> void reset_member(const T &) {} // as constructed
template <class E> void *restore() {
  return Access::Of<E>::template restore<E>();
}

} // namespace detail

// A MethodInfo for Method run by the Activation class A, which may read and
// write the state members `reads` and `writes` (MethodInfo).
template <auto Method, class A>
constexpr MethodInfo method_info(std::string_view name,
                                 std::uint64_t reads = ~std::uint64_t{0},
                                 std::uint64_t writes = ~std::uint64_t{0}) {
  return MethodInfo{name, detail::method_fn<Method>::read_only, &A::start,
                    reads, writes};
}

} // namespace flowc
