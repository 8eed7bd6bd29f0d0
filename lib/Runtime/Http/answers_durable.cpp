// answers_durable.cpp - Idempotency-Key answers kept in the runtime's durable
// store (docs/http.md), so a retry after a crash is answered exactly once.
//
// A chain's answer is a note written in the chain's own WriteBatch
// (commit_record, asked by the worker before it logs the chain), so the
// state change and its answer are logged together or not at all, before the
// client is answered. Answers no chain logs (errors, a failed call) are put
// alone in finish(), before the reply. Keys being run live in memory only:
// after a crash a key whose chain never committed is fresh again.
#include "Http/answers_durable.h"

#include "Store/store.h"

#include "flowc/runtime/codec.h"
#include "flowc/runtime/errors.h"

#include <mutex>
#include <unordered_map>

namespace flowc::gateway {

namespace {

// A note's value: the request (method, target and body) and its answer.
std::string encode_note(const std::string &request, const Answer &answer) {
  Writer w;
  w.string(request);
  w.varint(answer.status);
  w.string(answer.body);
  return w.take();
}

class DurableAnswers final : public AnswerStore {
public:
  explicit DurableAnswers(store::Store &store) : store_(store) {}

  Claim claim(const std::string &key, const std::string &request, Answer &answer) override {
    std::lock_guard lock(mutex_);
    auto running = running_.find(key);
    if (running != running_.end())
      return running->second.request == request ? Claim::running : Claim::other_request;
    if (std::optional<std::string> note = store_.note(key)) {
      Reader r(*note);
      std::string_view asked = r.string();
      unsigned status = r.varint<unsigned>();
      std::string_view body = r.string();
      r.expect_end();
      if (asked != request)
        return Claim::other_request;
      answer = Answer{status, std::string(body)};
      return Claim::answered;
    }
    running_[key].request = request;
    return Claim::fresh;
  }

  bool commit_record(const std::string &key, const Answer &answer, std::string &record_key,
                     std::string &record_value) override {
    std::lock_guard lock(mutex_);
    Entry &entry = running_.at(key);
    entry.logged = true;
    record_key = key;
    record_value = encode_note(entry.request, answer);
    return true;
  }

  // Once written, the answer is read back from the store: memory holds only
  // the keys being run.
  void finish(const std::string &key, const Answer &answer) override {
    std::lock_guard lock(mutex_);
    auto entry = running_.find(key);
    if (entry == running_.end())
      return;
    if (!entry->second.logged) {
      try {
        store_.put_note(key, encode_note(entry->second.request, answer));
      } catch (const StoreError &) {
        // Not kept: the client still gets this answer, and a retry runs
        // again (a failed request changed nothing).
      }
    }
    running_.erase(entry);
  }

  void release(const std::string &key) override {
    std::lock_guard lock(mutex_);
    running_.erase(key);
  }

private:
  struct Entry {
    std::string request;
    bool logged = false; // its answer was written with its chain
  };
  store::Store &store_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> running_;
};

} // namespace

std::shared_ptr<AnswerStore> durable_answer_store(store::Store &store) {
  return std::make_shared<DurableAnswers>(store);
}

} // namespace flowc::gateway
