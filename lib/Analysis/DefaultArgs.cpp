// DefaultArgs.cpp - see DefaultArgs.h. The value is what the compiler
// evaluates the expression to, so `= kStart` of a constexpr kStart has one;
// an expression it cannot evaluate (a call, a braced list) has only its text.
#include "Analysis/DefaultArgs.h"

#include "Analysis/Annotations.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <charconv>

using namespace clang;

namespace flowc {

namespace {

std::string decimal(const llvm::APSInt &value) {
  llvm::SmallString<32> text;
  value.toString(text, 10);
  return std::string(text);
}

std::string jsonString(llvm::StringRef text) {
  if (!llvm::json::isUTF8(text))
    return "";
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::json::Value(text.str());
  return out;
}

// A string literal that initializes a std::string (through its constructor,
// temporaries and casts), or null.
const StringLiteral *stringLiteral(const Expr *e) {
  while (e) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto *literal = dyn_cast<StringLiteral>(e))
      return literal->isOrdinary() || literal->isUTF8() ? literal : nullptr;
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      if (construct->getNumArgs() == 0)
        return nullptr;
      e = construct->getArg(0);
      continue;
    }
    if (const auto *cast = dyn_cast<CastExpr>(e)) {
      e = cast->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

std::string jsonValue(const Expr *e, QualType type, const ASTContext &context) {
  type = type.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (type->isRecordType()) {
    const StringLiteral *literal =
        specializationOf(type, "std", "basic_string") ? stringLiteral(e) : nullptr;
    return literal ? jsonString(literal->getString()) : "";
  }
  if (e->isValueDependent() || !(type->isArithmeticType() || type->isEnumeralType()))
    return "";
  Expr::EvalResult result;
  if (!e->EvaluateAsRValue(result, context) || result.HasSideEffects)
    return "";
  const APValue &value = result.Val;
  if (type->isBooleanType() && value.isInt())
    return value.getInt().getBoolValue() ? "true" : "false";
  if (const auto *enumType = type->getAs<EnumType>()) {
    if (!value.isInt())
      return "";
    for (const EnumConstantDecl *constant : enumType->getDecl()->enumerators())
      if (llvm::APSInt::isSameValue(constant->getInitVal(), value.getInt()))
        return jsonString(constant->getName());
    return decimal(value.getInt());
  }
  if (value.isInt())
    return decimal(value.getInt());
  if (value.isFloat()) {
    llvm::APFloat f = value.getFloat();
    if (f.isNaN())
      return "\"NaN\"";
    if (f.isInfinity())
      return f.isNegative() ? "\"-Infinity\"" : "\"Infinity\"";
    bool lost = false;
    f.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven, &lost);
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, f.convertToDouble());
    return ec == std::errc{} ? std::string(buffer, end) : "";
  }
  return "";
}

} // namespace

std::optional<ir::DefaultArg> defaultArg(const ParmVarDecl *param,
                                         const ASTContext &context) {
  if (!param->hasDefaultArg() || param->hasUnparsedDefaultArg() ||
      param->hasUninstantiatedDefaultArg())
    return std::nullopt;
  const Expr *expr = param->getDefaultArg();
  ir::DefaultArg result;
  result.text = Lexer::getSourceText(
                    CharSourceRange::getTokenRange(param->getDefaultArgRange()),
                    context.getSourceManager(), context.getLangOpts())
                    .str();
  // A braced default's range starts at its `=`.
  llvm::StringRef text = llvm::StringRef(result.text).trim();
  if (text.consume_front("="))
    result.text = text.trim().str();
  if (expr)
    result.value = jsonValue(expr, param->getType(), context);
  return result;
}

} // namespace flowc
