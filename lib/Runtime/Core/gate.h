// gate.h - what a worker keeps per entity besides the object: which call
// chains hold it, and the calls of other chains waiting their turn.
#pragma once

#include "fifo.h"
#include "ordered_queue.h"
#include "message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowc::dataflow {

// A chain's lock on an entity (Isolation::serializable).
struct Lock {
  std::uint64_t chain = 0; // 0: none
  std::uint64_t age = 0;
  bool wounded = false; // a wound was sent for it from here
};

struct Gate {
  std::uint32_t id = 0; // its number on its worker (Held::gate)
  void *object = nullptr;
  const EntityType *type = nullptr;

  // Isolation::chain
  Fifo<Message> waiting;     // calls and state reads of other chains
  std::uint64_t holder = 0;  // the chain running or suspended here; 0: free
  std::uint32_t depth = 0;   // the holder's activations here (callbacks nest)
  std::uint32_t tracked = 0; // waiters in the wait-for graph

  bool free() const { return holder == 0; }

  // Isolation::serializable: held until the chain ends.
  OrderedQueue<Message> queue; // calls and state reads, by age
  Lock writer;               // the exclusive lock
  std::vector<Lock> readers; // the shared locks, when there is no writer
  bool saved = false;        // `undo` holds the state before the writer changed it
  std::string undo;
};

} // namespace flowc::dataflow
