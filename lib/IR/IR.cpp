// IR.cpp - small queries over the IR.
#include "IR/IR.h"

namespace flowc::ir {

const Entity *Module::findEntity(const std::string &qualified_name) const {
  for (const Entity &entity : entities)
    if (entity.qualified_name == qualified_name)
      return &entity;
  return nullptr;
}

} // namespace flowc::ir
