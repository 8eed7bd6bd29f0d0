// OutputFiles.cpp - compare, write to a temporary file, rename.
#include "Emit/OutputFiles.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace flowc::emit {

bool isUpToDate(const OutputFile &file) {
  auto existing = llvm::MemoryBuffer::getFile(file.path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  return existing && (*existing)->getBuffer() == file.content;
}

namespace {

llvm::Error fail(const std::string &path, std::error_code ec) {
  return llvm::createStringError(ec, "cannot write '" + path +
                                         "': " + ec.message());
}

llvm::Error writeAtomically(const OutputFile &file) {
  llvm::StringRef dir = llvm::sys::path::parent_path(file.path);
  if (!dir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(dir))
      return fail(file.path, ec);
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(
          file.path + ".tmp-%%%%%%", fd, temp))
    return fail(file.path, ec);
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << file.content;
    out.close();
    if (out.has_error()) {
      std::error_code ec = out.error();
      out.clear_error();
      llvm::sys::fs::remove(temp);
      return fail(file.path, ec);
    }
  }
  // createUniqueFile makes the file private (0600); generated sources get the
  // permissions an ordinary new file would.
  llvm::sys::fs::setPermissions(temp, llvm::sys::fs::perms(0644));
  if (std::error_code ec = llvm::sys::fs::rename(temp, file.path)) {
    llvm::sys::fs::remove(temp);
    return fail(file.path, ec);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error writeIfChanged(const std::vector<OutputFile> &files) {
  for (const OutputFile &file : files)
    if (!isUpToDate(file))
      if (llvm::Error error = writeAtomically(file))
        return error;
  return llvm::Error::success();
}

} // namespace flowc::emit
