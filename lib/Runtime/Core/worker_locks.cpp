// worker_locks.cpp - Isolation::serializable: strict two-phase locking per
// entity with wound-wait (docs/architecture.md, "Transactions").
//
// A call takes a lock on its entity before it runs and the chain keeps it
// until it ends, for the state members the method may read and write (flowc
// lists them; every member when it cannot): chains conflict only on a member
// one writes and the other uses, and one chain at a time may write. A const
// method of a chain that has changed something takes what it reads that some
// method writes as a writer (it may come back to write it, and two such
// upgrades always conflict). A chain that holds a lock re-enters at once when
// its access allows (a callback); a reader becomes the writer when nobody
// else uses what it writes. Otherwise the call waits in the entity's queue,
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

namespace flowc::dataflow {

using detail::Failure;

namespace {

Access access_for(const Message &call) {
  const MethodInfo &method = call.type->methods[call.method];
  std::uint64_t writes = method.read_only ? 0 : method.writes;
  if (call.txn.writer)
    writes |= method.reads & call.type->written;
  return {method.reads | writes, writes};
}

Lock *reader(Gate &gate, std::uint64_t chain) {
  for (Lock &lock : gate.readers)
    if (lock.chain == chain)
      return &lock;
  return nullptr;
}

// Whether another chain's lock stands in the way of `access`.
bool conflicts(const Lock &holder, const Access &access) {
  return (access.writes & (holder.reads | holder.writes)) != 0 ||
         (access.reads & holder.writes) != 0 ||
         (access.writes != 0 && holder.writes != 0);
}

// Whether `chain` may take `access` to the entity, given its holders.
inline bool compatible(const Gate &gate, std::uint64_t chain,
                       const Access &access) {
  if (gate.writer.chain != 0 && gate.writer.chain != chain &&
      conflicts(gate.writer, access))
    return false;
  for (const Lock &lock : gate.readers)
    if (lock.chain != chain && conflicts(lock, access))
      return false;
  return true;
}

} // namespace

void Worker::call_locked(Gate &gate, Message &message) {
  const Access access = access_for(message);
  if (gate.writer.chain == 0 && gate.readers.empty() && gate.queue.empty()) {
    take_lock(gate, message, access, nullptr); // free: the common case
    return start_call(gate, message);
  }
  Lock *own = gate.writer.chain == message.chain ? nullptr
                                                 : reader(gate, message.chain);
  bool holds = gate.writer.chain == message.chain || own != nullptr;
  bool first =
      holds || gate.queue.empty() || gate.queue.front_key() > message.txn.age;
  if (!first || !compatible(gate, message.chain, access))
    return wait_locked(gate, std::move(message));
  take_lock(gate, message, access, own);
  start_call(gate, message);
}

// `own` is the chain's read lock here, if it has one (and is not the writer).
void Worker::take_lock(Gate &gate, Message &message, const Access &access,
                       Lock *own) {
  const std::uint64_t chain = message.chain;
  if (gate.writer.chain == chain) {
    gate.writer.reads |= access.reads;
    gate.writer.writes |= access.writes;
  } else {
    if (own == nullptr) {
      if (message.txn.locks.empty()) { // the chain's first lock
        if (message.to.client != nullptr)
          begin_chain(message);
        if (!spare_locks_.empty()) {
          message.txn.locks = std::move(spare_locks_.back());
          spare_locks_.pop_back();
        }
      }
      message.txn.locks.push_back(Held{index_, gate.id});
    }
    if (access.writes != 0) { // now the writer, with what it read before
      std::uint64_t read = 0;
      if (own != nullptr) {
        read = own->reads;
        gate.readers.erase(gate.readers.begin() + (own - gate.readers.data()));
      }
      gate.writer = Lock{chain, message.txn.age, false, read | access.reads,
                         access.writes};
    } else if (own != nullptr) {
      own->reads |= access.reads;
    } else {
      gate.readers.push_back(
          Lock{chain, message.txn.age, false, access.reads, 0});
    }
  }
  if (access.writes != 0)
    message.txn.writer = true;
  // What the writer may change, as it was before: never for a const
  // method, each member once per chain however often it calls.
  if (!message.type->methods[message.method].read_only &&
      gate.writer.chain == chain)
    save_undo(gate, access.writes);
}

// Saves the members in `members` not saved yet (all of the state, once,
// for a class whose members the runtime cannot save one by one).
void Worker::save_undo(Gate &gate, std::uint64_t members) {
  const EntityType &type = *gate.type;
  if (members == 0 || (gate.undone & members) == members)
    return;
  if (type.save_member == nullptr || type.layout.empty()) {
    gate.undo = type.save_state(gate.object);
    gate.undone = ~std::uint64_t{0};
    return;
  }
  Writer w(gate.undo);
  for (std::size_t i = 0; i < type.layout.size(); ++i) {
    std::uint64_t bit = std::uint64_t{1} << std::min<std::size_t>(i, 63);
    if ((members & bit) != 0 && (gate.undone & bit) == 0) {
      type.save_member(gate.object, w, i);
      gate.undo_members.push_back(static_cast<std::uint32_t>(i));
    }
  }
  gate.undone |= members;
}

// Queues a call that may not run yet, wounding the younger holders it waits for.
void Worker::wait_locked(Gate &gate, Message &&message) {
  const std::uint64_t chain = message.chain;
  const std::uint64_t age = message.txn.age;
  const Access access = access_for(message);
  auto wound = [&](Lock &holder) {
    if (holder.chain != chain && holder.age > age && !holder.wounded &&
        conflicts(holder, access)) {
      holder.wounded = true;
      notify_root(Message::Kind::wound, holder.chain);
    }
  };
  if (gate.writer.chain != 0)
    wound(gate.writer);
  for (Lock &holder : gate.readers)
    wound(holder);
  count(waits_);
  std::uint32_t waits = ++message.txn.waits;
  bool holds_locks = !message.txn.locks.empty();
  gate.queue.insert(message.txn.age, std::move(message));
  // The root learns where the chain waits, in case it is (or gets) wounded.
  // A chain that holds no lock cannot be wounded while it waits (wounds go
  // to holders), nor hold anyone up: it needs no notice.
  if (holds_locks)
    notify_root(Message::Kind::waiting, chain, &gate, waits);
}

// Tells `chain`'s root worker of a wound, or of where the chain waits. The
// root only records it and may send a kick, so when the root is this worker
// it is done at once; a kick is always a message (it fails a call, which must
// not happen while the caller is in the middle of a gate).
void Worker::notify_root(Message::Kind kind, std::uint64_t chain, Gate *gate,
                         std::uint32_t waits) {
  unsigned root = static_cast<unsigned>(chain % out_.size());
  if (root == index_) {
    if (kind == Message::Kind::wound)
      return wounded(chain);
    return waits_at(chain, index_, gate->id, waits);
  }
  Message notice;
  notice.kind = kind;
  notice.chain = chain;
  notice.gate = gate != nullptr ? gate->id : 0;
  notice.to.worker = index_;
  notice.txn.waits = waits;
  send(root, std::move(notice));
}

void Worker::on_wound(Message &message) { wounded(message.chain); }

void Worker::on_waiting(Message &message) {
  waits_at(message.chain, message.to.worker, message.gate, message.txn.waits);
}

void Worker::wounded(std::uint64_t chain) {
  Root *found = roots_.find(chain);
  if (found == nullptr || found->wounded)
    return; // it ended (its locks are on their way out) or knows already
  Root &root = *found;
  root.wounded = true;
  count(wounds_);
  if (root.waits != 0)
    kick(chain, root.wait_worker, root.wait_gate);
}

void Worker::waits_at(std::uint64_t chain, unsigned worker, std::uint32_t gate,
                      std::uint32_t waits) {
  Root *found = roots_.find(chain);
  if (found == nullptr)
    return;
  Root &root = *found;
  if (waits <= root.waits)
    return; // an older wait, overtaken by a newer one's notice
  root.waits = waits;
  root.wait_worker = worker;
  root.wait_gate = gate;
  if (root.wounded)
    kick(chain, worker, gate);
}

void Worker::kick(std::uint64_t chain, unsigned worker, std::uint32_t gate) {
  Message kick;
  kick.kind = Message::Kind::kick;
  kick.chain = chain;
  kick.gate = gate;
  send(worker, std::move(kick));
}

// Fails the wounded chain's call if it still waits here; if it was let in
// meanwhile, it runs on, and its next wait (if any) brings another kick.
void Worker::on_kick(Message &message) {
  Gate *at = gate_at(message);
  if (at == nullptr)
    return;
  Gate &gate = *at;
  Message waiter;
  if (!gate.queue.remove_first(
          [&](const Message &m) {
            return m.kind == Message::Kind::call && m.chain == message.chain;
          },
          waiter))
    return;
  fail(waiter, Failure::retry,
       "flowc: rolled back to let an older call chain proceed");
  released_.push_back(&gate); // those behind it may go now
}

// Ends `chain`'s lock on the entity: commits, or restores what it changed.
// Waiters are let in afterwards (admit_released), not from inside a call.
void Worker::release(Gate &gate, std::uint64_t chain, bool commit) {
  if (gate.writer.chain == chain) {
    if (!commit && gate.saved()) {
      if (gate.undo_members.empty()) {
        gate.type->load_state(gate.object, gate.undo);
      } else {
        Reader r(gate.undo);
        for (std::uint32_t member : gate.undo_members)
          gate.type->load_member(gate.object, r, member);
      }
    }
    gate.writer = Lock{};
    gate.undo.clear();
    gate.undo_members.clear();
    gate.undone = 0;
  } else {
    std::erase_if(gate.readers,
                  [&](const Lock &lock) { return lock.chain == chain; });
  }
  released_.push_back(&gate);
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
  while (!gate.queue.empty()) {
    Message &next = gate.queue.front();
    if (next.kind == Message::Kind::state) {
      if (gate.writer.chain != 0)
        return;
      Message read = gate.queue.pop_front();
      serve_state(gate, read);
      continue;
    }
    const Access access = access_for(next);
    if (!compatible(gate, next.chain, access))
      return;
    Message call = gate.queue.pop_front();
    take_lock(gate, call, access,
              gate.writer.chain == call.chain ? nullptr
                                              : reader(gate, call.chain));
    start_call(gate, call);
  }
}

} // namespace flowc::dataflow
