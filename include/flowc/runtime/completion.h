// completion.h - how a runtime hands a result back to the client that asked.
//
// A client request (create, call, state) carries a Completion; the worker
// that finishes the request calls succeed() or fail() on it once, then
// deletes it. The typed side (the promise and how to decode the bytes) is
// built in the client's template call, so the runtime library never names a
// user's types.
#pragma once

#include "flowc/runtime/detail/call_block.h"
#include "flowc/runtime/errors.h"

#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace flowc::detail {

// Why a request failed; each maps to one exception type of errors.h.
enum class Failure : std::uint8_t {
  remote,    // a method threw: RemoteError
  not_found, // EntityNotFound
  exists,    // EntityExists
  deadlock,  // Deadlock
  decode,    // DecodeError: malformed message bytes
  other,     // Error: a message no entity can serve (bad method id, ...)
  retry,     // rolled back to let an older chain proceed: the runtime runs
             // the chain again; never reaches a client
  store,     // StoreError: the durable store could not read or log a state
};

inline std::exception_ptr failure_exception(Failure kind, std::string message) {
  switch (kind) {
  case Failure::remote:
    return std::make_exception_ptr(RemoteError(std::move(message)));
  case Failure::not_found:
    return std::make_exception_ptr(EntityNotFound(std::move(message)));
  case Failure::exists:
    return std::make_exception_ptr(EntityExists(std::move(message)));
  case Failure::deadlock:
    return std::make_exception_ptr(Deadlock(std::move(message)));
  case Failure::decode:
    return std::make_exception_ptr(DecodeError(std::move(message)));
  case Failure::store:
    return std::make_exception_ptr(StoreError(std::move(message)));
  case Failure::other:
  case Failure::retry:
    break;
  }
  return std::make_exception_ptr(Error(std::move(message)));
}

class Completion {
public:
  virtual ~Completion() = default;
  // The encoded result.
  virtual void succeed(std::string bytes) noexcept = 0;
  virtual void fail(Failure kind, std::string message) noexcept = 0;

  // With a durable store, asked once before a chain (or create) that ends
  // well with `result` is logged: a record to write in the same atomic batch
  // as its states (the gateway keeps Idempotency-Key answers so). Returns
  // false for none; the key is in a space of its own, apart from entities.
  virtual bool durable_note(std::string_view result, std::string &key,
                            std::string &value) noexcept {
    static_cast<void>(result), static_cast<void>(key), static_cast<void>(value);
    return false;
  }
};

template <class T, class Decode> class Deliver;
template <class T, class Decode>
std::unique_ptr<Deliver<T, Decode>> make_deliver(Decode decode);

// Fulfils a std::promise<T> with decode(bytes); a decode that throws (a
// malformed result) fails the future with that exception instead. Made only
// by make_deliver: in a CallBlock with the promise's pieces, when blocks are
// on.
template <class T, class Decode> class Deliver final : public Completion {
public:
  std::future<T> future() { return promise_.get_future(); }

  void succeed(std::string bytes) noexcept override {
    try {
      if constexpr (std::is_void_v<T>) {
        decode_(bytes);
        promise_.set_value();
      } else {
        promise_.set_value(decode_(bytes));
      }
    } catch (...) {
      promise_.set_exception(std::current_exception());
    }
  }

  void fail(Failure kind, std::string message) noexcept override {
    promise_.set_exception(failure_exception(kind, std::move(message)));
  }

  // A Deliver is its block's first piece (CallBlock::first), unless blocks
  // are off or it needs more alignment than a block's start gives.
  static void operator delete(void *p) noexcept {
    if constexpr (in_block())
      CallBlock::of_first(p)->release();
    else
      ::operator delete(p);
  }
  static void operator delete(void *p, std::align_val_t align) noexcept {
    ::operator delete(p, align); // over-aligned: never in a block
  }

private:
  static constexpr bool in_block();
  friend std::unique_ptr<Deliver> make_deliver<T, Decode>(Decode decode);
  Deliver(Decode decode, CallBlock *block)
      : promise_(make_promise(block)), decode_(std::move(decode)) {}
  static std::promise<T> make_promise(CallBlock *block) {
    if (block == nullptr)
      return std::promise<T>();
    return std::promise<T>(std::allocator_arg, CallBlockAllocator<char>(block));
  }

  std::promise<T> promise_;
  Decode decode_;
};

template <class T, class Decode> constexpr bool Deliver<T, Decode>::in_block() {
  return CallBlock::kEnabled && alignof(Deliver) <= alignof(std::max_align_t);
}

template <class T, class Decode>
std::unique_ptr<Deliver<T, Decode>> make_deliver(Decode decode) {
  using D = Deliver<T, Decode>;
  if constexpr (!D::in_block()) {
    return std::unique_ptr<D>(::new D(std::move(decode), nullptr));
  } else {
    // The shared state and the result (with the value in it) follow.
    CallBlock *block = CallBlock::make(sizeof(D), CallBlock::pieces<T>());
    try {
      return std::unique_ptr<D>(::new (block->first())
                                    D(std::move(decode), block));
    } catch (...) {
      block->release();
      throw;
    }
  }
}

} // namespace flowc::detail
