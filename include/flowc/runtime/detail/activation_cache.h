// activation_cache.h - where activations get their memory: a small cache of
// freed blocks per thread, by size.
//
// A worker makes an activation for every call it runs and ends it a moment
// later, on its own thread, so most activations come from and go back to
// this cache without reaching malloc. It keeps at most kKeep blocks of each
// 64-byte size class up to kLargest bytes; a larger activation, and any
// block over the limit, goes to the global operator new and delete. A block
// freed on another thread than the one that made it joins that thread's
// cache. Under AddressSanitizer the cache is off, so that it still sees every
// use of an ended activation.
#pragma once

#include "flowc/runtime/detail/sanitizers.h"

#include <cstddef>
#include <cstdint>
#include <new>

namespace flowc::detail {

class ActivationCache {
public:
  // Off under AddressSanitizer, so that it sees every use of an ended
  // activation.
  static constexpr bool kEnabled = !kAddressSanitizer;

  ActivationCache() = default;
  ActivationCache(const ActivationCache &) = delete;
  ActivationCache &operator=(const ActivationCache &) = delete;
  ~ActivationCache() {
    gone() = true;
    for (Block *&head : heads_)
      while (head != nullptr) {
        Block *next = head->next;
        ::operator delete(head);
        head = next;
      }
  }

  // Whether this thread's cache was destroyed (at thread exit): an
  // activation that outlives it (one a static object owns) goes straight
  // back to operator delete.
  static bool &gone() {
    thread_local bool destroyed = false;
    return destroyed;
  }

  void *take(std::size_t size) {
    std::size_t c = size_class(size);
    if (c < kClasses && heads_[c] != nullptr) {
      Block *block = heads_[c];
      heads_[c] = block->next;
      --counts_[c];
      return block;
    }
    return ::operator new(c < kClasses ? (c + 1) * kStep : size);
  }

  void give(void *p, std::size_t size) noexcept {
    std::size_t c = size_class(size);
    if (c >= kClasses || counts_[c] >= kKeep) {
      ::operator delete(p);
      return;
    }
    heads_[c] = new (p) Block{heads_[c]};
    ++counts_[c];
  }

private:
  struct Block {
    Block *next;
  };
  static constexpr std::size_t kStep = 64, kLargest = 1024;
  static constexpr std::size_t kClasses = kLargest / kStep, kKeep = 256;
  // kClasses (none) when off.
  static std::size_t size_class(std::size_t size) {
    return !kEnabled || size == 0 ? kClasses : (size - 1) / kStep;
  }

  Block *heads_[kClasses] = {};
  std::uint32_t counts_[kClasses] = {};
};

// This thread's cache; null once it was destroyed.
inline ActivationCache *activation_cache() {
  if (ActivationCache::gone())
    return nullptr;
  thread_local ActivationCache cache;
  return &cache;
}

} // namespace flowc::detail
