// Format.h - generated C++ formatted with clang-format's library, so the output
// does not depend on how a template is indented and reads like written code.
#pragma once

#include "llvm/Support/Error.h"

#include <string>

namespace flowc::emit {

// Formats `code` in LLVM style. The style is fixed (no .clang-format is looked
// up) so the same input gives the same bytes on every machine.
llvm::Expected<std::string> formatCpp(const std::string &code,
                                      const std::string &fileName);

} // namespace flowc::emit
