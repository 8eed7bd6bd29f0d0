// OtherFiles.cpp - entities an input reaches in other files.
#include "Analysis/OtherFiles.h"

#include "Analysis/Annotations.h"
#include "Analysis/Reporter.h"
#include "Analysis/TypeSpelling.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace flowc {
namespace {

// The file a declaration is written in, and whether it is the main file.
FileID fileOf(const Decl *decl, const SourceManager &sm) {
  return sm.getFileID(sm.getExpansionLoc(decl->getLocation()));
}

// Where the main file includes `file`, directly or through other headers.
SourceLocation includedFromMain(FileID file, const SourceManager &sm) {
  SourceLocation at;
  for (FileID id = file; id.isValid() && id != sm.getMainFileID();) {
    at = sm.getIncludeLoc(id);
    if (at.isInvalid())
      return {};
    id = sm.getFileID(at);
  }
  return at;
}

} // namespace

std::vector<ir::Use> usesOf(llvm::ArrayRef<const CXXRecordDecl *> used,
                            ASTContext &context) {
  const SourceManager &sm = context.getSourceManager();
  std::vector<ir::Use> uses;
  for (const CXXRecordDecl *record : used) {
    FileID file = fileOf(record, sm);
    if (file == sm.getMainFileID())
      continue;
    OptionalFileEntryRef entry = sm.getFileEntryRefForID(file);
    if (!entry)
      continue;
    ir::Use use{spellName(record, context),
                llvm::sys::path::filename(entry->getName()).str()};
    if (!llvm::is_contained(uses, use))
      uses.push_back(std::move(use));
  }
  return uses;
}

void warnEntitiesOnlyIncluded(ASTContext &context, Reporter &reporter) {
  const SourceManager &sm = context.getSourceManager();
  struct Finder : RecursiveASTVisitor<Finder> {
    const SourceManager &sm;
    // Header -> its first entity, in the order the headers are included.
    llvm::MapVector<FileID, const CXXRecordDecl *> found;
    bool shouldVisitTemplateInstantiations() const { return false; }
    bool TraverseDecl(Decl *decl) {
      // Only namespaces and classes can hold an entity class.
      if (decl && !isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl,
                       CXXRecordDecl>(decl))
        return true;
      if (decl && !isa<TranslationUnitDecl>(decl) &&
          sm.isInSystemHeader(sm.getExpansionLoc(decl->getLocation())))
        return true;
      return RecursiveASTVisitor::TraverseDecl(decl);
    }
    bool VisitCXXRecordDecl(CXXRecordDecl *record) {
      if (record->isThisDeclarationADefinition() && entityMarker(record))
        found.insert({fileOf(record, sm), record});
      return true;
    }
  } finder{{}, sm, {}};
  finder.TraverseDecl(context.getTranslationUnitDecl());
  for (auto [file, record] : finder.found) {
    SourceLocation at = includedFromMain(file, sm);
    OptionalFileEntryRef entry = sm.getFileEntryRefForID(file);
    if (at.isInvalid() || !entry)
      continue;
    reporter.warning(at, "'%0' defines entity '%1', whose code flowc "
                         "generates from that header, not from files that "
                         "include it; give '%0' to flowc as an input")
        << llvm::sys::path::filename(entry->getName())
        << spellName(record, context);
  }
}

} // namespace flowc
