// entity_table.h - the entities one runtime partition owns, by class and key.
//
// Objects are held as void* (the runtime never names the user's classes) and
// destroyed through their EntityType. Not thread-safe: each partition owns one.
#pragma once

#include "flowc/runtime/entity.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace flowc {

class EntityTable {
public:
  EntityTable() = default;
  EntityTable(const EntityTable &) = delete;
  EntityTable &operator=(const EntityTable &) = delete;
  ~EntityTable() {
    for (auto &[type, objects] : tables_)
      for (auto &[key, object] : objects)
        type->destroy(object);
  }

  // The entity of class `type` with encoded key `key`, or null.
  void *find(const EntityType &type, std::string_view key) const {
    auto table = tables_.find(&type);
    if (table == tables_.end())
      return nullptr;
    auto found = table->second.find(key);
    return found == table->second.end() ? nullptr : found->second;
  }

  // Takes ownership of `object` unless its key is taken (then returns false
  // and the caller still owns it).
  bool insert(const EntityType &type, std::string key, void *object) {
    return tables_[&type].try_emplace(std::move(key), object).second;
  }

  // Destroys the entity (type, key); false when there is none.
  bool erase(const EntityType &type, std::string_view key) {
    auto table = tables_.find(&type);
    if (table == tables_.end())
      return false;
    auto found = table->second.find(key);
    if (found == table->second.end())
      return false;
    type.destroy(found->second);
    table->second.erase(found);
    return true;
  }

  std::size_t size() const {
    std::size_t n = 0;
    for (const auto &[type, objects] : tables_)
      n += objects.size();
    return n;
  }

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Objects = std::unordered_map<std::string, void *, Hash, std::equal_to<>>;
  std::unordered_map<const EntityType *, Objects> tables_;
};

// How runtimes name an entity in error messages: `shop::Item "book"`.
inline std::string describe_entity(const EntityType &type, std::string_view key) {
  return std::string(type.name) + " " + type.key_text(key);
}

// The messages every runtime fails a call or create with, word for word.
inline std::string not_found_message(const EntityType &type, std::string_view key) {
  return describe_entity(type, key) + " does not exist";
}
inline std::string exists_message(const EntityType &type, std::string_view key) {
  return describe_entity(type, key) + " already exists";
}

// Method `id` of `type`, or null when a corrupt message names none.
inline const MethodInfo *find_method(const EntityType &type, std::uint32_t id) {
  return id < type.methods.size() && type.methods[id].start
             ? &type.methods[id]
             : nullptr;
}
inline std::string unknown_method_message(const EntityType &type, std::uint32_t id) {
  return "flowc: " + std::string(type.name) + " has no method #" +
         std::to_string(id);
}

} // namespace flowc
