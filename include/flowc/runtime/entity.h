// entity.h - what every flowc runtime knows about an entity class, and how it
// runs one method invocation.
//
// Generated code (X.flowc.h) describes each entity with an EntityType and each
// public method with a MethodTraits specialization; runtimes never see the
// user's classes otherwise. A runtime drives a method invocation through an
// Activation: step() runs it until it makes a remote call (status suspended,
// outgoing() says whom to call with which encoded arguments) or ends (finished,
// result() holds the encoded return value; or failed, error() holds what()).
// After a suspension the runtime delivers the callee's encoded result with
// resume() and steps again; when the call is inside a try block (catches()),
// a failure of the callee is delivered with resume_failed() and thrown at the
// call in the method. Arguments, results and frames are bytes in the
// encoding of codec.h, so the same Activation serves threads and MPI ranks.
#pragma once

#include "flowc/flowc.h"
#include "flowc/runtime/codec.h"
#include "flowc/runtime/detail/activation_cache.h"
#include "flowc/runtime/detail/thrown.h"
#include "flowc/runtime/errors.h"

#include <cstdint>
#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowc {

struct EntityType;

// A remote call a suspended method waits on.
struct Outgoing {
  const EntityType *type = nullptr; // the callee's entity class
  std::string key;                  // the callee's encoded key
  std::uint32_t method = 0;         // index into type->methods
  std::string args;                 // encoded arguments
  // Once this call returns successfully, the caller ends without another
  // remote call and without anything that may throw (flowc's `last` calls,
  // docs/ir.md): a transaction rooted at the caller then cannot fail.
  bool last = false;
};

// One method invocation in progress on one entity.
class Activation {
public:
  enum class Status : std::uint8_t { ready, suspended, finished, failed };

  virtual ~Activation() = default;

  // From the thread's cache (detail/activation_cache.h): a worker makes and
  // ends one per call. Over-aligned activations bypass it.
  static void *operator new(std::size_t size) {
    detail::ActivationCache *cache = detail::activation_cache();
    return cache != nullptr ? cache->take(size) : ::operator new(size);
  }
  static void operator delete(void *p, std::size_t size) noexcept {
    if (detail::ActivationCache *cache = detail::activation_cache())
      cache->give(p, size);
    else
      ::operator delete(p);
  }
  static void *operator new(std::size_t size, std::align_val_t align) {
    return ::operator new(size, align);
  }
  static void operator delete(void *p, std::size_t size,
                              std::align_val_t align) noexcept {
    ::operator delete(p, size, align);
  }

  // Runs the method on `entity` (an object of the method's class) from its
  // start or its last suspension, until its next remote call or its end.
  // Exceptions thrown by the method end it with status failed.
  Status step(void *entity) {
    status_ = Status::ready;
    try {
      run(entity);
      if (status_ == Status::ready)
        throw Error("flowc: a method's state machine returned without "
                    "calling or finishing");
    } catch (const std::exception &e) {
      fail(e.what(), detail::classify(e));
    } catch (...) {
      fail("unknown exception", detail::Thrown::unknown);
    }
    return status_;
  }

  // The encoded result of the call this activation is suspended on.
  void resume(std::string reply) {
    reply_ = std::move(reply);
    resuming_ = true;
    reply_failed_ = false;
  }
  // Whether the call it is suspended on is inside a try block of the method:
  // then a failure of the callee goes back to it with resume_failed().
  bool catches() const { return catches_; }
  // The callee failed with an exception of class `kind` and message `what`.
  void resume_failed(detail::Thrown kind, std::string what) {
    reply_ = std::move(what);
    resuming_ = true;
    reply_failed_ = true;
    reply_thrown_ = kind;
  }

  Status status() const { return status_; }
  const Outgoing &outgoing() const { return outgoing_; }
  Outgoing &outgoing() { return outgoing_; }
  // The encoded return value (finished) or the exception's message (failed).
  std::string &result() { return result_; }
  // Failed: the class of the exception that ended it (detail/thrown.h).
  detail::Thrown thrown() const { return thrown_; }

  // The frame as bytes, and back: a suspended invocation is plain data.
  // Invocations that never suspend have no frame.
  virtual std::string save_frame() const { return {}; }
  virtual void load_frame(std::string_view) {}

protected:
  virtual void run(void *entity) = 0;

  void suspend(bool catches) {
    status_ = Status::suspended;
    catches_ = catches;
  }
  void finish_with(std::string bytes) {
    result_ = std::move(bytes);
    status_ = Status::finished;
  }
  void fail(std::string message, detail::Thrown thrown) {
    result_ = std::move(message);
    status_ = Status::failed;
    thrown_ = thrown;
  }

  Outgoing outgoing_;
  std::string reply_;
  // Resumed, and the machine has not yet taken the reply (it dispatches into
  // the try blocks around the call while this holds).
  bool resuming_ = false;
  bool reply_failed_ = false;
  detail::Thrown reply_thrown_ = detail::Thrown::unknown;

private:
  std::string result_;
  Status status_ = Status::ready;
  bool catches_ = false;
  detail::Thrown thrown_ = detail::Thrown::unknown;
};

// One public method of an entity class.
struct MethodInfo {
  std::string_view name;
  bool read_only = false;
  // A new invocation with its arguments decoded from `args` (DecodeError if
  // they are malformed).
  std::unique_ptr<Activation> (*start)(std::string_view args) = nullptr;
  // The state members the method may read and write (flowc lists them from
  // its body): bit i for member i of `EntityType::layout`, members 63 and
  // later sharing bit 63; every bit when unknown. Isolation::serializable
  // locks what a call may touch, not the whole entity.
  std::uint64_t reads = ~std::uint64_t{0};
  std::uint64_t writes = ~std::uint64_t{0};
};

// One data member of an entity's state, as the IR spells it: what a durable
// store records to read states written by an older program.
struct StateMember {
  std::string_view name;
  std::string_view type;
};

// An entity class as runtimes see it: objects are void* owned by the runtime.
struct EntityType {
  std::string_view name; // qualified, e.g. "shop::User"
  std::span<const MethodInfo> methods;
  std::string (*key)(const void *entity) = nullptr; // encoded key
  // An encoded key as text for messages: "book" or 42.
  std::string (*key_text)(std::string_view key) = nullptr;
  void (*destroy)(void *entity) = nullptr;
  // The entity's whole state, encoded member by member in declaration order.
  std::string (*save_state)(const void *entity) = nullptr;
  // Puts back a state save_state produced (how a failed chain is undone).
  void (*load_state)(void *entity, std::string_view bytes) = nullptr;

  // For durable stores (docs/durability.md): the state's members in
  // declaration order, and one member at a time (save_state's bytes are one
  // member's encoding after another, `member` indexing `layout`).
  std::span<const StateMember> layout;
  void (*save_member)(const void *entity, Writer &w, std::size_t member) = nullptr;
  void (*load_member)(void *entity, Reader &r, std::size_t member) = nullptr;
  // Value-initializes a member without a default member initializer (a
  // member the stored state lacks; one with an initializer has its value
  // from the constructor `restore` used).
  void (*reset_member)(void *entity, std::size_t member) = nullptr;
  // A new object to load a stored state into: made with the default
  // constructor (it may be private), else with the first constructor and
  // value-initialized arguments.
  void *(*restore)() = nullptr;
  // The members some non-const method may write (MethodInfo::writes).
  std::uint64_t written = ~std::uint64_t{0};
};

namespace detail {
// Every entity class of the program's generated code (each generated file
// registers its own before main): a durable store checks their layouts
// when it opens.
struct EntityRegistry {
  std::mutex mutex;
  std::vector<const EntityType *> types;
};
inline EntityRegistry &entity_registry() {
  static EntityRegistry registry;
  return registry;
}
inline bool register_entity_type(const EntityType &type) {
  EntityRegistry &registry = entity_registry();
  std::lock_guard lock(registry.mutex);
  registry.types.push_back(&type);
  return true;
}
inline std::vector<const EntityType *> registered_entity_types() {
  EntityRegistry &registry = entity_registry();
  std::lock_guard lock(registry.mutex);
  return registry.types;
}
} // namespace detail

// Specialized by generated code for every public method of every entity:
//   static constexpr std::uint32_t id;  // index in EntityType::methods
// Everything else about a method follows from its pointer's type.
template <auto Method> struct MethodTraits;

namespace detail {

template <class F> struct member_fn;
#define FLOWC_DETAIL_MEMBER_FN(QUALIFIERS, READ_ONLY)                          \
  template <class R, class E, class... P>                                      \
  struct member_fn<R (E::*)(P...) QUALIFIERS> {                                \
    using entity = E;                                                          \
    using result = R;                                                          \
    using params = std::tuple<P...>;                                           \
    using args = std::tuple<std::remove_cvref_t<P>...>;                        \
    static constexpr bool read_only = READ_ONLY;                               \
  };
FLOWC_DETAIL_MEMBER_FN(, false)
FLOWC_DETAIL_MEMBER_FN(const, true)
FLOWC_DETAIL_MEMBER_FN(noexcept, false)
FLOWC_DETAIL_MEMBER_FN(const noexcept, true)
#undef FLOWC_DETAIL_MEMBER_FN

template <auto Method> using method_fn = member_fn<decltype(Method)>;
template <auto Method> using entity_of = typename method_fn<Method>::entity;
template <auto Method> using result_of = typename method_fn<Method>::result;
// What a caller receives: a method returning `const T &` yields a T.
template <auto Method> using value_result_of = std::remove_cvref_t<result_of<Method>>;

template <auto Method>
concept entity_method = requires { MethodTraits<Method>::id; };

// Converts each argument to its parameter's type exactly as a call would
// (implicitly), then encodes it.
template <class P, class A> void write_arg(Writer &w, A &&arg) {
  const std::remove_cvref_t<P> &converted = std::forward<A>(arg);
  w.write(converted);
}
template <class... P, class... A>
void write_args(Writer &w, std::tuple<P...> *, A &&...args) {
  (write_arg<P>(w, std::forward<A>(args)), ...);
}

// Sets `out` to the entity's encoded key (into its buffer, when it fits).
template <class E> void assign_key(std::string &out, const Ref<E> &ref) {
  const std::string &key = Access::key(ref);
  if (key.empty() && Access::object(ref) != nullptr)
    out = EntityTraits<E>::encode_key(*Access::object(ref));
  else
    out.assign(key);
}
template <class E> std::string key_of(const Ref<E> &ref) {
  std::string key;
  assign_key(key, ref);
  return key;
}

} // namespace detail

// The remote call `ref->Method(args...)` as a runtime sends it, written
// into `out` (an activation's, reused call after call: its strings keep
// their buffers, so no temporary is built and moved in). Rejects, at compile
// time and in words, a method flowc did not generate code for and arguments
// the method would not accept.
template <auto Method, class E, class... A>
void fill_call(Outgoing &out, const Ref<E> &ref, A &&...args) {
  static_assert(std::is_member_function_pointer_v<decltype(Method)>,
                "flowc: call<&E::m> takes a pointer to a member function");
  using Fn = detail::method_fn<Method>;
  static_assert(std::is_same_v<E, typename Fn::entity>,
                "flowc: the Ref names another entity class than the method's");
  static_assert(detail::entity_method<Method>,
                "flowc: no generated code for this method: is its class a "
                "FLOWC_ENTITY, the method public, and X.flowc.h included?");
  static_assert(sizeof...(A) >= std::tuple_size_v<typename Fn::params>,
                "flowc: too few arguments: call<&E::m>(ref, args...) takes "
                "one argument per parameter; default arguments are filled in "
                "only by calls that flowc splits, so pass them here");
  static_assert(std::is_invocable_v<decltype(Method), E &, A...>,
                "flowc: these arguments do not match the method's parameters");
  out.type = &EntityTraits<E>::type();
  detail::assign_key(out.key, ref);
  out.method = MethodTraits<Method>::id;
  out.args.clear();
  Writer w(out.args);
  detail::write_args(w, static_cast<typename Fn::params *>(nullptr),
                     std::forward<A>(args)...);
  out.last = false;
}

// The same, as a new Outgoing.
template <auto Method, class E, class... A>
Outgoing make_call(const Ref<E> &ref, A &&...args) {
  Outgoing out;
  fill_call<Method>(out, ref, std::forward<A>(args)...);
  return out;
}

// The value a call to Method returned, from its encoded form.
template <auto Method>
detail::value_result_of<Method> decode_result(std::string_view bytes) {
  using R = detail::value_result_of<Method>;
  if constexpr (std::is_void_v<R>)
    Reader(bytes).expect_end();
  else
    return decode<R>(bytes);
}

} // namespace flowc
