// pause.h - parks every worker of a LocalRuntime inside faults::Pauser::pause
// until the test releases them, so that the messages a test sends meanwhile
// wait in the inboxes and are handled in a known order: deterministic
// interleavings without sleeps.
#pragma once

#include <flowc/runtime/local.h>

#include <future>
#include <vector>

namespace local_test {

class ParkedWorkers {
public:
  // Returns once each worker of `runtime` is blocked in a Pauser.
  explicit ParkedWorkers(flowc::LocalRuntime &runtime);
  ~ParkedWorkers() { release(); }
  // Lets them go and waits until their pause calls have returned.
  void release();

private:
  std::vector<std::future<void>> pauses_;
  bool released_ = false;
};

} // namespace local_test
