// testing.h - hooks for the MPI runtime's own tests (unittests/Mpi), to make a
// live job receive messages no correct rank sends, or die at a chosen moment. Not part of the API and
// not installed; each acts on this process's running MpiRuntime (a no-op
// returning false when there is none).
#pragma once

#include <string>

namespace flowc::mpi::testing {

// Sends `bytes` to rank `to` as one batch, on the runtime's communicator with
// its batch tag, from this rank's progress thread (as a rank running another
// program, or with a bug, might).
bool send_raw_batch(int to, std::string bytes);

// The next call message this rank sends to rank `to` goes out with one byte
// more at the end of its record: the receiver reads the whole message, then
// finds a trailing byte (a DecodeError after the header, wire.h).
bool corrupt_next_call(int to);

// Two-phase commit's moments (docs/durability.md, "MPI"): this process
// kills itself (SIGKILL) when it is about to log a decision to commit (the
// chain's parts are prepared, the decision is not logged), or to commit a
// prepared part (the decision is logged). Set before the runtime is made.
void kill_before_decision();
void kill_before_part_commit();
// The next log write of this process holding a prepared part (or a decision)
// fails as an I/O error would: the chain must fail with StoreError and be
// rolled back on every rank. Set before the runtime is made.
void fail_next_prepare();
void fail_next_decision();

} // namespace flowc::mpi::testing
