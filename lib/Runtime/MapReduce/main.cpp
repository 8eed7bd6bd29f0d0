// main.cpp - the command line of a MapReduce program: picks the job and the command.
#include "flowc/mapreduce/main.h"

#include "run.h"
#include "system.h"

#include "flowc/mapreduce/errors.h"
#include "flowc/mapreduce/io.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace flowc::mapreduce {

namespace {

std::string program_name(int argc, char **argv) {
  if (argc < 1 || !argv[0] || !*argv[0])
    return "mapreduce";
  std::string_view path = argv[0];
  std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path
                                                     : path.substr(slash + 1));
}

std::string job_list(const std::vector<Job> &jobs) {
  std::string list;
  for (const Job &job : jobs)
    list += (list.empty() ? "" : ", ") + job.name();
  return list;
}

void print_help(const std::string &program, const std::vector<Job> &jobs) {
  std::printf(
      "usage: %s [--job NAME] COMMAND [OPTIONS] [INPUT...]\n"
      "\n"
      "Runs a MapReduce job, whole or as one Hadoop Streaming step.\n"
      "\n"
      "Commands:\n"
      "  map       read lines on stdin, write key<TAB>value lines on stdout\n"
      "  combine   read key-sorted key<TAB>value lines on stdin, combine each "
      "key's values,\n"
      "            write one key<TAB>value line per key\n"
      "  reduce    read key-sorted key<TAB>value lines on stdin, reduce each "
      "key's values,\n"
      "            write one key<TAB>value line per key\n"
      "  run       the whole job in this process on the INPUT files (none or "
      "'-': stdin);\n"
      "            output lines come in the order of LC_ALL=C sort\n"
      "\n"
      "Options:\n"
      "  --job NAME            the job to run (needed when the program has "
      "several)\n"
      "  -j, --threads N       run: use N threads (default: every core, %u "
      "here)\n"
      "  -o, --output FILE     run: write FILE, replacing it only when done\n"
      "  --memory-limit SIZE   run: memory for tables and buffers, roughly; "
      "past it sorted\n"
      "                        runs spill to $TMPDIR. K, M, G, T suffixes "
      "(default: a quarter\n"
      "                        of memory, %s here)\n"
      "  -v, --verbose         run: report phases and spills on stderr\n"
      "  -h, --help            show this help\n"
      "\n"
      "Text form: integers in decimal, floating point in shortest round-trip "
      "form\n"
      "(inf, -inf, nan, -nan), bool as true/false, strings as-is with "
      "\\, TAB and\n"
      "newline written \\\\, \\t and \\n. `cat in | %s map | LC_ALL=C sort | "
      "%s reduce`\n"
      "prints what `%s run in` prints.\n"
      "\n"
      "Exit status: 0 success, 1 bad input or a failing job function, 2 wrong "
      "usage.\n"
      "\n"
      "Jobs: %s\n",
      program.c_str(), available_cpus(),
      format_bytes(default_memory_limit()).c_str(), program.c_str(),
      program.c_str(), program.c_str(), job_list(jobs).c_str());
}

// The command line, parsed. Options may come before or after the command.
struct CommandLine {
  bool help = false;
  std::optional<std::string> job;
  std::string command;
  RunOptions run;
  std::optional<std::string> threads, memory_limit;
  std::vector<std::string> operands;
};

CommandLine parse(int argc, char **argv) {
  CommandLine line;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    // The value of an option: "--opt=V", "-oV" or the next argument.
    auto value = [&](std::string_view name,
                     std::size_t attached) -> std::string {
      if (attached < arg.size())
        return std::string(arg.substr(attached));
      if (i + 1 >= argc)
        throw UsageError("option " + std::string(name) + " needs a value");
      return argv[++i];
    };
    auto long_option = [&](std::string_view name) {
      return arg == name ||
             (arg.starts_with(name) && arg.size() > name.size() &&
              arg[name.size()] == '=');
    };
    if (options_done || arg == "-" || !arg.starts_with("-")) {
      if (line.command.empty())
        line.command = arg;
      else
        line.operands.emplace_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "-h" || arg == "--help") {
      line.help = true;
    } else if (long_option("--job")) {
      line.job = value("--job", arg.size() > 5 ? 6 : 5);
    } else if (arg.starts_with("-j") && !arg.starts_with("--")) {
      line.threads = value("-j", 2);
    } else if (long_option("--threads")) {
      line.threads = value("--threads", arg.size() > 9 ? 10 : 9);
    } else if (arg.starts_with("-o") && !arg.starts_with("--")) {
      line.run.output = value("-o", 2);
    } else if (long_option("--output")) {
      line.run.output = value("--output", arg.size() > 8 ? 9 : 8);
    } else if (long_option("--memory-limit")) {
      line.memory_limit = value("--memory-limit", arg.size() > 14 ? 15 : 14);
    } else if (arg == "-v" || arg == "--verbose") {
      line.run.verbose = true;
    } else {
      throw UsageError("unknown option '" + std::string(arg) + "'");
    }
  }
  return line;
}

const Job &pick_job(const std::vector<Job> &jobs,
                    const std::optional<std::string> &name) {
  if (jobs.empty())
    throw UsageError("this program has no jobs");
  if (!name) {
    if (jobs.size() == 1)
      return jobs[0];
    throw UsageError("this program has several jobs; pick one with --job "
                     "NAME: " +
                     job_list(jobs));
  }
  for (const Job &job : jobs)
    if (job.name() == *name)
      return job;
  throw UsageError("no job named '" + *name + "'; the jobs are: " +
                   job_list(jobs));
}

int run_command(CommandLine &line, const std::vector<Job> &jobs) {
  if (line.command.empty())
    throw UsageError("no command given (map, combine, reduce or run)");
  const bool is_run = line.command == "run";
  if (!is_run && line.command != "map" && line.command != "combine" &&
      line.command != "reduce")
    throw UsageError("unknown command '" + line.command +
                     "' (expected map, combine, reduce or run)");
  if (!is_run) {
    if (!line.operands.empty())
      throw UsageError(line.command + " reads standard input and takes no "
                                      "files; got '" +
                       line.operands[0] + "'");
    if (line.threads || line.memory_limit || !line.run.output.empty() ||
        line.run.verbose)
      throw UsageError("-j, -o, --memory-limit and -v are options of run");
  }
  const Job &job = pick_job(jobs, line.job);

  if (line.command == "map") {
    BlockReader in(STDIN_FILENO, "standard input");
    FdWriter out(STDOUT_FILENO, "standard output");
    job.impl().map_stream(in, out);
    return 0;
  }
  if (line.command == "combine" || line.command == "reduce") {
    const bool combine = line.command == "combine";
    if (combine && !job.impl().has_combiner())
      throw UsageError("job " + job.name() + " has no combine function");
    StreamLineSource in(STDIN_FILENO, "standard input");
    FdWriter out(STDOUT_FILENO, "standard output");
    job.impl().reduce_lines(
        in, out, combine ? ReducePhase::Combine : ReducePhase::Reduce);
    out.flush();
    return 0;
  }

  RunOptions &options = line.run;
  options.inputs = std::move(line.operands);
  options.threads = available_cpus();
  if (line.threads) {
    auto count = parse_size(*line.threads);
    if (!count || line.threads->find_first_not_of("0123456789") !=
                      std::string::npos || *count > 4096)
      throw UsageError("-j needs a thread count from 1 to 4096, not '" +
                       *line.threads + "'");
    options.threads = static_cast<unsigned>(*count);
  }
  options.memory_limit = default_memory_limit();
  if (line.memory_limit) {
    auto size = parse_size(*line.memory_limit);
    if (!size)
      throw UsageError("--memory-limit needs a size such as 512M or 2G, not '" +
                       *line.memory_limit + "'");
    options.memory_limit = *size;
  }
  run_job(job.impl(), options);
  return 0;
}

} // namespace

int main(int argc, char **argv, std::vector<Job> jobs) {
  const std::string program = program_name(argc, argv);
  try {
    CommandLine line = parse(argc, argv);
    if (line.help) {
      print_help(program, jobs);
      return std::fflush(stdout) == 0 ? 0 : 1;
    }
    return run_command(line, jobs);
  } catch (const UsageError &e) {
    std::fprintf(stderr, "%s: %s\nTry '%s --help'.\n", program.c_str(),
                 e.what(), program.c_str());
    return 2;
  } catch (const Error &e) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), e.what());
    return 1;
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "%s: out of memory\n", program.c_str());
    return 1;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), e.what());
    return 1;
  }
}

} // namespace flowc::mapreduce
