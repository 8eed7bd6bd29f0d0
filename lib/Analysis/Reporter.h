// Reporter.h - flowc's diagnostics, printed Clang-style through Clang's engine.
//
// Errors go through the same DiagnosticsEngine as Clang's own, so they get the
// `file:line:col: error:` form, the source line and the caret, and the tool's
// exit status counts them with Clang's errors.
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

namespace flowc {

class Reporter {
public:
  explicit Reporter(clang::DiagnosticsEngine &engine) : engine_(engine) {}

  template <unsigned N>
  clang::DiagnosticBuilder error(clang::SourceLocation loc,
                                 const char (&format)[N]) {
    ++errors_;
    return report(clang::DiagnosticsEngine::Error, loc, format);
  }
  template <unsigned N>
  clang::DiagnosticBuilder warning(clang::SourceLocation loc,
                                   const char (&format)[N]) {
    return report(clang::DiagnosticsEngine::Warning, loc, format);
  }
  template <unsigned N>
  clang::DiagnosticBuilder note(clang::SourceLocation loc,
                                const char (&format)[N]) {
    return report(clang::DiagnosticsEngine::Note, loc, format);
  }

  bool hasErrors() const { return engine_.hasErrorOccurred(); }
  // The errors reported through this reporter so far.
  unsigned errors() const { return errors_; }

private:
  template <unsigned N>
  clang::DiagnosticBuilder report(clang::DiagnosticsEngine::Level level,
                                  clang::SourceLocation loc,
                                  const char (&format)[N]) {
    // Custom IDs are interned by (level, text), so asking again is cheap.
    return engine_.Report(loc, engine_.getCustomDiagID(level, format));
  }

  clang::DiagnosticsEngine &engine_;
  unsigned errors_ = 0;
};

} // namespace flowc
