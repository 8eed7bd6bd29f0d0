// Lowering.h - a method that makes remote calls, as a resumable state machine.
//
// The method body is re-emitted from the user's source text with the fewest
// changes that make it resumable:
//   - each remote call becomes "record the call, set the label, return", and a
//     resume label right after it where the result is read from the machine;
//     calls inside expressions are hoisted into frame temporaries in C++17
//     evaluation order (EvaluationOrder.h), with && || ?: lowered to branches
//     so only the taken side runs, and calls in conditions, increments,
//     init-statements and condition variables re-evaluated where C++ does;
//   - locals whose declaration a resume jump would bypass are hoisted to the
//     top of the function (into the frame when they are live across a call,
//     as plain locals otherwise; constants as declared) and their
//     declarations become assignments;
//   - a range-for whose body suspends becomes an index loop over its
//     variable, member or temporary, its variable re-bound from the index on
//     resume;
//   - `return e;` finishes the machine with e.
// Everything else (control flow, expressions, comments) is copied as written.
//
// The result is data (ir::Machine, docs/ir.md): the body as the user's text
// with the protocol's parts in it (frame fields, suspensions, finishes, index
// loop steps), the parameters and hoisted locals to declare, and where each
// label resumes. templates/machine.mustache spells it as the body of
// `E::flowc_run_<Machine>(Machine &flowc_m)`.
#pragma once

#include "Analysis/Analyzer.h"
#include "Analysis/Reporter.h"
#include "IR/IR.h"

#include <vector>

namespace flowc {

// Lowers `candidate` (whose IR is `method`, with live sets `live`) into
// `method.frame` and `method.machine`. Reports what it cannot lower.
bool lowerMethod(const SplitCandidate &candidate,
                 const std::vector<std::vector<const clang::ValueDecl *>> &live,
                 clang::ASTContext &context, Reporter &reporter,
                 ir::Method &method);

} // namespace flowc
