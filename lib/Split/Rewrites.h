// Rewrites.h - a method body as its source text with some nodes replaced.
//
// The lowering keeps everything the user wrote (expressions, comments,
// formatting) except the syntax it must change. Each change replaces the
// text of one node (a statement with its semicolon, or an expression) by text
// generated when the text around it is rendered, so a replaced statement can
// render its own parts with their changes applied. Rendering a range applies
// the outermost replacements inside it, except those owned by the node doing
// the rendering. Generated text may hold the machine's protocol parts, so
// the result is ir::Code.
#pragma once

#include "IR/Code.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace flowc {

class Rewrites {
public:
  // The text is that of `file`, where the body is.
  Rewrites(const clang::SourceManager &sm, const clang::LangOptions &lang,
           clang::FileID file)
      : sm_(sm), lang_(lang), file_(file) {}

  // Offsets in the file, of a token's start and of its end.
  unsigned offset(clang::SourceLocation loc) const;
  unsigned endOffset(clang::SourceLocation loc) const;
  // A statement's extent including its terminating semicolon, if it has one
  // (a compound statement's last sub-statement carries it).
  std::pair<unsigned, unsigned> extent(const clang::Stmt *stmt) const;

  void replace(const clang::Stmt *node, std::pair<unsigned, unsigned> range,
               std::function<ir::Code()> generate);
  void replace(const clang::Stmt *node, std::function<ir::Code()> generate);
  // An expression's text (no semicolon) replaced by `code`.
  void replaceText(const clang::Stmt *node, ir::Code code);
  void unreplace(const clang::Stmt *node);

  // The text of [begin, end) with every outermost replacement inside it
  // applied, except those owned by `self`.
  ir::Code render(unsigned begin, unsigned end, const void *self);
  ir::Code render(const clang::Stmt *stmt, const void *self = nullptr);
  // The source text of `stmt` on one line, shortened, for a diagnostic.
  std::string quote(const clang::Stmt *stmt) const;
  // An expression's text without any trailing semicolon.
  ir::Code renderExpr(const clang::Expr *expr, const void *self = nullptr);

private:
  struct Replacement {
    const void *owner;
    std::function<ir::Code()> generate;
  };
  using Key = std::pair<unsigned, unsigned>; // begin offset, ~end offset

  const clang::SourceManager &sm_;
  const clang::LangOptions &lang_;
  clang::FileID file_;
  std::map<Key, std::vector<Replacement>> replacements_;
};

} // namespace flowc
