// qualified_main.cpp - runs every method of qualified.h in direct mode and,
// built with QUALIFIED_EXECUTOR, through the generated state machines on
// flowc::Executor (which encodes and decodes every suspended frame), with
// QUALIFIED_LOCAL on flowc::LocalRuntime (`qualified_main [workers]`) and with
// QUALIFIED_MPI on flowc::MpiRuntime (under mpirun; rank 0 prints), printing
// each result and the entities' states (on the runtimes, rt.state's bytes);
// qualified-types.test diffs the runs.
// It is compiled outside namespace qualified, with no using-directive, so a
// generated type spelled without its namespace does not compile.
#include "qualified.flowc.h"

#if defined(QUALIFIED_EXECUTOR)
#include <flowc/runtime/executor.h>
#elif defined(QUALIFIED_LOCAL)
#include <flowc/runtime/local.h>
#elif defined(QUALIFIED_MPI)
#include <flowc/runtime/mpi.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

std::string hex(const std::string &bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

#if defined(QUALIFIED_LOCAL) || defined(QUALIFIED_MPI)
#ifdef QUALIFIED_LOCAL
std::unique_ptr<flowc::LocalRuntime> rt;
#else
std::unique_ptr<flowc::MpiRuntime> rt;
#endif
template <class E, class... A> flowc::Ref<E> make(A &&...args) {
  return rt->create<E>(std::forward<A>(args)...).get();
}
template <auto Method, class E> auto call(const flowc::Ref<E> &ref, flowc::Ref<qualified::Peer> peer) {
  return rt->call<Method>(ref, peer).get();
}
template <class E> std::string state(const flowc::Ref<E> &ref) { return hex(rt->state(ref).get()); }
#elif defined(QUALIFIED_EXECUTOR)
flowc::Executor executor;
template <class E, class... A> flowc::Ref<E> make(A &&...args) {
  return executor.create<E>(std::forward<A>(args)...);
}
template <auto Method, class E> auto call(const flowc::Ref<E> &ref, flowc::Ref<qualified::Peer> peer) {
  return executor.call<Method>(ref, peer);
}
template <class E> const E &get(const flowc::Ref<E> &ref) { return executor.get(ref); }
#else
std::vector<std::shared_ptr<void>> owned;
template <class E, class... A> flowc::Ref<E> make(A &&...args) {
  auto object = std::make_shared<E>(std::forward<A>(args)...);
  owned.push_back(object);
  return flowc::Ref<E>(object.get());
}
template <auto Method, class E> auto call(const flowc::Ref<E> &ref, flowc::Ref<qualified::Peer> peer) {
  return (flowc::Access::object(ref)->*Method)(peer);
}
template <class E> const E &get(const flowc::Ref<E> &ref) { return *flowc::Access::object(ref); }
#endif

#if !defined(QUALIFIED_LOCAL) && !defined(QUALIFIED_MPI)
template <class E> std::string state(const flowc::Ref<E> &ref) {
  flowc::Writer w;
  flowc::Access::Of<E>::write_state(w, get(ref));
  return hex(w.take());
}
#endif

std::string show(const std::string &s) { return "\"" + s + "\""; }
template <class T> std::string show(T v) { return std::to_string(v); }

} // namespace

// The call runs first; then the states are read.
#define STEP(method)                                                                   \
  do {                                                                                 \
    std::string result = show(call<&qualified::Probe::method>(probe, peer));           \
    std::printf("%s -> %s\n  probe %s\n  peer %s\n", #method, result.c_str(),        \
                state(probe).c_str(), state(peer).c_str());                            \
  } while (false)

int main([[maybe_unused]] int argc, [[maybe_unused]] char **argv) {
  [[maybe_unused]] unsigned workers = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 1u;
#if defined(QUALIFIED_LOCAL)
  rt = std::make_unique<flowc::LocalRuntime>(flowc::LocalOptions{.workers = workers});
#elif defined(QUALIFIED_MPI)
  // Ranks other than 0 serve here and end.
  rt = std::make_unique<flowc::MpiRuntime>(argc, argv, flowc::MpiOptions{.workers = workers});
#endif
  flowc::Ref<qualified::Peer> peer = make<qualified::Peer>("p", 2);
  flowc::Ref<qualified::Probe> probe = make<qualified::Probe>("q");
  STEP(binding);
  STEP(binding_of_enum);
  STEP(binding_of_call);
  STEP(binding_of_struct);
  STEP(aliases);
  STEP(nested);
  STEP(enums_and_structs);
  STEP(temporaries);
  STEP(tinted);
  STEP(nested_in_templates);
  STEP(member_alias);
  STEP(binding_of_binding);
  std::printf("done\n");
#if defined(QUALIFIED_LOCAL) || defined(QUALIFIED_MPI)
  rt.reset(); // MpiRuntime: ends the job
#endif
  return 0;
}
