// output_file.cpp - atomic replacement of the output file of `run -o`.
#include "output_file.h"

#include "flowc/mapreduce/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace flowc::mapreduce {

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), name_("'" + path_ + "'") {
  struct stat info;
  if (::stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  } else {
    temp_path_ = path_ + ".tmp-XXXXXX";
    fd_ = ::mkostemp(temp_path_.data(), O_CLOEXEC);
    if (fd_ >= 0) {
      // mkstemp makes the file private; give it the mode a new file gets.
      mode_t mask = ::umask(0);
      ::umask(mask);
      ::fchmod(fd_, 0666 & ~mask);
    }
  }
  if (fd_ < 0)
    throw Error("cannot write " + name_ + ": " + std::strerror(errno));
}

OutputFile::~OutputFile() {
  if (fd_ >= 0)
    ::close(fd_);
  if (!temp_path_.empty())
    ::unlink(temp_path_.c_str());
}

void OutputFile::commit() {
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0)
    throw Error("cannot write " + name_ + ": " + std::strerror(errno));
  if (!temp_path_.empty()) {
    if (::rename(temp_path_.c_str(), path_.c_str()) != 0)
      throw Error("cannot write " + name_ + ": " + std::strerror(errno));
    temp_path_.clear();
  }
}

} // namespace flowc::mapreduce
