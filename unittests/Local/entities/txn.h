// txn.h - entities for the transaction tests (TransactionTest.cpp): chains
// that change several cells and then fail (at their end, in their deepest
// call, or on a missing cell); a cell that holds its worker inside a chain so that a test can look
// at the other entities of that chain meanwhile; a ring of cells that chains
// walk round from different starts, re-entering cells.
#pragma once
#include <flowc/flowc.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace txn {

// Defined by the tests: blocks the worker that calls it until the test lets
// it go (returns at once once let go).
void hold_point(int id);
// The same, declared not to throw: code after a remote call that calls it
// still lets that call be the method's last (docs/ir.md, `last`).
inline void hold_point_noexcept(int id) noexcept { hold_point(id); }

class Cell {
  FLOWC_ENTITY(Cell);

public:
  Cell(std::string id, long value) : id_(std::move(id)), value_(value) {}

  long value() const { return value_; }
  std::vector<std::string> history() const { return history_; }

  // Changes this cell, then throws `fail` unless it is empty.
  void add(long amount, std::string fail) {
    value_ += amount;
    history_.push_back("add " + std::to_string(amount));
    if (!fail.empty())
      throw std::runtime_error(fail);
  }

  // Changes this cell, then `b`, then `c`, then throws `fail` unless empty.
  long spread(flowc::Ref<Cell> b, flowc::Ref<Cell> c, long amount, std::string fail) {
    value_ += amount;
    history_.push_back("spread " + std::to_string(amount));
    b->add(amount, std::string());
    c->add(amount, std::string());
    if (!fail.empty())
      throw std::runtime_error(fail);
    return value_;
  }

  // Changes this cell, then `next`, which changes `last`, which throws
  // `fail` unless it is empty: the failure comes from the deepest call.
  long relay(flowc::Ref<Cell> next, flowc::Ref<Cell> last, long amount, std::string fail) {
    value_ += amount;
    history_.push_back("relay " + std::to_string(amount));
    next->relay_to(last, amount, fail);
    return value_;
  }
  void relay_to(flowc::Ref<Cell> last, long amount, std::string fail) {
    value_ += amount;
    history_.push_back("relay_to " + std::to_string(amount));
    last->add(amount, fail);
  }

  // Sets this cell to `first`, waits on `held` (which blocks its worker in
  // hold_point), sets it to `second`, then throws `fail` unless empty.
  long set_around(flowc::Ref<Cell> held, int hold_id, long first, long second,
                  std::string fail) {
    value_ = first;
    history_.push_back("first");
    held->hold(hold_id);
    value_ = second;
    history_.push_back("second");
    if (!fail.empty())
      throw std::runtime_error(fail);
    return value_;
  }
  void hold(int hold_id) const { hold_point(hold_id); }

  // Adds one to `other` in the method's last call (nothing after it may
  // throw), then holds this cell's worker: the chain goes on while `other`
  // is committed already. The second may throw after the call (hold_point
  // is not noexcept), so its call is not a last one.
  long add_then_hold(flowc::Ref<Cell> other, int hold_id) {
    long got = other->add_one();
    hold_point_noexcept(hold_id);
    return got;
  }
  long add_then_hold_may_throw(flowc::Ref<Cell> other, int hold_id) {
    long got = other->add_one();
    hold_point(hold_id);
    return got;
  }
  long add_one() { return ++value_; }

  // A member no other method uses: chains that only touch it do not wait
  // for chains that change the others (member locks).
  std::string note() const { return note_; }
  void set_note(std::string note) { note_ = std::move(note); }
  // Changes the note, then (through `self`, this cell) the value, which
  // throws `fail` unless it is empty: the undo copy grows member by member.
  void note_then_add(flowc::Ref<Cell> self, std::string note, long amount,
                     std::string fail) {
    note_ = std::move(note);
    self->add(amount, fail);
  }

private:
  FLOWC_KEY std::string id_;
  long value_;
  std::vector<std::string> history_;
  std::string note_;
};

// Reads two cells, then adds one to each, from a const method: the chain
// starts with shared locks and must upgrade both, the pattern that conflicts
// most under two-phase locking (two readers that both want to write).
class Auditor {
  FLOWC_ENTITY(Auditor);

public:
  explicit Auditor(int id) : id_(id) {}
  long bump(flowc::Ref<Cell> a, flowc::Ref<Cell> b) const {
    long x = a->value();
    long y = b->value();
    a->add(1, std::string());
    b->add(1, std::string());
    return x + y;
  }

private:
  FLOWC_KEY int id_;
};

// Cells in a ring (link): walk(n) adds one to this cell and walks on into the
// next cell, n calls in all, re-entering cells (its own chain's) when n is
// longer than the ring; it returns the values it saw, in order.
class Ring {
  FLOWC_ENTITY(Ring);

public:
  explicit Ring(int id) : id_(id) {}
  void link(flowc::Ref<Ring> next) { next_ = next; }
  long value() const { return value_; }

  std::vector<long> walk(int n) {
    ++value_;
    std::vector<long> seen{value_};
    if (n > 1) {
      std::vector<long> rest = next_->walk(n - 1);
      seen.insert(seen.end(), rest.begin(), rest.end());
    }
    trail_.push_back(n);
    return seen;
  }

private:
  FLOWC_KEY int id_;
  flowc::Ref<Ring> next_;
  long value_ = 0;
  std::vector<int> trail_;
};

} // namespace txn
