// registry.h - the entity classes and constructors every rank registered
// (include/flowc/runtime/mpi/registry.h), numbered the same way in each rank.
#pragma once

#include "flowc/runtime/mpi/registry.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flowc::mpi {

class Registry {
public:
  // The registry filled before main; numbered (sorted by name) on first use.
  static Registry &get();

  void add(const EntityType &type, const char *name,
           detail::MpiConstruct construct);

  // Numbers the classes; later registrations are refused (fatal).
  void freeze();
  // Runs `hook` first in freeze() (detail::mpi_before_start).
  void add_hook(void (*hook)());

  // A class's number, or -1 for one no create<E> registered.
  std::int64_t id(const EntityType *type) const;
  // The class with number `id`, or null.
  const EntityType *type(std::uint64_t id) const;
  // The constructor registered under `name`, or null.
  detail::MpiConstruct constructor(std::string_view name) const;
  // A digest of every name, to check that all ranks run the same program.
  std::uint64_t fingerprint() const;

private:
  bool frozen_ = false;
  std::vector<void (*)()> hooks_;
  std::vector<const EntityType *> types_;
  std::unordered_map<const EntityType *, std::uint32_t> ids_;
  std::unordered_map<std::string, detail::MpiConstruct> constructors_;
};

} // namespace flowc::mpi
