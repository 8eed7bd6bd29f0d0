// testing.h - hooks for the MPI runtime's own tests (unittests/Mpi), to make a
// live job receive messages no correct rank sends. Not part of the API and
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

} // namespace flowc::mpi::testing
