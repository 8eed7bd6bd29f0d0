// lists.h - append-only lists and the clients that run transactions over
// them, for the list-append history checker (ListAppendTest.cpp, elle.h).
// Every append value is unique, so what a read returns names the calls whose
// appends it saw, and each list's final value orders its appends.
#pragma once
#include <flowc/flowc.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace lists {

class List {
  FLOWC_ENTITY(List);

public:
  explicit List(std::string name) : name_(std::move(name)) {}

  std::vector<long> read() const { return items_; }
  void append(long value) { items_.push_back(value); }

private:
  FLOWC_KEY std::string name_;
  std::vector<long> items_;
};

// What Client::run does with targets[i].
enum Op : int { read = 0, append = 1 };

class Client {
  FLOWC_ENTITY(Client);

public:
  explicit Client(std::string name) : name_(std::move(name)) {}

  // One transaction: for each i in order, reads targets[i] (ops[i] == read)
  // or appends values[i] to it. Returns what each op saw: the list for a read,
  // an empty vector for an append. With fail_after it throws once all its
  // ops are done, so a failed call has made its appends before it fails.
  std::vector<std::vector<long>> run(std::vector<flowc::Ref<List>> targets, std::vector<int> ops,
                                     std::vector<long> values, bool fail_after) {
    std::vector<std::vector<long>> seen;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (ops[i] == read) {
        std::vector<long> items = targets[i]->read();
        seen.push_back(items);
      } else {
        targets[i]->append(values[i]);
        seen.emplace_back();
      }
    }
    ++runs_;
    if (fail_after)
      throw std::runtime_error("client " + name_ + " fails on purpose");
    return seen;
  }

  long runs() const { return runs_; }

private:
  FLOWC_KEY std::string name_;
  long runs_ = 0;
};

} // namespace lists
