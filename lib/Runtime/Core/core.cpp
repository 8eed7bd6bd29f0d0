// core.cpp - starting the workers, placing keys, and routing batches and
// answers within this process or to the transport.
#include "core.h"

#include "log.h"
#include "worker.h"

#include <bit>
#include <cstdio>

namespace flowc::dataflow {

// FNV-1a, then MurmurHash3's finalizer so that every bit depends on every
// byte (keys are often one or two bytes: small integers).
std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key)
    h = (h ^ c) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

namespace {
// x / n and x % n, without a division when n is a power of two (the usual
// counts of processes and workers): the same placement, a few cycles
// instead of a few dozen, on every message a worker routes.
std::uint64_t quotient(std::uint64_t x, unsigned n) {
  return (n & (n - 1)) == 0 ? x >> std::countr_zero(n) : x / n;
}
unsigned remainder(std::uint64_t x, unsigned n) {
  return static_cast<unsigned>((n & (n - 1)) == 0 ? x & (n - 1) : x % n);
}
} // namespace

unsigned Placement::owner(std::string_view key) const {
  if (processes == 1 && workers == 1)
    return 0;
  std::uint64_t h = key_hash(key);
  unsigned p = remainder(h, processes);
  return p * workers + remainder(quotient(h, processes), workers);
}

Core::Core(const Options &options, Placement placement, Clients *clients,
           Transport *transport, Log *log)
    : options(options), placement(placement), log(log), clients_(clients),
      transport_(transport) {
  workers_.reserve(placement.workers);
  // All exist before any runs: they send to each other.
  for (unsigned i = 0; i < placement.workers; ++i)
    workers_.push_back(std::make_unique<Worker>(*this, placement.first() + i,
                                                placement.total()));
  for (auto &worker : workers_)
    worker->start();
}

Core::~Core() {
  for (auto &worker : workers_)
    worker->inbox().stop();
  for (auto &worker : workers_)
    worker->join();
}

void Core::deliver(unsigned worker, std::vector<Message> &batch) {
  if (here(worker))
    return this->worker(worker).inbox().push_all(batch);
  transport_->send(worker, batch);
}

void Core::post(Message &&message) {
  unsigned to = owner(message.key);
  if (here(to))
    return worker(to).inbox().push(std::move(message));
  std::vector<Message> one;
  one.push_back(std::move(message));
  transport_->send(to, one);
  // The transport's thread sends it, with whatever else the client sent
  // meanwhile: a client posting many requests fills batches.
  transport_->flush(false);
}

void Core::answer(std::vector<Answer> &answers) {
  if (clients_ != nullptr)
    return clients_->deliver(answers);
  transport_->answer(answers);
}

void Core::report(const std::string &what) const {
  if (placement.processes > 1)
    std::fprintf(stderr, "flowc: rank %u: %s\n", placement.process, what.c_str());
  else
    std::fprintf(stderr, "flowc: %s\n", what.c_str());
}

Stats Core::stats() const {
  Stats stats;
  for (const auto &worker : workers_)
    worker->add_stats(stats);
  if (log != nullptr)
    log->add_stats(stats);
  return stats;
}

} // namespace flowc::dataflow
