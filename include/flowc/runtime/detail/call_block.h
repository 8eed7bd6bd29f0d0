// call_block.h - one allocation for what a client call makes: its
// completion, and the shared state and result of the std::promise inside it.
//
// A client call used to make three heap blocks (the completion, the
// promise's shared state, its result), each freed on another thread than
// the one that made it (the completion by a worker, the other two by the
// client when its future goes). Here the completion is placed at the start
// of a CallBlock and its promise is built with the allocator-extended
// constructor, whose allocator carves the state and the result from the
// rest of the block: one malloc and one free per call. Each piece holds a
// reference; the block goes back to operator delete with the last one,
// on whichever thread that is. A piece that does not fit (a large result
// type) comes from operator new as before. Off under AddressSanitizer, so
// that it sees every use of an ended piece.
#pragma once

#include "flowc/runtime/detail/sanitizers.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>

namespace flowc::detail {

class CallBlock {
public:
  static constexpr bool kEnabled = !kAddressSanitizer;
  // Room for the promise's pieces after the completion: libstdc++'s shared
  // state with its control block takes 56 bytes, a result 24 plus the value
  // and a flag (CallBlockTest checks that they fit).
  template <class T> static constexpr std::size_t pieces() {
    if constexpr (std::is_void_v<T>)
      return 56 + 24;
    else
      return 56 + 24 + align_up(sizeof(T) + 1, 8);
  }

  // A block with `first` bytes for the completion (its first piece, held
  // once) and `rest` more to carve.
  static CallBlock *make(std::size_t first, std::size_t rest) {
    std::size_t used = kHeader + align_up(first, alignof(std::max_align_t));
    std::size_t size = used + rest;
    return new (::operator new(size)) CallBlock(
        static_cast<std::uint32_t>(size), static_cast<std::uint32_t>(used));
  }
  void *first() { return reinterpret_cast<char *>(this) + kHeader; }
  static CallBlock *of_first(void *first) {
    return reinterpret_cast<CallBlock *>(static_cast<char *>(first) - kHeader);
  }

  // `bytes` aligned to `align` from the rest of the block, or null.
  void *carve(std::size_t bytes, std::size_t align) {
    std::size_t at = align_up(used_, align);
    if (align > alignof(std::max_align_t) || at + bytes > size_)
      return nullptr;
    used_ = static_cast<std::uint32_t>(at + bytes);
    refs_.fetch_add(1, std::memory_order_relaxed);
    return reinterpret_cast<char *>(this) + at;
  }
  bool owns(const void *p) const {
    auto *at = static_cast<const char *>(p);
    auto *self = reinterpret_cast<const char *>(this);
    return at >= self && at < self + size_;
  }
  // Drops one piece's reference; the last frees the block.
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      this->~CallBlock();
      ::operator delete(static_cast<void *>(this));
    }
  }

private:
  // `n` rounded up to a multiple of `align`.
  static constexpr std::size_t align_up(std::size_t n, std::size_t align) {
    return (n + align - 1) / align * align;
  }
  CallBlock(std::uint32_t size, std::uint32_t used)
      : size_(size), used_(used) {}
  static constexpr std::size_t kHeader = alignof(std::max_align_t);

  std::atomic<std::uint32_t> refs_{1}; // the first piece's
  std::uint32_t size_;                 // bytes, the header's included
  std::uint32_t used_;
};
static_assert(sizeof(CallBlock) <= alignof(std::max_align_t));

// Carves from a CallBlock, else uses operator new; what it hands out goes
// back to the block (a reference less) or to operator delete.
template <class T> class CallBlockAllocator {
public:
  using value_type = T;
  explicit CallBlockAllocator(CallBlock *block) noexcept : block_(block) {}
  template <class U>
  CallBlockAllocator(const CallBlockAllocator<U> &other) noexcept
      : block_(other.block()) {}

  T *allocate(std::size_t n) {
    if (void *p = block_->carve(n * sizeof(T), alignof(T)))
      return static_cast<T *>(p);
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T *p, std::size_t n) noexcept {
    if (block_->owns(p))
      block_->release();
    else
      std::allocator<T>().deallocate(p, n);
  }
  CallBlock *block() const noexcept { return block_; }

  template <class U>
  bool operator==(const CallBlockAllocator<U> &other) const noexcept {
    return block_ == other.block();
  }

private:
  CallBlock *block_;
};

} // namespace flowc::detail
