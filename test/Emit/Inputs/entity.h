// entity.h - an entity, whose code generation is not in this version.
#pragma once
#include <flowc/flowc.h>
#include <string>
namespace shop {
class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return price_; }
private:
  FLOWC_KEY std::string id_;
  int price_ = 0;
};
} // namespace shop
