// input.h - `run`'s input split into chunks of whole lines for the map threads.
//
// Regular files are memory-mapped and cut at the first newline after each chunk
// size; anything else (stdin, pipes) is read in large blocks that end at a line
// boundary. Each file is its own sequence of lines: a last line without a newline
// ends at the end of its file and does not run into the next one.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace flowc::mapreduce {

class BlockReader;

struct Chunk {
  std::string_view text;              // whole lines
  std::shared_ptr<const void> owner;  // keeps a streamed block alive
  std::size_t input = 0;              // which input it is from
  std::uint64_t offset = 0;           // where in that input it starts
};

class InputQueue {
public:
  // Opens every input ("-" is standard input; no inputs means standard input).
  // Throws Error naming the first input that cannot be opened.
  InputQueue(const std::vector<std::string> &paths, unsigned threads);
  ~InputQueue();
  InputQueue(const InputQueue &) = delete;
  InputQueue &operator=(const InputQueue &) = delete;

  // The next chunk; false when the input is exhausted or stop() was called.
  // Thread-safe. Throws Error when a read fails.
  bool next(Chunk &chunk);
  void stop() { stopped_ = true; }

  std::uint64_t known_bytes() const { return known_bytes_; } // of mapped files
  bool has_streams() const { return has_streams_; }
  std::uint64_t bytes_done() const { return bytes_done_; }
  std::uint64_t chunks_done() const { return chunks_done_; }

  // Where byte `at` of `chunk` is, for a message: "NAME line N" for a mapped
  // file (its lines before are counted only now), "NAME, byte N" for a stream.
  std::string where(const Chunk &chunk, std::size_t at) const;

  // Chunk size for mapped files: about 8 chunks per thread, within limits.
  static std::size_t chunk_size_for(std::uint64_t total, unsigned threads);

private:
  struct Input {
    std::string name;
    int fd = -1;
    const char *data = nullptr; // the mapping, for regular files
    std::uint64_t size = 0;
    std::uint64_t cursor = 0;
    std::unique_ptr<BlockReader> stream; // otherwise
  };

  std::vector<Input> inputs_;
  std::size_t current_ = 0;
  std::size_t chunk_size_ = 0;
  std::uint64_t known_bytes_ = 0;
  bool has_streams_ = false;
  std::mutex mutex_;
  std::atomic<bool> stopped_{false};
  std::atomic<std::uint64_t> bytes_done_{0};
  std::atomic<std::uint64_t> chunks_done_{0};
};

} // namespace flowc::mapreduce
