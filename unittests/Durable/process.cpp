// process.cpp - see process.h.
#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char **environ;

namespace durable_test {

namespace {
pid_t spawn(const std::vector<std::string> &argv, int out, int err) {
  std::vector<char *> args;
  for (const std::string &arg : argv)
    args.push_back(const_cast<char *>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  if (err >= 0)
    posix_spawn_file_actions_adddup2(&actions, err, 2);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    throw std::runtime_error("cannot start " + argv[0]);
  return pid;
}

int status_of(int raw) {
  if (WIFEXITED(raw))
    return WEXITSTATUS(raw);
  return -WTERMSIG(raw);
}
} // namespace

Child::Child(const std::vector<std::string> &argv) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  pid_ = spawn(argv, fds[1], -1);
  ::close(fds[1]);
  out_ = fds[0];
}

Child::~Child() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait();
  }
  if (out_ >= 0)
    ::close(out_);
}

bool Child::line(std::string &out, std::chrono::steady_clock::time_point until) {
  for (;;) {
    std::size_t newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      out = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return true;
    }
    if (eof_)
      return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return false;
    pollfd fd{out_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0)
      continue;
    char chunk[65536];
    ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n <= 0)
      eof_ = true;
    else
      buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

std::vector<std::string> Child::lines_until(std::chrono::steady_clock::time_point until) {
  std::vector<std::string> lines;
  std::string one;
  while (line(one, until))
    lines.push_back(one);
  return lines;
}

std::vector<std::string> Child::kill() {
  ::kill(pid_, SIGKILL);
  wait();
  // What it wrote before it died is in the pipe, up to its end.
  return lines_until(std::chrono::steady_clock::now() + std::chrono::seconds(10));
}

int Child::wait() {
  int raw = 0;
  while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status_of(raw);
}

Result run(const std::vector<std::string> &argv) {
  char out_name[] = "/tmp/durable-outXXXXXX";
  char err_name[] = "/tmp/durable-errXXXXXX";
  int out = ::mkostemp(out_name, O_CLOEXEC);
  int err = ::mkostemp(err_name, O_CLOEXEC);
  pid_t pid = spawn(argv, out, err);
  int raw = 0;
  while (::waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
  }
  ::close(out);
  ::close(err);
  Result result;
  result.status = status_of(raw);
  auto slurp = [](const char *name) {
    std::ifstream in(name);
    std::stringstream all;
    all << in.rdbuf();
    std::remove(name);
    return all.str();
  };
  result.out = slurp(out_name);
  result.err = slurp(err_name);
  return result;
}

} // namespace durable_test
