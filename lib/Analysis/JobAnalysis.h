// JobAnalysis.h - FLOWC_MAP / FLOWC_REDUCE / FLOWC_COMBINE functions -> jobs.
#pragma once

#include "Analysis/Reporter.h"
#include "IR/IR.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"

namespace flowc {

class JobAnalysis {
public:
  JobAnalysis(clang::ASTContext &context, Reporter &reporter, std::string file)
      : context_(context), reporter_(reporter), file_(std::move(file)) {}

  // Records a function carrying any job annotation.
  void add(const clang::FunctionDecl *function);

  // Checks each job's signatures against each other and returns the jobs.
  std::vector<ir::Job> finish();

private:
  struct Parts {
    const clang::FunctionDecl *map = nullptr;
    const clang::FunctionDecl *reduce = nullptr;
    const clang::FunctionDecl *combine = nullptr;
  };
  void assign(const clang::FunctionDecl *function, llvm::StringRef kind,
              llvm::StringRef job, const clang::FunctionDecl *Parts::*slot);
  bool checkMap(const clang::FunctionDecl *map, llvm::StringRef job,
                clang::QualType &key, clang::QualType &value);
  bool checkCombine(const clang::FunctionDecl *combine, llvm::StringRef job,
                    clang::QualType key, clang::QualType value);
  ir::Job describe(llvm::StringRef job, const Parts &parts, clang::QualType key,
                   clang::QualType value, clang::QualType output);
  bool checkReduce(const clang::FunctionDecl *function, llvm::StringRef role,
                   llvm::StringRef job, clang::QualType key,
                   clang::QualType value, clang::QualType *output);
  bool checkKeyValueType(clang::QualType type, clang::SourceLocation loc,
                         llvm::StringRef what, llvm::StringRef job);

  clang::ASTContext &context_;
  Reporter &reporter_;
  std::string file_;
  llvm::MapVector<llvm::StringRef, Parts> jobs_;
  llvm::StringSet<> rejected_; // jobs with a function already reported
};

} // namespace flowc
