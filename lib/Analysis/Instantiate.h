// Instantiate.h - completes the class template specializations that entity
// messages carry before analysis looks at them.
//
// `std::map<std::string, Box<int>>` as a parameter names Box<int> without
// instantiating it (a map's value type may stay incomplete until used), so
// Clang's AST has no fields for it and it would look incomplete. Sema can
// still instantiate it at the end of the translation unit, as a use would.
#pragma once

namespace clang {
class ASTContext;
class Sema;
} // namespace clang

namespace flowc {

// Instantiates every class template specialization reachable from the
// entities' state, method signatures and method locals (through template
// arguments). Failures are silent here: analysis reports the type.
void instantiateMessageTypes(clang::Sema &sema, clang::ASTContext &context);

} // namespace flowc
