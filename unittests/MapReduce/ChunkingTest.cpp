// ChunkingTest.cpp - input is cut into chunks only at line boundaries, none lost.
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"
#include "input.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace flowc::mapreduce;

namespace {

// Lines of lengths 0 to ~60000, so that chunk cuts fall everywhere.
std::string sample_text(bool final_newline) {
  std::string text;
  unsigned state = 12345;
  for (int i = 0; i < 3000; ++i) {
    state = state * 1103515245 + 12345;
    std::size_t length = (state >> 16) % 200;
    if (i % 500 == 7)
      length = 60000; // longer than a chunk
    text.append(length, static_cast<char>('a' + i % 26));
    text.push_back('\n');
  }
  if (!final_newline)
    text.append("tail without newline");
  return text;
}

std::string write_temp(const std::string &text) {
  char path[] = "/tmp/flowc-chunking-XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, text.data(), text.size()), ssize_t(text.size()));
  close(fd);
  return path;
}

// Takes every chunk of a queue and checks each one ends at a line boundary.
std::string drain(InputQueue &queue, std::size_t &chunks) {
  std::string all;
  Chunk chunk;
  chunks = 0;
  while (queue.next(chunk)) {
    EXPECT_FALSE(chunk.text.empty());
    all.append(chunk.text);
    ++chunks;
    if (all.back() != '\n')
      break; // only the very last chunk may end without a newline
  }
  EXPECT_FALSE(queue.next(chunk));
  return all;
}

} // namespace

TEST(ChunkingTest, ChunkSizeScalesWithInputAndThreads) {
  EXPECT_EQ(InputQueue::chunk_size_for(0, 4), 16u << 10);
  EXPECT_EQ(InputQueue::chunk_size_for(std::uint64_t{1} << 40, 4), 4u << 20);
  EXPECT_EQ(InputQueue::chunk_size_for(64 << 20, 2), 4u << 20);
  EXPECT_EQ(InputQueue::chunk_size_for(8 << 20, 4), 256u << 10);
}

TEST(ChunkingTest, MappedFileIsCutAtLineBoundaries) {
  for (bool final_newline : {true, false}) {
    std::string text = sample_text(final_newline);
    std::string path = write_temp(text);
    InputQueue queue({path}, 16);
    std::size_t chunks = 0;
    EXPECT_EQ(drain(queue, chunks), text);
    EXPECT_GT(chunks, 5u);
    EXPECT_EQ(queue.known_bytes(), text.size());
    EXPECT_EQ(queue.bytes_done(), text.size());
    unlink(path.c_str());
  }
}

TEST(ChunkingTest, SeveralFilesStayApart) {
  std::string a = write_temp("one\ntwo"), b = write_temp(""),
              c = write_temp("three\n");
  InputQueue queue({a, b, c}, 1);
  Chunk chunk;
  std::vector<std::string> seen;
  while (queue.next(chunk))
    seen.emplace_back(chunk.text);
  EXPECT_EQ(seen, (std::vector<std::string>{"one\ntwo", "three\n"}));
  for (const std::string &path : {a, b, c})
    unlink(path.c_str());
}

TEST(ChunkingTest, StreamIsReadInBlocksOfWholeLines) {
  std::string text = sample_text(false);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    EXPECT_EQ(write(fds[1], text.data(), text.size()), ssize_t(text.size()));
    close(fds[1]);
  });
  std::size_t blocks = 0;
  std::string all;
  BlockReader reader(fds[0], "pipe", 4096);
  std::string_view block;
  while (reader.next(block)) {
    ++blocks;
    all.append(block);
    if (all.size() < text.size()) {
      EXPECT_EQ(block.back(), '\n');
    }
  }
  writer.join();
  close(fds[0]);
  EXPECT_EQ(all, text);
  EXPECT_GT(blocks, 10u);
}

TEST(ChunkingTest, StreamThroughTheQueue) {
  std::string text = sample_text(true);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    EXPECT_EQ(write(fds[1], text.data(), text.size()), ssize_t(text.size()));
    close(fds[1]);
  });
  {
    InputQueue queue({"/dev/fd/" + std::to_string(fds[0])}, 2);
    EXPECT_TRUE(queue.has_streams());
    std::size_t chunks = 0;
    EXPECT_EQ(drain(queue, chunks), text);
  }
  writer.join();
  close(fds[0]);
}

TEST(ChunkingTest, MissingFileIsAnError) {
  EXPECT_THROW(InputQueue({"/nonexistent/input"}, 1), Error);
  EXPECT_THROW(InputQueue({"/tmp"}, 1), Error);
}
