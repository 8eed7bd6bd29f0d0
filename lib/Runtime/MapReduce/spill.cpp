// spill.cpp - temporary files, writing and merging sorted runs, reading them back.
#include "spill.h"

#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace flowc::mapreduce {

namespace {
constexpr std::size_t write_block = 1 << 20;
} // namespace

TempFile::TempFile() {
  const char *dir = std::getenv("TMPDIR");
  std::string path = (dir && *dir ? std::string(dir) : std::string("/tmp")) +
                     "/flowc-mapreduce-XXXXXX";
  fd_ = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd_ < 0)
    throw Error("cannot create a temporary file in " +
                path.substr(0, path.rfind('/')) + ": " + std::strerror(errno));
  // Unlinked at once: the file lives only as long as this descriptor, so
  // nothing is left behind on any exit, crashes and signals included.
  ::unlink(path.c_str());
}

TempFile::~TempFile() {
  if (fd_ >= 0)
    ::close(fd_);
}

void TempFile::append(std::string_view data) {
  write_all(fd_, data, "a temporary file");
  size_ += data.size();
}

void TempFile::read_at(std::uint64_t offset, char *data, std::size_t n) const {
  while (n > 0) {
    ssize_t got = ::pread(fd_, data, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      throw Error(std::string("cannot read a temporary file: ") +
                  (got < 0 ? std::strerror(errno) : "it is shorter than written"));
    data += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
}

TempFileSink::~TempFileSink() = default;

void TempFileSink::put(std::string_view line) {
  buffer_.append(line);
  buffer_.push_back('\n');
  if (buffer_.size() >= write_block)
    flush();
}

void TempFileSink::flush() {
  file_.append(buffer_.view());
  buffer_.clear();
}

SegmentSource::SegmentSource(std::shared_ptr<const TempFile> file,
                             std::uint64_t begin, std::uint64_t end,
                             std::size_t block_size)
    : file_(std::move(file)), offset_(begin), end_(end),
      block_size_(block_size) {}

bool SegmentSource::next(std::string_view &line) {
  for (;;) {
    const char *start = buffer_.data() + position_;
    std::size_t available = buffer_.size() - position_;
    if (const void *newline =
            available == scanned_
                ? nullptr
                : std::memchr(start + scanned_, '\n', available - scanned_)) {
      std::size_t length =
          static_cast<std::size_t>(static_cast<const char *>(newline) - start);
      line = std::string_view(start, length);
      position_ += length + 1;
      scanned_ = 0;
      return true;
    }
    scanned_ = available;
    if (offset_ == end_) {
      if (available != 0)
        throw Error("a temporary file ends inside a line");
      return false;
    }
    // Keep the partial line, read the next block behind it.
    buffer_.erase_front(position_);
    position_ = 0;
    std::size_t n = static_cast<std::size_t>(
        std::min<std::uint64_t>(block_size_, end_ - offset_));
    file_->read_at(offset_, buffer_.reserve_tail(n), n);
    buffer_.commit(n);
    offset_ += n;
  }
}

bool TextLinesSource::next(std::string_view &line) {
  if (rest_.empty())
    return false;
  std::size_t newline = rest_.find('\n');
  line = rest_.substr(0, newline);
  rest_.remove_prefix(newline == std::string_view::npos ? rest_.size()
                                                        : newline + 1);
  return true;
}

SpillRun write_run(std::span<const LineSet> partitions) {
  SpillRun run{std::make_shared<TempFile>(), {0}};
  TempFileSink sink(*run.file);
  for (const LineSet &lines : partitions) {
    for (std::size_t i = 0; i < lines.size(); ++i)
      sink.put(lines[i]);
    sink.flush();
    run.bounds.push_back(run.file->size());
  }
  return run;
}

SpillRun merge_runs(std::span<const SpillRun> runs, unsigned partitions,
                    std::size_t block) {
  SpillRun merged{std::make_shared<TempFile>(), {0}};
  TempFileSink sink(*merged.file);
  for (unsigned p = 0; p < partitions; ++p) {
    std::vector<std::unique_ptr<LineSource>> sources;
    for (const SpillRun &run : runs)
      sources.push_back(run.partition(p, block));
    MergeSource merge(std::move(sources));
    std::string_view line;
    while (merge.next(line))
      sink.put(line);
    sink.flush();
    merged.bounds.push_back(merged.file->size());
  }
  return merged;
}

void OutputRun::put(std::string_view line) {
  text_.append(line);
  text_.push_back('\n');
  if (text_.size() >= budget_ && text_.size() >= write_block) {
    if (!file_)
      file_ = std::make_shared<TempFile>();
    file_->append(text_.view());
    text_.clear();
  }
}

std::unique_ptr<LineSource> OutputRun::source(std::size_t block) {
  if (!file_)
    return std::make_unique<TextLinesSource>(text_.view());
  file_->append(text_.view());
  text_.release();
  return std::make_unique<SegmentSource>(file_, 0, file_->size(), block);
}

} // namespace flowc::mapreduce
