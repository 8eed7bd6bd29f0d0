// errors.h - the exceptions a flowc runtime throws; all derive from flowc::Error.
//
// Each is a plain std::runtime_error with a message, so code that only knows the
// standard library still sees what went wrong. The runtime builds the messages
// (it knows the entity's type and key); these types only classify the failure
// so callers can catch the one they handle.
#pragma once

#include <stdexcept>

namespace flowc {

// Every failure the runtime reports: catch this to catch them all.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A method somewhere in the call chain threw. what() is the remote exception's
// what(), unchanged, so a client sees the same message as a direct-mode caller.
class RemoteError : public Error {
public:
  using Error::Error;
};

// call<&E::m>() named a key for which no entity was created.
class EntityNotFound : public Error {
public:
  using Error::Error;
};

// create<E>() made an entity whose key is already taken.
class EntityExists : public Error {
public:
  using Error::Error;
};

// Two call chains waited on each other; the runtime failed them instead of hanging.
class Deadlock : public Error {
public:
  using Error::Error;
};

// The durable store (LocalOptions::store) cannot be used: the folder is not a
// store, is damaged, is held by another process, or a stored state no longer
// fits the program; or a write to its log failed (the chains it carried are
// rolled back). what() names the folder and the reason.
class StoreError : public Error {
public:
  using Error::Error;
};

// Bytes that are not a valid encoding of the expected type (see codec.h):
// truncated, trailing bytes, an out-of-range tag, an overlong or overflowing
// integer, a length larger than what remains.
class DecodeError : public Error {
public:
  using Error::Error;
};

} // namespace flowc
