// faults.h - entities that fail in the ways the error tests need, and one
// that parks its worker thread until the test lets it go.
#pragma once
#include <flowc/flowc.h>
#include <flowc/runtime/errors.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace faults {

// Defined by the tests: blocks the calling worker until released.
void pause_point(int id);

class Faulty {
  FLOWC_ENTITY(Faulty);

public:
  explicit Faulty(int id) : id_(id) {
    if (id < 0)
      throw std::invalid_argument("negative id");
  }

  int calls() const { return calls_; }

  int boom(std::string what) {
    ++calls_;
    if (!what.empty())
      throw std::runtime_error(what);
    return calls_;
  }
  // Fails in the middle of a chain, after changing its own state.
  int relay(flowc::Ref<Faulty> next, std::string what) {
    ++calls_;
    int theirs = next->boom(what);
    ++calls_;
    return theirs + 1;
  }
  int ask(flowc::Ref<Faulty> other) {
    ++calls_;
    return other->calls();
  }
  // Catches what `next` throws: its change stays, this chain commits.
  int try_boom(flowc::Ref<Faulty> next, std::string what) {
    ++calls_;
    try {
      return next->boom(what);
    } catch (const std::runtime_error &e) {
      log_.push_back(static_cast<long>(std::string(e.what()).size()));
      return -1;
    }
  }
  // Asks an entity that may not exist.
  int ask_or(flowc::Ref<Faulty> other, int otherwise) {
    ++calls_;
    try {
      return other->calls();
    } catch (const flowc::EntityNotFound &) {
      return otherwise;
    }
  }
  // Never stops on its own: the runtime's depth limit ends it.
  int bounce(flowc::Ref<Faulty> other, int n) {
    ++calls_;
    return other->bounce(flowc::Ref<Faulty>(this), n + 1);
  }
  // The same inside a try block: the depth limit is the runtime's failure,
  // not an exception of a method, so no handler sees it.
  int bounce_caught(flowc::Ref<Faulty> other, int n) {
    ++calls_;
    try {
      return other->bounce_caught(flowc::Ref<Faulty>(this), n + 1);
    } catch (const std::exception &) {
      return -1;
    }
  }
  // Appends in call order, to check that one sender's messages arrive in order.
  void append(long value) { log_.push_back(value); }
  std::vector<long> log() const { return log_; }

private:
  FLOWC_KEY int id_;
  int calls_ = 0;
  std::vector<long> log_;
};

class Pauser {
  FLOWC_ENTITY(Pauser);

public:
  explicit Pauser(int id) : id_(id) {}
  void pause() { pause_point(id_); }

private:
  FLOWC_KEY int id_;
};

} // namespace faults
