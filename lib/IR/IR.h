// IR.h - the intermediate representation between analysis and code generation.
//
// Plain data with no Clang types, so the back end (splitting, emission, DOT) and
// the tests can read and write it without parsing C++. Its YAML form is the
// public `--emit=ir` contract (docs/ir.md).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace flowc::ir {

// A parameter's default argument: the expression as written and, when it is
// a literal of a type JSON can hold (an integer, a floating-point number,
// a bool, a string, an enumerator), its value as JSON text.
struct DefaultArg {
  std::string text;
  std::string value; // JSON; empty when not such a literal
  bool operator==(const DefaultArg &) const = default;
};

// A named, typed slot: a state member, a key or a parameter.
struct Field {
  std::string name;
  std::string type; // spelled as in the source, namespace-qualified
  // A state member with a default member initializer: a durable store
  // value-initializes the members an older state lacks that have none.
  bool initialized = false;
  std::optional<DefaultArg> default_arg = {}; // parameters only
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

// The split method as data (docs/ir.md, "The machine"). The lowering keeps
// the user's source as text and names each use of the machine's protocol
// (a frame field, a suspension, a finish, an index loop's step), so that the
// template machine.mustache spells the protocol in one place.
struct Piece;
using Code = std::vector<Piece>; // text with protocol parts, in order

// Where the method waits for one remote call: record the call, set the
// label, return; resumed at the label, the result is read from the machine.
struct Suspend {
  unsigned label = 0; // 1, 2, ... in source order
  unsigned line = 0;  // of the call, for the generated comment
  std::string callee; // the method called, qualified: `shop::Item::price`
  std::vector<Code> args; // the reference called, then the arguments
  std::string result;     // the frame field the result goes to; empty: unread
  std::string result_type;
  bool in_try = false; // inside a try block: the callee's failure comes back
  // Once it returns, the method ends without another remote call and
  // without anything that may throw (Split/LastCalls.h).
  bool last = false;
  bool operator==(const Suspend &) const = default;
};

// `return value;`: the machine's result, then the method returns.
struct Finish {
  std::optional<Code> value; // absent for `return;`
  std::string type; // set when the value is braced: it names the result type
  bool discarded = false; // `return f();` in a void method: evaluated only
  bool operator==(const Finish &) const = default;
};

// A range-for whose body suspends, resumed from its position: each step
// binds the loop variable to the element at the position
// (flowc::detail::Position) in frame field `index` of `range`, then runs the
// body.
struct IndexLoop {
  std::string index;
  Code range;
  Code variable; // what is bound to the element
  bool pointer = false; // `variable` points to the element (a reference)
  Code body;            // the loop's body as written (with its braces)
  bool operator==(const IndexLoop &) const = default;
};

// A try block around suspensions, in place of `try { ... }` (its handlers
// follow as text). A jump may not enter a try block, so resuming at a label
// inside one goes to the try statement first (Resume::via), and from there
// to the label, or to the try block inside this one that holds it.
struct TryEntry {
  unsigned id = 0; // 1, 2, ... in source order
  std::vector<unsigned> labels; // the suspensions inside the block
  std::vector<unsigned> via;    // for each: the inner try holding it, or 0
  Code block;                   // the statements between the braces
  bool operator==(const TryEntry &) const = default;
};

// A while, do-while or for loop whose condition or increment suspends: an
// endless loop that evaluates its test (the condition's calls, then the
// condition) before the body, or after it for a do-while, and ends each turn
// with its step (the increment's calls, then the increment), where a
// `continue` of the body goes.
struct TestedLoop {
  Code init;                     // a for's init-statement, run once
  Code test;                     // statements: the condition's calls
  std::optional<Code> condition; // the value tested; absent in `for (;;)`
  bool test_after = false;       // a do-while
  Code body;                     // as written, each `continue` a Continue
  std::string label; // the step's label; empty when nothing continues
  Code step;         // statements: the increment's calls
  std::optional<Code> increment; // its value, evaluated and discarded
  bool operator==(const TestedLoop &) const = default;
};

// A `continue` of a TestedLoop's body: a jump to its step (TestedLoop::label).
struct Continue {
  std::string label;
  bool operator==(const Continue &) const = default;
};

// What runs in one arm of a lowered `?:`, `&&` or `||`: statements (its
// calls), then its value.
struct Arm {
  Code before;
  Code value; // empty for a void arm whose value is a call's
  bool operator==(const Arm &) const = default;
};

// `left && right` or `left || right` whose right operand suspends: the
// right arm runs only when the left operand does not decide the value. The
// value is kept in frame field `result`.
struct ShortCircuit {
  std::string op; // "&&" or "||"
  std::string result;
  Code left;
  Arm right;
  bool operator==(const ShortCircuit &) const = default;
};

// `condition ? then : else` whose arm suspends: one arm runs, its value kept
// in frame field `result` (empty for a void conditional).
struct Conditional {
  Code condition;
  Arm then;
  Arm otherwise; // YAML key `else`
  std::string result;
  bool operator==(const Conditional &) const = default;
};

// The value of a call to a void method where an expression needs one (a
// comma's operand, a cast to void).
struct VoidValue {
  bool operator==(const VoidValue &) const = default;
};

// A use of a local declared at the top of the machine (Machine::locals)
// whose name the source does not spell: one renamed because its name was
// taken, a const local's store, or, with `pointer`, the variable a reference
// local points to (`(*name)`).
struct LocalUse {
  std::string name;
  bool pointer = false;
  bool operator==(const LocalUse &) const = default;
};

// A use of a structured binding whose object is a local of the machine
// (`auto [a, b] = ...` declared before a call): element `index` of `object`
// through std::get (`tuple`), as the data member `member`, or as an array
// element. `pointer`: `object` points to the object.
struct BindingUse {
  std::string object;
  unsigned index = 0;
  std::string member; // a data member's name; empty otherwise
  bool tuple = false;
  bool pointer = false;
  bool operator==(const BindingUse &) const = default;
};

// The user's source, rewritten only where it must be (a declaration as an
// assignment, a call as its result): the control flow and the names flowc
// makes up are pieces of their own.
struct Text {
  std::string text;
  bool operator==(const Text &) const = default;
};

// A frame field, by name.
struct FieldUse {
  std::string name;
  bool operator==(const FieldUse &) const = default;
};

// One piece of code: a variant, so that every consumer (std::visit) handles
// every kind, and a new kind fails to compile where it is not handled. Its
// YAML key is pieceKey() of the alternative (Mapping.h).
struct Piece : std::variant<Text, FieldUse, Suspend, Finish, IndexLoop,
                            TryEntry, TestedLoop, Continue, ShortCircuit,
                            Conditional, VoidValue, LocalUse, BindingUse> {
  using variant::variant;
  bool operator==(const Piece &) const = default;
};

// How the machine binds a parameter at its start (label 0).
struct MachineParam {
  std::string name;  // as in the body
  std::string type;  // the parameter's type without its reference
  std::string field; // the frame field holding it, or empty when it is dead
  unsigned index = 0; // its position among the arguments
  bool operator==(const MachineParam &) const = default;
};

// A local declared at the top of the machine because a resume would jump
// over its declaration.
struct MachineLocal {
  enum class Home {
    frame,    // a frame field, through a reference named as the variable
    local,    // a local of the machine (dead across every call)
    pointer,  // a reference: a pointer to what it is bound to
    constant, // usable in constant expressions: declared once, as written
  };
  Home home = Home::local;
  std::string name;
  std::string type;  // the stored type; a pointer's pointee
  std::string store; // Home::local: the variable assigned (a const's copy)
  bool is_const = false;
  Code declaration; // Home::constant
  bool operator==(const MachineLocal &) const = default;
};

// A pointer loop variable found again from its loop's position on resuming.
struct Rebind {
  std::string variable;
  Code range;
  std::string index;
  bool operator==(const Rebind &) const = default;
};

// Resuming at `label`: re-bind the index loops around the call, then jump.
struct Resume {
  unsigned label = 0;
  std::vector<Rebind> rebinds; // outermost loop first
  unsigned via = 0; // the outermost try block around the call, or 0
  bool operator==(const Resume &) const = default;
};

struct Machine {
  std::vector<MachineParam> params;
  std::vector<MachineLocal> locals; // in declaration order
  std::vector<Resume> resumes;      // one per suspension, in label order
  Code body;                        // the method body, `{` to `}`
  bool finishes_at_end = false;     // a void method falls off its end
  bool operator==(const Machine &) const = default;
};

struct Method {
  std::string name;
  unsigned line = 0;
  std::vector<Field> params;
  std::string returns;
  bool read_only = false;
  // The state members the method may read and write (writes are among the
  // reads), in declaration order; absent when flowc cannot be sure, which
  // counts as every member (lib/Analysis/MemberAccess.h).
  std::optional<std::vector<std::string>> reads, writes;
  std::vector<RemoteCall> remote_calls; // in source order
  std::vector<Suspension> suspensions;  // one per remote call, same order
  // The split method (methods with remote calls only): the frame's fields
  // (live variables, then the temporaries flowc adds) and the resumable
  // state machine.
  std::vector<Field> frame;
  std::optional<Machine> machine;
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

// An entity of another file that this input's entities call or hold a Ref
// to: the generated code includes that file's generated header.
struct Use {
  std::string entity; // qualified name
  std::string header; // the file that defines it, without its folder
  bool operator==(const Use &) const = default;
};

// An enum that travels in state, arguments or results: the JSON gateway names
// its values by enumerator (docs/http.md).
struct Enum {
  std::string name;
  std::string qualified_name;
  std::string file;
  unsigned line = 0;
  std::vector<std::string> enumerators; // in declaration order
  bool operator==(const Enum &) const = default;
};

// A type alias (`using Money = std::int64_t;`, a typedef) that state,
// arguments or results name, outside the system headers: the gateway's
// OpenAPI gives it a schema of its own, titled with its name. Listed after
// the aliases its type names.
struct Alias {
  std::string name; // as types spell it, namespace-qualified
  std::string type; // what it names, spelled the same way
  std::string file;
  unsigned line = 0;
  bool operator==(const Alias &) const = default;
};

// One input of a merged module and what its generated files need beyond its
// entities and jobs: the structs, enums and type aliases they carry (by
// qualified name, in the module's order) and the entities of other files they reach, which the
// merged `uses` leaves out when they are among the inputs.
struct Input {
  std::string file; // as given on the command line
  std::vector<std::string> structs;
  std::vector<std::string> enums;
  std::vector<Use> uses;
  std::vector<std::string> aliases; // by name
  bool operator==(const Input &) const = default;
};

struct Module {
  int version = 1;
  // The input the module was analyzed from, as given on the command line;
  // empty for modules merged from several inputs. Not part of the YAML: the
  // merged module lists its inputs instead.
  std::string input;
  std::vector<Entity> entities;
  std::vector<Job> jobs;
  std::vector<Struct> structs;
  std::vector<Use> uses; // in the order first used
  std::vector<Enum> enums;
  std::vector<Alias> aliases;
  std::vector<Input> inputs; // merged modules: what each input declared
  bool operator==(const Module &) const = default;
};

} // namespace flowc::ir
