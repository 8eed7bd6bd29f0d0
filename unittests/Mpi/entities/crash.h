// crash.h - an entity whose method ends its rank's process, as a crash or
// the kernel's OOM killer would.
#pragma once
#include <flowc/flowc.h>

#include <csignal>

namespace crash {

class Bomb {
  FLOWC_ENTITY(Bomb);

public:
  explicit Bomb(int id) : id_(id) {}
  int explode() {
    std::raise(SIGKILL);
    return id_;
  }

private:
  FLOWC_KEY int id_;
};

} // namespace crash
