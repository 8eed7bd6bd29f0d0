// registry.cpp - see registry.h.
#include "registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace flowc {

bool detail::mpi_register(const EntityType &type, const char *name,
                          MpiConstruct construct) {
  mpi::Registry::get().add(type, name, construct);
  return true;
}

bool detail::mpi_before_start(void (*hook)()) {
  mpi::Registry::get().add_hook(hook);
  return true;
}

namespace mpi {

Registry &Registry::get() {
  static Registry registry; // constructed by the first registration
  return registry;
}

void Registry::add(const EntityType &type, const char *name,
                   detail::MpiConstruct construct) {
  if (frozen_) {
    std::fprintf(stderr, "flowc: MpiRuntime: %s registered after the runtime "
                         "started (a library loaded late?)\n",
                 std::string(type.name).c_str());
    std::abort();
  }
  if (std::find(types_.begin(), types_.end(), &type) == types_.end())
    types_.push_back(&type);
  constructors_.emplace(name, construct);
}

void Registry::add_hook(void (*hook)()) { hooks_.push_back(hook); }

void Registry::freeze() {
  if (frozen_)
    return;
  for (auto hook : hooks_)
    hook();
  frozen_ = true;
  std::sort(types_.begin(), types_.end(),
            [](const EntityType *a, const EntityType *b) { return a->name < b->name; });
  for (std::uint32_t i = 0; i < types_.size(); ++i)
    ids_.emplace(types_[i], i);
}

std::int64_t Registry::id(const EntityType *type) const {
  auto found = ids_.find(type);
  return found == ids_.end() ? std::int64_t{-1} : std::int64_t{found->second};
}

const EntityType *Registry::type(std::uint64_t id) const {
  return id < types_.size() ? types_[id] : nullptr;
}

detail::MpiConstruct Registry::constructor(std::string_view name) const {
  auto found = constructors_.find(std::string(name));
  return found == constructors_.end() ? nullptr : found->second;
}

std::uint64_t Registry::fingerprint() const {
  std::vector<std::string> names;
  for (const EntityType *type : types_)
    names.emplace_back(type->name);
  for (const auto &[name, construct] : constructors_)
    names.push_back(name);
  std::sort(names.begin(), names.end());
  std::uint64_t h = 14695981039346656037ull;
  for (const std::string &name : names)
    for (unsigned char c : name + '\n')
      h = (h ^ c) * 1099511628211ull;
  return h;
}

} // namespace mpi
} // namespace flowc
