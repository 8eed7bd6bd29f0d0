// bank.h - bench/durable's one entity (bench/bank's account), as a user writes it:
// an account that debits itself, then waits on the deposit into the other.
#pragma once
#include <flowc/flowc.h>

#include <string>

namespace bank {

class Account {
  FLOWC_ENTITY(Account);

public:
  Account(std::string id, long balance) : id_(std::move(id)), balance_(balance) {}

  long balance() const { return balance_; }
  void deposit(long amount) { balance_ += amount; }

  // Refuses (false) when the balance is short; otherwise takes the money off
  // first and then calls `to`. A chain that fails on that call after the
  // debit loses the money, unless the runtime rolls the chain back.
  bool transfer(long amount, flowc::Ref<Account> to) {
    if (amount > balance_)
      return false;
    balance_ -= amount;
    to->deposit(amount);
    return true;
  }

private:
  FLOWC_KEY std::string id_;
  long balance_;
};

} // namespace bank
