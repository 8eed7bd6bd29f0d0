// Rewrites.cpp - rendering source text with replacements.
#include "Split/Rewrites.h"

#include "Split/StatementParts.h"

#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace flowc {

unsigned Rewrites::offset(SourceLocation loc) const {
  return sm_.getFileOffset(sm_.getExpansionLoc(loc));
}

unsigned Rewrites::endOffset(SourceLocation loc) const {
  SourceLocation end =
      Lexer::getLocForEndOfToken(sm_.getExpansionLoc(loc), 0, sm_, lang_);
  return sm_.getFileOffset(end);
}

std::pair<unsigned, unsigned> Rewrites::extent(const Stmt *stmt) const {
  unsigned begin = offset(stmt->getBeginLoc());
  StatementParts parts = partsOf(stmt);
  if (parts.last)
    return {begin,
            std::max(extent(parts.last).second, endOffset(stmt->getEndLoc()))};
  unsigned end = endOffset(stmt->getEndLoc());
  if (parts.semicolonAfter) {
    std::optional<Token> next =
        Lexer::findNextToken(sm_.getExpansionLoc(stmt->getEndLoc()), sm_, lang_);
    if (next && next->is(tok::semi))
      end = endOffset(next->getLocation());
  }
  return {begin, end};
}

void Rewrites::replace(const Stmt *node, std::pair<unsigned, unsigned> range,
                       std::function<ir::Code()> generate) {
  replacements_[{range.first, ~range.second}].push_back(
      {node, std::move(generate)});
}

void Rewrites::replace(const Stmt *node, std::function<ir::Code()> generate) {
  replace(node, extent(node), std::move(generate));
}

void Rewrites::replaceText(const Stmt *node, ir::Code code) {
  replace(node, {offset(node->getBeginLoc()), endOffset(node->getEndLoc())},
          [code = std::move(code)] { return code; });
}

void Rewrites::unreplace(const Stmt *node) {
  for (auto &[key, list] : replacements_)
    llvm::erase_if(list, [&](const Replacement &r) { return r.owner == node; });
}

ir::Code Rewrites::render(unsigned begin, unsigned end, const void *self) {
  StringRef buffer = sm_.getBufferData(file_);
  ir::Code out;
  unsigned cursor = begin;
  for (auto it = replacements_.lower_bound({begin, 0});
       it != replacements_.end() && it->first.first < end; ++it) {
    unsigned rbegin = it->first.first, rend = ~it->first.second;
    if (rbegin < cursor || rend > end)
      continue;
    const Replacement *chosen = nullptr;
    for (auto r = it->second.rbegin(); r != it->second.rend(); ++r)
      if (r->owner != self) {
        chosen = &*r;
        break;
      }
    if (!chosen)
      continue;
    out += std::string_view(buffer.substr(cursor, rbegin - cursor));
    out += chosen->generate();
    cursor = rend;
  }
  out += std::string_view(buffer.substr(cursor, end - cursor));
  return out;
}

ir::Code Rewrites::render(const Stmt *stmt, const void *self) {
  auto [begin, end] = extent(stmt);
  return render(begin, end, self);
}

std::string Rewrites::quote(const Stmt *stmt) const {
  unsigned begin = offset(stmt->getBeginLoc());
  unsigned end = endOffset(stmt->getEndLoc());
  StringRef text = sm_.getBufferData(file_).substr(begin, end - begin);
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space || (!out.empty() && out.back() != ' '))
      out += space ? ' ' : c;
  }
  if (out.size() > 60)
    out = out.substr(0, 57) + "...";
  return out;
}

ir::Code Rewrites::renderExpr(const Expr *expr, const void *self) {
  return render(offset(expr->getBeginLoc()), endOffset(expr->getEndLoc()),
                self);
}

} // namespace flowc
