// gate.h - what a worker keeps per entity besides the object: which call
// chain holds it, and the calls of other chains waiting their turn.
#pragma once

#include "fifo.h"
#include "message.h"

#include <cstdint>

namespace flowc::local {

struct Gate {
  void *object = nullptr;
  std::uint64_t holder = 0;  // the chain running or suspended here; 0: free
  std::uint32_t depth = 0;   // the holder's activations here (callbacks nest)
  std::uint32_t tracked = 0; // waiters in the wait-for graph
  Fifo<Message> waiting;     // calls and state reads of other chains, FIFO

  bool free() const { return holder == 0; }
};

} // namespace flowc::local
