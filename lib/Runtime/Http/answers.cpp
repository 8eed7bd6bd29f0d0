// answers.cpp - Idempotency-Key answers kept in memory (the default store).
#include "flowc/runtime/http.h"

#include <mutex>
#include <unordered_map>

namespace flowc::gateway {

namespace {

class MemoryAnswers final : public AnswerStore {
public:
  Claim claim(const std::string &key, const std::string &request, Answer &answer) override {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = entries_.try_emplace(key);
    Entry &entry = it->second;
    if (fresh) {
      entry.request = request;
      return Claim::fresh;
    }
    if (entry.request != request)
      return Claim::other_request;
    if (!entry.answer)
      return Claim::running;
    answer = *entry.answer;
    return Claim::answered;
  }
  void finish(const std::string &key, const Answer &answer) override {
    std::lock_guard lock(mutex_);
    entries_[key].answer = answer;
  }
  void release(const std::string &key) override {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
  }

private:
  struct Entry {
    std::string request;
    std::optional<Answer> answer;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

} // namespace

std::shared_ptr<AnswerStore> memory_answer_store() {
  return std::make_shared<MemoryAnswers>();
}

} // namespace flowc::gateway
