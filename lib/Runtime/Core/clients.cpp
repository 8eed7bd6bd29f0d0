// clients.cpp - see clients.h.
#include "clients.h"

namespace flowc::dataflow {

void Clients::deliver(std::vector<Answer> &answers) {
  for (Answer &answer : answers) {
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
