// pause.cpp - see pause.h; also defines the hook faults.h declares.
#include "pause.h"

#include "faults.flowc.h"
#include "worlds.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>

namespace {

struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  int parked = 0;
  unsigned long generation = 0;
};
Gate &gate() {
  static Gate g;
  return g;
}

} // namespace

void faults::pause_point(int) {
  Gate &g = gate();
  std::unique_lock lock(g.mutex);
  unsigned long generation = g.generation;
  ++g.parked;
  g.changed.notify_all();
  g.changed.wait(lock, [&] { return g.generation != generation; });
}

namespace local_test {

ParkedWorkers::ParkedWorkers(flowc::LocalRuntime &runtime) {
  // One Pauser per worker: keys are tried until each worker owns one.
  static std::atomic<int> next_key{0};
  std::set<unsigned> covered;
  std::vector<flowc::Ref<faults::Pauser>> pausers;
  while (covered.size() < runtime.workers()) {
    int key = next_key++;
    if (covered.insert(runtime.worker_of(runtime.ref<faults::Pauser>(key))).second)
      pausers.push_back(await(runtime.create<faults::Pauser>(key)));
  }
  Gate &g = gate();
  std::unique_lock lock(g.mutex);
  g.parked = 0;
  for (auto &pauser : pausers)
    pauses_.push_back(runtime.call<&faults::Pauser::pause>(pauser));
  g.changed.wait(lock, [&] { return g.parked == static_cast<int>(pausers.size()); });
}

void ParkedWorkers::release() {
  if (released_)
    return;
  released_ = true;
  {
    Gate &g = gate();
    std::lock_guard lock(g.mutex);
    ++g.generation;
    g.changed.notify_all();
  }
  for (auto &pause : pauses_)
    await(std::move(pause));
}

} // namespace local_test
