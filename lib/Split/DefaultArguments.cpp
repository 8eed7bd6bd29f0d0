// DefaultArguments.cpp - default arguments as values.
#include "Split/DefaultArguments.h"

#include "Analysis/TypeSpelling.h"

#include "llvm/ADT/SmallString.h"

#include <cstdio>

using namespace clang;

namespace flowc {
namespace {

// An ordinary string literal with every byte that is not plain printable
// ASCII escaped in octal, so it means the same bytes anywhere.
std::string stringLiteral(StringRef bytes) {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      out += static_cast<char>(c);
      continue;
    }
    char escaped[5];
    std::snprintf(escaped, sizeof escaped, "\\%03o", c);
    out += escaped;
  }
  return out + "\"";
}

// `T()`, `T{}`, `{}`: the parameter type's value initialization.
bool isValueInitialization(const Expr *expr) {
  expr = expr->IgnoreImplicit();
  if (const auto *temporary = dyn_cast<CXXFunctionalCastExpr>(expr))
    expr = temporary->getSubExpr()->IgnoreImplicit();
  if (isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(expr))
    return true;
  if (const auto *list = dyn_cast<InitListExpr>(expr))
    return list->getNumInits() == 0;
  if (const auto *construct = dyn_cast<CXXConstructExpr>(expr))
    return construct->getNumArgs() == 0 ||
           llvm::all_of(construct->arguments(),
                        [](const Expr *a) { return isa<CXXDefaultArgExpr>(a); });
  return false;
}

} // namespace

std::optional<std::string> defaultArgumentText(const CXXDefaultArgExpr *arg,
                                               const ASTContext &context) {
  const Expr *value = arg->getExpr();
  QualType type = arg->getParam()->getType().getNonReferenceType();
  std::string spelled = spellType(type.getUnqualifiedType(), context);
  // A string literal, possibly converted to the parameter's class type.
  const Expr *bare = value->IgnoreImplicit();
  if (const auto *construct = dyn_cast<CXXConstructExpr>(bare);
      construct && construct->getNumArgs() >= 1)
    bare = construct->getArg(0)->IgnoreImpCasts();
  if (const auto *literal = dyn_cast<StringLiteral>(bare);
      literal && literal->isOrdinary())
    return stringLiteral(literal->getString());
  if (isValueInitialization(value))
    return spelled + "{}";
  Expr::EvalResult result;
  if (value->isValueDependent() ||
      !value->EvaluateAsRValue(result, context) || result.HasSideEffects)
    return std::nullopt;
  const APValue &constant = result.Val;
  if (constant.isInt()) {
    const llvm::APSInt &n = constant.getInt();
    if (type->isBooleanType())
      return std::string(n.getBoolValue() ? "true" : "false");
    llvm::SmallString<24> digits;
    n.toString(digits);
    const char *suffix = n.isUnsigned() ? "ULL" : "LL";
    // The most negative value has no literal: write it as an expression.
    if (n.isSigned() && n.isMinSignedValue() && n.getBitWidth() > 1) {
      llvm::APSInt next(n + 1, false);
      digits.clear();
      next.toString(digits);
      return "static_cast<" + spelled + ">(" + std::string(digits) + suffix +
             " - 1)";
    }
    return "static_cast<" + spelled + ">(" + std::string(digits) + suffix + ")";
  }
  if (constant.isFloat() && constant.getFloat().isFinite()) {
    llvm::SmallString<32> hex;
    char buffer[64];
    unsigned length = constant.getFloat().convertToHexString(
        buffer, 0, false, llvm::APFloat::rmNearestTiesToEven);
    hex.assign(buffer, buffer + length);
    if (type->isSpecificBuiltinType(BuiltinType::LongDouble))
      hex += "L";
    return "static_cast<" + spelled + ">(" + std::string(hex) + ")";
  }
  return std::nullopt;
}

} // namespace flowc
