// MalformedTest.cpp - malformed messages reaching a rank of a live job
// (docs/mpi.md, "Faults"): rank 0 sends rank 1 a batch that does not frame, a
// record for a worker that does not exist, an answer for no request, and
// calls whose record has a byte too many, through the runtime's own progress
// thread (lib/Runtime/Mpi/testing.h). Each is reported by the rank that
// received it (malformed.sh checks standard error); a call's chain fails at
// the client with flowc::DecodeError and is rolled back; the ranks go on and
// later chains work. Needs two ranks at least.
#include "bank.flowc.h"
#include "mpi_world.h"
#include "testing.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using bank::Account;
using flowc::Ref;
using local_test::await;

// A key, starting with `prefix`, of an account rank `rank` owns.
Ref<Account> account_on(int rank, const std::string &prefix, long balance) {
  flowc::MpiRuntime &rt = mpi_test::runtime();
  for (int n = 0;; ++n) {
    std::string key = prefix + std::to_string(n);
    if (mpi_test::rank_of(rt.ref<Account>(key)) == rank)
      return await(rt.create<Account>(key, balance));
  }
}

std::string framed(const std::string &body) {
  std::string out;
  flowc::Writer w(out);
  w.varint(static_cast<std::uint64_t>(body.size()));
  w.bytes(body);
  return out;
}

#define SKIP_ON_ONE_RANK()                                                     \
  if (mpi_test::runtime().ranks() < 2)                                         \
  GTEST_SKIP() << "needs a rank to send to"

TEST(MpiMalformed, GarbageIsReportedAndDropped) {
  SKIP_ON_ONE_RANK();
  flowc::MpiRuntime &rt = mpi_test::runtime();
  Ref<Account> account = account_on(1, "garbage-", 100);

  // A length larger than what follows: the rest of the batch is dropped.
  ASSERT_TRUE(flowc::mpi::testing::send_raw_batch(1, std::string("\x09\x01", 2)));
  // A record for worker 999: nobody to answer, dropped.
  std::string body;
  flowc::Writer(body).varint(999u);
  ASSERT_TRUE(flowc::mpi::testing::send_raw_batch(1, framed(body)));
  // An answer for a client at address 1: rank 1 has no clients and passes it
  // on to rank 0, which has no such request in flight.
  std::string answer;
  flowc::Writer w(answer);
  w.varint(0xffffffffu); // for the clients (wire.h)
  w.varint(1u);
  w.byte(1);
  w.byte(0);
  w.varint(0u);
  ASSERT_TRUE(flowc::mpi::testing::send_raw_batch(1, framed(answer)));

  // The rank goes on.
  await(rt.call<&Account::deposit>(account, 5L));
  EXPECT_EQ(await(rt.call<&Account::balance>(account)), 105);
}

TEST(MpiMalformed, ClientCallFailsItsChain) {
  SKIP_ON_ONE_RANK();
  flowc::MpiRuntime &rt = mpi_test::runtime();
  Ref<Account> account = account_on(1, "client-", 100);

  ASSERT_TRUE(flowc::mpi::testing::corrupt_next_call(1));
  EXPECT_THROW(await(rt.call<&Account::deposit>(account, 5L)), flowc::DecodeError);
  EXPECT_EQ(await(rt.call<&Account::balance>(account)), 100);
  EXPECT_EQ(await(rt.call<&Account::deposits>(account)), 0);

  await(rt.call<&Account::deposit>(account, 7L));
  EXPECT_EQ(await(rt.call<&Account::balance>(account)), 107);
}

// A chain rooted on rank 0 has debited `from` when its call to `to` (rank 1)
// arrives malformed: the failure comes back to the waiting frame with the
// chain's locks, and the chain is rolled back.
TEST(MpiMalformed, CallBetweenEntitiesRollsBackItsChain) {
  SKIP_ON_ONE_RANK();
  flowc::MpiRuntime &rt = mpi_test::runtime();
  Ref<Account> from = account_on(0, "from-", 100);
  Ref<Account> to = account_on(1, "to-", 100);

  ASSERT_TRUE(flowc::mpi::testing::corrupt_next_call(1));
  EXPECT_THROW(await(rt.call<&Account::transfer>(from, 30L, to)), flowc::DecodeError);
  EXPECT_EQ(await(rt.call<&Account::balance>(from)), 100);
  EXPECT_EQ(await(rt.call<&Account::balance>(to)), 100);

  EXPECT_TRUE(await(rt.call<&Account::transfer>(from, 30L, to)));
  EXPECT_EQ(await(rt.call<&Account::balance>(from)), 70);
  EXPECT_EQ(await(rt.call<&Account::balance>(to)), 130);
  EXPECT_EQ(await(rt.call<&Account::transfers>(from)), 1);
}

} // namespace
