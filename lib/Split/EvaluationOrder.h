// EvaluationOrder.h - how the lowering evaluates an expression that makes
// remote calls, shared with liveness so that a variable counts as read where
// the lowered code reads it.
//
// Operands run in C++17 order: left to right, except that an assignment's
// right operand runs before its left one (overloaded or not). An operand that
// runs before a later remote call of the same expression is either kept (its
// value computed in place into a frame temporary) or rendered (its text
// evaluated with the whole expression, after the calls): a glvalue, an object
// to assign to, call a method on or bind a reference to, cannot be kept, and a
// constant need not be. So the object of `g[k()].push_back(v())` is formed
// after v() returns, from the key k() returned. Locals are never read late: a variable that is not
// carried in the frame would no longer hold its value after resuming.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace flowc {

using ContainsCall = llvm::function_ref<bool(const clang::Expr *)>;

// How an expression containing remote calls is lowered.
enum class LoweredForm {
  RemoteCall,   // the Ref, then the arguments, each sent by value
  ShortCircuit, // && or || with a call on the right: a branch
  Conditional,  // ?: with a call in an arm: a branch
  Operands,     // anything else: its operands, then the expression around them
};

LoweredForm loweredForm(const clang::Expr *expr, bool isRemoteCall,
                        ContainsCall containsCall);

struct PlannedOperand {
  const clang::Expr *expr;
  bool kept; // evaluated in place into a temporary, before later calls
  // Formed after later calls, though forming it changes what a part of the
  // expression evaluated before those calls reads, or reads what such a part
  // changes (`s.append(a).append(r->f(s))`): it cannot be split faithfully.
  bool conflicts = false;
};

using CanCarry = llvm::function_ref<bool(clang::QualType)>;

// The operands of `expr` (form RemoteCall or Operands) in evaluation order.
// `operands` are its operands in that order (see operandsInOrder). A value
// the frame cannot carry (an iterator, a view) and that reads only variables
// no later operand may write is rendered instead of kept: nothing else that
// runs before it can change what it reads.
llvm::SmallVector<PlannedOperand, 4>
planOperands(llvm::ArrayRef<const clang::Expr *> operands, bool sentByValue,
             ContainsCall containsCall, CanCarry canCarry,
             const clang::ASTContext &context);

// The operands the Operands form evaluates, in order.
llvm::SmallVector<const clang::Expr *, 4>
operandsInOrder(const clang::Expr *expr);

// Whether `stmt` may change one of `vars`: it names one other than by reading
// its value, calling a const method on it, passing it to a const reference
// or copying it.
// `read`: what `stmt` names is only read by what `stmt` is part of.
bool mayWrite(const clang::Stmt *stmt,
              const llvm::SmallPtrSetImpl<const clang::ValueDecl *> &vars,
              bool read = false);

// A value that reads no variable that could change: literals, enumerators,
// `this`, constants. Needs no temporary to be read after a call.
bool isConstantOperand(const clang::Expr *expr,
                       const clang::ASTContext &context);

} // namespace flowc
