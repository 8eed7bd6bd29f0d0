// IR.h - the intermediate representation between analysis and code generation.
//
// Plain data with no Clang types, so the back end (splitting, emission, DOT) and
// the tests can read and write it without parsing C++. Its YAML form is the
// public `--emit=ir` contract (docs/ir.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace flowc::ir {

// A named, typed slot: a state member, a key or a parameter.
struct Field {
  std::string name;
  std::string type; // spelled as in the source, namespace-qualified
  bool operator==(const Field &) const = default;
};

// One `ref->method(...)` in a method body.
struct RemoteCall {
  std::string entity; // as written (the class name)
  std::string qualified_entity;
  std::string method;
  unsigned line = 0;
  unsigned column = 0;
  bool operator==(const RemoteCall &) const = default;
};

// The point where a method waits for a remote call, and what it must keep.
struct Suspension {
  unsigned line = 0;
  std::vector<std::string> live; // parameters and locals, in declaration order
  bool operator==(const Suspension &) const = default;
};

struct Method {
  std::string name;
  unsigned line = 0;
  std::vector<Field> params;
  std::string returns;
  bool read_only = false;
  std::vector<RemoteCall> remote_calls; // in source order
  std::vector<Suspension> suspensions;  // one per remote call, same order
  // The split method (methods with remote calls only): the frame's fields
  // (live variables, then the temporaries flowc adds) and the body of the
  // resumable state machine, as C++ for the code generator.
  std::vector<Field> frame;
  std::string machine;
  bool operator==(const Method &) const = default;
};

struct Constructor {
  unsigned line = 0;
  std::vector<Field> params;
  bool operator==(const Constructor &) const = default;
};

struct Entity {
  std::string name;
  std::string qualified_name;
  std::string file; // as given on the command line
  unsigned line = 0;
  Field key;
  std::vector<Field> state; // every non-static data member, in order
  std::vector<Constructor> constructors;
  std::vector<Method> methods;
  bool operator==(const Entity &) const = default;
};

struct Job {
  std::string name;
  std::string map;
  std::string reduce;
  std::optional<std::string> combine;
  std::string key_type;
  std::string value_type;
  std::string output_type; // what reduce returns
  std::string file;
  unsigned line = 0;
  bool operator==(const Job &) const = default;
};

// A plain struct that travels in state, arguments, results or frames: the
// generated code gives it a serializer. Listed after the structs it contains.
struct Struct {
  std::string name;
  std::string qualified_name;
  std::string file; // where it is defined, as Clang names the file
  unsigned line = 0;
  std::vector<Field> fields;
  bool operator==(const Struct &) const = default;
};

struct Module {
  int version = 1;
  // The input the module was analyzed from, as given on the command line;
  // empty for modules merged from several inputs. Not part of the YAML.
  std::string input;
  std::vector<Entity> entities;
  std::vector<Job> jobs;
  std::vector<Struct> structs;
  bool operator==(const Module &) const = default;
};

} // namespace flowc::ir
