// SourceLines.h - the line numbers flowc writes, shared by analysis and
// splitting.
#pragma once

#include "clang/Basic/SourceManager.h"

namespace flowc {

// The line of `loc` in the IR. IR lines are lines of the file named on the
// command line, so they are physical lines: a `#line` directive must not move
// them into another file's numbering (Clang's own diagnostics still follow
// `#line`). A location inside a macro expansion counts where it is expanded.
inline unsigned lineOf(const clang::SourceManager &sm,
                       clang::SourceLocation loc) {
  return sm.getExpansionLineNumber(loc);
}

// The line of `loc` as Clang's diagnostics name it: where it is expanded,
// numbered as `#line` directives say.
inline unsigned presumedLineOf(const clang::SourceManager &sm,
                               clang::SourceLocation loc) {
  return sm.getPresumedLineNumber(sm.getExpansionLoc(loc));
}

} // namespace flowc
