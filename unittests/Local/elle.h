// elle.h - a checker for histories of transactions over append-only lists, in
// the style of Jepsen's Elle (Kingsbury and Alvaro, "Elle: Inferring Isolation
// Anomalies from Experimental Observations", VLDB 2020). Plain C++: it knows
// nothing of flowc, so any runtime's tests can record a History and check it.
//
// A history is a set of calls (transactions), each a list of ops on lists
// named by key: append(key, v) or read(key) -> the values seen. Every value is
// appended at most once in the whole history, so a value names the op that
// appended it. At the end every list's final value is read. From that:
//
//  - version order: a list's final value orders its appends (for a list with
//    no final value, its longest read does);
//  - ww: the call that appended element i precedes the call that appended the
//    next element of the final value by a committed call (when they differ);
//  - wr: the call that appended the last element a read saw (not counting
//    the reader's own appends) precedes the reader;
//  - rw: a reader precedes the call that appended the first element after the
//    prefix it read (again skipping its own and failed calls' appends);
//  - rt (optional): a call that completed before another was invoked precedes
//    it (the edges are the transitive reduction, a few per call).
//
// The committed calls with these edges must form an acyclic graph. Cycles are
// found per strongly connected component of the ww/wr/rw graph, and each
// component is reported as the weakest cycle it holds: G0 (ww only), G1c
// (ww and wr), G-single (exactly one rw), G2 (more than one rw). A component
// that exists only with rt edges is a realtime anomaly (serializable, but not
// in real time). Besides cycles:
//
//  - aborted read (G1a): a committed call's read holds a failed call's append
//    (counted once per read);
//  - failed append stayed: a failed call's append is in a final value;
//  - intermediate read (G1b): a read ended with an append that was not the
//    appending call's last append to that list;
//  - garbage: a read or final value holds an element no call appended there;
//  - incompatible order: a read is not a prefix of its list's final value;
//  - duplicate: an element twice in one read or final value;
//  - lost append: a committed call's append is missing from the final value;
//  - internal: a call's read disagrees with its own earlier ops on that list;
//  - invalid history: one value appended twice (the history cannot be read).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace elle {

struct Op {
  enum class Kind : std::uint8_t { read, append };
  Kind kind = Kind::read;
  std::string key;
  long value = 0; // append: the value appended
  // read: what it returned; nullopt when not known (the call failed).
  std::optional<std::vector<long>> seen;

  static Op append(std::string key, long value) {
    return Op{Kind::append, std::move(key), value, std::nullopt};
  }
  static Op read(std::string key, std::optional<std::vector<long>> seen) {
    return Op{Kind::read, std::move(key), 0, std::move(seen)};
  }
};

enum class Outcome : std::uint8_t { committed, failed };

struct Call {
  std::uint64_t id = 0; // how reports name it: T<id>
  Outcome outcome = Outcome::committed;
  std::vector<Op> ops;
  std::string error; // why it failed, for reports
  // When the client sent it and when it saw the reply, on one monotonic clock
  // (any unit); -1 when not known. Only used for rt edges.
  std::int64_t invoke = -1;
  std::int64_t complete = -1;
};

struct History {
  std::vector<Call> calls;
  // Each list's value read once every call had ended.
  std::map<std::string, std::vector<long>> final_values;
};

enum class Anomaly : std::uint8_t {
  G0,
  G1c,
  G_single,
  G2,
  realtime,
  aborted_read,
  failed_append_stayed,
  intermediate_read,
  garbage,
  incompatible_order,
  duplicate,
  lost_append,
  internal,
  invalid_history,
};
inline constexpr std::size_t kAnomalyKinds = 14;
const char *name(Anomaly kind);

struct Options {
  bool realtime = true;         // add rt edges between calls that have times
  std::size_t max_examples = 3; // kept per anomaly kind
};

struct Report {
  std::size_t calls = 0, committed = 0, failed = 0;
  std::size_t ww = 0, wr = 0, rw = 0, rt = 0; // edges inferred
  // Per kind: how many were found (cycles: components; aborted reads: reads;
  // the others: elements or ops) and the first few, described.
  std::array<std::size_t, kAnomalyKinds> counts{};
  std::array<std::vector<std::string>, kAnomalyKinds> examples;

  std::size_t count(Anomaly kind) const { return counts[static_cast<std::size_t>(kind)]; }
  std::size_t total() const;
  bool ok() const { return total() == 0; }
  // "G-single=2 failed-append-stayed=31": the nonzero counts, or "clean".
  std::string summary() const;
  // The summary, the graph's size, and every example.
  std::string to_string() const;
};

Report check(const History &history, const Options &options = {});

} // namespace elle
