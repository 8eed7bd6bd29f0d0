// ContextSchemaTest.cpp - each mstch context builder provides exactly the
// names its schema lists: a name missing from the schema would be rejected in
// templates that may use it, and a schema name the context lacks would let a
// template through that renders it as nothing.
#include "Emit/EntityContext.h"
#include "Emit/FileContext.h"
#include "Emit/JobContext.h"

#include "SampleModule.h"

#include <gtest/gtest.h>

#include <set>

using namespace flowc;
using namespace flowc::emit;

namespace {

std::string joined(const std::set<std::string> &names) {
  std::string text;
  for (const std::string &name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Compares what a context provides with its schema: a map provides its keys,
// each list its objects' keys, a scalar none. Remembers which schemas it
// compared with an object, so a test can tell that none went unchecked (an
// empty list checks nothing).
class SchemaCheck {
public:
  void node(const mstch::node &node, const Schema &declared,
            const std::string &where) {
    const Schema &schema = declared.names();
    if (const auto *map = boost::get<mstch::map>(&node)) {
      object(*map, schema, where);
    } else if (const auto *array = boost::get<mstch::array>(&node)) {
      for (size_t i = 0; i < array->size(); ++i) {
        std::string item = where + "[" + std::to_string(i) + "]";
        if (const auto *element = boost::get<mstch::map>(&(*array)[i]))
          object(*element, schema, item);
        else
          ADD_FAILURE() << item << " is not an object";
      }
    } else {
      EXPECT_TRUE(schema.fields.empty())
          << where << " is a scalar, but its schema lists names";
    }
  }

  // Every schema below `schema` that lists names was compared with an object.
  void expectAllChecked(const Schema &schema, const std::string &where) {
    if (!schema.fields.empty()) {
      EXPECT_TRUE(checked_.count(&schema))
          << where << " was never provided as a non-empty object or list";
    }
    for (const auto &[name, inner] : schema.fields)
      expectAllChecked(inner, where + "." + name);
  }

private:
  void object(const mstch::map &map, const Schema &schema,
              const std::string &where) {
    checked_.insert(&schema);
    std::set<std::string> missing, extra;
    for (const auto &entry : map)
      if (!schema.fields.count(entry.first))
        extra.insert(entry.first);
    for (const auto &[name, inner] : schema.fields) {
      auto found = map.find(name);
      if (found == map.end())
        missing.insert(name);
      else
        node(found->second, inner, where + "." + name);
    }
    EXPECT_TRUE(extra.empty())
        << where << " provides names its schema lacks: " << joined(extra);
    EXPECT_TRUE(missing.empty())
        << where << " lacks names its schema lists: " << joined(missing);
  }

  std::set<const Schema *> checked_;
};

void expectNames(const mstch::node &node, const Schema &schema,
                 const std::string &where) {
  SchemaCheck check;
  check.node(node, schema, where);
  check.expectAllChecked(schema, where);
}

// The sample fills every list the contexts walk, so each name is checked.
const ir::Module sample = ir::test::sampleModule();

TEST(ContextSchema, Entities) {
  expectNames(entitiesContext(sample.entities), entitySchema(), "entities");
}

TEST(ContextSchema, Structs) {
  expectNames(structsContext(sample.structs), structSchema(), "structs");
}

TEST(ContextSchema, Jobs) {
  expectNames(jobsContext(sample.jobs), jobSchema(), "jobs");
}

TEST(ContextSchema, File) {
  Input input{"shop.h", sample.entities, sample.structs, sample.jobs,
              {{"shop::Supplier", "supplier.h"}}, sample.enums};
  expectNames(fileContext(input, "out", "shop.flowc.h"), fileSchema(), "file");
}

} // namespace
