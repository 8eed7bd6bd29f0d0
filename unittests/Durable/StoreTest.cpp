// StoreTest.cpp - LocalRuntime with a store, in this process: restart keeps
// what was committed and nothing of failed chains, keys of the store exist,
// group commit, more state than cache, checkpoints while chains run, folders
// that are not usable stores, and failed log writes.
#include "bank.flowc.h"
#include "lists.flowc.h"

#include <flowc/runtime/local.h>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using bank::Account;
using flowc::LocalOptions;
using flowc::LocalRuntime;

std::string fresh_folder(const std::string &name) {
  std::string folder = ::testing::TempDir() + "flowc-store-" + name;
  fs::remove_all(folder);
  return folder;
}

LocalOptions with_store(const std::string &folder,
                        flowc::Durability durability = flowc::Durability::process) {
  LocalOptions options{.workers = 2, .store = folder};
  options.durability = durability;
  return options;
}

// "prefix<n>", appended (GCC 12 warns wrongly about `"g" + std::to_string(n)`
// at -O3: -Wrestrict).
std::string key(const char *prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

long balance(LocalRuntime &rt, const std::string &id) {
  return rt.call<&Account::balance>(rt.ref<Account>(id)).get();
}

TEST(Store, RestartKeepsCommittedChainsOnly) {
  const std::string folder = fresh_folder("restart");
  {
    LocalRuntime rt(with_store(folder));
    auto a = rt.create<Account>("a", 100L).get();
    auto b = rt.create<Account>("b", 50L).get();
    EXPECT_TRUE(rt.call<&Account::transfer>(a, 30L, b).get());
    // Fails after the debit and the deposit: rolled back, logged nowhere.
    EXPECT_THROW(rt.call<&Account::transfer_or_throw>(a, 10L, b, true).get(),
                 flowc::RemoteError);
    flowc::Stats stats = rt.stats();
    EXPECT_EQ(stats.logged, 3u); // two creates and one transfer
    EXPECT_GE(stats.log_flushes, 1u);
    EXPECT_LE(stats.log_flushes, 3u);
  }
  LocalRuntime rt(with_store(folder));
  EXPECT_EQ(balance(rt, "a"), 70);
  EXPECT_EQ(balance(rt, "b"), 80);
  EXPECT_EQ(rt.call<&Account::transfers>(rt.ref<Account>("a")).get(), 1);
  EXPECT_EQ(rt.stats().loaded, 2u); // read when reached, not at start
  EXPECT_THROW(rt.create<Account>("a", 1L).get(), flowc::EntityExists);
  EXPECT_THROW(balance(rt, "nobody"), flowc::EntityNotFound);
  // A read of the state reaches stored entities too.
  EXPECT_FALSE(rt.state(rt.ref<Account>("b")).get().empty());
}

// A failure caught inside the chain: what the failed callee changed commits
// with the chain and is in the log.
TEST(Store, CaughtFailureCommitsTheCalleesChanges) {
  const std::string folder = fresh_folder("caught");
  {
    LocalRuntime rt(with_store(folder));
    auto a = rt.create<Account>("a", 100L).get();
    auto b = rt.create<Account>("b", 50L).get();
    EXPECT_TRUE(rt.call<&Account::pull_caught>(b, 30L, a).get());
  }
  LocalRuntime rt(with_store(folder));
  EXPECT_EQ(balance(rt, "a"), 70);
  EXPECT_EQ(balance(rt, "b"), 80);
}

TEST(Store, StartReadsNothing) {
  const std::string folder = fresh_folder("lazy");
  {
    LocalRuntime rt(with_store(folder));
    for (int i = 0; i < 200; ++i)
      rt.create<Account>(key("acct", i), 1L).get();
  }
  LocalRuntime rt(with_store(folder));
  EXPECT_EQ(rt.stats().loaded, 0u);
  EXPECT_EQ(balance(rt, "acct7"), 1);
  EXPECT_EQ(rt.stats().loaded, 1u);
}

TEST(Store, GroupCommitSharesFlushes) {
  const std::string folder = fresh_folder("group");
  LocalRuntime rt(with_store(folder, flowc::Durability::sync));
  constexpr int kClients = 16, kAccounts = 32, kEach = 40;
  for (int i = 0; i < kAccounts; ++i)
    rt.create<Account>(key("g", i), 1000L).get();
  flowc::Stats before = rt.stats();
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&rt, c] {
      for (int n = 0; n < kEach; ++n) {
        int from = (c + n) % kAccounts, to = (c * 7 + n + 1) % kAccounts;
        if (from == to)
          to = (to + 1) % kAccounts;
        rt.call<&Account::transfer>(rt.ref<Account>(key("g", from)), 1L,
                                    rt.ref<Account>(key("g", to)))
            .get();
      }
    });
  for (auto &client : clients)
    client.join();
  flowc::Stats after = rt.stats();
  std::uint64_t logged = after.logged - before.logged;
  std::uint64_t flushes = after.log_flushes - before.log_flushes;
  EXPECT_EQ(logged, std::uint64_t{kClients * kEach});
  // How many chains share a flush depends on timing: a sanitizer's slowdown
  // on a loaded machine once left groups of one (Local.sanitizers).
#if !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
  EXPECT_GE(logged, 2 * flushes) << "chains did not share flushes";
#else
  EXPECT_GE(flushes, std::uint64_t{1});
#endif
  long total = 0;
  for (int i = 0; i < kAccounts; ++i)
    total += balance(rt, key("g", i));
  EXPECT_EQ(total, 1000L * kAccounts);
}

// 3000 lists of 50 values each (far more than 64 KiB of cache) stay correct
// while entities leave memory and are read again.
TEST(Store, MoreStateThanCache) {
  const std::string folder = fresh_folder("cache");
  LocalOptions options = with_store(folder);
  options.cache_bytes = 64 << 10;
  constexpr int kLists = 3000;
  LocalRuntime rt(options);
  for (int i = 0; i < kLists; ++i)
    rt.create<lists::List>(key("l", i)).get();
  for (int round = 0; round < 50; ++round) {
    std::vector<std::future<void>> appends;
    for (int i = 0; i < kLists; ++i)
      appends.push_back(rt.call<&lists::List::append>(
          rt.ref<lists::List>(key("l", i)), long{i * 100 + round}));
    for (auto &append : appends)
      append.get();
  }
  for (int i = 0; i < kLists; i += 7) {
    std::vector<long> items =
        rt.call<&lists::List::read>(rt.ref<lists::List>(key("l", i))).get();
    ASSERT_EQ(items.size(), 50u);
    for (int round = 0; round < 50; ++round)
      ASSERT_EQ(items[round], i * 100 + round);
  }
  // Most lists were read back from the store, many times.
  EXPECT_GT(rt.stats().loaded, std::uint64_t{kLists} * 10);
}

TEST(Store, CheckpointWhileChainsRun) {
  const std::string folder = fresh_folder("live");
  const std::string backup = fresh_folder("backup");
  constexpr int kAccounts = 10;
  long acked_before = 0;
  {
    LocalRuntime rt(with_store(folder));
    for (int i = 0; i < kAccounts; ++i)
      rt.create<Account>(key("c", i), 100L).get();
    std::atomic<bool> stop{false};
    std::atomic<long> acked{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
      clients.emplace_back([&, c] {
        for (int n = 0; !stop; ++n) {
          int from = (c + n) % kAccounts, to = (from + 1 + c) % kAccounts;
          if (rt.call<&Account::transfer>(rt.ref<Account>(key("c", from)),
                                          3L, rt.ref<Account>(key("c", to)))
                  .get())
            ++acked;
        }
      });
    while (acked < 200)
      std::this_thread::yield();
    acked_before = acked;
    rt.checkpoint(backup);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop = true;
    for (auto &client : clients)
      client.join();
    EXPECT_THROW(rt.checkpoint(backup), flowc::StoreError); // it exists
  }
  LocalRuntime rt(with_store(backup));
  long total = 0, transfers = 0, deposits = 0;
  for (int i = 0; i < kAccounts; ++i) {
    auto account = rt.ref<Account>(key("c", i));
    total += rt.call<&Account::balance>(account).get();
    transfers += rt.call<&Account::transfers>(account).get();
    deposits += rt.call<&Account::deposits>(account).get();
  }
  EXPECT_EQ(total, 100L * kAccounts);
  EXPECT_EQ(transfers, deposits);
  EXPECT_GE(transfers, acked_before);
}

TEST(Store, CheckpointNeedsAStore) {
  LocalRuntime rt(LocalOptions{.workers = 1});
  EXPECT_THROW(rt.checkpoint(fresh_folder("none")), flowc::StoreError);
}

void expect_store_error(const LocalOptions &options, const std::string &reason) {
  try {
    LocalRuntime rt(options);
    ADD_FAILURE() << "opened " << options.store;
  } catch (const flowc::StoreError &e) {
    EXPECT_NE(std::string(e.what()).find(options.store), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
  }
}

TEST(Store, FolderThatIsNotAStore) {
  const std::string folder = fresh_folder("other");
  fs::create_directories(folder);
  std::ofstream(folder + "/notes.txt") << "hello\n";
  expect_store_error(with_store(folder), "is not a store");
  EXPECT_TRUE(fs::exists(folder + "/notes.txt"));
  EXPECT_FALSE(fs::exists(folder + "/CURRENT")); // no fresh start in it

  const std::string file = fresh_folder("file");
  std::ofstream(file) << "x";
  expect_store_error(with_store(file), "is not a folder");
}

TEST(Store, DatabaseThatIsNotFlowcs) {
  const std::string folder = fresh_folder("foreign");
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB *db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, folder, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "someone", "else's").ok());
    delete db;
  }
  expect_store_error(with_store(folder), "is not a flowc store");
}

TEST(Store, StoreHeldByAnotherRuntime) {
  const std::string folder = fresh_folder("held");
  LocalRuntime first(with_store(folder));
  expect_store_error(with_store(folder), "held by another running process");
}

TEST(Store, ChainIsolationHasNoStore) {
  LocalOptions options = with_store(fresh_folder("chainmode"));
  options.isolation = flowc::Isolation::chain;
  expect_store_error(options, "needs Isolation::serializable");
}

// A damaged database: its manifest overwritten, then its data files.
TEST(Store, DamagedStore) {
  const std::string folder = fresh_folder("damaged");
  {
    LocalRuntime rt(with_store(folder));
    for (int i = 0; i < 500; ++i)
      rt.create<Account>(key("d", i), 5L).get();
  }
  const std::string copy = fresh_folder("damaged-copy");
  fs::copy(folder, copy);
  for (const auto &entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().starts_with("MANIFEST"))
      std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "garbage";
  expect_store_error(with_store(folder), "damaged");

  // Garbage inside the table files: found at start or when an entity is
  // read, as StoreError either way.
  for (const auto &entry : fs::directory_iterator(copy))
    if (entry.path().extension() == ".sst") {
      std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(100);
      file << std::string(64, '\x5a');
    }
  int errors = 0;
  try {
    LocalRuntime rt(with_store(copy));
    for (int i = 0; i < 500; ++i) {
      try {
        EXPECT_EQ(balance(rt, key("d", i)), 5);
      } catch (const flowc::StoreError &e) {
        ++errors;
        EXPECT_NE(std::string(e.what()).find(copy), std::string::npos);
      }
    }
  } catch (const flowc::StoreError &e) {
    ++errors;
  }
  EXPECT_GT(errors, 0);
}

// Both ways a log is written: by the workers (process), by the committer (sync).
class FailedLogWrite : public ::testing::TestWithParam<flowc::Durability> {};

TEST_P(FailedLogWrite, RollsBackAndLaterChainsCommit) {
  const std::string folder =
      fresh_folder(GetParam() == flowc::Durability::sync ? "failing-sync" : "failing");
  {
    LocalRuntime rt(with_store(folder, GetParam()));
    auto a = rt.create<Account>("a", 100L).get();
    auto b = rt.create<Account>("b", 0L).get();
    flowc::detail::LocalTesting::fail_log_writes(rt, 1);
    EXPECT_THROW(rt.call<&Account::transfer>(a, 40L, b).get(), flowc::StoreError);
    EXPECT_EQ(balance(rt, "a"), 100); // rolled back in memory
    EXPECT_EQ(balance(rt, "b"), 0);
    flowc::detail::LocalTesting::fail_log_writes(rt, 1);
    EXPECT_THROW(rt.create<Account>("c", 1L).get(), flowc::StoreError);
    EXPECT_THROW(balance(rt, "c"), flowc::EntityNotFound);
    EXPECT_TRUE(rt.call<&Account::transfer>(a, 10L, b).get()); // writes work again
    EXPECT_EQ(rt.stats().failed, 3u); // the two log failures, the call to c
  }
  LocalRuntime rt(with_store(folder));
  EXPECT_EQ(balance(rt, "a"), 90);
  EXPECT_EQ(balance(rt, "b"), 10);
  EXPECT_THROW(balance(rt, "c"), flowc::EntityNotFound);
}

INSTANTIATE_TEST_SUITE_P(Store, FailedLogWrite,
                         ::testing::Values(flowc::Durability::process,
                                           flowc::Durability::sync),
                         [](const auto &info) {
                           return info.param == flowc::Durability::sync ? "sync"
                                                                        : "process";
                         });

} // namespace
