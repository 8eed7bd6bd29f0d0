// progress.cpp - see progress.h.
#include "progress.h"

#include "testing.h"
#include "wire.h"
#include "worker.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

// A rank's counts, as they travel to rank 0.
template <>
struct flowc::Codec<flowc::Stats>
    : flowc::FieldsCodec<&flowc::Stats::committed, &flowc::Stats::failed,
                         &flowc::Stats::reruns, &flowc::Stats::wounds,
                         &flowc::Stats::waits, &flowc::Stats::log_flushes,
                         &flowc::Stats::logged, &flowc::Stats::loaded> {};

namespace flowc::mpi {

using dataflow::Answer;
using dataflow::Message;

namespace {
enum Tag : int {
  kBatch = 1,      // records (wire.h)
  kStats = 2,      // rank 0 asks for a rank's counts
  kStatsReply = 3, // the rank's Stats, encoded (Codec<Stats> below)
  kEnd = 4,        // rank 0: the job ends
};
constexpr unsigned kYieldTurns = 64; // when the thread may spin
constexpr int kMaxReceivesPerTurn = 64;
// Sent batches' buffers kept to fill again, and the largest kept.
constexpr std::size_t kSpareBuffers = 8;
constexpr std::size_t kSpareCapacity = std::size_t{1} << 20;

// The progress of this process's runtime while its thread runs (testing.h).
std::atomic<Progress *> running_progress{nullptr};

// testing.h: `record` (a framed record, wire.h) with one byte more in its body.
std::string with_trailing_byte(const std::string &record) {
  Reader r(record);
  std::string body(r.string());
  body.push_back('\0');
  std::string out;
  Writer w(out);
  w.varint(static_cast<std::uint64_t>(body.size()));
  w.bytes(body);
  return out;
}
} // namespace

Progress::Progress(MPI_Comm comm, int rank, int ranks,
                   dataflow::Placement placement, const Registry &registry,
                   bool spin)
    : comm_(comm), rank_(rank), ranks_(ranks), placement_(placement),
      registry_(registry), yield_turns_(spin ? kYieldTurns : 0) {
  for (int r = 0; r < ranks; ++r)
    out_.push_back(std::make_unique<Outbox>());
}

Progress::~Progress() {
  if (thread_.joinable())
    thread_.join();
}

void Progress::start(dataflow::Core *core, dataflow::Clients *clients) {
  core_ = core;
  clients_ = clients;
  thread_ = std::thread([this] { run(); });
  running_progress = this;
}

Progress *Progress::running() { return running_progress; }

void Progress::send_raw(int to, std::string bytes) {
  {
    std::lock_guard lock(mutex_);
    raw_.emplace_back(to, std::move(bytes));
  }
  wake();
}

// An MPI call that fails here means a rank or the network is gone: nothing
// can be answered any more, so the job ends, naming this rank.
void Progress::check(int code, const char *call) const {
  if (code == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  std::fprintf(stderr, "flowc: rank %d: %s failed: %.*s; ending the job\n",
               rank_, call, length, text);
  MPI_Abort(MPI_COMM_WORLD, 1);
}

void Progress::wake() {
  std::unique_lock lock(mutex_);
  work_ = true;
  bool sleeping = sleeping_;
  lock.unlock();
  if (sleeping)
    wake_.notify_one();
}

void Progress::send(unsigned worker, std::vector<Message> &batch) {
  int to = static_cast<int>(placement_.process_of(worker));
  Outbox &box = *out_[to];
  {
    std::lock_guard lock(box.mutex);
    for (const Message &message : batch) {
      if (message.kind == Message::Kind::call && corrupt_call_to_ == to) [[unlikely]] {
        int armed = to;
        if (corrupt_call_to_.compare_exchange_strong(armed, -1)) {
          std::string record;
          encode(record, worker, message, registry_);
          box.bytes += with_trailing_byte(record);
          continue;
        }
      }
      encode(box.bytes, worker, message, registry_);
    }
  }
  batch.clear();
  buffered_.store(true, std::memory_order_release);
}

void Progress::answer(std::vector<Answer> &answers) {
  Outbox &box = *out_[0];
  {
    std::lock_guard lock(box.mutex);
    for (const Answer &answer : answers)
      encode(box.bytes, answer);
  }
  answers.clear();
  buffered_.store(true, std::memory_order_release);
}

// A worker ending its round sends what it buffered itself unless another
// thread is in MPI (then that thread's next turn does): the batch does not
// wait for the progress thread to be scheduled, which on a busy machine is
// most of a hop's time.
void Progress::flush(bool here) {
  if (!buffered_.load(std::memory_order_acquire))
    return;
  if (here && calls_.try_lock()) {
    std::lock_guard locked(calls_, std::adopt_lock);
    post_batches();
  }
  // Either way the thread runs a turn soon and keeps polling: an answer to
  // what went out is likely to come back shortly.
  wake();
}

void Progress::track(detail::Completion *client) {
  std::lock_guard lock(tracked_mutex_);
  tracked_.insert(client);
}

Stats Progress::remote_stats() {
  if (ranks_ == 1)
    return {};
  std::lock_guard one_at_a_time(stats_mutex_);
  std::future<Stats> sum;
  {
    std::lock_guard lock(mutex_);
    stats_ = std::promise<Stats>();
    sum = stats_.get_future();
    stats_wanted_ = true;
  }
  wake();
  return sum.get();
}

void Progress::end_job() {
  {
    std::lock_guard lock(mutex_);
    end_job_ = true;
  }
  wake();
}

void Progress::wait_for_end() {
  std::unique_lock lock(mutex_);
  ended_.wait(lock, [&] { return job_ended_; });
}

void Progress::detach() {
  std::lock_guard lock(core_mutex_);
  core_ = nullptr;
  clients_ = nullptr;
}

void Progress::finish() {
  Progress *self = this;
  running_progress.compare_exchange_strong(self, nullptr);
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  wake();
  if (thread_.joinable())
    thread_.join();
}

void Progress::isend(int to, int tag, std::string bytes) {
  Pending &send = pending_.emplace_back();
  send.bytes = std::move(bytes);
  check(MPI_Isend(send.bytes.data(), static_cast<int>(send.bytes.size()),
                  MPI_BYTE, to, tag, comm_, &send.request),
        "MPI_Isend");
}

// Every rank's buffer goes out whole; an empty spare takes its place.
bool Progress::post_batches() {
  if (!buffered_.exchange(false, std::memory_order_acq_rel))
    return false;
  bool busy = false;
  for (int to = 0; to < ranks_; ++to) {
    if (to == rank_)
      continue;
    std::string bytes;
    if (!spare_.empty()) {
      bytes = std::move(spare_.back());
      spare_.pop_back();
    }
    {
      std::lock_guard lock(out_[to]->mutex);
      bytes.swap(out_[to]->bytes);
    }
    if (bytes.empty()) {
      spare_.push_back(std::move(bytes));
      continue;
    }
    isend(to, kBatch, std::move(bytes));
    busy = true;
  }
  return busy;
}

// The batches, and the requests of other threads.
bool Progress::post_sends() {
  bool busy = post_batches();
  std::unique_lock lock(mutex_);
  if (!raw_.empty()) {
    std::vector<std::pair<int, std::string>> raw;
    raw.swap(raw_);
    lock.unlock();
    for (auto &[to, bytes] : raw)
      isend(to, kBatch, std::move(bytes));
    lock.lock();
    busy = true;
  }
  if (stats_wanted_) {
    stats_wanted_ = false;
    stats_pending_ = true;
    stats_replies_ = 0;
    stats_sum_ = Stats{};
    lock.unlock();
    for (int to = 1; to < ranks_; ++to)
      isend(to, kStats, {});
    lock.lock();
    busy = true;
  }
  if (end_job_) {
    end_job_ = false;
    lock.unlock();
    for (int to = 1; to < ranks_; ++to)
      isend(to, kEnd, {});
    busy = true;
  }
  return busy;
}

bool Progress::receive() {
  bool busy = false;
  for (int n = 0; n < kMaxReceivesPerTurn; ++n) {
    int flag = 0;
    MPI_Status status;
    check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, comm_, &flag, &status),
          "MPI_Iprobe");
    if (!flag)
      break;
    busy = true;
    int count = 0;
    check(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
    std::string &bytes = received_; // its capacity stays for the next
    bytes.resize(static_cast<std::size_t>(count));
    check(MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE,
                   status.MPI_TAG, comm_, MPI_STATUS_IGNORE),
          "MPI_Recv");
    switch (status.MPI_TAG) {
    case kBatch:
      deliver(status.MPI_SOURCE, bytes);
      break;
    case kStats: {
      Stats stats;
      {
        std::lock_guard lock(core_mutex_);
        if (core_ != nullptr)
          stats = core_->stats();
      }
      isend(status.MPI_SOURCE, kStatsReply, flowc::encode(stats));
      break;
    }
    case kStatsReply: {
      if (!stats_pending_) {
        std::fprintf(stderr, "flowc: rank %d: counts from rank %d nobody asked for\n",
                     rank_, status.MPI_SOURCE);
        break;
      }
      try {
        stats_sum_ += flowc::decode<Stats>(bytes);
      } catch (const DecodeError &e) {
        std::fprintf(stderr, "flowc: rank %d: malformed counts from rank %d: %s\n",
                     rank_, status.MPI_SOURCE, e.what());
      }
      if (++stats_replies_ == ranks_ - 1) {
        stats_pending_ = false;
        stats_.set_value(stats_sum_);
      }
      break;
    }
    case kEnd: {
      std::lock_guard lock(mutex_);
      job_ended_ = true;
      ended_.notify_all();
      break;
    }
    default:
      std::fprintf(stderr, "flowc: rank %d: a message with unknown tag %d from rank %d\n",
                   rank_, status.MPI_TAG, status.MPI_SOURCE);
    }
  }
  return busy;
}

// Decoded messages go to this rank's workers, a batch per worker; failure
// replies for other ranks' frames and answers for rank 0 go back out.
void Progress::deliver(int from, std::string_view bytes) {
  std::lock_guard lock(core_mutex_);
  if (core_ == nullptr)
    return; // the job is ending: nothing waits for these any more
  Decoded &decoded = decoded_;
  decoded.messages.clear();
  decoded.answers.clear();
  decoded.errors.clear();
  decode(bytes, from, registry_, placement_.total(), decoded);
  for (const std::string &error : decoded.errors)
    core_->report(error);
  batches_.resize(placement_.total());
  for (Decoded::Routed &routed : decoded.messages)
    batches_[routed.worker].push_back(std::move(routed.message));
  for (unsigned worker = 0; worker < batches_.size(); ++worker)
    if (!batches_[worker].empty())
      core_->deliver(worker, batches_[worker]);
  if (decoded.answers.empty())
    return;
  if (clients_ == nullptr)
    return answer(decoded.answers);
  std::vector<Answer> known;
  {
    std::lock_guard tracked(tracked_mutex_);
    for (Answer &answer : decoded.answers) {
      if (tracked_.erase(answer.client) == 1)
        known.push_back(std::move(answer));
      else
        core_->report("an answer from rank " + std::to_string(from) +
                      " for no request in flight (a malformed message)");
    }
  }
  clients_->deliver(known);
}

bool Progress::retire_sends() {
  bool busy = false;
  for (auto it = pending_.begin(); it != pending_.end();) {
    int done = 0;
    check(MPI_Test(&it->request, &done, MPI_STATUS_IGNORE), "MPI_Test");
    if (!done) {
      ++it;
      continue;
    }
    if (spare_.size() < kSpareBuffers && it->bytes.capacity() <= kSpareCapacity) {
      it->bytes.clear();
      spare_.push_back(std::move(it->bytes));
    }
    it = pending_.erase(it);
    busy = true;
  }
  return busy;
}

void Progress::idle(unsigned turns) {
  if (turns < yield_turns_)
    return std::this_thread::yield();
  unsigned shift = std::min(6u, (turns - yield_turns_) / 16);
  auto pause = std::chrono::microseconds(16u << shift); // 16 us .. 1 ms
  std::unique_lock lock(mutex_);
  if (work_ || finishing_)
    return;
  sleeping_ = true;
  wake_.wait_for(lock, pause, [&] { return work_ || finishing_; });
  sleeping_ = false;
}

// Finishing: once everything this rank had to send has gone, a non-blocking
// barrier; receiving goes on meanwhile, so every other rank's sends complete
// too (their contents are dropped: the job is over).
void Progress::run() {
  unsigned idle_turns = 0;
  MPI_Request barrier = MPI_REQUEST_NULL;
  bool in_barrier = false;
  for (;;) {
    bool busy;
    {
      std::lock_guard lock(mutex_);
      busy = work_; // woken: traffic is flowing, keep polling
      work_ = false;
    }
    std::unique_lock calls(calls_);
    busy |= post_sends();
    busy |= receive();
    busy |= retire_sends();
    bool finishing;
    {
      std::lock_guard lock(mutex_);
      finishing = finishing_ && !end_job_;
    }
    if (finishing && !in_barrier && pending_.empty()) {
      bool empty = true;
      for (auto &box : out_) {
        std::lock_guard lock(box->mutex);
        empty = empty && box->bytes.empty();
      }
      if (empty) {
        check(MPI_Ibarrier(comm_, &barrier), "MPI_Ibarrier");
        in_barrier = true;
      }
    }
    if (in_barrier) {
      int done = 0;
      check(MPI_Test(&barrier, &done, MPI_STATUS_IGNORE), "MPI_Test");
      if (done)
        return;
    }
    calls.unlock();
    if (busy)
      idle_turns = 0;
    else
      idle(idle_turns++);
  }
}

} // namespace flowc::mpi

namespace flowc::mpi::testing {

bool send_raw_batch(int to, std::string bytes) {
  Progress *progress = Progress::running();
  if (progress == nullptr)
    return false;
  progress->send_raw(to, std::move(bytes));
  return true;
}

bool corrupt_next_call(int to) {
  Progress *progress = Progress::running();
  if (progress == nullptr)
    return false;
  progress->corrupt_next_call(to);
  return true;
}

} // namespace flowc::mpi::testing
