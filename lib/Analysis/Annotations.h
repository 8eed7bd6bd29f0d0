// Annotations.h - recognizing what flowc.h marks: entities, keys, jobs, Ref.
#pragma once

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace flowc {

// The marker alias FLOWC_ENTITY(Name) declares in the class body, if any.
const clang::TypedefNameDecl *entityMarker(const clang::CXXRecordDecl *record);

// True when the class definition carries FLOWC_ENTITY.
bool isEntity(const clang::CXXRecordDecl *record);

// True for a (data member) declaration marked FLOWC_KEY.
bool isKey(const clang::Decl *decl);

// For a function marked FLOWC_MAP(job) (kind "map"), FLOWC_REDUCE or
// FLOWC_COMBINE: the job name of that kind of mark, if present.
std::optional<llvm::StringRef> jobAnnotation(const clang::Decl *decl,
                                             llvm::StringRef kind);

// Every job name of that kind of mark, in order, without repeats: one
// function may serve several jobs (FLOWC_MAP(a) FLOWC_MAP(b)).
llvm::SmallVector<llvm::StringRef, 1> jobAnnotations(const clang::Decl *decl,
                                                    llvm::StringRef kind);

// True for any flowc job annotation at all.
bool hasJobAnnotation(const clang::Decl *decl);

// The specialization `ns::Name<...>` that `type` names (through sugar), if any.
const clang::ClassTemplateSpecializationDecl *
specializationOf(clang::QualType type, llvm::StringRef ns, llvm::StringRef name);

// The type arguments of a specialization, packs flattened (a tuple's come
// as one pack), in order.
llvm::SmallVector<clang::QualType, 4>
typeArguments(const clang::ClassTemplateSpecializationDecl *spec);

// For `flowc::Ref<E>`, the type E as written; a null type otherwise.
clang::QualType refTarget(clang::QualType type);

} // namespace flowc
