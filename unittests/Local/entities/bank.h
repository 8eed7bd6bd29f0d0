// bank.h - accounts moving money between each other, for the concurrency and
// deadlock tests. Every method that waits on a remote call checks that no
// other chain touched its account meanwhile (version_), and fails the chain
// if one did.
#pragma once
#include <flowc/flowc.h>

#include <stdexcept>
#include <string>

namespace bank {

class Account {
  FLOWC_ENTITY(Account);

public:
  Account(std::string id, long balance) : id_(std::move(id)), balance_(balance) {}

  long balance() const { return balance_; }
  long transfers() const { return transfers_; }
  long deposits() const { return deposits_; }
  long acks() const { return acks_; }

  void deposit(long amount) {
    balance_ += amount;
    ++version_;
    ++deposits_;
  }

  // Takes the money off first, then waits on the deposit.
  bool transfer(long amount, flowc::Ref<Account> to) {
    if (amount > balance_)
      return false;
    balance_ -= amount;
    ++version_;
    long seen = version_;
    to->deposit(amount);
    if (version_ != seen)
      throw std::logic_error("another chain changed " + id_ + " during transfer");
    ++transfers_;
    return true;
  }

  // The same, and the receiver calls back into this account (the same chain
  // re-enters it, which must not wait).
  bool transfer_acked(long amount, flowc::Ref<Account> to) {
    if (amount > balance_)
      return false;
    balance_ -= amount;
    ++version_;
    long seen = version_;
    long acks = acks_;
    to->deposit_from(amount, flowc::Ref<Account>(this));
    if (version_ != seen)
      throw std::logic_error("another chain changed " + id_ + " during transfer");
    if (acks_ != acks + 1)
      throw std::logic_error(id_ + " missed its acknowledgement");
    ++transfers_;
    return true;
  }

  void deposit_from(long amount, flowc::Ref<Account> from) {
    balance_ += amount;
    ++version_;
    ++deposits_;
    from->ack();
  }
  void ack() { ++acks_; }

  // Deposits first, takes the money off after: a chain that fails on the
  // call (a deadlock) changes nothing, so money is conserved either way.
  bool transfer_safe(long amount, flowc::Ref<Account> to) {
    if (amount > balance_)
      return false;
    long seen = version_;
    to->deposit(amount);
    if (version_ != seen)
      throw std::logic_error("another chain changed " + id_ + " during transfer");
    balance_ -= amount;
    ++version_;
    ++transfers_;
    return true;
  }

  // transfer (when the balance allows), and then, when `fail`, throws after
  // the deposit came back: a serializable runtime rolls back both accounts.
  bool transfer_or_throw(long amount, flowc::Ref<Account> to, bool fail) {
    bool moved = false;
    if (amount <= balance_) {
      balance_ -= amount;
      ++version_;
      long seen = version_;
      to->deposit(amount);
      if (version_ != seen)
        throw std::logic_error("another chain changed " + id_ + " during transfer");
      ++transfers_;
      moved = true;
    }
    if (fail)
      throw std::runtime_error("transfer failed on purpose after the debit");
    return moved;
  }

  // Has `from` transfer to this account and fail on purpose after it: the
  // failure is caught here, so the chain commits with the transfer done.
  bool pull_caught(long amount, flowc::Ref<Account> from) {
    try {
      from->transfer_or_throw(amount, flowc::Ref<Account>(this), true);
    } catch (const std::runtime_error &) {
      return true;
    }
    return false;
  }

  // Holds this account while it calls the other one: two chains crossing
  // in opposite directions wait on each other.
  int cross(flowc::Ref<Account> other) {
    ++touches_;
    int theirs = other->touch();
    return theirs + touches_;
  }
  int touch() { return ++touches_; }
  int touches() const { return touches_; }

private:
  FLOWC_KEY std::string id_;
  long balance_;
  long version_ = 0;
  long transfers_ = 0;
  long deposits_ = 0;
  long acks_ = 0;
  int touches_ = 0;
};

} // namespace bank
