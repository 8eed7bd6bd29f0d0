// Format.cpp - clang::format::reformat over the whole generated file.
#include "Emit/Format.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

namespace flowc::emit {

llvm::Expected<std::string> formatCpp(const std::string &code,
                                      const std::string &fileName) {
  clang::format::FormatStyle style = clang::format::getLLVMStyle();
  // Keep the include order the templates chose (the generated header first).
  style.SortIncludes = clang::format::FormatStyle::SI_Never;
  // A source-line comment stays on one line, so grep finds it whole.
  style.ReflowComments = false;
  clang::tooling::Replacements replacements = clang::format::reformat(
      style, code,
      {clang::tooling::Range(0, static_cast<unsigned>(code.size()))},
      fileName);
  return clang::tooling::applyAllReplacements(code, replacements);
}

} // namespace flowc::emit
