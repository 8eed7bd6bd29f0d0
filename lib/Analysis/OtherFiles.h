// OtherFiles.h - entities an input reaches in other files. flowc generates an
// entity's code from the file that defines it, so an input whose entities
// call or hold a Ref to an entity of another header includes that header's
// generated header (ir::Module::uses); and an input that only includes
// entities (an umbrella header) is told where they are generated from.
#pragma once

#include "IR/IR.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace flowc {

class Reporter;

// The entities of `used` (in the order first used) defined outside the main
// file, each with the name of its file.
std::vector<ir::Use> usesOf(llvm::ArrayRef<const clang::CXXRecordDecl *> used,
                            clang::ASTContext &context);

// For a main file that defines no entity and no job: a warning for each
// header it includes (directly or not) that defines entities, at the line
// that includes it.
void warnEntitiesOnlyIncluded(clang::ASTContext &context, Reporter &reporter);

} // namespace flowc
