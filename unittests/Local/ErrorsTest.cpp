// ErrorsTest.cpp - failures reach the client as the right exception with the
// right message, undo the chain's changes (Isolation::serializable) or leave
// those made before them (Isolation::chain), release every entity of the
// chain, and never stop the runtime: method exceptions, missing entities,
// duplicate keys, malformed messages, runaway recursion.
#include "bank.flowc.h"
#include "faults.flowc.h"
#include "programs.flowc.h"
#include "worlds.h"

#include <gtest/gtest.h>

#include <random>

namespace {

using faults::Faulty;
using local_test::await;

class LocalErrors
    : public ::testing::TestWithParam<std::tuple<unsigned, flowc::Isolation>> {
protected:
  flowc::LocalOptions options() const {
    return flowc::LocalOptions{.workers = std::get<0>(GetParam()),
                               .isolation = std::get<1>(GetParam())};
  }
  // Whether a failed chain keeps what it changed before it failed.
  bool keeps() const { return std::get<1>(GetParam()) == flowc::Isolation::chain; }
  flowc::Executor::Options executor_options() const {
    return flowc::Executor::Options{.isolation = std::get<1>(GetParam())};
  }
};

template <class T> std::string failure_of(std::future<T> future) {
  try {
    await(std::move(future));
  } catch (const std::exception &e) {
    return e.what();
  }
  return "(no failure)";
}

TEST_P(LocalErrors, ExceptionFailsTheWholeChain) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Faulty>(1));
  auto b = await(rt.create<Faulty>(2));
  auto relay = rt.call<&Faulty::relay>(a, b, std::string("kaput"));
  try {
    await(std::move(relay));
    ADD_FAILURE() << "no exception";
  } catch (const flowc::RemoteError &e) {
    EXPECT_STREQ(e.what(), "kaput");
  }
  // What ran before the throw was undone (or stays, in chain mode); what
  // came after it did not run.
  const int before = keeps() ? 1 : 0;
  EXPECT_EQ(await(rt.call<&Faulty::calls>(a)), before);
  EXPECT_EQ(await(rt.call<&Faulty::calls>(b)), before);
  // Both entities were released.
  EXPECT_EQ(await(rt.call<&Faulty::relay>(a, b, std::string())), before + 2);
  EXPECT_THROW(await(rt.call<&Faulty::boom>(b, std::string("again"))), flowc::RemoteError);
}

TEST_P(LocalErrors, MissingEntities) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Faulty>(1));
  auto nobody = rt.ref<Faulty>(99);
  try {
    await(rt.call<&Faulty::calls>(nobody));
    ADD_FAILURE() << "no exception";
  } catch (const flowc::EntityNotFound &e) {
    EXPECT_STREQ(e.what(), "faults::Faulty 99 does not exist");
  }
  // Deep in a chain, the same error, and the caller is released.
  EXPECT_EQ(failure_of(rt.call<&Faulty::ask>(a, nobody)), "faults::Faulty 99 does not exist");
  EXPECT_THROW(await(rt.call<&Faulty::ask>(a, nobody)), flowc::EntityNotFound);
  // Re-enters itself; the failed asks counted a's call in chain mode only.
  EXPECT_EQ(await(rt.call<&Faulty::ask>(a, a)), keeps() ? 3 : 1);
  EXPECT_EQ(failure_of(rt.state(nobody)), "faults::Faulty 99 does not exist");
}

// A method that catches its callee's failure goes on, and its chain commits
// with what the callee changed before it threw, on the runtime as on the
// Executor; a missing callee is an EntityNotFound it can catch.
TEST_P(LocalErrors, CaughtFailuresLetTheChainCommit) {
  flowc::LocalRuntime rt(options());
  flowc::Executor ex(executor_options());
  auto a = await(rt.create<Faulty>(1));
  auto b = await(rt.create<Faulty>(2));
  auto ea = ex.create<Faulty>(1);
  auto eb = ex.create<Faulty>(2);
  EXPECT_EQ(await(rt.call<&Faulty::try_boom>(a, b, std::string("kaput"))), -1);
  EXPECT_EQ(ex.call<&Faulty::try_boom>(ea, eb, std::string("kaput")), -1);
  EXPECT_EQ(await(rt.call<&Faulty::calls>(a)), 1);
  EXPECT_EQ(await(rt.call<&Faulty::calls>(b)), 1);
  EXPECT_EQ(await(rt.call<&Faulty::log>(a)), std::vector<long>{5});
  EXPECT_EQ(ex.get(ea).calls() + ex.get(eb).calls(), 2);
  EXPECT_EQ(ex.get(ea).log(), std::vector<long>{5});
  EXPECT_EQ(await(rt.call<&Faulty::try_boom>(a, b, std::string())), 2);

  auto nobody = rt.ref<Faulty>(99);
  EXPECT_EQ(await(rt.call<&Faulty::ask_or>(a, nobody, 7)), 7);
  EXPECT_EQ(ex.call<&Faulty::ask_or>(ea, ex.ref<Faulty>(99), 7), 7);
  EXPECT_EQ(await(rt.call<&Faulty::ask_or>(a, b, 7)), 2);
  EXPECT_EQ(await(rt.call<&Faulty::calls>(a)), 4);
}

TEST_P(LocalErrors, DuplicateKeys) {
  flowc::LocalRuntime rt(options());
  auto first = await(rt.create<bank::Account>("x", 10));
  try {
    await(rt.create<bank::Account>("x", 20));
    ADD_FAILURE() << "no exception";
  } catch (const flowc::EntityExists &e) {
    EXPECT_STREQ(e.what(), "bank::Account \"x\" already exists");
  }
  EXPECT_EQ(await(rt.call<&bank::Account::balance>(first)), 10);
}

TEST_P(LocalErrors, ConstructorExceptionsReachTheFuture) {
  flowc::LocalRuntime rt(options());
  EXPECT_EQ(failure_of(rt.create<Faulty>(-1)), "negative id");
  EXPECT_THROW(await(rt.create<Faulty>(-1)), std::invalid_argument);
  EXPECT_EQ(await(rt.call<&Faulty::calls>(await(rt.create<Faulty>(1)))), 0);
}

TEST_P(LocalErrors, MalformedMessages) {
  flowc::LocalRuntime rt(options());
  auto a = await(rt.create<Faulty>(1));
  auto b = await(rt.create<Faulty>(2));
  flowc::Outgoing good = flowc::make_call<&Faulty::relay>(a, b, std::string());

  flowc::Outgoing truncated = good;
  truncated.args.pop_back();
  EXPECT_THROW(await(rt.run(truncated)), flowc::DecodeError);

  flowc::Outgoing trailing = good;
  trailing.args += '\0';
  EXPECT_THROW(await(rt.run(trailing)), flowc::DecodeError);

  flowc::Outgoing no_method = good;
  no_method.method = 99;
  try {
    await(rt.run(no_method));
    ADD_FAILURE() << "no exception";
  } catch (const flowc::DecodeError &) {
    ADD_FAILURE() << "not a decoding error";
  } catch (const flowc::Error &e) {
    EXPECT_STREQ(e.what(), "flowc: faults::Faulty has no method #99");
  }

  flowc::Outgoing bad_key = good;
  bad_key.key = "\x05" "ab"; // says 5 bytes, has 2
  EXPECT_EQ(failure_of(rt.run(bad_key)), "faults::Faulty (malformed key) does not exist");

  // None of these ran anything or held anything.
  EXPECT_EQ(await(rt.call<&Faulty::calls>(a)), 0);
  EXPECT_EQ(flowc::decode<int>(await(rt.run(good))), 2);
}

// Random argument bytes: the runtime agrees with the Executor on every one
// (the same DecodeError, or the same result and state), and keeps serving.
TEST_P(LocalErrors, FuzzedArgumentsBehaveAsOnTheExecutor) {
  flowc::LocalRuntime rt(options());
  flowc::Executor ex(executor_options());
  auto local_ledger = await(rt.create<programs::Ledger>("l"));
  auto exec_ledger = ex.create<programs::Ledger>("l");
  std::mt19937 random(7);
  int decoded = 0;
  std::vector<std::string> seeds = {
      flowc::encode_all(std::map<std::string, std::vector<programs::Entry>>{
          {"a", {programs::Entry{"m", 5, 1, {2, "o"}}}}}),
      flowc::encode_all(std::string("acct"), programs::Entry{"memo", -9, {}, {0, "z"}})};
  for (int i = 0; i < 400; ++i) {
    std::uint32_t method = i % 2 == 0 ? flowc::MethodTraits<&programs::Ledger::add_all>::id
                                      : flowc::MethodTraits<&programs::Ledger::add>::id;
    std::string args = seeds[i % 2];
    switch (random() % 3) { // flip bytes, cut, or append
    case 0:
      for (int k = 0; k < 3; ++k)
        args[random() % args.size()] = static_cast<char>(random());
      break;
    case 1:
      args.resize(random() % args.size());
      break;
    default:
      args += static_cast<char>(random());
    }
    flowc::Outgoing call{&flowc::EntityTraits<programs::Ledger>::type(),
                         flowc::encode(std::string("l")), method, args};
    std::string expected;
    try {
      expected = "ok " + ex.run(call);
      ++decoded;
    } catch (const flowc::DecodeError &e) {
      expected = std::string("DecodeError ") + e.what();
    }
    std::string got;
    try {
      got = "ok " + await(rt.run(call));
    } catch (const flowc::DecodeError &e) {
      got = std::string("DecodeError ") + e.what();
    }
    ASSERT_EQ(got, expected) << "case " << i;
  }
  EXPECT_GT(decoded, 0);
  EXPECT_EQ(await(rt.state(local_ledger)),
            flowc::EntityTraits<programs::Ledger>::type().save_state(&ex.get(exec_ledger)));
}

TEST_P(LocalErrors, RunawayRecursionHitsTheDepthLimit) {
  flowc::LocalOptions opts = options();
  opts.max_depth = 64;
  flowc::LocalRuntime rt(opts);
  flowc::Executor::Options limited = executor_options();
  limited.max_depth = 64;
  flowc::Executor ex(limited);
  auto a = await(rt.create<Faulty>(1));
  auto b = await(rt.create<Faulty>(2));
  auto ea = ex.create<Faulty>(1);
  auto eb = ex.create<Faulty>(2);
  std::string expected;
  try {
    ex.call<&Faulty::bounce>(ea, eb, 0);
  } catch (const flowc::RemoteError &e) {
    expected = e.what();
  }
  EXPECT_EQ(expected, "flowc: call chain deeper than 64 calls");
  EXPECT_EQ(failure_of(rt.call<&Faulty::bounce>(a, b, 0)), expected);
  EXPECT_THROW(await(rt.call<&Faulty::bounce>(b, a, 0)), flowc::RemoteError);
  EXPECT_EQ(failure_of(rt.call<&Faulty::bounce_caught>(a, b, 0)), expected);
  try {
    ex.call<&Faulty::bounce_caught>(ea, eb, 0);
    ADD_FAILURE() << "no exception";
  } catch (const flowc::RemoteError &e) {
    EXPECT_EQ(e.what(), expected);
  }
  EXPECT_EQ(await(rt.call<&Faulty::calls>(a)) + await(rt.call<&Faulty::calls>(b)),
            keeps() ? 3 * 64 : 0);
  EXPECT_EQ(ex.get(ea).calls() + ex.get(eb).calls(), keeps() ? 2 * 64 : 0);
}

INSTANTIATE_TEST_SUITE_P(Workers, LocalErrors,
                         ::testing::Combine(::testing::Values(1u, 2u, 4u),
                                            ::testing::Values(flowc::Isolation::serializable,
                                                              flowc::Isolation::chain)));

} // namespace
