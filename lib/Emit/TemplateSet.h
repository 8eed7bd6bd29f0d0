// TemplateSet.h - the mustache templates: the built-in ones, and a folder whose
// files replace built-in templates of the same file name (`--templates=DIR`).
//
// Every template is also a partial, registered under its file name without
// `.mustache` (`{{> banner}}` is banner.mustache), as clang-doc does.
#pragma once

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace flowc::emit {

class TemplateSet {
public:
  // Loads every `*.mustache` in `builtinDir`, then lets each one in
  // `overrideDir` (if not empty) replace the built-in of the same name. An
  // override that replaces nothing is reported in `warnings` and ignored.
  static llvm::Expected<TemplateSet> load(const std::string &builtinDir,
                                          const std::string &overrideDir,
                                          std::vector<std::string> &warnings);

  bool has(const std::string &name) const { return texts_.count(name) != 0; }
  const std::string &text(const std::string &name) const {
    return texts_.at(name);
  }
  // The file the template was read from, for diagnostics.
  const std::string &path(const std::string &name) const {
    return paths_.at(name);
  }
  const std::map<std::string, std::string> &partials() const { return texts_; }

private:
  std::map<std::string, std::string> texts_; // name -> template text
  std::map<std::string, std::string> paths_; // name -> file
};

} // namespace flowc::emit
