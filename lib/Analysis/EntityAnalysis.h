// EntityAnalysis.h - one entity class -> ir::Entity, with its rule checks.
#pragma once

#include "Analysis/Reporter.h"
#include "Analysis/Serializable.h"
#include "IR/IR.h"

#include "clang/AST/DeclCXX.h"

#include <optional>

namespace flowc {

// The member functions of an entity that are its methods: public, non-static,
// user-written, not constructors, destructors, operators or flowc's own.
bool isEntityMethod(const clang::CXXMethodDecl *method);

class EntityAnalysis {
public:
  EntityAnalysis(clang::ASTContext &context, Reporter &reporter,
                 std::string file)
      : context_(context), reporter_(reporter), serializable_(context),
        file_(std::move(file)) {}

  // The entity's IR without remote calls (the caller adds those), or nothing
  // when the class breaks a rule that makes it unusable.
  std::optional<ir::Entity> analyze(const clang::CXXRecordDecl *record);

private:
  void checkMarker(const clang::CXXRecordDecl *record);
  bool checkBases(const clang::CXXRecordDecl *record);
  bool findKey(const clang::CXXRecordDecl *record, ir::Entity &entity,
               bool ownKeyExpected);
  void collectState(const clang::CXXRecordDecl *record, ir::Entity &entity);
  void collectConstructors(const clang::CXXRecordDecl *record,
                           ir::Entity &entity);
  void collectMethods(const clang::CXXRecordDecl *record, ir::Entity &entity);
  void checkCallable(const clang::CXXMethodDecl *method,
                     const std::string &what);
  ir::Method describeMethod(const clang::CXXMethodDecl *method,
                            const std::string &what);
  std::vector<ir::Field> params(const clang::FunctionDecl *function,
                                const std::string &what);

  clang::ASTContext &context_;
  Reporter &reporter_;
  SerializableCheck serializable_;
  std::string file_;
};

} // namespace flowc
