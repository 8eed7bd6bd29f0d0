// inbox.cpp - see inbox.h.
#include "inbox.h"

#include <iterator>

namespace flowc::dataflow {

void Inbox::wake(std::unique_lock<std::mutex> &lock) {
  bool sleeping = sleeping_;
  sleeping_ = false; // one notification per sleep, however many senders
  lock.unlock();
  if (sleeping)
    ready_.notify_one();
}

void Inbox::push(Message &&message) {
  std::unique_lock lock(mutex_);
  items_.push_back(std::move(message));
  wake(lock);
}

void Inbox::push_all(std::vector<Message> &batch) {
  std::unique_lock lock(mutex_);
  if (items_.empty())
    items_.swap(batch); // the receiver's spent vector comes back as `batch`
  else
    items_.insert(items_.end(), std::make_move_iterator(batch.begin()),
                  std::make_move_iterator(batch.end()));
  batch.clear();
  wake(lock);
}

bool Inbox::take(std::vector<Message> &into, bool wait, Clock::time_point until) {
  std::unique_lock lock(mutex_);
  if (wait) {
    while (items_.empty() && !stopped_) {
      sleeping_ = true;
      if (until == Clock::time_point::max())
        ready_.wait(lock);
      else if (ready_.wait_until(lock, until) == std::cv_status::timeout)
        break;
    }
    sleeping_ = false;
  }
  if (items_.empty())
    return !stopped_;
  into.swap(items_);
  return true;
}

void Inbox::stop() {
  std::unique_lock lock(mutex_);
  stopped_ = true;
  sleeping_ = true; // always notify
  wake(lock);
}

} // namespace flowc::dataflow
