// layout.cpp - state layouts: encoded as a count, then each member's name and
// type as length-prefixed strings (the codec's wire primitives).
#include "layout.h"

#include "flowc/runtime/codec.h"

namespace flowc::store {

Layout layout_of(const EntityType &type) {
  Layout layout;
  for (const StateMember &member : type.layout)
    layout.push_back(Member{std::string(member.name), std::string(member.type)});
  return layout;
}

std::string encode_layout(const Layout &layout) {
  Writer w;
  w.varint(static_cast<std::uint64_t>(layout.size()));
  for (const Member &member : layout) {
    w.string(member.name);
    w.string(member.type);
  }
  return w.take();
}

Layout decode_layout(std::string_view bytes) {
  Reader r(bytes);
  auto count = r.varint<std::uint64_t>();
  Layout layout;
  for (std::uint64_t i = 0; i < count; ++i) {
    Member member;
    member.name = std::string(r.string());
    member.type = std::string(r.string());
    layout.push_back(std::move(member));
  }
  r.expect_end();
  return layout;
}

std::vector<int> translation(const Layout &stored, const Layout &current) {
  std::vector<int> map;
  for (const Member &old : stored) {
    int index = -1;
    for (std::size_t i = 0; i < current.size(); ++i)
      if (current[i].name == old.name)
        index = static_cast<int>(i);
    map.push_back(index);
  }
  return map;
}

std::optional<std::string> type_change(const Layout &stored,
                                       const Layout &current) {
  for (const Member &old : stored)
    for (const Member &now : current)
      if (now.name == old.name && now.type != old.type)
        return "member `" + now.name + "` was `" + old.type + "`, is now `" +
               now.type + "`";
  return std::nullopt;
}

} // namespace flowc::store
