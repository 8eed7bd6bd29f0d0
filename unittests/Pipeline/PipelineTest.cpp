// PipelineTest.cpp - lib/Pipeline called as a library: inputs in, modules
// and diagnostics out, and the one place modules are merged.
#include "Pipeline/Pipeline.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace flowc {
namespace {

// A header in a fresh temporary file, removed at the end of the test.
class TempHeader {
public:
  explicit TempHeader(const std::string &text) {
    llvm::SmallString<128> path;
    int fd;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("pipeline", "h", fd, path));
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << text;
    path_ = std::string(path);
  }
  ~TempHeader() { llvm::sys::fs::remove(path_); }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

pipeline::Result analyze(const std::string &path, std::string &log) {
  clang::tooling::FixedCompilationDatabase database(".", {});
  llvm::raw_string_ostream stream(log);
  pipeline::Options options;
  options.inputs = {path};
  options.jobs = 1;
  options.argv0 = "PipelineTests";
  options.log = &stream;
  return pipeline::analyze(database, options);
}

TEST(PipelineTest, SplitsAMethodWithRemoteCalls) {
  TempHeader input(R"(#include <flowc/flowc.h>
class Counter {
  FLOWC_ENTITY(Counter);
public:
  int get() const { return n_; }
  int relay(flowc::Ref<Counter> other, int x) {
    int got = other->get();
    return got + x;
  }
private:
  FLOWC_KEY int id_ = 0;
  int n_ = 0;
};
)");
  std::string log;
  pipeline::Result result = analyze(input.path(), log);
  EXPECT_TRUE(result.ok()) << log;
  EXPECT_EQ(log, "");
  ASSERT_EQ(result.modules.size(), 1u);
  const ir::Module &module = result.modules[0];
  EXPECT_EQ(module.input, input.path());
  ASSERT_EQ(module.entities.size(), 1u);
  EXPECT_EQ(module.entities[0].file, input.path());
  const ir::Method *relay = nullptr;
  for (const ir::Method &method : module.entities[0].methods)
    if (method.name == "relay")
      relay = &method;
  ASSERT_NE(relay, nullptr);
  ASSERT_EQ(relay->suspensions.size(), 1u);
  EXPECT_EQ(relay->suspensions[0].live, std::vector<std::string>{"x"});
  ASSERT_TRUE(relay->machine.has_value());
  EXPECT_FALSE(relay->machine->body.empty());
  EXPECT_TRUE(result.dependencies.count(input.path()));
}

TEST(PipelineTest, ReportsWhatCannotBeSplitAndGivesNoModule) {
  TempHeader input(R"(#include <flowc/flowc.h>
class Counter {
  FLOWC_ENTITY(Counter);
public:
  int get() const { return n_; }
  int relay(flowc::Ref<Counter> other, int x) {
    int &alias = n_;
    int got = other->get();
    return got + alias + x;
  }
private:
  FLOWC_KEY int id_ = 0;
  int n_ = 0;
};
)");
  std::string log;
  pipeline::Result result = analyze(input.path(), log);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.errors);
  EXPECT_TRUE(result.modules.empty());
  EXPECT_NE(log.find("local 'alias' of type 'int &' lives across the remote "
                     "call to 'Counter::get'"),
            std::string::npos)
      << log;
}

TEST(PipelineTest, MergeKeepsOrderAndEachStructOnce) {
  ir::Module a, b;
  a.input = "a.h";
  b.input = "b.h";
  a.entities.emplace_back().name = "A";
  b.entities.emplace_back().name = "B";
  b.jobs.emplace_back().name = "J";
  auto addStruct = [](ir::Module &module, const std::string &qualified,
                      const std::string &file) {
    ir::Struct &record = module.structs.emplace_back();
    record.qualified_name = qualified;
    record.file = file;
  };
  addStruct(a, "n::S", "a");
  addStruct(b, "n::S", "b");
  addStruct(b, "n::T", "b");
  ir::Module merged = pipeline::mergeModules({a, b});
  EXPECT_EQ(merged.input, "");
  ASSERT_EQ(merged.entities.size(), 2u);
  EXPECT_EQ(merged.entities[0].name, "A");
  EXPECT_EQ(merged.entities[1].name, "B");
  ASSERT_EQ(merged.jobs.size(), 1u);
  ASSERT_EQ(merged.structs.size(), 2u);
  EXPECT_EQ(merged.structs[0].file, "a");
  EXPECT_EQ(merged.structs[1].qualified_name, "n::T");
}

} // namespace
} // namespace flowc
