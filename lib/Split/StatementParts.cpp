// StatementParts.cpp - what each kind of statement is made of, by kind.
#include "Split/StatementParts.h"

#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtVisitor.h"

using namespace clang;

namespace flowc {
namespace {

class PartsOf : public ConstStmtVisitor<PartsOf> {
public:
  StatementParts parts;

  void VisitIfStmt(const IfStmt *branch) {
    parts.init = branch->getInit();
    condition(branch->getConditionVariableDeclStmt(),
              branch->getConditionVariable(), branch->getCond());
    parentheses(branch->getLParenLoc(), branch->getRParenLoc());
    parts.statements.push_back(branch->getThen());
    if (branch->getElse())
      parts.statements.push_back(branch->getElse());
    parts.last = parts.statements.back();
  }
  void VisitSwitchStmt(const SwitchStmt *sw) {
    parts.init = sw->getInit();
    condition(sw->getConditionVariableDeclStmt(), sw->getConditionVariable(),
              sw->getCond());
    parentheses(sw->getLParenLoc(), sw->getRParenLoc());
    parts.body = parts.last = sw->getBody();
  }
  void VisitWhileStmt(const WhileStmt *loop) {
    condition(loop->getConditionVariableDeclStmt(),
              loop->getConditionVariable(), loop->getCond());
    parentheses(loop->getLParenLoc(), loop->getRParenLoc());
    loopBody(loop->getBody());
    parts.last = parts.body;
  }
  void VisitDoStmt(const DoStmt *loop) {
    parts.condition = loop->getCond();
    loopBody(loop->getBody());
    parts.semicolonAfter = true;
  }
  void VisitForStmt(const ForStmt *loop) {
    parts.init = loop->getInit();
    condition(loop->getConditionVariableDeclStmt(),
              loop->getConditionVariable(), loop->getCond());
    parts.increment = loop->getInc();
    loopBody(loop->getBody());
    parts.last = parts.body;
  }
  void VisitCXXForRangeStmt(const CXXForRangeStmt *loop) {
    parts.init = loop->getInit();
    parts.loopVariable = loop->getLoopVariable();
    loopBody(loop->getBody());
    parts.last = parts.body;
  }
  void VisitCompoundStmt(const CompoundStmt *block) {
    parts.statements.append(block->body_begin(), block->body_end());
  }
  void VisitSwitchCase(const SwitchCase *label) {
    labeled(label->getSubStmt());
  }
  void VisitLabelStmt(const LabelStmt *label) { labeled(label->getSubStmt()); }
  void VisitAttributedStmt(const AttributedStmt *attributed) {
    labeled(attributed->getSubStmt());
  }
  void VisitExpr(const Expr *) { parts.semicolonAfter = true; }
  void VisitReturnStmt(const ReturnStmt *) { parts.semicolonAfter = true; }
  void VisitBreakStmt(const BreakStmt *) { parts.semicolonAfter = true; }
  void VisitContinueStmt(const ContinueStmt *) { parts.semicolonAfter = true; }
  void VisitGotoStmt(const GotoStmt *) { parts.semicolonAfter = true; }
  void VisitNullStmt(const NullStmt *) { parts.semicolonAfter = true; }
  void VisitStmt(const Stmt *) {}

private:
  void condition(const DeclStmt *decl, const VarDecl *var, const Expr *cond) {
    parts.conditionDecl = decl;
    parts.conditionVariable = var;
    parts.condition = cond;
  }
  void parentheses(SourceLocation lparen, SourceLocation rparen) {
    parts.lparen = lparen;
    parts.rparen = rparen;
  }
  void loopBody(const Stmt *body) {
    parts.isLoop = true;
    parts.body = body;
    parts.statements.push_back(body);
  }
  void labeled(const Stmt *statement) {
    parts.statements.push_back(statement);
    parts.last = statement;
  }
};

} // namespace

StatementParts partsOf(const Stmt *stmt) {
  PartsOf visitor;
  if (stmt)
    visitor.Visit(stmt);
  return std::move(visitor.parts);
}

bool isStatementPosition(const Stmt *stmt, const Stmt *parent) {
  return llvm::is_contained(partsOf(parent).statements, stmt);
}

} // namespace flowc
