// text_buffer.h - a growable byte buffer that text is formatted into without zero-filling.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace flowc::mapreduce {

// std::string and std::vector<char> value-initialize on resize; formatting numbers
// straight into spare capacity (reserve_tail + commit) avoids that, which matters on
// the per-pair paths of map output and spill files.
class TextBuffer {
public:
  TextBuffer() = default;
  explicit TextBuffer(std::size_t capacity) { grow(capacity); }
  TextBuffer(TextBuffer &&other) noexcept
      : data_(std::move(other.data_)), size_(other.size_),
        capacity_(other.capacity_) {
    other.size_ = other.capacity_ = 0;
  }
  TextBuffer &operator=(TextBuffer &&other) noexcept {
    data_ = std::move(other.data_);
    size_ = other.size_;
    capacity_ = other.capacity_;
    other.size_ = other.capacity_ = 0;
    return *this;
  }

  const char *data() const { return data_.get(); }
  char *data() { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_.get(), size_}; }
  std::string_view view(std::size_t offset, std::size_t length) const {
    return {data_.get() + offset, length};
  }

  // Returns room for at least n more bytes; commit(k) then keeps k of them.
  char *reserve_tail(std::size_t n) {
    if (capacity_ - size_ < n)
      grow(size_ + n);
    return data_.get() + size_;
  }
  void commit(std::size_t n) { size_ += n; }

  void append(std::string_view text) {
    if (text.empty())
      return; // memcpy may not see the null data of an empty buffer or view
    std::memcpy(reserve_tail(text.size()), text.data(), text.size());
    size_ += text.size();
  }
  void push_back(char c) {
    *reserve_tail(1) = c;
    ++size_;
  }
  void resize_down(std::size_t n) { size_ = n; }
  void clear() { size_ = 0; }
  // Drops the first n bytes, keeping the rest at the front.
  void erase_front(std::size_t n) {
    if (n == 0)
      return;
    std::memmove(data_.get(), data_.get() + n, size_ - n);
    size_ -= n;
  }
  void release() {
    data_.reset();
    size_ = capacity_ = 0;
  }

private:
  void grow(std::size_t needed) {
    std::size_t capacity = capacity_ < 256 ? 256 : capacity_;
    while (capacity < needed)
      capacity *= 2;
    std::unique_ptr<char[]> data(new char[capacity]);
    if (size_ != 0)
      std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

} // namespace flowc::mapreduce
