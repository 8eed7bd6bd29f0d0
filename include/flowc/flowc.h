// flowc.h - what users include to mark entities, keys and MapReduce functions.
//
// Without flowc this header is plain C++20 ("direct mode"): a flowc::Ref<E> wraps
// an E* and `ref->m()` calls the object directly, so entities can be unit-tested
// as ordinary classes. flowc reads the annotations below with Clang and generates
// the dataflow code; the generated code reaches private members through
// flowc::Access, which FLOWC_ENTITY befriends.
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace flowc {

// Befriended by every entity; generated code goes through it for private state.
struct Access;

// Specialized by generated code for each entity (key extraction, names).
template <class E> struct EntityTraits;


} // namespace flowc

#if defined(__clang__)
#define FLOWC_DETAIL_ANNOTATE(...) [[clang::annotate(__VA_ARGS__)]]
#else
#define FLOWC_DETAIL_ANNOTATE(...)
#endif

// First line of an entity's class body, like Qt's Q_OBJECT. Declares the marker
// type flowc looks for and checks, in any compiler, that Name is this class
// (flowc itself defines FLOWC_RUN and reports a misnamed class in its own words).
// `flowc_run_` is where generated code puts each split method's state machine:
// a member, so the user's method body keeps its meaning (implicit `this`,
// private members). It is only declared; direct mode never uses it.
// It changes no access specifier.
#define FLOWC_ENTITY(Name)                                                     \
  friend struct ::flowc::Access;                                               \
  using flowc_entity_type FLOWC_DETAIL_ANNOTATE("flowc::entity") = Name;       \
  template <class FlowcMachine> void flowc_run_(FlowcMachine &);               \
  FLOWC_DETAIL_CHECK_ENTITY(Name)                                              \
  static_assert(true)

#ifdef FLOWC_RUN
#define FLOWC_DETAIL_CHECK_ENTITY(Name)
#else
#define FLOWC_DETAIL_CHECK_ENTITY(Name)                                        \
  void flowc_entity_check_() const {                                           \
    static_assert(                                                             \
        std::is_same_v<std::remove_cvref_t<decltype(*this)>, Name>,            \
        "FLOWC_ENTITY(" #Name ") must name the class it is written in");       \
  }
#endif

// Marks the one data member that is the entity's key.
#define FLOWC_KEY FLOWC_DETAIL_ANNOTATE("flowc::key")

// Mark the map, reduce and (optional) combine function of a MapReduce job.
// The job's name travels inside the annotation: "flowc::map:wordcount".
#define FLOWC_MAP(job) FLOWC_DETAIL_ANNOTATE("flowc::map:" #job)
#define FLOWC_REDUCE(job) FLOWC_DETAIL_ANNOTATE("flowc::reduce:" #job)
#define FLOWC_COMBINE(job) FLOWC_DETAIL_ANNOTATE("flowc::combine:" #job)

namespace flowc {

// A reference to an entity. In direct mode it wraps a pointer to the object; in
// a runtime it names the entity by its encoded key instead (see EntityTraits),
// and generated code turns every `ref->m(...)` in a method into a message.
template <class E> class Ref {
public:
  Ref() = default;
  explicit Ref(E *object) : object_(object) {}

  E *operator->() const { return object_; }
  explicit operator bool() const {
    return object_ != nullptr || !key_.empty();
  }

  friend bool operator==(const Ref &a, const Ref &b) {
    return a.object_ == b.object_ && a.key_ == b.key_;
  }
  friend std::strong_ordering operator<=>(const Ref &a, const Ref &b) {
    if (auto order = a.key_ <=> b.key_; order != 0)
      return order;
    return std::compare_three_way{}(a.object_, b.object_);
  }

private:
  friend struct Access;
  E *object_ = nullptr;
  std::string key_; // the encoded key, when the entity lives in a runtime
};

// Where a map function sends its pairs. In direct mode it forwards each pair to
// any callable given at construction, e.g. a lambda collecting into a vector.
template <class K, class V> class Emitter {
public:
  // String keys are taken as views so map functions can emit slices of the line
  // without building a std::string per word.
  using key_param =
      std::conditional_t<std::is_same_v<K, std::string>, std::string_view,
                         const K &>;

  template <class Sink>
    requires(!std::is_same_v<std::remove_cvref_t<Sink>, Emitter> &&
             std::is_invocable_v<Sink &, key_param, const V &>)
  explicit Emitter(Sink &sink)
      : context_(static_cast<void *>(std::addressof(sink))),
        call_([](void *context, key_param key, const V &value) {
          (*static_cast<Sink *>(context))(key, value);
        }) {}

  void emit(key_param key, const V &value) { call_(context_, key, value); }

private:
  void *context_;
  void (*call_)(void *, key_param, const V &);
};

} // namespace flowc
