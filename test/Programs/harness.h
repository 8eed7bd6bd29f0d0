// harness.h - runs a generated entity program (gen_program.py) in one of the
// worlds of unittests/Local/worlds.h: direct mode, the Executor, or
// LocalRuntime with N workers. The program's client calls go one after
// another (each waits for its reply), so every world must print the same
// text: each call's encoded result (or the message it threw) and, after each
// call, every entity's encoded state.
//
// A call that throws fails its chain, which the runtimes roll back; in direct
// mode the harness puts back every entity's state saved before the call, so
// direct mode stays the oracle (as test/E2E/Inputs/ladder_main.cpp does).
#pragma once

#include "worlds.h"

#include <cstdio>
#include <cstring>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace fz_harness {

inline std::string hex(const std::string &bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

template <class World> class Log {
public:
  explicit Log(World &world) : world_(world) {}

  template <class E> void track(const flowc::Ref<E> &ref, std::string name) {
    states_.push_back([this, ref, name] { return name + " " + hex(world_.state(ref)); });
    if constexpr (std::is_same_v<World, local_test::DirectWorld>) {
      E *object = flowc::Access::object(ref);
      // A copy of the object, not its encoded state: decoding would turn
      // the Refs it holds (pointers in direct mode) into keys.
      undo_.push_back([object]() -> std::function<void()> {
        auto saved = std::make_shared<E>(*object);
        return [object, saved] { *object = *saved; };
      });
    }
  }

  template <auto Method, class E, class... A>
  void call(const char *label, const flowc::Ref<E> &ref, A &&...args) {
    std::printf("%s -> ", label);
    std::fflush(stdout);
    std::vector<std::function<void()>> restore;
    for (auto &saver : undo_)
      restore.push_back(saver());
    try {
      using R = flowc::detail::value_result_of<Method>;
      if constexpr (std::is_void_v<R>) {
        world_.template call<Method>(ref, std::forward<A>(args)...);
        std::printf("void\n");
      } else {
        R result = world_.template call<Method>(ref, std::forward<A>(args)...);
        std::printf("%s\n", hex(flowc::encode(result)).c_str());
      }
    } catch (const std::exception &e) {
      std::printf("threw: %s\n", e.what());
      for (auto &undo : restore)
        undo();
    }
    for (auto &state : states_)
      std::printf("  %s\n", state().c_str());
  }

  // The concurrent phase: on LocalRuntime every spawned chain is in flight
  // at once, elsewhere they run one after another. Their effects commute, so
  // join() prints the same states either way.
  template <auto Method, class E, class... A> void spawn(const flowc::Ref<E> &ref, A &&...args) {
    if constexpr (std::is_same_v<World, local_test::LocalWorld>) {
      auto future = std::make_shared<std::future<void>>(
          world_.runtime().template call<Method>(ref, std::forward<A>(args)...));
      spawned_.push_back([future] { local_test::await(std::move(*future)); });
    } else {
      world_.template call<Method>(ref, std::forward<A>(args)...);
      spawned_.push_back([] {});
    }
  }
  void join() {
    std::size_t failed = 0;
    for (auto &wait : spawned_) {
      try {
        wait();
      } catch (const std::exception &e) {
        ++failed;
        std::printf("concurrent chain threw: %s\n", e.what());
      }
    }
    std::printf("concurrent: %zu chains, %zu failed\n", spawned_.size(), failed);
    spawned_.clear();
    for (auto &state : states_)
      std::printf("  %s\n", state().c_str());
  }

private:
  World &world_;
  std::vector<std::function<void()>> spawned_;
  std::vector<std::function<std::string()>> states_;
  std::vector<std::function<std::function<void()>()>> undo_; // direct mode only
};

// main() of a generated program: `prog direct|executor|local1|local2|local4`.
template <class Program> int run(int argc, char **argv, Program program) {
  const char *mode = argc > 1 ? argv[1] : "direct";
  if (!std::strcmp(mode, "direct")) {
    local_test::DirectWorld world;
    Log<local_test::DirectWorld> log(world);
    program(world, log);
  } else if (!std::strcmp(mode, "executor")) {
    local_test::ExecutorWorld world;
    Log<local_test::ExecutorWorld> log(world);
    program(world, log);
  } else if (!std::strncmp(mode, "local", 5)) {
    unsigned workers = static_cast<unsigned>(std::atoi(mode + 5));
    local_test::LocalWorld world(
        flowc::LocalOptions{.workers = workers, .roundtrip_frames = workers == 2});
    Log<local_test::LocalWorld> log(world);
    program(world, log);
  } else {
    std::fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  std::printf("done\n");
  return 0;
}

} // namespace fz_harness
