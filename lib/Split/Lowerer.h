// Lowerer.h - the lowering of one method, shared by the files that do it:
// Hoisting.cpp (locals whose declaration a resume would jump over),
// LowerExpressions.cpp (remote calls hoisted out of expressions in evaluation
// order), LowerStatements.cpp (control flow around them) and Lowering.cpp
// (the frame, the resume dispatch and the whole body). See Lowering.h.
#pragma once

#include "Split/LastCalls.h"
#include "Split/RemoteCalls.h"
#include "Split/Rewrites.h"
#include "Split/StatementParts.h"

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"
#include "Analysis/Serializable.h"
#include "Analysis/TypeSpelling.h"
#include "IR/Code.h"
#include "IR/IR.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <string>
#include <vector>

namespace flowc::lowering {

using namespace clang;
using ir::Code;

// How a hoisted variable is reached from the lowered body.
enum class Home {
  Frame,    // a frame field, through a reference named as the variable
  Local,    // a local of the state machine (it is dead across every call)
  Pointer,  // a reference: a local pointer to what it is bound to
  Constant, // usable in constant expressions: declared once, as written
};

struct Hoisted {
  Home home;
  std::string name;  // unique in the function
  std::string type;  // the stored type (no reference, no const)
  Code store;        // what its declaration, now an assignment, assigns to
  std::string storeName; // the variable that is, when not a frame field
  bool isConst = false;
  const DeclStmt *declaration = nullptr; // Home::Constant: moved to the top
};

// Statements are lowered by kind through ConstStmtVisitor (LowerStatements.cpp).
class Lowerer : private Rewrites, private ConstStmtVisitor<Lowerer, ir::Code> {
  friend class StmtVisitorBase<llvm::make_const_ptr, Lowerer, ir::Code>;

public:
  Lowerer(const SplitCandidate &candidate,
          const std::vector<std::vector<const ValueDecl *>> &live,
          ASTContext &context, Reporter &reporter)
      : Rewrites(context.getSourceManager(), context.getLangOpts(),
                 context.getSourceManager().getFileID(
                     context.getSourceManager().getExpansionLoc(
                         candidate.definition->getBody()->getBeginLoc()))),
        candidate_(candidate), context_(context),
        sm_(context.getSourceManager()), reporter_(reporter),
        function_(candidate.definition),
        parents_(const_cast<Stmt *>(candidate.definition->getBody())),
        serializable_(context), remoteCalls_(candidate.calls), live_(live),
        last_(findLastCalls(candidate.definition, candidate.calls, context)) {
    for (size_t i = 0; i < candidate.calls.size(); ++i)
      callLabel_[candidate.calls[i]] = i + 1;
    for (const auto &set : live)
      for (const ValueDecl *decl : set)
        liveAnywhere_.insert(decl);
  }

  bool run(ir::Method &method);

private:
  // --- The machine around the body (Lowering.cpp) -----------------------
  void bindParameters(std::vector<ir::Field> &frame,
                      std::vector<ir::MachineParam> &params);
  void declareLocals(std::vector<ir::Field> &frame,
                     std::vector<ir::MachineLocal> &locals);
  std::vector<ir::Resume> resumes();

  // --- Facts about the body ---------------------------------------------
  bool containsCall(const Stmt *stmt) {
    return remoteCalls_.containsCall(stmt);
  }

  // `auto` and template-substituted types are spelled as what they stand for.
  QualType undeduced(QualType type) const {
    type = type.getNonReferenceType();
    Qualifiers quals = type.getLocalQualifiers();
    while (true) {
      if (const auto *autoType = dyn_cast<AutoType>(type.getTypePtr());
          autoType && autoType->isDeduced())
        type = autoType->getDeducedType();
      else if (const auto *subst =
                   dyn_cast<SubstTemplateTypeParmType>(type.getTypePtr()))
        type = subst->getReplacementType();
      else
        break;
      quals += type.getLocalQualifiers();
      type = type.getLocalUnqualifiedType();
    }
    return context_.getQualifiedType(type, quals);
  }
  std::string spell(QualType type) {
    return spellType(undeduced(type).getUnqualifiedType(), context_);
  }
  std::string spellPointee(QualType type) {
    return spellType(undeduced(type), context_);
  }

  bool canCarry(QualType type) {
    return serializable_
        .whyNot(type.getNonReferenceType().getUnqualifiedType())
        .empty();
  }

  Code newTemp(QualType type, const Expr *where, const char *what) {
    std::string name = fresh("flowc_t" + std::to_string(++temps_));
    QualType value = type.getNonReferenceType().getUnqualifiedType();
    if (value->isPlaceholderType() || value->isFunctionType()) {
      reporter_.error(where->getExprLoc(),
                      "'%0' runs before a later remote call in the same "
                      "expression and must be kept across it, but it is not "
                      "a value; call the remote method in a statement before")
          << quote(where);
      failed_ = true;
    } else if (std::string why = serializable_.whyNot(value); !why.empty()) {
      reporter_.error(where->getExprLoc(),
                      "the %0 of '%1' is computed before a later remote call "
                      "in the same expression and must be kept across it, "
                      "but its type '%2' cannot be carried in the frame: %3")
          << what << quote(where) << spellType(value, context_) << why;
      failed_ = true;
    }
    temporaries_.push_back({name, spell(value)});
    return ir::fieldCode(name);
  }

  // A value computed before a later remote call in the same expression is
  // kept in a temporary, so it is not recomputed after resuming.
  Code keep(const Code &value, const Expr *expr, Code &prelude) {
    if (ir::isFieldCode(value))
      return value;
    Code temp = newTemp(expr->getType(), expr, "value");
    prelude += temp + " = " + value + "; ";
    return temp;
  }

  // A hoisted local's name: its own, unless another frame field or hoisted
  // local has it or another declaration of the method does (declared at the
  // top, it would shadow that one, or be shadowed): then base_2, ...
  std::string unique(StringRef base) {
    std::string name = base.str();
    for (unsigned n = 2; declared_.lookup(name) > (name == base ? 1u : 0u) ||
                         !names_.insert(name).second;
         ++n)
      name = base.str() + "_" + std::to_string(n);
    return name;
  }

  // A name flowc makes up (a temporary, a loop's position, a label): one no
  // declaration of the user's has, whatever the user calls things.
  std::string fresh(StringRef base) {
    std::string name = base.str();
    for (unsigned n = 2; declared_.count(name) || !names_.insert(name).second; ++n)
      name = base.str() + "_" + std::to_string(n);
    return name;
  }

  bool error(SourceLocation loc, const char *what) {
    reporter_.error(loc, "%0 cannot be split at a remote call yet") << what;
    failed_ = true;
    return false;
  }

  // --- Hoisting ------------------------------------------------------------
  void hoist(const ValueDecl *decl, const DeclStmt *declaration = nullptr);
  void hoistConstant(const VarDecl *var, const DeclStmt *declaration);
  void checkDefaultConstructible(const ValueDecl *decl, Home home,
                                 QualType stored);
  void countDeclarations();
  void nameParameters();
  void findHoisted();
  void hoistDeclaredBefore(const Stmt *child, const Stmt *parent);
  void hoistDeclarations(const Stmt *stmt);
  void holdBit(const CXXForRangeStmt *loop);
  Code declarationAsAssignment(const DeclStmt *stmt);
  Code assignment(const VarDecl *var);
  std::string storableType(QualType type);

  // --- Lowering --------------------------------------------------------------
  struct Lowered {
    Code prelude; // statements: the calls, each a suspension
    Code value;   // the expression's value once they ran
  };
  Lowered lowerExpr(const Expr *expr);
  Lowered lowerRemoteCall(const CXXMemberCallExpr *call);
  Lowered lowerChildren(const Expr *expr);
  std::vector<std::optional<Code>>
  lowerOperands(llvm::ArrayRef<const Expr *> operands, bool sentByValue,
                Code &prelude);
  Code lowerStmt(const Stmt *stmt);
  Code VisitExpr(const Expr *expr);
  Code VisitReturnStmt(const ReturnStmt *ret);
  Code VisitDeclStmt(const DeclStmt *decls);
  Code lowerSelection(const Stmt *stmt, const char *opening);
  Code VisitIfStmt(const IfStmt *branch);
  Code VisitSwitchStmt(const SwitchStmt *sw);
  Code VisitWhileStmt(const WhileStmt *loop) { return lowerLoop(loop); }
  Code VisitDoStmt(const DoStmt *loop) { return lowerLoop(loop); }
  Code VisitForStmt(const ForStmt *loop) { return lowerLoop(loop); }
  Code VisitCXXForRangeStmt(const CXXForRangeStmt *loop);
  Code VisitCXXTryStmt(const CXXTryStmt *attempt);
  std::vector<const CXXTryStmt *> triesAround(const Stmt *call);
  unsigned tryId(const CXXTryStmt *attempt);
  Code asWritten(const Stmt *stmt);
  Code VisitCompoundStmt(const CompoundStmt *s) { return asWritten(s); }
  Code VisitLabelStmt(const LabelStmt *s) { return asWritten(s); }
  Code VisitSwitchCase(const SwitchCase *s) { return asWritten(s); }
  Code VisitAttributedStmt(const AttributedStmt *s) { return asWritten(s); }
  Code VisitStmt(const Stmt *stmt);
  Code lowerLoop(const Stmt *loop);
  Code lowerDeclStmt(const DeclStmt *stmt);
  bool constructsByName(const VarDecl *var);
  Code finish(const Expr *value, const Code &lowered);
  bool isDiscarded(const Expr *expr);
  Code leadingStmt(const Stmt *stmt);
  Code condName(const VarDecl *var);
  Code useOf(const ValueDecl *decl, const Hoisted &h);
  Code nameOf(const std::string &name, const ValueDecl *decl);
  Code parenthesized(const Expr *cond, SourceLocation lparen,
                     SourceLocation rparen, const Code &value);
  bool declaresHoisted(const Stmt *stmt) const;
  void registerStatements(const Stmt *stmt);
  void renameUses(const Stmt *stmt);

  const SplitCandidate &candidate_;
  ASTContext &context_;
  const SourceManager &sm_;
  Reporter &reporter_;
  const FunctionDecl *function_;
  ParentMap parents_;
  SerializableCheck serializable_;
  llvm::DenseMap<const Expr *, unsigned> callLabel_;
  llvm::DenseSet<const ValueDecl *> liveAnywhere_;
  RemoteCalls remoteCalls_;
  // What is live after each call, in the order of candidate_.calls.
  const std::vector<std::vector<const ValueDecl *>> &live_;
  // Which of candidate_.calls are last calls (LastCalls.h).
  const std::vector<bool> last_;
  llvm::MapVector<const ValueDecl *, Hoisted> hoisted_;
  llvm::StringSet<> names_;
  // How many declarations of the method (and its class's members) have each
  // name: what generated names must not take (countDeclarations).
  llvm::StringMap<unsigned> declared_;
  llvm::DenseMap<const ParmVarDecl *, std::string> paramField_;
  std::vector<ir::Field> temporaries_;
  unsigned temps_ = 0, loops_ = 0;
  // Range-for loops lowered to an index: loop -> (index field, range).
  llvm::DenseMap<const CXXForRangeStmt *, std::pair<std::string, Code>>
      indexed_;
  // Try blocks around calls, numbered in source order (ir::TryEntry::id).
  llvm::DenseMap<const CXXTryStmt *, unsigned> tryIds_;
  bool failed_ = false;
};

} // namespace flowc::lowering
