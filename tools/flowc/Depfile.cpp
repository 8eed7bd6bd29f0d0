// Depfile.cpp - Makefile rule text and its atomic write.
#include "Depfile.h"

#include "Emit/OutputFiles.h"

namespace flowc {
namespace {

std::string escape(const std::string &path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#')
      out += '\\';
    else if (c == '$')
      out += '$';
    out += c;
  }
  return out;
}

} // namespace

std::string depfileText(const std::vector<std::string> &targets,
                        const std::set<std::string> &dependencies) {
  std::string text;
  for (const std::string &target : targets) {
    if (!text.empty())
      text += ' ';
    text += escape(target);
  }
  text += ":";
  for (const std::string &dependency : dependencies)
    text += " \\\n  " + escape(dependency);
  return text + "\n";
}

llvm::Error writeDepfile(const std::string &path,
                         const std::vector<std::string> &targets,
                         const std::set<std::string> &dependencies) {
  return emit::writeIfChanged({{path, depfileText(targets, dependencies)}});
}

} // namespace flowc
