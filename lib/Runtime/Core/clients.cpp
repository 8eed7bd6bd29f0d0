// clients.cpp - see clients.h.
#include "clients.h"

namespace flowc::dataflow {

namespace {
void prefetch(const void *p, std::size_t bytes) {
  for (std::size_t at = 0; at < bytes; at += 64)
    __builtin_prefetch(static_cast<const char *>(p) + at);
}
} // namespace

void Clients::deliver(std::vector<Answer> &answers) {
  // Newest first: a client that waits on its futures in the order it made
  // them sleeps on the oldest, and wakes once for the batch, not once per
  // answer (every chain of a batch has ended, so any order is real-time).
  // A completion was made by the client's thread long before, so it is cold
  // here: each is fetched a few answers ahead, with the two cache lines
  // after it, where the client's allocator most often put the future's
  // shared state and result (a wrong guess costs a wasted fetch).
  constexpr std::size_t ahead = 4, bytes = 3 * 64;
  const std::size_t n = answers.size();
  auto nth = [&](std::size_t i) -> Answer & { return answers[n - 1 - i]; };
  for (std::size_t i = 0; i < ahead && i < n; ++i)
    prefetch(nth(i).client, bytes);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + ahead < n)
      prefetch(nth(i + ahead).client, bytes);
    Answer &answer = nth(i);
    if (answer.ok)
      answer.client->succeed(std::move(answer.bytes));
    else
      answer.client->fail(answer.kind, std::move(answer.bytes));
    delete answer.client;
  }
  completed_.fetch_add(answers.size());
  answers.clear();
  if (draining_.load()) {
    std::lock_guard lock(mutex_);
    drained_.notify_all();
  }
}

void Clients::drain() {
  draining_.store(true);
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [&] { return completed_.load() == issued_.load(); });
}

} // namespace flowc::dataflow
