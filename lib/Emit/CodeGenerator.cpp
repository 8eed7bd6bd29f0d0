// CodeGenerator.cpp - context, render, format for each generated file.
#include "Emit/CodeGenerator.h"

#include "Emit/Format.h"
#include "Emit/Render.h"
#include "Emit/TemplateCheck.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace flowc::emit {

std::vector<std::string> checkTemplates(const TemplateSet &templates) {
  std::vector<std::string> errors;
  for (const char *root : {headerTemplate, sourceTemplate}) {
    if (!templates.has(root)) {
      errors.push_back(std::string("error: the built-in template '") + root +
                       ".mustache' is missing (a broken installation)");
      continue;
    }
    for (std::string &error : checkTemplate(templates, root, fileSchema()))
      if (std::find(errors.begin(), errors.end(), error) == errors.end())
        errors.push_back(std::move(error));
  }
  return errors;
}

llvm::Expected<std::vector<OutputFile>>
generateCode(const std::vector<Input> &inputs, const TemplateSet &templates,
             const std::string &outputDir) {
  std::vector<OutputFile> files;
  for (const Input &input : inputs) {
    OutputNames names = outputNames(input.name);
    for (auto [templateName, output] :
         {std::pair(headerTemplate, names.header),
          std::pair(sourceTemplate, names.source)}) {
      std::string text = render(templates, templateName,
                                fileContext(input, outputDir, output));
      auto formatted = formatCpp(text, output);
      if (!formatted)
        return formatted.takeError();
      llvm::SmallString<256> path(outputDir);
      llvm::sys::path::append(path, output);
      files.push_back({std::string(path), std::move(*formatted)});
    }
  }
  return files;
}

} // namespace flowc::emit
