// durability.h - how far a durable store's log goes before a chain's future
// becomes ready (docs/durability.md).
#pragma once

#include <cstdint>

namespace flowc {

enum class Durability : std::uint8_t {
  // The log is fsynced: a commit survives the machine losing power.
  sync,
  // The log is written to the operating system: a commit survives the
  // process being killed, not the machine going down.
  process,
};

} // namespace flowc
