// job_base.h - the type-erased face of a job that the command line and `run` drive.
//
// job.h implements these interfaces once per job's key and value types; everything
// that does not depend on those types (options, input chunks, threads, spill files,
// merging, output) lives in the library and talks to a job only through them.
#pragma once

#include "flowc/mapreduce/io.h"
#include "flowc/mapreduce/lines.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace flowc::mapreduce {

class MapTask;

// Called by a MapTask whose tables outgrew their budget; writes them to disk.
class Spiller {
public:
  virtual void spill(MapTask &task) = 0;

protected:
  ~Spiller() = default;
};

// What one `run` thread maps into: hash tables, one per reduce partition.
class MapTask {
public:
  virtual ~MapTask() = default;
  // Maps every line of text (whole lines; the last may lack its newline).
  virtual void map_chunk(std::string_view text) = 0;
  // Moves the contents out as sorted `key<TAB>value` lines, one LineSet per
  // partition, and leaves the task empty.
  virtual void drain(std::span<LineSet> partitions) = 0;
  virtual std::size_t memory_bytes() const = 0;
};

struct TaskConfig {
  unsigned partitions = 1;
  std::size_t memory_budget = SIZE_MAX; // spill when the tables hold more
  Spiller *spiller = nullptr;
};

// Which function reduce_lines applies, and how errors name the input.
enum class ReducePhase { Reduce, Combine, Spilled };

class JobBase {
public:
  explicit JobBase(std::string name) : name_(std::move(name)) {}
  virtual ~JobBase();
  JobBase(const JobBase &) = delete;
  JobBase &operator=(const JobBase &) = delete;

  const std::string &name() const { return name_; }
  virtual bool has_combiner() const = 0;

  // `map`: every input line through the map function, pairs out as text.
  virtual void map_stream(BlockReader &in, FdWriter &out) = 0;
  // `reduce`/`combine`, and the reduce of spilled runs: groups consecutive lines
  // with equal keys and writes one line per group.
  virtual void reduce_lines(LineSource &in, LineSink &out,
                            ReducePhase phase) = 0;

  // `run`, in memory: one task per map thread.
  virtual std::unique_ptr<MapTask> make_task(const TaskConfig &config) = 0;
  // Merges partition `partition` of every task, reduces each key and adds the
  // output lines (unsorted) to out. Consumes that partition of the tasks.
  virtual void reduce_tables(std::span<MapTask *const> tasks,
                             unsigned partition, LineSet &out) = 0;

private:
  std::string name_;
};

} // namespace flowc::mapreduce
