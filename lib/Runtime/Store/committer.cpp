// committer.cpp - group commit: one thread takes every chain's records that
// arrived since its last write and writes them as one atomic WriteBatch,
// with one fsync under Durability::sync, then tells each chain's worker.
// While it writes, the next group gathers, so the more chains commit at
// once, the more share each flush.
#include "store.h"

#include "core.h"

#include "flowc/runtime/errors.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

namespace flowc::store {

using dataflow::Message;

void Store::start(dataflow::Core &core) {
  core_ = &core;
  committer_ = std::thread([this] { commit_loop(); });
}

Store::~Store() {
  if (committer_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_.notify_one();
    committer_.join();
  }
  if (db_) {
    // A clean stop leaves no log to replay: the next start opens at once.
    db_->Flush(rocksdb::FlushOptions());
    db_->Close();
  }
}

void Store::submit(unsigned worker, std::uint64_t ticket,
                   std::vector<dataflow::Record> &&records) {
  bool wake;
  {
    std::lock_guard lock(mutex_);
    wake = queue_.empty();
    queue_.push_back(Pending{worker, ticket, std::move(records)});
  }
  if (wake)
    work_.notify_one();
}

void Store::commit_loop() {
  std::vector<Pending> group;
  std::vector<std::vector<Message>> answers(core_->placement.total());
  rocksdb::WriteOptions options;
  options.sync = durability_ == Durability::sync;
  bool resume = false;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty())
        return;
      group.swap(queue_);
    }
    rocksdb::WriteBatch batch;
    rocksdb::Status status;
    for (const Pending &pending : group)
      for (const dataflow::Record &record : pending.records) {
        status = batch.Put(entity_key(*record.type, record.key), record.state);
        if (!status.ok())
          break;
      }
    if (status.ok()) {
      unsigned failing = failing_.load();
      if (failing > 0) {
        failing_.store(failing - 1);
        status = rocksdb::Status::IOError("injected log write failure");
      } else {
        // After a failed write RocksDB refuses writes until resumed.
        if (resume)
          db_->Resume();
        status = db_->Write(options, &batch);
        resume = !status.ok();
      }
    }
    flushes_.fetch_add(1, std::memory_order_relaxed);
    if (status.ok())
      logged_.fetch_add(group.size(), std::memory_order_relaxed);
    std::string error = status.ok() ? std::string()
                                    : "flowc: store '" + folder_ +
                                          "': the log write failed, the chain "
                                          "was rolled back: " +
                                          status.ToString();
    for (Pending &pending : group) {
      Message done;
      done.kind = Message::Kind::durable;
      done.chain = pending.ticket;
      done.failed = !status.ok();
      done.bytes = error;
      answers[pending.worker].push_back(std::move(done));
    }
    group.clear();
    for (unsigned worker = 0; worker < answers.size(); ++worker)
      if (!answers[worker].empty())
        core_->deliver(worker, answers[worker]);
  }
}

} // namespace flowc::store
