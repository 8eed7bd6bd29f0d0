// worlds.h - one program text, three ways to run it: plain C++ objects
// (direct mode), the deterministic Executor, and LocalRuntime. Programs are
// templates over the world; each records what every call returned and, at
// the end, every entity's encoded state, so runs compare byte for byte.
#pragma once

#include <flowc/runtime/executor.h>
#include <flowc/runtime/local.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace local_test {

// Plain objects called directly: the semantics every runtime must reproduce.
class DirectWorld {
public:
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    auto object = std::make_shared<E>(std::forward<A>(args)...);
    objects_.push_back(object);
    return flowc::Ref<E>(object.get());
  }
  template <auto Method, class E, class... A>
  decltype(auto) call(const flowc::Ref<E> &ref, A &&...args) {
    return (flowc::Access::object(ref)->*Method)(std::forward<A>(args)...);
  }
  template <class E> std::string state(const flowc::Ref<E> &ref) {
    return flowc::EntityTraits<E>::type().save_state(flowc::Access::object(ref));
  }

private:
  std::vector<std::shared_ptr<void>> objects_;
};

class ExecutorWorld {
public:
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    return executor_.create<E>(std::forward<A>(args)...);
  }
  template <auto Method, class E, class... A>
  auto call(const flowc::Ref<E> &ref, A &&...args) {
    return executor_.call<Method>(ref, std::forward<A>(args)...);
  }
  template <class E> std::string state(const flowc::Ref<E> &ref) {
    return flowc::EntityTraits<E>::type().save_state(&executor_.get(ref));
  }

private:
  flowc::Executor executor_;
};

// A future that does not come back within a minute is a lost reply: fail
// the test instead of hanging it (this bounds a hang, it measures nothing).
template <class T> T await(std::future<T> future) {
  if (future.wait_for(std::chrono::minutes(1)) != std::future_status::ready)
    throw std::runtime_error("no reply within a minute");
  return future.get();
}

// Runs `check` on each element of `sent` (a client's replies, or the replies
// with what it keeps beside them), in order. An exception out of `check` (a
// failed chain, a reply lost) fails the test and counts in `failures`; the
// rest are still checked.
template <class Sent, class Check>
void check_each(Sent &sent, std::atomic<long> &failures, Check check) {
  for (auto &one : sent) {
    try {
      check(one);
    } catch (const std::exception &e) {
      ++failures;
      ADD_FAILURE() << e.what();
    }
  }
}

class LocalWorld {
public:
  explicit LocalWorld(flowc::LocalOptions options) : runtime_(options) {}
  template <class E, class... A> flowc::Ref<E> create(A &&...args) {
    return await(runtime_.create<E>(std::forward<A>(args)...));
  }
  template <auto Method, class E, class... A>
  auto call(const flowc::Ref<E> &ref, A &&...args) {
    return await(runtime_.call<Method>(ref, std::forward<A>(args)...));
  }
  template <class E> std::string state(const flowc::Ref<E> &ref) {
    return await(runtime_.state(ref));
  }
  flowc::LocalRuntime &runtime() { return runtime_; }

private:
  flowc::LocalRuntime runtime_;
};

// What a program observed: each call's encoded result, each entity's state.
struct Record {
  std::vector<std::string> events;

  template <auto Method, class World, class E, class... A>
  void call(World &world, const flowc::Ref<E> &ref, A &&...args) {
    using R = flowc::detail::value_result_of<Method>;
    if constexpr (std::is_void_v<R>) {
      world.template call<Method>(ref, std::forward<A>(args)...);
      events.push_back("void");
    } else {
      R result = world.template call<Method>(ref, std::forward<A>(args)...);
      events.push_back(flowc::encode(result));
    }
  }
  template <class World, class E> void state(World &world, const flowc::Ref<E> &ref) {
    events.push_back(world.state(ref));
  }
};

} // namespace local_test
