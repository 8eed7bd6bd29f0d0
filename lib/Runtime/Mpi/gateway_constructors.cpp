// gateway_constructors.cpp - the HTTP gateway's constructors in every rank.
//
// A gateway creates entities from JSON, so no create<E>(args...) in the
// program registers E or a constructor for those argument types. Each
// generated file lists its entities and their constructors (a
// gateway::Module, registered before main in every rank alike); here they
// join the registry under names every rank computes the same way, so the rank
// that owns a key can build the entity from the encoded arguments.
#include "registry.h"

#include "flowc/runtime/gateway_api.h"

namespace flowc::mpi {

void Registry::add_gateway_constructors() {
  for (const gateway::Module *module : gateway::registry())
    for (const gateway::Entity &entity : module->entities)
      for (std::size_t i = 0; i < entity.constructors.size(); ++i)
        add(entity.type(), gateway::constructor_name(entity.route, i).c_str(),
            entity.constructors[i].construct);
}

} // namespace flowc::mpi
