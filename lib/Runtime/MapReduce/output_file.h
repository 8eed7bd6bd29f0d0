// output_file.h - `-o FILE`: written beside FILE and renamed over it when complete.
#pragma once

#include <string>

namespace flowc::mapreduce {

// A failed run leaves an existing FILE as it was and no partial file behind.
// Names that are not regular files (/dev/null, a FIFO) are written in place.
class OutputFile {
public:
  explicit OutputFile(std::string path); // throws Error
  ~OutputFile();                         // removes the file unless committed
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  int fd() const { return fd_; }
  const std::string &name() const { return name_; }
  void commit(); // throws Error

private:
  std::string path_, temp_path_, name_;
  int fd_ = -1;
};

} // namespace flowc::mapreduce
