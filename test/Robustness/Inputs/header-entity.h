// An entity whose method is defined in a source file (out-of-file-method.cpp).
#pragma once
#include <flowc/flowc.h>
class Item {
  FLOWC_ENTITY(Item);
public:
  int price() const { return 1; }
  int total(flowc::Ref<Item> other);
private:
  FLOWC_KEY int id_ = 0;
};
