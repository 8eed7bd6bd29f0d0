// input.cpp - memory-mapped and streamed input, cut into chunks at line boundaries.
#include "input.h"

#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace flowc::mapreduce {

namespace {
constexpr std::size_t stream_block = 4 << 20;
} // namespace

std::size_t InputQueue::chunk_size_for(std::uint64_t total, unsigned threads) {
  constexpr std::uint64_t smallest = 16 << 10, largest = 4 << 20;
  std::uint64_t size = total / (std::uint64_t{threads} * 8);
  return static_cast<std::size_t>(std::clamp(size, smallest, largest));
}

InputQueue::InputQueue(const std::vector<std::string> &paths,
                       unsigned threads) {
  std::vector<std::string> names = paths;
  if (names.empty())
    names.push_back("-");
  for (const std::string &name : names) {
    Input input;
    input.name = name == "-" ? "standard input" : "'" + name + "'";
    if (name == "-") {
      input.fd = STDIN_FILENO;
    } else {
      input.fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
      if (input.fd < 0)
        throw Error("cannot open " + input.name + ": " + std::strerror(errno));
    }
    struct stat info;
    if (::fstat(input.fd, &info) != 0)
      throw Error("cannot read " + input.name + ": " + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
      throw Error("cannot read " + input.name + ": it is a directory");
    // A redirected file is mapped too, unless someone already read part of it.
    const bool at_start =
        input.fd != STDIN_FILENO || ::lseek(input.fd, 0, SEEK_CUR) == 0;
    if (S_ISREG(info.st_mode) && info.st_size > 0 && at_start) {
      void *data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size),
                          PROT_READ, MAP_PRIVATE, input.fd, 0);
      if (data != MAP_FAILED) {
        ::madvise(data, static_cast<std::size_t>(info.st_size),
                  MADV_SEQUENTIAL);
        input.data = static_cast<const char *>(data);
        input.size = static_cast<std::uint64_t>(info.st_size);
        known_bytes_ += input.size;
      }
    }
    // Empty regular files hold no lines; anything unmappable is streamed.
    if (!input.data && !(S_ISREG(info.st_mode) && info.st_size == 0 && at_start)) {
      input.stream =
          std::make_unique<BlockReader>(input.fd, input.name, stream_block);
      has_streams_ = true;
    }
    inputs_.push_back(std::move(input));
  }
  chunk_size_ = chunk_size_for(known_bytes_, threads);
}

InputQueue::~InputQueue() {
  for (Input &input : inputs_) {
    if (input.data)
      ::munmap(const_cast<char *>(input.data),
               static_cast<std::size_t>(input.size));
    if (input.fd > STDIN_FILENO)
      ::close(input.fd);
  }
}

std::string InputQueue::where(const Chunk &chunk, std::size_t at) const {
  const Input &input = inputs_[chunk.input];
  std::uint64_t offset = chunk.offset + at;
  if (!input.data)
    return input.name + ", byte " + std::to_string(offset + 1);
  std::uint64_t line =
      1 + static_cast<std::uint64_t>(std::count(input.data, input.data + offset, '\n'));
  return input.name + " line " + std::to_string(line);
}

bool InputQueue::next(Chunk &chunk) {
  std::lock_guard lock(mutex_);
  while (!stopped_ && current_ < inputs_.size()) {
    Input &input = inputs_[current_];
    if (input.data && input.cursor < input.size) {
      std::uint64_t begin = input.cursor;
      std::uint64_t end = std::min<std::uint64_t>(begin + chunk_size_, input.size);
      if (end < input.size) {
        // Cut after the first newline at or past the target size.
        const void *newline =
            std::memchr(input.data + end - 1, '\n', input.size - end + 1);
        end = newline ? static_cast<std::uint64_t>(
                            static_cast<const char *>(newline) - input.data) + 1
                      : input.size;
      }
      input.cursor = end;
      chunk.text = std::string_view(input.data + begin, end - begin);
      chunk.owner.reset();
      chunk.input = current_;
      chunk.offset = begin;
      bytes_done_ += end - begin;
      ++chunks_done_;
      return true;
    }
    if (input.stream) {
      std::string_view block;
      if (input.stream->next(block)) {
        // The reader reuses its buffer; the chunk needs its own copy while the
        // threads map it (a memcpy is cheap next to mapping).
        auto copy = std::make_shared<std::string>(block);
        chunk.text = *copy;
        chunk.owner = std::move(copy);
        chunk.input = current_;
        chunk.offset = input.cursor;
        input.cursor += block.size();
        bytes_done_ += block.size();
        ++chunks_done_;
        return true;
      }
    }
    ++current_;
  }
  return false;
}

} // namespace flowc::mapreduce
