// TemplateCheck.cpp - a mustache tag scanner and the scope-aware name check.
#include "Emit/TemplateCheck.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <set>

namespace flowc::emit {
namespace {

struct Tag {
  char kind; // 'v' variable, '#', '^', '/', '>', or 'x' for a malformed tag
  std::string name;
  unsigned line, column;
};

// The tags of a mustache template in order, following `{{=<% %>=}}`
// delimiter changes and skipping comments, as mstch's parser does.
std::vector<Tag> scanTags(llvm::StringRef text) {
  std::vector<Tag> tags;
  std::string open = "{{", close = "}}";
  size_t pos = 0;
  auto where = [&](size_t offset) {
    llvm::StringRef before = text.take_front(offset);
    unsigned line = 1 + before.count('\n');
    size_t lineStart = before.rfind('\n');
    unsigned column = static_cast<unsigned>(
        lineStart == llvm::StringRef::npos ? offset + 1 : offset - lineStart);
    return std::pair(line, column);
  };
  while ((pos = text.find(open, pos)) != llvm::StringRef::npos) {
    auto [line, column] = where(pos);
    size_t start = pos + open.size();
    std::string closing = close;
    bool triple = open == "{{" && start < text.size() && text[start] == '{';
    if (triple)
      closing = "}}}";
    size_t end = text.find(closing, start);
    if (end == llvm::StringRef::npos) {
      tags.push_back({'x', "unterminated tag", line, column});
      break;
    }
    llvm::StringRef body = text.slice(start, end).trim();
    pos = end + closing.size();
    if (triple) {
      tags.push_back({'v', body.drop_front().trim().str(), line, column});
      continue;
    }
    char kind = body.empty() ? 'v' : body.front();
    switch (kind) {
    case '!':
      break;
    case '=': {
      llvm::StringRef delimiters = body.drop_front().drop_back().trim();
      auto [newOpen, newClose] = delimiters.split(' ');
      if (!body.ends_with("=") || newOpen.empty() || newClose.trim().empty()) {
        tags.push_back({'x', "malformed delimiter change", line, column});
        return tags;
      }
      open = newOpen.str();
      close = newClose.trim().str();
      break;
    }
    case '#':
    case '^':
    case '/':
    case '>':
    case '&':
      tags.push_back({kind == '&' ? 'v' : kind, body.drop_front().trim().str(),
                      line, column});
      break;
    default:
      tags.push_back({'v', body.str(), line, column});
    }
  }
  return tags;
}

class Checker {
public:
  Checker(const TemplateSet &templates) : templates_(templates) {}

  void check(const std::string &name, std::vector<const Schema *> &scopes) {
    if (active_.count(name))
      return; // a recursive partial: its names were checked on the way in
    active_.insert(name);
    const std::string &file = templates_.path(name);
    std::vector<std::pair<const Tag *, size_t>> open; // section, scopes size
    std::vector<Tag> tags = scanTags(templates_.text(name));
    for (const Tag &tag : tags) {
      auto error = [&](const std::string &message) {
        report(file + ":" + std::to_string(tag.line) + ":" +
               std::to_string(tag.column) + ": error: " + message +
               " in template '" + name + "'");
      };
      switch (tag.kind) {
      case 'x':
        error(tag.name);
        break;
      case 'v':
        if (!resolve(tag.name, scopes))
          error("unknown variable '" + tag.name + "'");
        break;
      case '#':
      case '^': {
        const Schema *schema = resolve(tag.name, scopes);
        if (!schema)
          error("unknown variable '" + tag.name + "'");
        open.emplace_back(&tag, scopes.size());
        // A list of objects or an object opens a scope; a boolean or a string
        // (and any inverted section) renders its body in the current one.
        if (tag.kind == '#' && schema && !schema->fields.empty())
          scopes.push_back(schema);
        break;
      }
      case '/':
        if (open.empty() || open.back().first->name != tag.name) {
          error("'{{/" + tag.name + "}}' closes no open section" +
                (open.empty() ? std::string()
                              : " (open: '" + open.back().first->name + "')"));
          break;
        }
        scopes.resize(open.back().second);
        open.pop_back();
        break;
      case '>':
        if (!templates_.has(tag.name))
          error("unknown partial '" + tag.name + "'");
        else
          check(tag.name, scopes);
        break;
      }
    }
    for (const auto &[tag, depth] : open) {
      report(file + ":" + std::to_string(tag->line) + ":" +
             std::to_string(tag->column) + ": error: section '" + tag->name +
             "' is never closed in template '" + name + "'");
      scopes.resize(depth);
    }
    active_.erase(name);
  }

  const std::vector<std::string> &errors() const { return errors_; }

private:
  // A partial included from several places reports each problem once.
  void report(std::string message) {
    if (seen_.insert(message).second)
      errors_.push_back(std::move(message));
  }

  // The schema of a (possibly dotted) name looked up as mstch does: the first
  // part in the innermost scope that has it, the rest inside that.
  static const Schema *resolve(const std::string &name,
                               const std::vector<const Schema *> &scopes) {
    static const Schema leaf;
    if (name == ".")
      return &leaf;
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::StringRef(name).split(parts, '.');
    const Schema *found = nullptr;
    for (auto scope = scopes.rbegin(); scope != scopes.rend() && !found; ++scope) {
      auto it = (*scope)->fields.find(parts.front().str());
      if (it != (*scope)->fields.end())
        found = &it->second.names();
    }
    for (size_t i = 1; found && i < parts.size(); ++i) {
      auto it = found->fields.find(parts[i].str());
      found = it == found->fields.end() ? nullptr : &it->second.names();
    }
    return found;
  }

  const TemplateSet &templates_;
  std::set<std::string> active_;
  std::set<std::string> seen_;
  std::vector<std::string> errors_;
};

} // namespace

std::vector<std::string> checkTemplate(const TemplateSet &templates,
                                       const std::string &root,
                                       const Schema &schema) {
  Checker checker(templates);
  std::vector<const Schema *> scopes{&schema};
  checker.check(root, scopes);
  return checker.errors();
}

} // namespace flowc::emit
