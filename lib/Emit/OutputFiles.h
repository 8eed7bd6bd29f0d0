// OutputFiles.h - generated files held in memory, then written atomically and
// only when their content changed (as TableGen does), so builds stay no-op.
#pragma once

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace flowc::emit {

struct OutputFile {
  std::string path;
  std::string content;
};

// Whether `file.path` exists with exactly `file.content`.
bool isUpToDate(const OutputFile &file);

// Writes each file whose content differs from what is on disk through a
// temporary file in the same folder and a rename, so readers never see half a
// file; unchanged files keep their modification time. Creates missing folders.
llvm::Error writeIfChanged(const std::vector<OutputFile> &files);

} // namespace flowc::emit
