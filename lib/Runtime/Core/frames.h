// frames.h - the activations a worker has suspended on remote calls, in
// numbered slots: a call carries its caller's slot and the reply names it,
// so resuming is an index, not a lookup.
#pragma once

#include "gate.h"
#include "message.h"

#include "flowc/runtime/entity.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace flowc::dataflow {

// One method invocation on one entity, with where its result goes.
struct Frame {
  std::unique_ptr<Activation> activation;
  Gate *gate = nullptr; // its entity's
  std::uint64_t chain = 0;
  std::uint32_t depth = 0;
  bool last = false; // the root's last call (Message::last)
  ReplyTo to;
  Txn txn;
};

class Frames {
public:
  std::uint32_t put(Frame &&frame) {
    if (free_.empty()) {
      slots_.push_back(std::move(frame));
      return static_cast<std::uint32_t>(slots_.size() - 1);
    }
    std::uint32_t slot = free_.back();
    free_.pop_back();
    slots_[slot] = std::move(frame);
    return slot;
  }

  // False when the slot holds nothing (a reply nobody waits for).
  bool take(std::uint32_t slot, Frame &out) {
    if (slot >= slots_.size() || !slots_[slot].activation)
      return false;
    out = std::move(slots_[slot]);
    free_.push_back(slot);
    return true;
  }

  std::size_t suspended() const { return slots_.size() - free_.size(); }

private:
  std::vector<Frame> slots_;
  std::vector<std::uint32_t> free_;
};

} // namespace flowc::dataflow
