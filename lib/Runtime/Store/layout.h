// layout.h - an entity type's state layout as a durable store records it
// (member names and types, as the IR spells them), and how a state written
// under an older layout is read by the program's current one.
#pragma once

#include "flowc/runtime/entity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::store {

struct Member {
  std::string name;
  std::string type;
  bool operator==(const Member &) const = default;
};
using Layout = std::vector<Member>;

Layout layout_of(const EntityType &type);
std::string encode_layout(const Layout &layout);
// Throws DecodeError on malformed bytes.
Layout decode_layout(std::string_view bytes);

// For each member of `stored`, its index in `current`, or -1 when the
// current program dropped it.
std::vector<int> translation(const Layout &stored, const Layout &current);

// The first member whose type differs between the two layouts, as
// "member `m` was `int`, is now `long`", or nothing.
std::optional<std::string> type_change(const Layout &stored,
                                       const Layout &current);

} // namespace flowc::store
