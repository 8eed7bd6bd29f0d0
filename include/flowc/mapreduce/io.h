// io.h - buffered reading of lines from a file descriptor and writing to one.
#pragma once

#include "flowc/mapreduce/lines.h"
#include "flowc/mapreduce/text_buffer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace flowc::mapreduce {

// Reads a stream in large blocks, each ending at a line boundary. A line longer
// than a block grows the buffer; the last line may lack its newline.
class BlockReader {
public:
  BlockReader(int fd, std::string name, std::size_t block_size = 1 << 20);
  // The next block of whole lines (newline included, except at the very end);
  // valid until the next call. False at end of input. Throws Error on failure.
  bool next(std::string_view &block);
  std::uint64_t bytes_read() const { return bytes_read_; }

private:
  int fd_;
  std::string name_;
  std::size_t block_size_;
  TextBuffer buffer_;
  std::size_t consumed_ = 0; // bytes of buffer_ handed out by the last next()
  bool eof_ = false;
  std::uint64_t bytes_read_ = 0;
};

// The lines of a stream, without their newlines.
class StreamLineSource final : public LineSource {
public:
  StreamLineSource(int fd, std::string name) : reader_(fd, std::move(name)) {}
  bool next(std::string_view &line) override;

private:
  BlockReader reader_;
  std::string_view block_;
};

// A buffered writer; put() writes a line and its newline. Throws Error on failure.
class FdWriter final : public LineSink {
public:
  FdWriter(int fd, std::string name, std::size_t buffer_size = 1 << 20);
  ~FdWriter() override;
  void put(std::string_view line) override {
    buffer_.append(line);
    buffer_.push_back('\n');
    maybe_flush();
  }
  // For formatting in place: append to buffer(), then call maybe_flush().
  TextBuffer &buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= flush_at_)
      flush();
  }
  void flush();
  std::uint64_t bytes_written() const { return written_; }

private:
  int fd_;
  std::string name_;
  std::size_t flush_at_;
  TextBuffer buffer_;
  std::uint64_t written_ = 0;
};

// Writes all of data to fd, retrying on EINTR and short writes; throws Error.
void write_all(int fd, std::string_view data, const std::string &name);

} // namespace flowc::mapreduce
