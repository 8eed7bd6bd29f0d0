// committer.cpp - writing the log. One write is one atomic WriteBatch of the
// records of many chains. Under Durability::process each worker writes its
// round's commits itself (RocksDB groups concurrent writers). Under sync one
// committer thread takes every chain's records that arrived since its last
// write and writes them with one fsync, then tells each chain's worker;
// while it writes, the next group gathers, so the more chains commit at
// once, the more share each flush.
#include "store.h"

#include "core.h"

#include "flowc/runtime/errors.h"

#include <rocksdb/db.h>
#include <rocksdb/perf_level.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <chrono>

namespace flowc::store {

using dataflow::Commit;
using dataflow::Message;

void Store::start(dataflow::Core &core) {
  core_ = &core;
  if (!writes_inline())
    committer_ = std::thread([this, workers = core.placement.total()] {
      commit_loop(workers);
    });
}

void Store::stop() {
  if (!committer_.joinable())
    return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_one();
  committer_.join();
}

Store::~Store() {
  stop();
  if (db_) {
    // A clean stop leaves no log to replay: the next start opens at once.
    db_->Flush(rocksdb::FlushOptions());
    db_->Close();
  }
}

std::string Store::write(const std::vector<dataflow::Commit> &commits) {
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable); // per thread; no counters
  rocksdb::WriteBatch batch;
  rocksdb::Status status;
  std::uint64_t chains = 0; // Stats::logged: chains and creates, not phases
  for (const dataflow::Commit &commit : commits) {
    add_to(batch, commit);
    chains += commit.phase == Commit::Phase::apply ||
              commit.phase == Commit::Phase::decide;
  }
  unsigned failing = failing_.load();
  if ((failing > 0 && failing_.compare_exchange_strong(failing, failing - 1)) ||
      injected_failure(commits)) {
    status = rocksdb::Status::IOError("injected log write failure");
  } else {
    // After a failed write RocksDB refuses writes until resumed.
    if (resume_.exchange(false))
      db_->Resume();
    rocksdb::WriteOptions options;
    options.sync = durability_ == Durability::sync;
    status = db_->Write(options, &batch);
    if (!status.ok())
      resume_ = true;
  }
  flushes_.fetch_add(1, std::memory_order_relaxed);
  if (!status.ok())
    return "flowc: store '" + folder_ +
           "': the log write failed, the chain was rolled back: " + status.ToString();
  logged_.fetch_add(chains, std::memory_order_relaxed);
  return {};
}

void Store::submit(unsigned worker, std::vector<dataflow::Commit> &commits) {
  bool wake;
  {
    std::lock_guard lock(mutex_);
    wake = queue_.empty();
    for (dataflow::Commit &commit : commits)
      queue_.push_back(Pending{worker, std::move(commit)});
  }
  commits.clear();
  if (wake)
    work_.notify_one();
}

// Under Durability::sync a flush takes long enough that the chains answered
// by the last one commit again while the next starts: taking only those
// queued at once would split the clients into two alternating halves. So the
// committer gives the queue up to half a flush to refill to the last group's
// size before it writes (MySQL's binlog_group_commit_sync_delay, sized by
// measurement instead of a setting).
void Store::commit_loop(unsigned workers) {
  using Clock = std::chrono::steady_clock;
  std::vector<Pending> group;
  std::vector<dataflow::Commit> commits;
  std::vector<std::vector<Message>> answers(workers);
  std::size_t last_group = 0;
  Clock::duration last_flush{};
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty())
        return;
      if (queue_.size() < last_group)
        work_.wait_until(lock, Clock::now() + std::min<Clock::duration>(
                                                  last_flush / 2, std::chrono::milliseconds(2)),
                         [&] { return stopping_ || queue_.size() >= last_group; });
      group.swap(queue_);
    }
    for (Pending &pending : group)
      commits.push_back(std::move(pending.commit));
    auto start = Clock::now();
    std::string error = write(commits);
    last_flush = Clock::now() - start;
    last_group = group.size();
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (commits[i].ticket == 0)
        continue; // nobody waits for it (two_phase.cpp)
      Message done;
      done.kind = Message::Kind::durable;
      done.chain = commits[i].ticket;
      done.failed = !error.empty();
      done.bytes = error;
      answers[group[i].worker].push_back(std::move(done));
    }
    group.clear();
    commits.clear();
    for (unsigned worker = 0; worker < answers.size(); ++worker)
      if (!answers[worker].empty())
        core_->deliver(worker, answers[worker]);
  }
}

} // namespace flowc::store
