// worker_gates.cpp - one call chain at a time per entity: waiting in the
// entity's queue, passing the entity to the next waiter, and failing chains
// that wait on each other (by the wait-for graph, or by the timeout).
#include "worker.h"

#include "core.h"

#include <algorithm>

namespace flowc::dataflow {

using detail::Failure;

namespace {
std::string deadlock_message(const Message &waiter) {
  return "flowc: deadlock: the call to " +
         describe_entity(*waiter.type, waiter.key) +
         " waits for a call chain that waits for this one";
}
} // namespace

// Queues a call (or state read) behind the chain that holds the entity.
void Worker::wait(Gate &gate, Message &&message) {
  count(waits_);
  if (track_waits_ && message.to.from_entity()) {
    if (detect_) {
      victims_.clear();
      if (!core_.graph.wait(message.chain, gate.holder, {index_, gate.id},
                            victims_)) {
        for (const WaitGraph::Victim &victim : victims_) {
          Message abort;
          abort.kind = Message::Kind::abort;
          abort.chain = victim.chain;
          abort.gate = victim.place.gate;
          send(victim.place.worker, std::move(abort));
        }
        return fail(message, Failure::deadlock, deadlock_message(message));
      }
    }
    message.tracked = true;
    if (timeout_.count() > 0) {
      message.since = Clock::now();
      if (contended_.empty())
        next_expiry_ = message.since + timeout_;
      if (gate.tracked == 0)
        contended_.push_back(&gate);
    }
    ++gate.tracked;
  }
  gate.waiting.push_back(std::move(message));
}

void Worker::leave(Gate &gate) {
  if (--gate.depth == 0)
    gate.holder = 0;
}

// Lets waiters in, oldest first, until one holds the entity (suspended on a
// remote call) or none is left.
void Worker::admit(Gate &gate) {
  bool passed = false;
  while (gate.free() && !gate.waiting.empty()) {
    Message next = gate.waiting.pop_front();
    if (next.tracked) {
      --gate.tracked;
      if (detect_ && core_.graph.stop_waiting(next.chain)) {
        fail(next, Failure::deadlock, deadlock_message(next));
        continue;
      }
    }
    if (next.kind == Message::Kind::state) {
      serve_state(gate, next);
      continue;
    }
    start_call(gate, next);
    passed = true;
  }
  if (passed && detect_ && gate.tracked > 0 && !gate.free()) {
    // Those still waiting now wait for the new holder.
    retargeted_.clear();
    for (const Message &waiter : gate.waiting)
      if (waiter.tracked)
        retargeted_.push_back(waiter.chain);
    core_.graph.retarget(retargeted_, gate.holder);
  }
}

// A chain of a cycle another worker found: fail it unless its entity has
// already let it in (and failed it then).
void Worker::on_abort(Message &message) {
  Gate *at = gate_at(message);
  if (at == nullptr)
    return;
  Gate &gate = *at;
  Message waiter;
  if (!gate.waiting.remove_first(
          [&](const Message &m) { return m.tracked && m.chain == message.chain; },
          waiter))
    return;
  --gate.tracked;
  core_.graph.stop_waiting(waiter.chain);
  fail(waiter, Failure::deadlock, deadlock_message(waiter));
  admit(gate);
}

// The fallback: fail tracked waiters that waited longer than the timeout.
void Worker::expire_waits(Clock::time_point now) {
  std::sort(contended_.begin(), contended_.end());
  contended_.erase(std::unique(contended_.begin(), contended_.end()),
                   contended_.end());
  auto late = [&](const Message &m) { return m.tracked && m.since + timeout_ <= now; };
  for (Gate *gate : contended_) {
    Message waiter;
    bool expired = false;
    while (gate->tracked > 0 && gate->waiting.remove_first(late, waiter)) {
      --gate->tracked;
      if (detect_)
        core_.graph.stop_waiting(waiter.chain);
      fail(waiter, Failure::deadlock,
           "flowc: deadlock: the call to " +
               describe_entity(*waiter.type, waiter.key) + " waited more than " +
               std::to_string(core_.options.deadlock_timeout.count()) +
               " ms for another call chain");
      expired = true;
    }
    if (expired)
      admit(*gate);
  }
  std::erase_if(contended_, [](const Gate *gate) { return gate->tracked == 0; });
  // Check again after a fraction of the timeout: a wait fails at most
  // that much later than the timeout says.
  next_expiry_ = now + std::max<Clock::duration>(timeout_ / 8,
                                                 std::chrono::milliseconds(1));
}

} // namespace flowc::dataflow
