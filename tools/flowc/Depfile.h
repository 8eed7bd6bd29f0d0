// Depfile.h - `--depfile`: a Makefile-style rule naming the generated files
// and every file reading the inputs touched, as `cc -MD` writes one.
#pragma once

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace flowc {

// `a.flowc.h a.flowc.cpp: a.h include/b.h ...`, with spaces, `#` and `$`
// escaped the way GCC, Make and Ninja read them. Written atomically.
std::string depfileText(const std::vector<std::string> &targets,
                        const std::set<std::string> &dependencies);
llvm::Error writeDepfile(const std::string &path,
                         const std::vector<std::string> &targets,
                         const std::set<std::string> &dependencies);

} // namespace flowc
