// lines.h - lines as the runtime moves them: sortable sets, sources and sinks.
//
// A line here is one `key<TAB>value` record without its newline. Lines are ordered
// by their bytes as unsigned chars, which is the order `LC_ALL=C sort` gives.
#pragma once

#include "flowc/mapreduce/text_buffer.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace flowc::mapreduce {

// Calls fn(line) for each line of text, without its newline; the last line may
// lack one, and a final newline does not start an empty line.
template <class Fn> void for_each_line(std::string_view text, Fn &&fn) {
  const char *p = text.data();
  const char *const end = p + text.size();
  while (p != end) {
    const auto *newline = static_cast<const char *>(
        std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char *line_end = newline ? newline : end;
    fn(std::string_view(p, static_cast<std::size_t>(line_end - p)));
    p = newline ? newline + 1 : end;
  }
}

// Lines stored back to back in one buffer, with an index that can be sorted.
class LineSet {
public:
  // Format a line by appending to text() between begin_line() and end_line().
  TextBuffer &text() { return text_; }
  void begin_line() { start_ = text_.size(); }
  void end_line();
  void add(std::string_view line) {
    begin_line();
    text_.append(line);
    end_line();
  }

  // Sorts the lines in byte order.
  void sort();

  std::size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }
  std::string_view operator[](std::size_t i) const {
    return text_.view(lines_[i].offset, lines_[i].length);
  }
  std::size_t memory_bytes() const {
    return text_.capacity() + lines_.capacity() * sizeof(Line);
  }
  void release() {
    text_.release();
    std::vector<Line>().swap(lines_);
  }

private:
  struct Line {
    std::uint64_t offset;
    std::uint32_t length;
    std::uint32_t prefix; // first four bytes, big-endian: most compares stop here
  };
  TextBuffer text_;
  std::vector<Line> lines_;
  std::size_t start_ = 0;
};

// Yields lines one at a time; a view stays valid until the next call.
class LineSource {
public:
  virtual ~LineSource() = default;
  virtual bool next(std::string_view &line) = 0;
};

// Takes lines one at a time.
class LineSink {
public:
  virtual ~LineSink() = default;
  virtual void put(std::string_view line) = 0;
};

// Reads a LineSet from the start.
class LineSetSource final : public LineSource {
public:
  explicit LineSetSource(const LineSet &lines) : lines_(lines) {}
  bool next(std::string_view &line) override {
    if (next_ == lines_.size())
      return false;
    line = lines_[next_++];
    return true;
  }

private:
  const LineSet &lines_;
  std::size_t next_ = 0;
};

// Appends to a LineSet.
class LineSetSink final : public LineSink {
public:
  explicit LineSetSink(LineSet &lines) : lines_(lines) {}
  void put(std::string_view line) override { lines_.add(line); }

private:
  LineSet &lines_;
};

// Merges sorted sources into one sorted stream (a k-way merge over a heap).
class MergeSource final : public LineSource {
public:
  explicit MergeSource(std::vector<std::unique_ptr<LineSource>> sources);
  bool next(std::string_view &line) override;

private:
  struct Head {
    std::string_view line;
    std::size_t source;
  };
  void push(std::size_t source);
  std::vector<std::unique_ptr<LineSource>> sources_;
  std::vector<Head> heap_;
  std::size_t pending_ = SIZE_MAX; // source whose line was handed out last
};

} // namespace flowc::mapreduce
