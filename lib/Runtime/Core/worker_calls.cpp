// worker_calls.cpp - running calls: starting an activation on its entity,
// stepping it to its next remote call or its end, and resuming it with the
// reply. A failure anywhere fails the activation that waits on it, and so
// on up the chain to the client, releasing each entity on the way; a method
// that called inside a try block gets its callee's failure back instead
// (docs/architecture.md, "Catching a callee's failure").
#include "worker.h"

#include "core.h"

#include <string>

namespace flowc::dataflow {

using detail::Failure;

void Worker::on_call(Message &message) {
  if (message.chain == 0) // a client's call starts a chain; ids never repeat
    message.chain = new_chain();
  const EntityType &type = *message.type;
  Gate *found = nullptr;
  try {
    found = gate_of(type, message.key);
  } catch (const StoreError &e) {
    return fail(message, Failure::store, e.what());
  }
  if (found == nullptr)
    return fail(message, Failure::not_found,
                not_found_message(type, message.key));
  if (!find_method(type, message.method))
    return fail(message, Failure::other,
                unknown_method_message(type, message.method));
  Gate &gate = *found;
  if (log_ != nullptr)
    touch(gate);
  if (serializable_)
    return call_locked(gate, message);
  if (!gate.free() && gate.holder != message.chain)
    return wait(gate, std::move(message));
  start_call(gate, message);
  admit(gate);
}

// Runs a call the gate lets in: a free entity, or a callback of its holder.
void Worker::start_call(Gate &gate, Message &message) {
  std::unique_ptr<Activation> activation;
  try {
    activation = message.type->methods[message.method].start(message.bytes);
  } catch (const DecodeError &e) {
    return fail(message, Failure::decode, e.what());
  } catch (const Error &e) {
    return fail(message, Failure::other, e.what());
  } catch (const std::exception &e) {
    return fail(message, Failure::remote, e.what());
  }
  if (!serializable_) {
    if (gate.free())
      gate.holder = message.chain;
    ++gate.depth;
  }
  advance(Frame{std::move(activation), &gate, message.chain, message.depth,
                message.last, message.to, std::move(message.txn)});
}

// Steps the activation; a remote call parks it in a slot and sends the call.
void Worker::advance(Frame &&frame) {
  Activation &activation = *frame.activation;
  switch (activation.step(frame.gate->object)) {
  case Activation::Status::suspended: {
    Outgoing &out = activation.outgoing();
    if (frame.depth >= core_.options.max_depth)
      return fail(frame, Failure::remote,
                  "flowc: call chain deeper than " +
                      std::to_string(core_.options.max_depth) + " calls");
    if (out.type == nullptr)
      return fail(frame, Failure::other,
                  "flowc: a method suspended on a call to no entity class");
    if (core_.options.roundtrip_frames) {
      try {
        activation.load_frame(activation.save_frame());
      } catch (const std::exception &e) {
        return fail(frame, Failure::remote, e.what());
      }
    }
    Message call;
    call.kind = Message::Kind::call;
    call.chain = frame.chain;
    call.depth = frame.depth + 1;
    call.type = out.type;
    call.method = out.method;
    call.key = std::move(out.key);
    call.bytes = std::move(out.args);
    call.txn = std::move(frame.txn);
    call.last = out.last && frame.depth == 1;
    unsigned owner = core_.owner(call.key);
    call.to = ReplyTo{nullptr, index_, frames_.put(std::move(frame))};
    return send(owner, std::move(call));
  }
  case Activation::Status::finished:
    return finish(frame, std::move(activation.result()));
  case Activation::Status::failed: {
    detail::Thrown thrown = activation.thrown();
    return fail(frame,
                thrown == detail::Thrown::not_found ? Failure::not_found
                                                    : Failure::remote,
                std::move(activation.result()), thrown);
  }
  case Activation::Status::ready:
    break;
  }
  fail(frame, Failure::other,
       "flowc: an activation neither suspended nor finished");
}

// The chain changed this entity: its state now is its state in the chain
// unless a later activation here changes it again (and records it again).
// A failed activation's changes count too: a caller may catch the failure
// and the chain commit.
void Worker::keep_state(Frame &frame) {
  if (log_ != nullptr && frame.gate->saved() &&
      frame.gate->writer.chain == frame.chain)
    record(*frame.gate, frame.txn);
}

void Worker::finish(Frame &frame, std::string result) {
  keep_state(frame);
  if (frame.last && serializable_)
    commit_early(frame);
  answer(frame.to, frame.chain, std::move(frame.txn), true, Failure::other,
         std::move(result));
  if (!serializable_)
    leave(*frame.gate);
}

void Worker::fail(Frame &frame, Failure kind, std::string message,
                  detail::Thrown thrown) {
  keep_state(frame);
  answer(frame.to, frame.chain, std::move(frame.txn), false, kind,
         std::move(message), thrown);
  if (!serializable_)
    leave(*frame.gate);
}

// A call that fails before it runs: not found, malformed, kicked from a queue.
void Worker::fail(Message &call, Failure kind, std::string message) {
  answer(call.to, call.chain, std::move(call.txn), false, kind,
         std::move(message));
}

void Worker::on_reply(Message &message) {
  Frame frame;
  if (!frames_.take(message.to.slot, frame))
    return; // every call is answered once; nothing can be waiting for this
  Gate &gate = *frame.gate;
  frame.txn = std::move(message.txn); // the callee's: what the chain did since
  // A method's exception or a missing callee; not the runtime's own failures.
  bool catchable = (message.failure == Failure::remote &&
                    message.thrown != detail::Thrown::runtime) ||
                   message.failure == Failure::not_found;
  if (message.failed && catchable && frame.activation->catches()) {
    frame.activation->resume_failed(message.failure == Failure::not_found
                                        ? detail::Thrown::not_found
                                        : message.thrown,
                                    std::move(message.bytes));
    advance(std::move(frame));
  } else if (message.failed) {
    fail(frame, message.failure, std::move(message.bytes), message.thrown);
  } else {
    frame.activation->resume(std::move(message.bytes));
    advance(std::move(frame));
  }
  if (!serializable_)
    admit(gate);
}

} // namespace flowc::dataflow
