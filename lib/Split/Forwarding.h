// Forwarding.h - what a standard library call does with an lvalue it takes
// through a forwarding reference (`U &&` deduced as `T &`): std::pair's and
// std::tuple's constructors, make_pair, make_unique, emplace_back and the
// like copy it into a value; std::move and std::forward hand it on. The
// write analysis (EvaluationOrder.cpp) asks, so that `std::pair<long,
// std::string>(a % 7, p->f())` is not taken to change `a`.
#pragma once

#include "clang/AST/Decl.h"

namespace flowc {

enum class Forwarded {
  unknown, // not a forwarded lvalue, or a call that may change it
  copied,  // the call only copies it into a value it constructs
  passed,  // std::move / std::forward: the caller's use decides
};

// How `function` (called, or a constructor) treats its parameter `param`.
Forwarded forwardedArgument(const clang::FunctionDecl *function,
                            unsigned param);

} // namespace flowc
