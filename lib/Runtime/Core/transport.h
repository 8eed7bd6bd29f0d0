// transport.h - how a runtime's core reaches workers and clients in other
// processes (docs/architecture.md, "One core, two transports").
//
// Workers of this process get their batches straight in their inboxes
// (Core::deliver); a transport carries only what goes elsewhere. LocalRuntime
// has every worker and client in one process and needs none; MpiRuntime's
// is lib/Runtime/Mpi. Every call may come from any thread at once.
//
// send and answer only buffer: what they buffered leaves at the next flush,
// so a worker hands over a whole round's traffic at once (and, with MPI,
// sends it from its own thread when nobody else is calling MPI: no hop
// through the progress thread).
#pragma once

#include "clients.h"
#include "message.h"

#include <vector>

namespace flowc::dataflow {

class Transport {
public:
  virtual ~Transport() = default;
  // Buffers `batch`, in order, for worker `worker` of another process;
  // leaves it empty.
  virtual void send(unsigned worker, std::vector<Message> &batch) = 0;
  // Buffers client answers for the process the clients are in; leaves it
  // empty.
  virtual void answer(std::vector<Answer> &answers) = 0;
  // What was buffered goes out: from the calling thread when `here` and the
  // transport allows it now, else soon from the transport's own.
  virtual void flush(bool here) = 0;
};

} // namespace flowc::dataflow
