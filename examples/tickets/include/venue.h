// venue.h - a venue with a number of free seats. customer.h includes this
// header and calls Venue's methods: each header is given to flowc, and the
// code generated for customer.h includes venue.flowc.h by itself.
#pragma once

#include <flowc/flowc.h>

#include <string>
#include <utility>

namespace tickets {

class Venue {
  FLOWC_ENTITY(Venue);

public:
  Venue(std::string name, int seats) : name_(std::move(name)), free_(seats) {}

  // Takes `n` seats if that many are free.
  bool reserve(int n) {
    if (n <= 0 || n > free_)
      return false;
    free_ -= n;
    return true;
  }
  int free_seats() const { return free_; }
  std::string name() const { return name_; }

private:
  FLOWC_KEY std::string name_;
  int free_;
};

} // namespace tickets
