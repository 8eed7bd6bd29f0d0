// Structs.h - the plain structs (and enums) that travel in messages and frames.
//
// Generated code needs a serializer for every user struct reachable from an
// entity's state, its methods' parameters and results, and the locals of its
// split methods (directly or inside std containers). This finds them, members
// before the structs that contain them, each once.
#pragma once

#include "IR/IR.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>
#include <vector>

namespace flowc {

class StructCollector {
public:
  // Structs in the main file are located as `displayFile` (the input as
  // given on the command line), others by the name Clang found them under.
  StructCollector(const clang::ASTContext &context, std::string displayFile)
      : context_(context), displayFile_(std::move(displayFile)) {}

  // Records the structs `type` contains; types that are not serializable are
  // skipped (analysis reports them where it matters).
  void add(clang::QualType type);

  std::vector<ir::Struct> take() { return std::move(structs_); }
  // The enums met on the way, each once.
  std::vector<ir::Enum> takeEnums() { return std::move(enums_); }
  // The type aliases met on the way (outside system headers), each once.
  std::vector<ir::Alias> takeAliases() { return std::move(aliases_); }

private:
  void addRecord(const clang::CXXRecordDecl *record);
  void addEnum(const clang::EnumDecl *decl);
  void addAliases(clang::QualType written);
  std::string fileOf(const clang::Decl *decl, unsigned &line) const;

  const clang::ASTContext &context_;
  std::string displayFile_;
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 8> seen_;
  std::vector<ir::Struct> structs_;
  llvm::SmallPtrSet<const clang::EnumDecl *, 8> seenEnums_;
  std::vector<ir::Enum> enums_;
  llvm::SmallPtrSet<const clang::TypedefNameDecl *, 8> seenAliases_;
  std::vector<ir::Alias> aliases_;
};

} // namespace flowc
