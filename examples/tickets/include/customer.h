// customer.h - a customer who books seats at the venues of venue.h.
#pragma once

#include "venue.h"

#include <vector>

namespace tickets {

class Customer {
  FLOWC_ENTITY(Customer);

public:
  explicit Customer(std::string name) : name_(std::move(name)) {}

  bool book(flowc::Ref<Venue> venue, int n) {
    bool ok = venue->reserve(n);
    if (ok)
      seats_ += n;
    return ok;
  }

  // The first venue, in the order given, that has `n` seats: its name, or ""
  // when none has. The loop is left at a remote call.
  std::string book_first(std::vector<flowc::Ref<Venue>> venues, int n) {
    for (const flowc::Ref<Venue> &venue : venues)
      if (venue->reserve(n)) {
        seats_ += n;
        return venue->name();
      }
    return "";
  }

  int seats() const { return seats_; }

private:
  FLOWC_KEY std::string name_;
  int seats_ = 0;
};

} // namespace tickets
