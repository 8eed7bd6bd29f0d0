// spill.h - temporary files that hold sorted runs of lines when memory runs short.
//
// A spill run is one temporary file holding, for each reduce partition in turn,
// that partition's `key<TAB>value` lines in sorted order; its bounds say where
// each partition starts. Temporary files are unlinked as soon as they are
// created, so they vanish when closed, however the process ends.
#pragma once

#include "flowc/mapreduce/lines.h"
#include "flowc/mapreduce/text_buffer.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::mapreduce {

class TempFile {
public:
  TempFile(); // in $TMPDIR, else /tmp; throws Error
  ~TempFile();
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;

  void append(std::string_view data);
  // Reads exactly n bytes at offset; throws Error if the file is shorter.
  void read_at(std::uint64_t offset, char *data, std::size_t n) const;
  std::uint64_t size() const { return size_; }

private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Writes lines (with their newlines) to the end of a temporary file.
class TempFileSink final : public LineSink {
public:
  explicit TempFileSink(TempFile &file) : file_(file) {}
  ~TempFileSink() override;
  void put(std::string_view line) override;
  void flush();

private:
  TempFile &file_;
  TextBuffer buffer_;
};

// The lines of bytes [begin, end) of a temporary file, read in blocks.
class SegmentSource final : public LineSource {
public:
  SegmentSource(std::shared_ptr<const TempFile> file, std::uint64_t begin,
                std::uint64_t end, std::size_t block_size);
  bool next(std::string_view &line) override;

private:
  std::shared_ptr<const TempFile> file_;
  std::uint64_t offset_, end_;
  std::size_t block_size_;
  TextBuffer buffer_;
  std::size_t position_ = 0; // start of the unread lines in buffer_
  std::size_t scanned_ = 0;  // bytes past position_ known to hold no newline
};

// The lines of a text held in memory, one per newline.
class TextLinesSource final : public LineSource {
public:
  explicit TextLinesSource(std::string_view text) : rest_(text) {}
  bool next(std::string_view &line) override;

private:
  std::string_view rest_;
};

struct SpillRun {
  std::shared_ptr<TempFile> file;
  std::vector<std::uint64_t> bounds; // partition p is [bounds[p], bounds[p+1])

  std::uint64_t bytes() const { return file ? file->size() : 0; }
  std::unique_ptr<LineSource> partition(unsigned p, std::size_t block) const {
    return std::make_unique<SegmentSource>(file, bounds[p], bounds[p + 1],
                                           block);
  }
};

// Writes one sorted LineSet per partition as a new run.
SpillRun write_run(std::span<const LineSet> partitions);

// Merges runs partition by partition into one.
SpillRun merge_runs(std::span<const SpillRun> runs, unsigned partitions,
                    std::size_t block);

// Reduce output of one partition, in order: kept in memory, moved to a
// temporary file once it outgrows its budget.
class OutputRun final : public LineSink {
public:
  explicit OutputRun(std::size_t budget) : budget_(budget) {}
  void put(std::string_view line) override;
  // Finishes writing and reads everything back, in the order it was put.
  std::unique_ptr<LineSource> source(std::size_t block);
  bool spilled() const { return file_ != nullptr; }

private:
  std::size_t budget_;
  TextBuffer text_;
  std::shared_ptr<TempFile> file_;
};

} // namespace flowc::mapreduce
