// elle.cpp - see elle.h.
#include "elle.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace elle {

const char *name(Anomaly kind) {
  switch (kind) {
  case Anomaly::G0:
    return "G0";
  case Anomaly::G1c:
    return "G1c";
  case Anomaly::G_single:
    return "G-single";
  case Anomaly::G2:
    return "G2";
  case Anomaly::realtime:
    return "realtime";
  case Anomaly::aborted_read:
    return "aborted-read";
  case Anomaly::failed_append_stayed:
    return "failed-append-stayed";
  case Anomaly::intermediate_read:
    return "intermediate-read";
  case Anomaly::garbage:
    return "garbage";
  case Anomaly::incompatible_order:
    return "incompatible-order";
  case Anomaly::duplicate:
    return "duplicate";
  case Anomaly::lost_append:
    return "lost-append";
  case Anomaly::internal:
    return "internal";
  case Anomaly::invalid_history:
    return "invalid-history";
  }
  return "?";
}

std::size_t Report::total() const {
  std::size_t sum = 0;
  for (std::size_t n : counts)
    sum += n;
  return sum;
}

std::string Report::summary() const {
  std::string out;
  for (std::size_t k = 0; k < kAnomalyKinds; ++k) {
    if (counts[k] == 0)
      continue;
    if (!out.empty())
      out += ' ';
    out += name(static_cast<Anomaly>(k));
    out += '=';
    out += std::to_string(counts[k]);
  }
  return out.empty() ? "clean" : out;
}

std::string Report::to_string() const {
  std::ostringstream out;
  out << "elle: " << calls << " calls (" << committed << " committed, " << failed
      << " failed); edges ww=" << ww << " wr=" << wr << " rw=" << rw << " rt=" << rt
      << "\nanomalies: " << summary() << '\n';
  for (std::size_t k = 0; k < kAnomalyKinds; ++k) {
    if (counts[k] == 0)
      continue;
    out << name(static_cast<Anomaly>(k)) << " (" << counts[k] << "):\n";
    for (const std::string &example : examples[k])
      out << "  " << example << '\n';
    if (examples[k].size() < counts[k])
      out << "  ...\n";
  }
  return out.str();
}

namespace {

enum EdgeKind : std::uint8_t { WW = 1, WR = 2, RW = 4, RT = 8 };
constexpr std::uint8_t kData = WW | WR | RW;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct Edge {
  std::size_t to;
  std::uint8_t kind;
  std::size_t key; // kNone for rt
};

// Who appended a value to one list.
struct Writer {
  std::size_t call;
  bool last_in_call; // the call's last append to that list
};

struct List {
  std::string name;
  std::unordered_map<long, Writer> writers;
  bool has_final = false;
  std::vector<long> order;                   // the final value, or the longest read
  std::unordered_map<long, std::size_t> pos; // first index of each element in order
};

// A cycle as the edges it takes: from each node, the edge to the next.
using Cycle = std::vector<std::pair<std::size_t, const Edge *>>;

class Checker {
public:
  Checker(const History &history, const Options &options)
      : h_(history), options_(options), adj_(history.calls.size()) {}

  Report run() {
    report_.calls = h_.calls.size();
    for (const Call &call : h_.calls)
      (committed(call) ? report_.committed : report_.failed) += 1;
    index_writers();
    build_orders();
    check_finals();
    check_reads();
    check_internal();
    add_ww();
    add_wr_rw();
    if (options_.realtime)
      add_rt();
    find_cycles();
    return std::move(report_);
  }

private:
  static bool committed(const Call &call) { return call.outcome == Outcome::committed; }
  bool committed(std::size_t c) const { return committed(h_.calls[c]); }

  std::size_t list_id(const std::string &key) {
    auto [it, inserted] = ids_.try_emplace(key, lists_.size());
    if (inserted) {
      lists_.emplace_back();
      lists_.back().name = key;
    }
    return it->second;
  }
  const Writer *writer(std::size_t list, long value) const {
    auto found = lists_[list].writers.find(value);
    return found == lists_[list].writers.end() ? nullptr : &found->second;
  }

  void add(Anomaly kind, const std::string &example) {
    auto k = static_cast<std::size_t>(kind);
    ++report_.counts[k];
    if (report_.examples[k].size() < options_.max_examples)
      report_.examples[k].push_back(example);
  }

  // Built by appending: g++ 12 warns falsely (-Wrestrict, its bug 105651) on
  // "literal" + std::string.
  std::string tname(std::size_t c) const {
    std::string out("T");
    out += std::to_string(h_.calls[c].id);
    return out;
  }

  static std::string show(const std::vector<long> &values) {
    constexpr std::size_t shown = 6;
    std::string out = "[";
    std::size_t from = 0;
    if (values.size() > shown) {
      from = values.size() - shown;
      out += '(';
      out += std::to_string(from);
      out += " more) ";
    }
    for (std::size_t i = from; i < values.size(); ++i) {
      if (i > from)
        out += ' ';
      out += std::to_string(values[i]);
    }
    return out + "]";
  }

  // "T12 committed: r(a)=[1 2] a(b,7)" or "T13 failed (what): a(a,8) r(b)=?"
  std::string describe(std::size_t c) const {
    const Call &call = h_.calls[c];
    std::string out = tname(c);
    if (committed(call))
      out += " committed:";
    else
      out += " failed (" + call.error + "):";
    for (const Op &op : call.ops) {
      if (op.kind == Op::Kind::append)
        out += " a(" + op.key + "," + std::to_string(op.value) + ")";
      else
        out += " r(" + op.key + ")=" + (op.seen ? show(*op.seen) : std::string("?"));
    }
    return out;
  }

  std::string who_appended(const Writer &w) const {
    return (committed(w.call) ? "committed " : "failed ") + tname(w.call);
  }

  void index_writers() {
    for (std::size_t c = 0; c < h_.calls.size(); ++c) {
      const Call &call = h_.calls[c];
      for (std::size_t i = 0; i < call.ops.size(); ++i) {
        const Op &op = call.ops[i];
        std::size_t l = list_id(op.key);
        if (op.kind != Op::Kind::append)
          continue;
        bool last = true;
        for (std::size_t j = i + 1; j < call.ops.size() && last; ++j)
          last = !(call.ops[j].kind == Op::Kind::append && call.ops[j].key == op.key);
        auto [it, inserted] = lists_[l].writers.try_emplace(op.value, Writer{c, last});
        if (!inserted)
          add(Anomaly::invalid_history, std::to_string(op.value) + " appended to " + op.key +
                                            " by both " + tname(it->second.call) + " and " +
                                            tname(c));
      }
    }
    for (const auto &[key, value] : h_.final_values)
      list_id(key);
  }

  void build_orders() {
    for (const auto &[key, value] : h_.final_values) {
      List &list = lists_[ids_.at(key)];
      list.has_final = true;
      list.order = value;
    }
    // A list without a final value: its longest committed read.
    for (const Call &call : h_.calls) {
      if (!committed(call))
        continue;
      for (const Op &op : call.ops) {
        if (op.kind != Op::Kind::read || !op.seen)
          continue;
        List &list = lists_[ids_.at(op.key)];
        if (!list.has_final && op.seen->size() > list.order.size())
          list.order = *op.seen;
      }
    }
    for (List &list : lists_)
      for (std::size_t i = 0; i < list.order.size(); ++i)
        list.pos.try_emplace(list.order[i], i);
  }

  // An element twice in one value.
  void check_duplicates(const std::vector<long> &values, const std::string &what) {
    std::unordered_set<long> seen;
    for (long v : values)
      if (!seen.insert(v).second)
        add(Anomaly::duplicate, what + " holds " + std::to_string(v) + " twice: " + show(values));
  }

  void check_finals() {
    for (std::size_t l = 0; l < lists_.size(); ++l) {
      const List &list = lists_[l];
      if (!list.has_final)
        continue;
      std::string what = "final " + list.name;
      check_duplicates(list.order, what);
      for (long v : list.order) {
        const Writer *w = writer(l, v);
        if (!w)
          add(Anomaly::garbage,
              what + " holds " + std::to_string(v) + ", which no call appended to " + list.name);
        else if (!committed(w->call))
          add(Anomaly::failed_append_stayed,
              what + " holds " + std::to_string(v) + ", appended by " + describe(w->call));
      }
      for (const auto &[v, w] : list.writers)
        if (committed(w.call) && !list.pos.count(v))
          add(Anomaly::lost_append, what + " " + show(list.order) + " lacks " + std::to_string(v) +
                                        ", appended by " + describe(w.call));
    }
  }

  // Whether a read is a prefix of its list's order.
  bool is_prefix(const List &list, const std::vector<long> &seen) const {
    return seen.size() <= list.order.size() &&
           std::equal(seen.begin(), seen.end(), list.order.begin());
  }

  // Calls fn(c, op, l, seen) for every read that saw a value (op.seen) in a
  // committed call c: l is the index of the list read, seen what it held.
  template <class Fn> void for_each_committed_read(Fn fn) const {
    for (std::size_t c = 0; c < h_.calls.size(); ++c) {
      if (!committed(c))
        continue;
      for (const Op &op : h_.calls[c].ops)
        if (op.kind == Op::Kind::read && op.seen)
          fn(c, op, ids_.at(op.key), *op.seen);
    }
  }

  void check_reads() {
    for_each_committed_read([&](std::size_t c, const Op &op, std::size_t l,
                                const std::vector<long> &seen) {
      const List &list = lists_[l];
      std::string what = tname(c) + "'s read of " + op.key;
      check_duplicates(seen, what);
      const Writer *aborted = nullptr; // the first failed call's append seen
      long aborted_value = 0;
      for (long v : seen) {
        const Writer *w = writer(l, v);
        if (!w)
          add(Anomaly::garbage,
              what + " holds " + std::to_string(v) + ", which no call appended to " + op.key);
        else if (!committed(w->call) && !aborted) {
          aborted = w;
          aborted_value = v;
        }
      }
      if (aborted)
        add(Anomaly::aborted_read, what + " " + show(seen) + " holds " +
                                       std::to_string(aborted_value) + ", appended by " +
                                       describe(aborted->call));
      if (!seen.empty()) {
        const Writer *w = writer(l, seen.back());
        if (w && w->call != c && committed(w->call) && !w->last_in_call)
          add(Anomaly::intermediate_read, what + " " + show(seen) + " ends with " +
                                              std::to_string(seen.back()) +
                                              ", not the last append of " + describe(w->call));
      }
      if (!is_prefix(list, seen)) {
        std::size_t i = 0;
        while (i < seen.size() && i < list.order.size() && seen[i] == list.order[i])
          ++i;
        std::string at = i < seen.size() ? std::to_string(seen[i]) : std::string("nothing");
        std::string theirs =
            i < list.order.size() ? std::to_string(list.order[i]) : std::string("nothing");
        add(Anomaly::incompatible_order,
            what + " is not a prefix of " +
                (list.has_final ? "the final value" : "the longest read") + ": at index " +
                std::to_string(i) + " it has " + at + " where the order has " + theirs +
                " (read " + show(seen) + ", order " + show(list.order) + ")");
      }
    });
  }

  // A call's reads must agree with its own earlier reads and appends of the
  // same list: what it read before plus what it appended since.
  void check_internal() {
    struct Known {
      std::optional<std::vector<long>> value;
      std::vector<long> appended; // since the last read, when value is unknown
    };
    for (std::size_t c = 0; c < h_.calls.size(); ++c) {
      if (!committed(c))
        continue;
      std::map<std::string, Known> known;
      for (const Op &op : h_.calls[c].ops) {
        Known &k = known[op.key];
        if (op.kind == Op::Kind::append) {
          (k.value ? *k.value : k.appended).push_back(op.value);
          continue;
        }
        if (!op.seen) {
          k = Known{};
          continue;
        }
        const std::vector<long> &seen = *op.seen;
        if (k.value && seen != *k.value)
          add(Anomaly::internal, tname(c) + " read " + op.key + " as " + show(seen) +
                                     " where its own ops made it " + show(*k.value) + ": " +
                                     describe(c));
        else if (!k.value && (seen.size() < k.appended.size() ||
                              !std::equal(k.appended.rbegin(), k.appended.rend(), seen.rbegin())))
          add(Anomaly::internal, tname(c) + " read " + op.key + " as " + show(seen) +
                                     ", which does not end with its own appends " +
                                     show(k.appended) + ": " + describe(c));
        k.value = seen;
        k.appended.clear();
      }
    }
  }

  void edge(std::size_t from, std::size_t to, std::uint8_t kind, std::size_t key) {
    if (from == to)
      return;
    std::uint64_t id = (static_cast<std::uint64_t>(from) * adj_.size() + to) * 16 + kind;
    if (!edges_.insert(id).second)
      return;
    adj_[from].push_back(Edge{to, kind, key});
    (kind == WW ? report_.ww : kind == WR ? report_.wr : kind == RW ? report_.rw : report_.rt) += 1;
  }

  // The committed call that appended order[i] to list l, or kNone (garbage,
  // a failed call's append, or a duplicate's later copy).
  std::size_t committed_writer_at(std::size_t l, std::size_t i) const {
    const List &list = lists_[l];
    if (list.pos.at(list.order[i]) != i)
      return kNone;
    const Writer *w = writer(l, list.order[i]);
    return w && committed(w->call) ? w->call : kNone;
  }

  void add_ww() {
    for (std::size_t l = 0; l < lists_.size(); ++l) {
      std::size_t prev = kNone;
      for (std::size_t i = 0; i < lists_[l].order.size(); ++i) {
        std::size_t w = committed_writer_at(l, i);
        if (w == kNone)
          continue;
        if (prev != kNone)
          edge(prev, w, WW, l);
        prev = w;
      }
    }
  }

  void add_wr_rw() {
    for_each_committed_read([&](std::size_t c, const Op &, std::size_t l,
                                const std::vector<long> &seen) {
      // wr: the last element seen that another committed call appended.
      for (auto v = seen.rbegin(); v != seen.rend(); ++v) {
        const Writer *w = writer(l, *v);
        if (w && w->call != c && committed(w->call)) {
          edge(w->call, c, WR, l);
          break;
        }
      }
      // rw: the first element past the prefix read that another committed
      // call appended.
      if (!is_prefix(lists_[l], seen))
        return;
      for (std::size_t i = seen.size(); i < lists_[l].order.size(); ++i) {
        std::size_t w = committed_writer_at(l, i);
        if (w != kNone && w != c) {
          edge(c, w, RW, l);
          break;
        }
      }
    });
  }

  // a -> b when a completed before b was invoked, reduced: a is linked to b
  // only when no c was invoked after a completed and completed before b was
  // invoked (then a -> c -> b already). Those a are the calls that completed
  // in [M, invoke(b)), M the latest invoke of a call completed before b's.
  void add_rt() {
    std::vector<std::size_t> timed;
    for (std::size_t c = 0; c < h_.calls.size(); ++c)
      if (committed(c) && h_.calls[c].invoke >= 0 && h_.calls[c].complete >= 0)
        timed.push_back(c);
    std::sort(timed.begin(), timed.end(), [&](std::size_t a, std::size_t b) {
      return h_.calls[a].complete < h_.calls[b].complete;
    });
    std::vector<std::int64_t> completes, latest_invoke;
    for (std::size_t c : timed) {
      completes.push_back(h_.calls[c].complete);
      std::int64_t invoke = h_.calls[c].invoke;
      latest_invoke.push_back(latest_invoke.empty() ? invoke
                                                    : std::max(latest_invoke.back(), invoke));
    }
    for (std::size_t b : timed) {
      auto end = std::lower_bound(completes.begin(), completes.end(), h_.calls[b].invoke);
      std::size_t n = static_cast<std::size_t>(end - completes.begin());
      if (n == 0)
        continue;
      std::int64_t m = latest_invoke[n - 1];
      auto begin = std::lower_bound(completes.begin(), end, m);
      for (auto i = static_cast<std::size_t>(begin - completes.begin()); i < n; ++i)
        edge(timed[i], b, RT, kNone);
    }
  }

  // Tarjan's strongly connected components (iteratively) of the graph of
  // `mask` edges among `nodes` (those marked in `within`): those with two
  // nodes or more.
  std::vector<std::vector<std::size_t>> components(const std::vector<std::size_t> &nodes,
                                                   std::uint8_t mask,
                                                   const std::vector<char> &within) const {
    std::vector<std::vector<std::size_t>> out;
    std::unordered_map<std::size_t, std::size_t> index, low;
    std::unordered_set<std::size_t> on_stack;
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> frames; // node, next edge
    std::size_t counter = 0;
    auto enter = [&](std::size_t v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      on_stack.insert(v);
      frames.emplace_back(v, 0);
    };
    for (std::size_t root : nodes) {
      if (index.count(root))
        continue;
      enter(root);
      while (!frames.empty()) {
        auto [v, next] = frames.back();
        if (next < adj_[v].size()) {
          frames.back().second = next + 1;
          const Edge &e = adj_[v][next];
          if (!(e.kind & mask) || !within[e.to])
            continue;
          if (!index.count(e.to))
            enter(e.to);
          else if (on_stack.count(e.to))
            low[v] = std::min(low[v], index[e.to]);
          continue;
        }
        frames.pop_back();
        if (!frames.empty())
          low[frames.back().first] = std::min(low[frames.back().first], low[v]);
        if (low[v] != index[v])
          continue;
        std::vector<std::size_t> component;
        std::size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack.erase(w);
          component.push_back(w);
        } while (w != v);
        if (component.size() > 1)
          out.push_back(std::move(component));
      }
    }
    return out;
  }

  // The shortest path from `from` to `to` over `mask` edges within `within`,
  // by breadth-first search; empty when there is none. from == to finds the
  // shortest cycle through it.
  Cycle path(std::size_t from, std::size_t to, std::uint8_t mask,
             const std::vector<char> &within) const {
    std::unordered_map<std::size_t, std::pair<std::size_t, const Edge *>> parent;
    std::deque<std::size_t> queue{from};
    parent.emplace(from, std::pair<std::size_t, const Edge *>{kNone, nullptr});
    while (!queue.empty()) {
      std::size_t v = queue.front();
      queue.pop_front();
      for (const Edge &e : adj_[v]) {
        if (!(e.kind & mask) || !within[e.to])
          continue;
        if (e.to == to) {
          Cycle out{{v, &e}};
          for (std::size_t u = v; u != from;) {
            auto [p, pe] = parent.at(u);
            out.emplace_back(p, pe);
            u = p;
          }
          std::reverse(out.begin(), out.end());
          return out;
        }
        if (parent.emplace(e.to, std::pair<std::size_t, const Edge *>{v, &e}).second)
          queue.push_back(e.to);
      }
    }
    return {};
  }

  std::string show(const Cycle &cycle) const {
    std::string out = tname(cycle.front().first);
    for (const auto &[from, e] : cycle) {
      const char *kind = e->kind == WW ? "ww" : e->kind == WR ? "wr" : e->kind == RW ? "rw" : "rt";
      out += std::string(" -") + kind;
      if (e->key != kNone)
        out += "(" + lists_[e->key].name + ")";
      out += "-> " + tname(e->to);
    }
    for (const auto &step : cycle)
      out += "\n      " + describe(step.first);
    return out;
  }

  // A cycle within the first of `components` over `mask` edges, or empty.
  Cycle cycle_in(const std::vector<std::vector<std::size_t>> &components, std::uint8_t mask) const {
    if (components.empty())
      return {};
    const std::vector<std::size_t> &c = components.front();
    std::vector<char> inner(h_.calls.size());
    for (std::size_t v : c)
      inner[v] = 1;
    return path(c.front(), c.front(), mask, inner);
  }

  // The weakest cycle in one component of the ww/wr/rw graph.
  void classify(const std::vector<std::size_t> &component, std::vector<char> &within) {
    for (std::size_t v : component)
      within[v] = 1;
    Cycle found;
    Anomaly kind = Anomaly::G2;
    if (Cycle c = cycle_in(components(component, WW, within), WW); !c.empty()) {
      found = std::move(c);
      kind = Anomaly::G0;
    } else if (Cycle c = cycle_in(components(component, WW | WR, within), WW | WR); !c.empty()) {
      found = std::move(c);
      kind = Anomaly::G1c;
    } else {
      // G-single: one rw edge u -> v, then back from v to u without rw.
      for (std::size_t u : component) {
        for (const Edge &e : adj_[u]) {
          if (e.kind != RW || !within[e.to])
            continue;
          Cycle back = path(e.to, u, WW | WR, within);
          if (back.empty())
            continue;
          found = Cycle{{u, &e}};
          found.insert(found.end(), back.begin(), back.end());
          kind = Anomaly::G_single;
          break;
        }
        if (!found.empty())
          break;
      }
      if (found.empty())
        found = path(component.front(), component.front(), kData, within);
    }
    if (kind != Anomaly::G_single) // which starts with its rw edge
      rotate_to_lowest(found);
    add(kind, show(found));
    for (std::size_t v : component)
      within[v] = 0;
  }

  // Starts the cycle at its earliest call, so a report does not depend on
  // where the search began.
  static void rotate_to_lowest(Cycle &cycle) {
    auto lowest = std::min_element(cycle.begin(), cycle.end(),
                                   [](const auto &x, const auto &y) { return x.first < y.first; });
    std::rotate(cycle.begin(), lowest, cycle.end());
  }

  void find_cycles() {
    std::vector<std::size_t> nodes;
    std::vector<char> all(h_.calls.size()), within(h_.calls.size());
    for (std::size_t c = 0; c < h_.calls.size(); ++c)
      if (committed(c)) {
        nodes.push_back(c);
        all[c] = 1;
      }
    std::vector<char> in_data_cycle(h_.calls.size());
    for (const auto &component : components(nodes, kData, all)) {
      for (std::size_t v : component)
        in_data_cycle[v] = 1;
      classify(component, within);
    }
    if (report_.rt == 0)
      return;
    for (const auto &component : components(nodes, kData | RT, all)) {
      if (std::any_of(component.begin(), component.end(),
                      [&](std::size_t v) { return in_data_cycle[v] != 0; }))
        continue;
      for (std::size_t v : component)
        within[v] = 1;
      Cycle found = path(component.front(), component.front(), kData | RT, within);
      rotate_to_lowest(found);
      add(Anomaly::realtime, show(found));
      for (std::size_t v : component)
        within[v] = 0;
    }
  }

  const History &h_;
  Options options_;
  Report report_;
  std::map<std::string, std::size_t> ids_;
  std::vector<List> lists_;
  std::vector<std::vector<Edge>> adj_;
  std::unordered_set<std::uint64_t> edges_;
};

} // namespace

Report check(const History &history, const Options &options) {
  return Checker(history, options).run();
}

} // namespace elle
