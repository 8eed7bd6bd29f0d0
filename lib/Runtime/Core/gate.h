// gate.h - what a worker keeps per entity besides the object: which call
// chains hold it, and the calls of other chains waiting their turn.
#pragma once

#include "fifo.h"
#include "ordered_queue.h"
#include "message.h"

#include <cstdint>
#include <list>
#include <string>
#include <vector>

namespace flowc::dataflow {

// A chain's lock on an entity (Isolation::serializable): the state members
// it may have read and written there (MethodInfo::reads, bit per member).
struct Lock {
  std::uint64_t chain = 0; // 0: none
  std::uint64_t age = 0;
  bool wounded = false; // a wound was sent for it from here
  std::uint64_t reads = ~std::uint64_t{0};
  std::uint64_t writes = ~std::uint64_t{0};
};

// What a call may touch: state members, a bit each (MethodInfo::reads).
struct Access {
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
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
  Lock writer;                 // the chain that may write: one at a time
  std::vector<Lock>
      readers; // chains that only read, what the writer does not write
  // What the writer may change, as it was before: the members its methods
  // may write (`undo_members`, in order; all, from save_state, when that
  // list is empty), saved as it first reaches each (`undone`, a bit per
  // member as in MethodInfo::writes).
  std::string undo;
  std::vector<std::uint32_t> undo_members;
  std::uint64_t undone = 0;
  bool saved() const { return undone != 0; } // the writer changed it

  // With a durable store: the encoded key (for the records a chain logs),
  // the memory the entity is counted for, and its place in the worker's
  // least-recently-used list (front: used last).
  std::string key;
  std::size_t bytes = 0;
  std::list<Gate *>::iterator used;

  // Nothing holds or waits for it: it may leave memory (it is as stored).
  bool idle() const {
    return writer.chain == 0 && readers.empty() && queue.empty() && !saved();
  }
};

} // namespace flowc::dataflow
