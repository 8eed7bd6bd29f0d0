// Serializable.h - which types flowc can put in a message or a frame.
//
// docs/entities.md: arithmetic types, bool, std::string, std::vector,
// std::deque, std::list, std::forward_list, std::array, std::map,
// std::multimap, std::unordered_map, std::unordered_multimap, std::set,
// std::multiset, std::unordered_set, std::unordered_multiset, std::optional, std::variant (std::monostate among its alternatives),
// std::pair, std::tuple of serializable types, flowc::Ref<E>, enums, and plain
// structs whose members are all serializable. Everything else is rejected with
// the reason, naming the part of the type at fault (`'int *' is a raw
// pointer`).
#pragma once

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>

namespace flowc {

// bool, the character types, the standard signed and unsigned integers,
// float, double and long double: the arithmetic types the codec and the
// MapReduce text form know. Not __int128, _BitInt, _Float16 or __float128,
// which standard library traits do not all treat as arithmetic.
bool isStandardArithmetic(clang::QualType type);

class SerializableCheck {
public:
  explicit SerializableCheck(const clang::ASTContext &context)
      : context_(context) {}

  // Empty when values of `type` can be serialized; otherwise why not.
  std::string whyNot(clang::QualType type);

private:
  std::string check(clang::QualType type);
  std::string checkRecord(clang::QualType type,
                          const clang::CXXRecordDecl *record);
  std::string checkStdRecord(clang::QualType type,
                             const clang::CXXRecordDecl *record);
  std::string checkStruct(clang::QualType type,
                          const clang::CXXRecordDecl *record);
  std::string name(clang::QualType type) const;

  const clang::ASTContext &context_;
  // Plain structs being checked, so recursive ones terminate.
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 8> inProgress_;
};

} // namespace flowc
