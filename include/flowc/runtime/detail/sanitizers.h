// sanitizers.h - whether this code is built with AddressSanitizer. The
// runtime's own allocators (activation_cache.h, call_block.h) step aside
// then, so that it sees every use of memory freed to them.
#pragma once

namespace flowc::detail {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
inline constexpr bool kAddressSanitizer = __has_feature(address_sanitizer);
#else
inline constexpr bool kAddressSanitizer = false;
#endif

} // namespace flowc::detail
