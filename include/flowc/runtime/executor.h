// executor.h - runs generated entities deterministically on one thread.
//
// The Executor owns its entities in memory and runs each client call as one
// call chain to completion: the caller's Activation suspends at a remote call,
// the callee's runs (on the same thread, depth first, exactly where a direct
// call would run), its result resumes the caller. Callbacks into an entity
// that is waiting on a call re-enter it as they would in plain C++. It is the
// reference the concurrent runtimes are tested against, and what tests use to
// check that generated state machines behave like the plain classes:
//
//   flowc::Executor ex;
//   auto book = ex.create<shop::Item>("book", 10);
//   bool ok = ex.call<&shop::User::buy_item>(alice, 2, book);
//   const shop::Item &item = ex.get(book);
//
// Every suspended frame is encoded and decoded again before it resumes (set
// Options::roundtrip_frames to false to skip), so a frame that is not plain
// data, or a lowering that keeps something outside the frame, shows up here.
//
// A chain that fails is rolled back, as a serializable runtime rolls it back:
// each entity it ran a non-const method on gets back the state it had before
// (saved through the generated state codec when the chain first changed it).
// With Options::isolation = Isolation::chain, changes made before a failure
// stay, as they do on a runtime in that mode.
#pragma once

#include "flowc/runtime/access.h"
#include "flowc/runtime/completion.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/entity_table.h"
#include "flowc/runtime/errors.h"
#include "flowc/runtime/isolation.h"

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowc {

class Executor {
public:
  struct Options {
    bool roundtrip_frames = true;
    // Calls nested deeper than this fail the chain (unbounded recursion
    // across entities would otherwise grow the stack of activations forever).
    std::size_t max_depth = 100000;
    Isolation isolation = Isolation::serializable;
  };

  Executor() = default;
  explicit Executor(Options options) : options_(options) {}

  // Constructs an entity; EntityExists if its key is taken.
  template <class E, class... A> Ref<E> create(A &&...args) {
    auto object = std::make_unique<E>(std::forward<A>(args)...);
    const EntityType &type = EntityTraits<E>::type();
    std::string key = EntityTraits<E>::encode_key(*object);
    if (!entities_.insert(type, key, object.get()))
      throw EntityExists(exists_message(type, key));
    object.release();
    return Access::make_ref<E>(std::move(key));
  }

  // Names an existing entity by key, without checking that it exists.
  template <class E>
  Ref<E> ref(const typename EntityTraits<E>::key_type &key) const {
    return Access::make_ref<E>(encode(key));
  }

  // Runs `ref->Method(args...)` as a call chain and returns its result.
  // Throws RemoteError when a method in the chain throws, EntityNotFound
  // when it calls a key nobody created.
  template <auto Method, class E, class... A>
  detail::value_result_of<Method> call(const Ref<E> &ref, A &&...args) {
    std::string result = run(make_call<Method>(ref, std::forward<A>(args)...));
    return decode_result<Method>(result);
  }

  // The entity a Ref names (EntityNotFound if there is none), to inspect.
  template <class E> const E &get(const Ref<E> &ref) const {
    const EntityType &type = EntityTraits<E>::type();
    std::string key = detail::key_of(ref);
    void *object = entities_.find(type, key);
    if (!object)
      throw EntityNotFound(not_found_message(type, key));
    return *static_cast<const E *>(object);
  }

  // The type-erased core: runs one call chain, returns the encoded result.
  std::string run(Outgoing call);

  // How many activation steps have run (a measure of the work done).
  std::size_t steps() const { return steps_; }

private:
  struct Pending {
    void *entity;
    std::unique_ptr<Activation> activation;
  };
  // An entity's state before the running chain first changed it.
  struct Saved {
    const EntityType *type;
    void *entity;
    std::string state;
  };
  Pending start(const Outgoing &call, std::vector<Saved> &undo);
  std::string run_chain(Outgoing call, std::vector<Saved> &undo);

  Options options_;
  EntityTable entities_;
  std::size_t steps_ = 0;
};

inline Executor::Pending Executor::start(const Outgoing &call,
                                         std::vector<Saved> &undo) {
  void *entity = entities_.find(*call.type, call.key);
  if (!entity)
    throw EntityNotFound(not_found_message(*call.type, call.key));
  const MethodInfo *method = find_method(*call.type, call.method);
  if (!method)
    throw Error(unknown_method_message(*call.type, call.method));
  Pending pending{entity, method->start(call.args)};
  if (!method->read_only && options_.isolation == Isolation::serializable) {
    bool saved = false;
    for (const Saved &s : undo)
      saved = saved || s.entity == entity;
    if (!saved)
      undo.push_back({call.type, entity, call.type->save_state(entity)});
  }
  return pending;
}

inline std::string Executor::run(Outgoing call) {
  std::vector<Saved> undo;
  try {
    return run_chain(std::move(call), undo);
  } catch (...) {
    for (const Saved &s : undo)
      s.type->load_state(s.entity, s.state);
    throw;
  }
}

inline std::string Executor::run_chain(Outgoing call, std::vector<Saved> &undo) {
  std::vector<Pending> stack;
  stack.push_back(start(call, undo));
  // A failure goes back up to the nearest caller whose call is inside a try
  // block (docs/architecture.md, "Catching a callee's failure"), failing
  // the callers on the way; with none, it ends the chain, which rolls back.
  auto failed = [&](detail::Thrown thrown, std::string what) {
    while (!stack.empty() && !stack.back().activation->catches())
      stack.pop_back();
    if (stack.empty())
      std::rethrow_exception(detail::failure_exception(
          thrown == detail::Thrown::not_found ? detail::Failure::not_found
                                              : detail::Failure::remote,
          std::move(what)));
    stack.back().activation->resume_failed(thrown, std::move(what));
  };
  for (;;) {
    Activation &top = *stack.back().activation;
    ++steps_;
    switch (top.step(stack.back().entity)) {
    case Activation::Status::suspended: {
      if (options_.roundtrip_frames)
        top.load_frame(top.save_frame());
      if (stack.size() >= options_.max_depth)
        throw RemoteError("flowc: call chain deeper than " +
                          std::to_string(options_.max_depth) + " calls");
      try {
        Pending callee = start(top.outgoing(), undo);
        stack.push_back(std::move(callee));
      } catch (const EntityNotFound &e) {
        failed(detail::Thrown::not_found, e.what());
      }
      break;
    }
    case Activation::Status::finished: {
      std::string result = std::move(top.result());
      stack.pop_back();
      if (stack.empty())
        return result;
      stack.back().activation->resume(std::move(result));
      break;
    }
    case Activation::Status::failed: {
      detail::Thrown thrown = top.thrown();
      std::string what = std::move(top.result());
      stack.pop_back();
      failed(thrown, std::move(what));
      break;
    }
    case Activation::Status::ready:
      throw Error("flowc: an activation neither suspended nor finished");
    }
  }
}

} // namespace flowc
