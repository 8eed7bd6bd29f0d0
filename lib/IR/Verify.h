// Verify.h - the checks that an IR read from a file (`--from-ir`) is one
// flowc could have written: what the templates rely on without checking.
#pragma once

#include "IR/IR.h"

#include <string>
#include <vector>

namespace flowc::ir {

struct Problem {
  const void *where; // the IR object at fault (a piece, a method, ...)
  std::string message;
};

// Every problem found, in document order:
//  - a suspension whose label no resume resumes, or a resume of a label no
//    suspension sets, or a label used twice; a try block or a resume going
//    via a try block that is not there, or a try block resuming a label no
//    suspension sets;
//  - a frame field named (a field piece, a suspension's result, a parameter's
//    or a frame local's home, an index loop's position) that is not in the
//    method's frame;
//  - a suspension, finish or loop inside an expression (an argument, a
//    value, a range), where only text and fields belong;
//  - a method with remote calls but no machine, or with suspensions that do
//    not match its calls one to one;
//  - an input naming a struct or enum the module does not list.
std::vector<Problem> verify(const Module &module);

} // namespace flowc::ir
