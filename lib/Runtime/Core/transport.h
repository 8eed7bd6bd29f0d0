// transport.h - how a runtime's core reaches workers and clients in other
// processes (docs/architecture.md, "One core, two transports").
//
// Workers of this process get their batches straight in their inboxes
// (Core::deliver); a transport carries only what goes elsewhere. LocalRuntime
// has every worker and client in one process and needs none; MpiRuntime's
// is lib/Runtime/Mpi. Both calls come from any worker thread at once.
#pragma once

#include "clients.h"
#include "message.h"

#include <vector>

namespace flowc::dataflow {

class Transport {
public:
  virtual ~Transport() = default;
  // Sends `batch`, in order, to worker `worker` of another process; leaves
  // it empty.
  virtual void send(unsigned worker, std::vector<Message> &batch) = 0;
  // Sends client answers to the process the clients are in; leaves it empty.
  virtual void answer(std::vector<Answer> &answers) = 0;
};

} // namespace flowc::dataflow
