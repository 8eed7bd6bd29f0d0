// io.cpp - block reads of whole lines and buffered writes on file descriptors.
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace flowc::mapreduce {

BlockReader::BlockReader(int fd, std::string name, std::size_t block_size)
    : fd_(fd), name_(std::move(name)), block_size_(block_size) {}

bool BlockReader::next(std::string_view &block) {
  buffer_.erase_front(consumed_);
  consumed_ = 0;
  std::size_t scanned = 0; // bytes known to hold no newline
  for (;;) {
    if (eof_) {
      if (buffer_.empty())
        return false;
      block = buffer_.view();
      consumed_ = buffer_.size();
      return true;
    }
    if (buffer_.size() >= block_size_) {
      const void *newline = memrchr(buffer_.data() + scanned, '\n',
                                    buffer_.size() - scanned);
      if (newline) {
        consumed_ = static_cast<std::size_t>(
            static_cast<const char *>(newline) - buffer_.data() + 1);
        block = buffer_.view(0, consumed_);
        return true;
      }
      scanned = buffer_.size(); // a line longer than a block: read on
    }
    char *dst = buffer_.reserve_tail(block_size_);
    ssize_t n = ::read(fd_, dst, block_size_);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw Error("cannot read " + name_ + ": " + std::strerror(errno));
    }
    if (n == 0)
      eof_ = true;
    buffer_.commit(static_cast<std::size_t>(n));
    bytes_read_ += static_cast<std::uint64_t>(n);
  }
}

bool StreamLineSource::next(std::string_view &line) {
  if (block_.empty() && !reader_.next(block_))
    return false;
  const auto *newline =
      static_cast<const char *>(std::memchr(block_.data(), '\n', block_.size()));
  if (!newline) {
    line = block_;
    block_ = {};
  } else {
    line = block_.substr(0, static_cast<std::size_t>(newline - block_.data()));
    block_.remove_prefix(line.size() + 1);
  }
  return true;
}

FdWriter::FdWriter(int fd, std::string name, std::size_t buffer_size)
    : fd_(fd), name_(std::move(name)), flush_at_(buffer_size),
      buffer_(buffer_size + 4096) {}

// Unflushed data is dropped: a writer that is destroyed without flush() is
// being unwound by an error, and the output is incomplete anyway.
FdWriter::~FdWriter() = default;

void FdWriter::flush() {
  write_all(fd_, buffer_.view(), name_);
  written_ += buffer_.size();
  buffer_.clear();
}

void write_all(int fd, std::string_view data, const std::string &name) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw Error("cannot write " + name + ": " + std::strerror(errno));
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

} // namespace flowc::mapreduce
