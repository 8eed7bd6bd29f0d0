// bank_ledger.h - reading a store dump's bank accounts back, and the check
// the crash tests make after every kill (CrashTest.cpp, and the MPI one in
// unittests/Mpi/DurableTest.cpp): money conserved, no transfer applied in
// part, nothing acknowledged lost, nothing applied twice.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace durable_test {

// A dump line ("account NAME BALANCE TRANSFERS DEPOSITS", ...) in words.
inline std::vector<std::string> words(const std::string &line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
}

struct Ledger {
  int accounts = 0;
  long balance = 0, transfers = 0, deposits = 0;
};

// The accounts of `dump` whose names start with `prefix`, summed.
inline Ledger sum_accounts(const std::vector<std::string> &dump,
                           std::string_view prefix = {}) {
  Ledger sum;
  for (const std::string &line : dump) {
    std::vector<std::string> w = words(line);
    if (w.size() < 5 || w[0] != "account" || w[1].rfind(prefix, 0) != 0)
      continue;
    ++sum.accounts;
    sum.balance += std::stol(w[2]);
    sum.transfers += std::stol(w[3]);
    sum.deposits += std::stol(w[4]);
  }
  return sum;
}

// `accounts` accounts holding `money` in all; every acknowledged transfer
// applied, at most `in_flight` unanswered ones besides, none in part.
inline ::testing::AssertionResult ledger_holds(const Ledger &ledger,
                                               int accounts, long money,
                                               long acked, long in_flight) {
  if (ledger.accounts != accounts)
    return ::testing::AssertionFailure()
           << ledger.accounts << " accounts, not " << accounts;
  if (ledger.balance != money)
    return ::testing::AssertionFailure()
           << "money not conserved: " << ledger.balance << ", not " << money;
  if (ledger.transfers != ledger.deposits)
    return ::testing::AssertionFailure()
           << "a transfer applied in part: " << ledger.transfers
           << " transfers, " << ledger.deposits << " deposits";
  if (ledger.transfers < acked)
    return ::testing::AssertionFailure()
           << "acknowledged transfers lost: " << ledger.transfers
           << " applied, " << acked << " acknowledged";
  if (ledger.transfers > acked + in_flight)
    return ::testing::AssertionFailure()
           << "transfers applied twice: " << ledger.transfers << " applied, "
           << acked << " acknowledged, " << in_flight << " in flight";
  return ::testing::AssertionSuccess();
}

} // namespace durable_test
