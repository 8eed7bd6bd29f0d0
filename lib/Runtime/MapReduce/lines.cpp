// lines.cpp - sorting line sets and merging sorted line sources.
#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/lines.h"

#include <algorithm>
#include <cstring>

namespace flowc::mapreduce {

void LineSet::end_line() {
  std::size_t length = text_.size() - start_;
  if (length > UINT32_MAX)
    throw Error("a key and value of more than 4 GiB cannot be stored");
  unsigned char head[4] = {0, 0, 0, 0};
  std::memcpy(head, text_.data() + start_, length < 4 ? length : 4);
  std::uint32_t prefix = (std::uint32_t(head[0]) << 24) |
                         (std::uint32_t(head[1]) << 16) |
                         (std::uint32_t(head[2]) << 8) | head[3];
  lines_.push_back(Line{start_, static_cast<std::uint32_t>(length), prefix});
}

void LineSet::sort() {
  const char *base = text_.data();
  std::sort(lines_.begin(), lines_.end(), [base](const Line &a, const Line &b) {
    if (a.prefix != b.prefix)
      return a.prefix < b.prefix;
    return std::string_view(base + a.offset, a.length) <
           std::string_view(base + b.offset, b.length);
  });
}

namespace {
// std::push_heap builds a max-heap; inverting the order gives the smallest line.
struct LaterLine {
  template <class Head> bool operator()(const Head &a, const Head &b) const {
    return a.line > b.line;
  }
};
} // namespace

MergeSource::MergeSource(std::vector<std::unique_ptr<LineSource>> sources)
    : sources_(std::move(sources)) {
  heap_.reserve(sources_.size());
  for (std::size_t i = 0; i < sources_.size(); ++i)
    push(i);
}

void MergeSource::push(std::size_t source) {
  std::string_view line;
  if (!sources_[source]->next(line))
    return;
  heap_.push_back(Head{line, source});
  std::push_heap(heap_.begin(), heap_.end(), LaterLine{});
}

bool MergeSource::next(std::string_view &line) {
  // The line handed out last stays valid until now, so only now may its
  // source move on.
  if (pending_ != SIZE_MAX) {
    push(pending_);
    pending_ = SIZE_MAX;
  }
  if (heap_.empty())
    return false;
  std::pop_heap(heap_.begin(), heap_.end(), LaterLine{});
  line = heap_.back().line;
  pending_ = heap_.back().source;
  heap_.pop_back();
  return true;
}

} // namespace flowc::mapreduce
