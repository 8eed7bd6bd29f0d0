// run.cpp - the `run` engine: parallel map into tables, spills, parallel reduce, output.
//
// Phases:
//  1. map: each thread takes chunks of whole lines and maps them into its own
//     MapTask, whose tables are split into one partition per reduce thread by key
//     hash. A task that outgrows its share of the memory limit drains its tables
//     as sorted lines into a spill run (a temporary file); when too many runs pile
//     up, the smallest are merged into one so open files stay bounded.
//  2. reduce: partition p is reduced by one thread. Without spills it merges
//     partition p of every task in memory; with spills it k-way merges
//     partition p of every run and of what the tasks still hold, which yields
//     the lines exactly as `sort` would, and reduces consecutive equal keys.
//  3. output: each partition's output lines are sorted; a k-way merge of the
//     partitions writes them in byte order.
#include "run.h"

#include "input.h"
#include "output_file.h"
#include "progress.h"
#include "spill.h"
#include "system.h"

#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"
#include "flowc/mapreduce/job_base.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace flowc::mapreduce {

namespace {

// Merge runs on disk once this many exist, the smallest merge_fan_in at a time.
constexpr std::size_t max_runs = 64;
constexpr std::size_t merge_fan_in = 16;
// Every task has a table per partition; past this, more threads map but no
// more reduce in parallel.
constexpr unsigned max_partitions = 256;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs body(i) for i in [0, n) on n threads while the calling thread calls
// tick() every 200 ms. The first exception calls cancel() (so the others stop
// early) and is rethrown once every thread has ended.
template <class Body, class Tick, class Cancel>
void on_threads(unsigned n, Body body, Tick tick, Cancel cancel) {
  std::mutex mutex;
  std::condition_variable done;
  unsigned running = n;
  std::exception_ptr error;
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!error)
      error = e;
    cancel();
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i) {
    try {
      threads.emplace_back([&, i] {
        try {
          body(i);
        } catch (...) {
          fail(std::current_exception());
        }
        std::lock_guard lock(mutex);
        --running;
        done.notify_all();
      });
    } catch (...) {
      fail(std::current_exception());
      std::lock_guard lock(mutex);
      running -= n - i;
      break;
    }
  }
  {
    std::unique_lock lock(mutex);
    while (running > 0) {
      if (!done.wait_for(lock, std::chrono::milliseconds(200),
                         [&] { return running == 0; })) {
        lock.unlock();
        tick();
        lock.lock();
      }
    }
  }
  for (std::thread &thread : threads)
    thread.join();
  if (error)
    std::rethrow_exception(error);
}

class Engine final : public Spiller {
public:
  Engine(JobBase &job, const RunOptions &options)
      : job_(job), options_(options), threads_(std::max(1u, options.threads)),
        partitions_(std::min(threads_, max_partitions)),
        task_budget_(static_cast<std::size_t>(std::min<std::uint64_t>(
            options.memory_limit / 2 / threads_, SIZE_MAX))) {}

  void run();
  void spill(MapTask &task) override;

private:
  void map_phase(InputQueue &input);
  std::vector<std::unique_ptr<LineSource>> reduce_in_memory();
  std::vector<std::unique_ptr<LineSource>> reduce_spilled();
  void report(const std::string &line) const {
    if (options_.verbose)
      std::fprintf(stderr, "run: %s\n", line.c_str());
  }
  // Read buffer per source when merging `sources` runs on every thread.
  std::size_t merge_block(std::size_t sources) const {
    std::uint64_t share = options_.memory_limit / 4 / threads_ /
                          std::max<std::size_t>(1, sources);
    return static_cast<std::size_t>(
        std::clamp<std::uint64_t>(share, 16 << 10, 1 << 20));
  }

  JobBase &job_;
  const RunOptions &options_;
  unsigned threads_, partitions_;
  std::size_t task_budget_;
  std::atomic<bool> cancelled_{false};

  std::vector<std::unique_ptr<MapTask>> tasks_;
  std::mutex runs_mutex_;
  std::vector<SpillRun> runs_;
  std::atomic<std::uint64_t> spills_{0}, spilled_bytes_{0}, merges_{0};

  std::vector<LineSet> output_sets_;                // in-memory reduce output
  std::vector<std::vector<LineSet>> resident_;      // tables left after spills
  std::vector<std::unique_ptr<OutputRun>> output_runs_;
};

void Engine::run() {
  const Clock::time_point start = Clock::now();
  InputQueue input(options_.inputs, threads_);
  std::unique_ptr<OutputFile> file;
  if (!options_.output.empty() && options_.output != "-")
    file = std::make_unique<OutputFile>(options_.output);
  report("job " + job_.name() + ": " + std::to_string(threads_) +
         " threads, memory limit " + format_bytes(options_.memory_limit) +
         (job_.has_combiner() ? ", combiner" : ", no combiner"));

  map_phase(input);
  report("map: " + format_bytes(input.bytes_done()) + " in " +
         std::to_string(input.chunks_done()) + " chunks, " +
         std::to_string(seconds_since(start)) + " s");

  const Clock::time_point reduce_start = Clock::now();
  std::vector<std::unique_ptr<LineSource>> outputs =
      runs_.empty() ? reduce_in_memory() : reduce_spilled();
  if (runs_.empty())
    report("no spill: reduced in memory");
  else
    report("spilled " + std::to_string(spills_.load()) + " runs (" +
           format_bytes(spilled_bytes_) + "), " +
           std::to_string(merges_.load()) + " intermediate merges");

  FdWriter writer(file ? file->fd() : STDOUT_FILENO,
                  file ? file->name() : "standard output");
  std::uint64_t lines = 0;
  std::string_view line;
  auto write_all_lines = [&](LineSource &source) {
    while (source.next(line)) {
      writer.put(line);
      ++lines;
    }
  };
  if (outputs.size() == 1) {
    write_all_lines(*outputs[0]);
  } else {
    MergeSource merge(std::move(outputs));
    write_all_lines(merge);
  }
  writer.flush();
  if (file)
    file->commit();
  report("reduce and output: " + std::to_string(lines) + " lines, " +
         std::to_string(seconds_since(reduce_start)) + " s");
}

void Engine::map_phase(InputQueue &input) {
  for (unsigned i = 0; i < threads_; ++i)
    tasks_.push_back(job_.make_task(TaskConfig{partitions_, task_budget_, this}));
  Progress progress;
  const std::uint64_t total = input.has_streams() ? 0 : input.known_bytes();
  on_threads(
      threads_,
      [&](unsigned i) {
        Chunk chunk;
        while (input.next(chunk)) {
          try {
            tasks_[i]->map_chunk(chunk.text);
          } catch (const MapLineError &e) {
            throw Error("map: " + input.where(chunk, e.offset) + ": " + e.what());
          }
        }
      },
      [&] { progress.show(input.bytes_done(), total); },
      [&] { input.stop(); });
}

void Engine::spill(MapTask &task) {
  SpillRun run;
  {
    std::vector<LineSet> partitions(partitions_);
    task.drain(partitions);
    run = write_run(partitions);
  }
  ++spills_;
  spilled_bytes_ += run.bytes();
  std::vector<SpillRun> to_merge;
  {
    std::lock_guard lock(runs_mutex_);
    runs_.push_back(std::move(run));
    if (runs_.size() >= max_runs) {
      std::sort(runs_.begin(), runs_.end(),
                [](const SpillRun &a, const SpillRun &b) {
                  return a.bytes() < b.bytes();
                });
      to_merge.assign(std::make_move_iterator(runs_.begin()),
                      std::make_move_iterator(runs_.begin() + merge_fan_in));
      runs_.erase(runs_.begin(), runs_.begin() + merge_fan_in);
    }
  }
  if (to_merge.empty())
    return;
  SpillRun merged =
      merge_runs(to_merge, partitions_, merge_block(to_merge.size()));
  to_merge.clear();
  ++merges_;
  std::lock_guard lock(runs_mutex_);
  runs_.push_back(std::move(merged));
}

std::vector<std::unique_ptr<LineSource>> Engine::reduce_in_memory() {
  output_sets_.resize(partitions_);
  std::vector<MapTask *> tasks;
  for (auto &task : tasks_)
    tasks.push_back(task.get());
  std::atomic<unsigned> next{0};
  on_threads(
      std::min(threads_, partitions_),
      [&](unsigned) {
        for (unsigned p; !cancelled_ && (p = next++) < partitions_;) {
          job_.reduce_tables(tasks, p, output_sets_[p]);
          output_sets_[p].sort();
        }
      },
      [] {}, [&] { cancelled_ = true; });
  tasks_.clear();
  std::vector<std::unique_ptr<LineSource>> outputs;
  for (const LineSet &lines : output_sets_)
    outputs.push_back(std::make_unique<LineSetSource>(lines));
  return outputs;
}

std::vector<std::unique_ptr<LineSource>> Engine::reduce_spilled() {
  // What the tasks still hold becomes one more sorted run each, kept in memory.
  resident_.resize(tasks_.size());
  on_threads(
      threads_,
      [&](unsigned i) {
        resident_[i].resize(partitions_);
        tasks_[i]->drain(resident_[i]);
      },
      [] {}, [&] {});
  tasks_.clear();

  const std::size_t block = merge_block(runs_.size() + resident_.size());
  for (unsigned p = 0; p < partitions_; ++p)
    output_runs_.push_back(std::make_unique<OutputRun>(task_budget_));
  std::atomic<unsigned> next{0};
  on_threads(
      std::min(threads_, partitions_),
      [&](unsigned) {
        for (unsigned p; !cancelled_ && (p = next++) < partitions_;) {
          std::vector<std::unique_ptr<LineSource>> sources;
          for (const SpillRun &run : runs_)
            sources.push_back(run.partition(p, block));
          for (const auto &sets : resident_)
            sources.push_back(std::make_unique<LineSetSource>(sets[p]));
          MergeSource merge(std::move(sources));
          job_.reduce_lines(merge, *output_runs_[p], ReducePhase::Spilled);
          for (auto &sets : resident_)
            sets[p].release();
        }
      },
      [] {}, [&] { cancelled_ = true; });
  std::vector<std::unique_ptr<LineSource>> outputs;
  for (auto &output : output_runs_)
    outputs.push_back(output->source(block));
  return outputs;
}

} // namespace

void run_job(JobBase &job, const RunOptions &options) {
  Engine(job, options).run();
}

} // namespace flowc::mapreduce
