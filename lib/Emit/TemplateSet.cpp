// TemplateSet.cpp - reading the built-in templates and their overrides.
#include "Emit/TemplateSet.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace flowc::emit {
namespace {

constexpr llvm::StringLiteral suffix = ".mustache";

// The `*.mustache` files of `dir`, sorted so messages come in a stable order.
llvm::Expected<std::vector<std::string>> templateFiles(const std::string &dir) {
  if (!llvm::sys::fs::is_directory(dir))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "template folder '" + dir +
                                       "' is not a directory");
  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::StringRef(it->path()).ends_with(suffix))
      files.push_back(it->path());
  if (ec)
    return llvm::createStringError(ec, "cannot list template folder '" + dir +
                                           "': " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

llvm::Expected<TemplateSet> TemplateSet::load(const std::string &builtinDir,
                                              const std::string &overrideDir,
                                              std::vector<std::string> &warnings) {
  TemplateSet set;
  auto read = [&set](const std::string &file, bool builtin,
                     std::vector<std::string> &warnings) -> llvm::Error {
    std::string name =
        llvm::sys::path::filename(file).drop_back(suffix.size()).str();
    if (!builtin && !set.has(name)) {
      warnings.push_back("template '" + file +
                         "' replaces no built-in template; ignored");
      return llvm::Error::success();
    }
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer)
      return llvm::createStringError(buffer.getError(),
                                     "cannot read template '" + file +
                                         "': " + buffer.getError().message());
    set.texts_[name] = (*buffer)->getBuffer().str();
    set.paths_[name] = file;
    return llvm::Error::success();
  };
  auto builtins = templateFiles(builtinDir);
  if (!builtins)
    return builtins.takeError();
  for (const std::string &file : *builtins)
    if (llvm::Error error = read(file, true, warnings))
      return error;
  if (overrideDir.empty())
    return set;
  auto overrides = templateFiles(overrideDir);
  if (!overrides)
    return overrides.takeError();
  for (const std::string &file : *overrides)
    if (llvm::Error error = read(file, false, warnings))
      return error;
  return set;
}

} // namespace flowc::emit
