// worker_locks.cpp - Isolation::serializable: strict two-phase locking per
// entity with wound-wait (docs/architecture.md, "Transactions").
//
// A call takes a lock on its entity before it runs and the chain keeps it
// until it ends: shared for a const method while the chain has not changed
// anything, exclusive otherwise. A chain that holds a lock re-enters at once
// when its mode allows (a callback); a shared lock becomes exclusive when the
// chain is its only holder. Otherwise the call waits in the entity's queue,
// oldest chain first, and no call passes an older waiter. Conflicts are
// settled by age alone, here, from the two chains' ages: a waiter older than
// a holder "wounds" it (tells the holder's root worker); a wounded chain that
// waits anywhere, now or later, is kicked out of its queue and fails with
// Failure::retry, which rolls it back and runs it again with its age. Waits
// only go from younger to older chains for good, so there is no deadlock, and
// the oldest chain never waits for long: every chain finishes.
#include "worker.h"

#include "core.h"

#include <algorithm>

namespace flowc::local {

using detail::Failure;

namespace {

bool reader(const Gate &gate, std::uint64_t chain) {
  return std::any_of(gate.readers.begin(), gate.readers.end(),
                     [&](const Lock &lock) { return lock.chain == chain; });
}

// Whether `chain` may hold the entity in this mode, given its holders.
bool compatible(const Gate &gate, std::uint64_t chain, bool exclusive) {
  if (gate.writer.chain != 0)
    return gate.writer.chain == chain;
  if (!exclusive)
    return true;
  return gate.readers.empty() ||
         (gate.readers.size() == 1 && gate.readers.front().chain == chain);
}

bool exclusive_for(const Message &call) {
  return !call.type->methods[call.method].read_only || call.txn.writer;
}

} // namespace

void Worker::call_locked(Gate &gate, Message &message) {
  bool exclusive = exclusive_for(message);
  bool holds = gate.writer.chain == message.chain || reader(gate, message.chain);
  bool first = holds || gate.waiting.empty() ||
               gate.waiting.front().txn.age > message.txn.age;
  if (!first || !compatible(gate, message.chain, exclusive))
    return wait_locked(gate, std::move(message));
  take_lock(gate, message, exclusive);
  start_call(gate, message);
}

void Worker::take_lock(Gate &gate, Message &message, bool exclusive) {
  const std::uint64_t chain = message.chain;
  if (gate.writer.chain != chain) {
    bool was_reader = reader(gate, chain);
    if (!was_reader) {
      auto [held, fresh] = held_.try_emplace(chain);
      if (fresh && !spare_.empty()) {
        held->second = std::move(spare_.back());
        spare_.pop_back();
      }
      held->second.push_back(&gate);
      message.txn.workers |= std::uint64_t{1} << (index_ % 64);
    }
    if (exclusive) {
      gate.readers.clear(); // at most this chain's own shared lock
      gate.writer = Lock{chain, message.txn.age, false};
    } else if (!was_reader) {
      gate.readers.push_back(Lock{chain, message.txn.age, false});
    }
  }
  if (exclusive)
    message.txn.writer = true;
  // The state before the chain first changes the entity: never for a const
  // method, once per chain however often it calls.
  if (!message.type->methods[message.method].read_only && !gate.saved) {
    gate.undo = gate.type->save_state(gate.object);
    gate.saved = true;
  }
}

// Queues a call that may not run yet, wounding the younger holders it waits for.
void Worker::wait_locked(Gate &gate, Message &&message) {
  const std::uint64_t chain = message.chain;
  const std::uint64_t age = message.txn.age;
  auto wound = [&](Lock &holder) {
    if (holder.chain != chain && holder.age > age && !holder.wounded) {
      holder.wounded = true;
      notify_root(Message::Kind::wound, holder.chain);
    }
  };
  if (gate.writer.chain != 0)
    wound(gate.writer);
  else if (exclusive_for(message))
    for (Lock &holder : gate.readers)
      wound(holder);
  std::uint32_t waits = ++message.txn.waits;
  gate.waiting.insert_ordered(std::move(message), older);
  // The root learns where the chain waits, in case it is (or gets) wounded.
  notify_root(Message::Kind::waiting, chain, &gate, waits);
}

// Sends `chain`'s root worker a wound, or word of where it waits. Always a
// message, even to this worker: the root's answer may fail the chain, which
// must not happen while the caller is in the middle of a gate.
void Worker::notify_root(Message::Kind kind, std::uint64_t chain, Gate *gate,
                         std::uint32_t waits) {
  Message notice;
  notice.kind = kind;
  notice.chain = chain;
  notice.object = gate;
  notice.to.worker = index_;
  notice.txn.waits = waits;
  send(static_cast<unsigned>(chain % out_.size()), std::move(notice));
}

void Worker::on_wound(Message &message) {
  auto found = roots_.find(message.chain);
  if (found == roots_.end() || found->second.wounded)
    return; // it ended (its locks are on their way out) or knows already
  Root &root = found->second;
  root.wounded = true;
  wounds_.fetch_add(1, std::memory_order_relaxed);
  if (root.wait_gate != nullptr) {
    Message kick;
    kick.kind = Message::Kind::kick;
    kick.chain = message.chain;
    kick.object = root.wait_gate;
    send(root.wait_worker, std::move(kick));
  }
}

void Worker::on_waiting(Message &message) {
  auto found = roots_.find(message.chain);
  if (found == roots_.end())
    return;
  Root &root = found->second;
  if (message.txn.waits <= root.waits)
    return; // an older wait, overtaken by a newer one's notice
  root.waits = message.txn.waits;
  root.wait_worker = message.to.worker;
  root.wait_gate = static_cast<Gate *>(message.object);
  if (root.wounded) {
    message.kind = Message::Kind::kick;
    send(root.wait_worker, std::move(message));
  }
}

// Fails the wounded chain's call if it still waits here; if it was let in
// meanwhile, it runs on, and its next wait (if any) brings another kick.
void Worker::on_kick(Message &message) {
  Gate &gate = *static_cast<Gate *>(message.object);
  Message waiter;
  if (!gate.waiting.remove_first(
          [&](const Message &m) {
            return m.kind == Message::Kind::call && m.chain == message.chain;
          },
          waiter))
    return;
  fail(waiter, Failure::retry,
       "flowc: rolled back to let an older call chain proceed");
  released_.push_back(&gate); // those behind it may go now
}

// Ends `chain`'s hold on every entity of this worker: commits, or restores
// what it changed. The gates are admitted from afterwards (admit_released).
void Worker::release(std::uint64_t chain, bool commit) {
  auto held = held_.find(chain);
  if (held == held_.end())
    return;
  for (Gate *gate : held->second) {
    if (gate->writer.chain == chain) {
      if (!commit && gate->saved)
        gate->type->load_state(gate->object, gate->undo);
      gate->writer = Lock{};
      gate->saved = false;
      gate->undo.clear();
    } else {
      std::erase_if(gate->readers,
                    [&](const Lock &lock) { return lock.chain == chain; });
    }
    released_.push_back(gate);
  }
  held->second.clear();
  spare_.push_back(std::move(held->second));
  held_.erase(held);
}

// Lets waiters in at every gate that changed, until none is left. A call let
// in may end its chain and release more; they join the list.
void Worker::admit_released() {
  while (!released_.empty()) {
    Gate *gate = released_.back();
    released_.pop_back();
    admit_locked(*gate);
  }
}

// Oldest first, while the oldest waiter's mode fits the holders.
void Worker::admit_locked(Gate &gate) {
  while (!gate.waiting.empty()) {
    Message &next = gate.waiting.front();
    if (next.kind == Message::Kind::state) {
      if (gate.writer.chain != 0)
        return;
      Message read = gate.waiting.pop_front();
      serve_state(gate, read);
      continue;
    }
    bool exclusive = exclusive_for(next);
    if (!compatible(gate, next.chain, exclusive))
      return;
    Message call = gate.waiting.pop_front();
    take_lock(gate, call, exclusive);
    start_call(gate, call);
  }
}

} // namespace flowc::local
