// job.h - make_job: a job's map, reduce and combine functions behind JobBase.
//
// Everything here is instantiated once per job with its own key type K, map value
// type V and reduce result type R, so the per-pair paths (emit, hash lookup,
// combine) are direct code with no type erasure beyond the Emitter's one call.
#pragma once

#include "flowc/flowc.h"
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/field_ops.h"
#include "flowc/mapreduce/job_base.h"
#include "flowc/mapreduce/key_table.h"
#include "flowc/mapreduce/text.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowc::mapreduce {

// A job as the program's main() receives it: a name and its functions.
class Job {
public:
  explicit Job(std::shared_ptr<JobBase> impl) : impl_(std::move(impl)) {}
  JobBase &impl() const { return *impl_; }
  const std::string &name() const { return impl_->name(); }

private:
  std::shared_ptr<JobBase> impl_;
};

namespace detail {

// Heap bytes a field owns beyond its own sizeof (for the memory budget).
template <class T> std::size_t heap_bytes(const T &value) {
  if constexpr (std::is_same_v<T, std::string>)
    return value.capacity() > 15 ? value.capacity() + 1 : 0;
  else
    return (void)value, 0;
}

// How a key's values are stored while they are collected: as V, except bool.
// std::vector<bool> packs its elements into bits, so no std::span<const bool> can
// view it; bools are kept one per byte (0 or 1) and copied into real bools for
// each reduce call (ValuesView).
template <Field V>
using Stored = std::conditional_t<std::is_same_v<V, bool>, unsigned char, V>;

// Presents collected values as the std::span<const V> a reduce function takes:
// the vector itself, or for bool a copy in a buffer reused from key to key.
template <Field V> class ValuesView {
public:
  std::span<const V> operator()(const std::vector<Stored<V>> &values) {
    return std::span<const V>(values);
  }
};

template <> class ValuesView<bool> {
public:
  std::span<const bool> operator()(const std::vector<unsigned char> &values) {
    if (capacity_ < values.size()) {
      capacity_ = std::max(values.size(), 2 * capacity_);
      bools_ = std::make_unique<bool[]>(capacity_);
    }
    for (std::size_t i = 0; i < values.size(); ++i)
      bools_[i] = values[i] != 0;
    return std::span<const bool>(bools_.get(), values.size());
  }

private:
  std::unique_ptr<bool[]> bools_;
  std::size_t capacity_ = 0;
};

// Orders values the way `sort` orders their lines: by text. Reduce functions see
// values in this order in every mode, so even order-sensitive ones (a floating
// sum, a concatenation) print the same bytes in `run` and in the pipeline.
template <Field V> void sort_by_text(std::vector<Stored<V>> &values) {
  if (values.size() < 2)
    return;
  if constexpr (std::is_same_v<V, bool>) {
    std::sort(values.begin(), values.end()); // 0 < 1 as "false" < "true"
  } else {
    bool all_same = true;
    for (std::size_t i = 1; i < values.size() && all_same; ++i)
      all_same = FieldOps<V>::equal(values[i - 1], values[i]);
    if (all_same)
      return;
    TextBuffer text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    spans.reserve(values.size());
    for (const V &value : values) {
      std::size_t start = text.size();
      append_text(text, value);
      spans.emplace_back(start, text.size() - start);
    }
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return text.view(spans[a].first, spans[a].second) <
             text.view(spans[b].first, spans[b].second);
    });
    std::vector<V> sorted;
    sorted.reserve(values.size());
    for (std::size_t i : order)
      sorted.push_back(std::move(values[i]));
    values.swap(sorted);
  }
}

std::string describe_exception(std::exception_ptr error);

template <Field K, Field V, class Self, bool Combining> class TableTask;

} // namespace detail

template <Field K, Field V, Field R, class MapFn, class ReduceFn,
          class CombineFn>
class JobImpl final : public JobBase {
public:
  using KeyView = typename FieldOps<K>::view_type;
  static constexpr bool can_combine = !std::is_same_v<CombineFn, std::nullptr_t>;

  JobImpl(std::string name, MapFn map, ReduceFn reduce, CombineFn combine)
      : JobBase(std::move(name)), map_(std::move(map)),
        reduce_(std::move(reduce)), combine_(std::move(combine)) {}

  bool has_combiner() const override {
    if constexpr (std::is_same_v<CombineFn, std::nullptr_t>)
      return false;
    else if constexpr (std::is_pointer_v<CombineFn> ||
                       std::is_member_pointer_v<CombineFn>)
      return combine_ != nullptr;
    else
      return true;
  }

  void call_map(std::string_view line, Emitter<K, V> &out,
                std::string &scratch) {
    if constexpr (std::is_invocable_v<MapFn &, std::string_view,
                                      Emitter<K, V> &>) {
      std::invoke(map_, line, out);
    } else {
      scratch.assign(line);
      std::invoke(map_, std::as_const(scratch), out);
    }
  }

  R call_reduce(const K &key, std::span<const V> values) {
    return std::invoke(reduce_, key, values);
  }

  // Only instantiated for jobs that can have a combiner.
  V call_combine(const K &key, std::span<const V> values) {
    return std::invoke(combine_, key, values);
  }

  void map_stream(BlockReader &in, FdWriter &out) override {
    auto sink = [&out](KeyView key, const V &value) {
      TextBuffer &buffer = out.buffer();
      append_text(buffer, key);
      buffer.push_back('\t');
      append_text(buffer, value);
      buffer.push_back('\n');
    };
    Emitter<K, V> emitter(sink);
    std::string scratch;
    std::uint64_t line_number = 0;
    std::string_view block;
    while (in.next(block)) {
      for_each_line(block, [&](std::string_view line) {
        ++line_number;
        try {
          call_map(line, emitter, scratch);
        } catch (...) {
          throw Error("map: line " + std::to_string(line_number) +
                      ": the map function failed: " +
                      detail::describe_exception(std::current_exception()));
        }
        out.maybe_flush();
      });
    }
    out.flush();
  }

  void reduce_lines(LineSource &in, LineSink &out,
                    ReducePhase phase) override {
    const char *what = phase == ReducePhase::Reduce    ? "reduce"
                       : phase == ReducePhase::Combine ? "combine"
                                                       : "spilled data";
    if (phase == ReducePhase::Combine) {
      if constexpr (can_combine)
        if (has_combiner())
          return output_groups<V>(
              in, out, what, "combine",
              [this](const K &key, std::span<const V> values) {
                return call_combine(key, values);
              });
      throw UsageError("job " + name() + " has no combine function");
    } else {
      output_groups<R>(in, out, what, "reduce",
                       [this](const K &key, std::span<const V> values) {
                         return call_reduce(key, values);
                       });
    }
  }

  std::unique_ptr<MapTask> make_task(const TaskConfig &config) override;
  void reduce_tables(std::span<MapTask *const> tasks, unsigned partition,
                     LineSet &out) override;

private:
  // Groups consecutive lines with equal keys and outputs fn(key, values) for each.
  template <Field Out, class Fn>
  void output_groups(LineSource &in, LineSink &out, const char *what,
                     const char *function, Fn fn) {
    std::string_view line;
    std::uint64_t line_number = 0;
    bool in_group = false;
    std::string group_text; // the key's text on the group's latest line
    K key{};
    std::vector<detail::Stored<V>> values;
    detail::ValuesView<V> view;
    TextBuffer result;
    auto fail = [&](const std::string &message) {
      throw Error(std::string(what) + ": line " + std::to_string(line_number) +
                  ": " + message);
    };
    auto flush = [&] {
      Out value;
      try {
        value = fn(key, view(values));
      } catch (...) {
        throw Error(std::string(function) + ": the " + function +
                    " function failed for key " +
                    quote_for_message(to_text(key)) + ": " +
                    detail::describe_exception(std::current_exception()));
      }
      result.clear();
      append_text(result, key);
      result.push_back('\t');
      append_text(result, value);
      out.put(result.view());
      values.clear();
    };
    while (in.next(line)) {
      ++line_number;
      const auto *tab =
          static_cast<const char *>(std::memchr(line.data(), '\t', line.size()));
      if (!tab)
        fail("no TAB between key and value in " + quote_for_message(line));
      std::string_view key_text(line.data(),
                                static_cast<std::size_t>(tab - line.data()));
      std::string_view value_text(tab + 1, line.size() - key_text.size() - 1);
      // Equal text is the same key; different text may still be (say "01" and
      // "1"), so parse then and compare values.
      if (!in_group || key_text != group_text) {
        K parsed{};
        if (const char *error = parse_text(key_text, parsed))
          fail("bad key " + quote_for_message(key_text) + " (" +
               field_type_name<K>() + "): " + error);
        if (!in_group || !FieldOps<K>::equal(parsed, key)) {
          if (in_group)
            flush();
          key = std::move(parsed);
          in_group = true;
        }
        group_text.assign(key_text);
      }
      V value{};
      if (const char *error = parse_text(value_text, value))
        fail("bad value " + quote_for_message(value_text) + " (" +
             field_type_name<V>() + "): " + error);
      values.push_back(std::move(value));
    }
    if (in_group)
      flush();
  }

  MapFn map_;
  ReduceFn reduce_;
  CombineFn combine_;
};

namespace detail {

// One `run` thread's tables. With a combiner each key holds one combined value;
// without one it holds every value, since reduce must see them all.
template <Field K, Field V, class Self, bool Combining>
class TableTask final : public MapTask {
public:
  using Mapped = std::conditional_t<Combining, V, std::vector<Stored<V>>>;
  using Table = KeyTable<K, Mapped>;
  using KeyView = typename FieldOps<K>::view_type;
  // Entry indices are 32 bits; spill well before that.
  static constexpr std::size_t max_entries = std::size_t{1} << 31;

  TableTask(Self &job, const TaskConfig &config)
      : job_(job), tables_(config.partitions), budget_(config.memory_budget),
        spiller_(config.spiller) {}

  void map_chunk(std::string_view text) override {
    auto sink = [this](KeyView key, const V &value) { add(key, value); };
    Emitter<K, V> emitter(sink);
    for_each_line(text, [&](std::string_view line) {
      try {
        job_.call_map(line, emitter, scratch_);
      } catch (...) {
        throw MapLineError("the map function failed: " +
                               describe_exception(std::current_exception()),
                           static_cast<std::size_t>(line.data() - text.data()));
      }
      if (bytes_ > budget_ || largest_ >= max_entries)
        spill();
    });
  }

  void drain(std::span<LineSet> partitions) override {
    for (std::size_t p = 0; p < tables_.size(); ++p) {
      LineSet &lines = partitions[p];
      for (auto &entry : tables_[p].entries()) {
        if constexpr (Combining) {
          add_line(lines, entry.key, entry.mapped);
        } else {
          for (const Stored<V> &value : entry.mapped)
            add_line(lines, entry.key, value);
        }
      }
      tables_[p].reset();
      lines.sort();
    }
    bytes_ = 0;
    largest_ = 0;
  }

  std::size_t memory_bytes() const override { return bytes_; }

  Table &table(unsigned partition) { return tables_[partition]; }

private:
  static void add_line(LineSet &lines, const K &key, const V &value) {
    lines.begin_line();
    append_text(lines.text(), key);
    lines.text().push_back('\t');
    append_text(lines.text(), value);
    lines.end_line();
  }

  void spill() {
    if (spiller_)
      spiller_->spill(*this);
  }

  void add(KeyView key, const V &value) {
    const std::uint64_t hash = Table::hash(key);
    Table &table = tables_.size() == 1
                       ? tables_[0]
                       : tables_[((hash >> 32) * tables_.size()) >> 32];
    const std::size_t before = table.memory_bytes();
    auto [entry, inserted] = table.find_or_insert(key, hash, [&] {
      if constexpr (Combining)
        return value;
      else
        return std::vector<Stored<V>>{value};
    });
    if (inserted) {
      bytes_ += table.memory_bytes() - before + heap_bytes(entry->key) +
                heap_bytes(value);
      if constexpr (!Combining)
        bytes_ += sizeof(Stored<V>);
      largest_ = std::max(largest_, table.size());
    } else if constexpr (Combining) {
      const std::size_t old_heap = heap_bytes(entry->mapped);
      V pair[2] = {std::move(entry->mapped), value};
      entry->mapped = job_.call_combine(entry->key, std::span<const V>(pair));
      bytes_ += heap_bytes(entry->mapped) - old_heap;
    } else {
      std::vector<Stored<V>> &values = entry->mapped;
      const std::size_t old_capacity = values.capacity();
      values.push_back(value);
      bytes_ += (values.capacity() - old_capacity) * sizeof(Stored<V>) +
                heap_bytes(value);
    }
  }

  Self &job_;
  std::vector<Table> tables_;
  std::size_t budget_;
  Spiller *spiller_;
  std::size_t bytes_ = 0;
  std::size_t largest_ = 0;
  std::string scratch_; // the line, for map functions taking const std::string&
};

} // namespace detail

template <Field K, Field V, Field R, class MapFn, class ReduceFn,
          class CombineFn>
std::unique_ptr<MapTask>
JobImpl<K, V, R, MapFn, ReduceFn, CombineFn>::make_task(
    const TaskConfig &config) {
  if constexpr (can_combine)
    if (has_combiner())
      return std::make_unique<detail::TableTask<K, V, JobImpl, true>>(*this,
                                                                      config);
  return std::make_unique<detail::TableTask<K, V, JobImpl, false>>(*this,
                                                                   config);
}

template <Field K, Field V, Field R, class MapFn, class ReduceFn,
          class CombineFn>
void JobImpl<K, V, R, MapFn, ReduceFn, CombineFn>::reduce_tables(
    std::span<MapTask *const> tasks, unsigned partition, LineSet &out) {
  auto run = [&]<bool Combining>() {
    using Task = detail::TableTask<K, V, JobImpl, Combining>;
    using Table = typename Task::Table;
    [[maybe_unused]] detail::ValuesView<V> view; // without a combiner
    // Merge every task's table into the largest one.
    Table *base = nullptr;
    for (MapTask *task : tasks) {
      Table &table = static_cast<Task *>(task)->table(partition);
      if (!base || table.size() > base->size())
        base = &table;
    }
    if (!base)
      return;
    for (MapTask *task : tasks) {
      Table &table = static_cast<Task *>(task)->table(partition);
      if (&table == base)
        continue;
      for (auto &entry : table.entries()) {
        auto *found = base->insert_or_find(std::move(entry));
        if (!found)
          continue;
        if constexpr (Combining) {
          V pair[2] = {std::move(found->mapped), std::move(entry.mapped)};
          found->mapped = call_combine(found->key, std::span<const V>(pair));
        } else {
          found->mapped.insert(found->mapped.end(),
                               std::make_move_iterator(entry.mapped.begin()),
                               std::make_move_iterator(entry.mapped.end()));
        }
      }
      table.reset();
    }
    for (auto &entry : base->entries()) {
      R result;
      try {
        if constexpr (Combining) {
          result = call_reduce(entry.key, std::span<const V>(&entry.mapped, 1));
        } else {
          detail::sort_by_text<V>(entry.mapped);
          result = call_reduce(entry.key, view(entry.mapped));
        }
      } catch (...) {
        throw Error("reduce: the reduce function failed for key " +
                    quote_for_message(to_text(entry.key)) + ": " +
                    detail::describe_exception(std::current_exception()));
      }
      out.begin_line();
      append_text(out.text(), entry.key);
      out.text().push_back('\t');
      append_text(out.text(), result);
      out.end_line();
    }
    base->reset();
  };
  if constexpr (can_combine)
    if (has_combiner())
      return run.template operator()<true>();
  run.template operator()<false>();
}

// Makes a job from its map, reduce and (optional, else nullptr) combine function.
//   map:     void(std::string_view line, flowc::Emitter<K, V>&)
//            (or const std::string& line)
//   reduce:  R(const K&, std::span<const V>)   (std::string_view key for strings)
//   combine: V(const K&, std::span<const V>)
template <Field K, Field V, Field R, class MapFn, class ReduceFn,
          class CombineFn = std::nullptr_t>
Job make_job(std::string name, MapFn map, ReduceFn reduce,
             CombineFn combine = nullptr) {
  static_assert(
      std::is_invocable_v<MapFn &, std::string_view, Emitter<K, V> &> ||
          std::is_invocable_v<MapFn &, const std::string &, Emitter<K, V> &>,
      "the map function must take (std::string_view or const std::string&, "
      "flowc::Emitter<K, V>&)");
  static_assert(
      std::is_invocable_r_v<R, ReduceFn &, const K &, std::span<const V>>,
      "the reduce function must take (const K&, std::span<const V>) and "
      "return R");
  static_assert(std::is_same_v<CombineFn, std::nullptr_t> ||
                    std::is_invocable_r_v<V, CombineFn &, const K &,
                                          std::span<const V>>,
                "the combine function must take (const K&, std::span<const V>) "
                "and return V");
  return Job(std::make_shared<JobImpl<K, V, R, MapFn, ReduceFn, CombineFn>>(
      std::move(name), std::move(map), std::move(reduce), std::move(combine)));
}

} // namespace flowc::mapreduce
