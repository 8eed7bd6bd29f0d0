// Verify.cpp - the consistency checks on an IR read from a file.
#include "IR/Verify.h"

#include "IR/Code.h"
#include "IR/Mapping.h"

#include <algorithm>
#include <set>

namespace flowc::ir {
namespace {

template <class T, class Name>
bool listed(const std::vector<T> &items, const std::string &name, Name of) {
  return std::any_of(items.begin(), items.end(),
                     [&](const T &item) { return of(item) == name; });
}

class MethodChecker {
public:
  MethodChecker(const Method &method, std::vector<Problem> &problems)
      : method_(method), problems_(problems) {}

  void check() {
    if (!method_.remote_calls.empty() && !method_.machine)
      report(&method_, "method '" + method_.name +
                           "' makes remote calls but has no machine");
    if (method_.suspensions.size() != method_.remote_calls.size())
      report(&method_, "method '" + method_.name + "' has " +
                           std::to_string(method_.suspensions.size()) +
                           " suspensions for " +
                           std::to_string(method_.remote_calls.size()) +
                           " remote calls");
    if (!method_.machine)
      return;
    const Machine &machine = *method_.machine;
    for (const MachineParam &param : machine.params)
      if (!param.field.empty())
        inFrame(&param, param.field);
    for (const MachineLocal &local : machine.locals) {
      if (local.home == MachineLocal::Home::frame)
        inFrame(&local, local.name);
      locals_.insert(local.name);
      if (!local.store.empty())
        locals_.insert(local.store);
    }
    for (const MachineLocal &local : machine.locals)
      expression(local.declaration);
    statements(machine.body);
    std::set<unsigned> resumed;
    for (const Resume &resume : machine.resumes) {
      if (!resumed.insert(resume.label).second)
        report(&resume,
               "label " + std::to_string(resume.label) + " is resumed twice");
      else if (!suspended_.count(resume.label))
        report(&resume, "resume of label " + std::to_string(resume.label) +
                            ", which no suspension sets");
      for (const Rebind &rebind : resume.rebinds) {
        inFrame(&rebind, rebind.index);
        expression(rebind.range);
      }
    }
    for (const auto &[label, suspend] : suspends_)
      if (!resumed.count(label))
        report(suspend, "suspension label " + std::to_string(label) +
                            " is never resumed");
    for (const Resume &resume : machine.resumes)
      if (resume.via != 0 && !tries_.count(resume.via))
        report(&resume, "resume of label " + std::to_string(resume.label) +
                            " goes via try block " +
                            std::to_string(resume.via) +
                            ", which is not there");
    for (const auto &[piece, entry] : entries_) {
      for (unsigned label : entry->labels)
        if (!suspended_.count(label))
          report(piece, "try block " + std::to_string(entry->id) +
                            " resumes label " + std::to_string(label) +
                            ", which no suspension sets");
      for (unsigned via : entry->via)
        if (via != 0 && !tries_.count(via))
          report(piece, "try block " + std::to_string(entry->id) +
                            " goes via try block " + std::to_string(via) +
                            ", which is not there");
    }
  }

private:
  void report(const void *where, std::string message) {
    problems_.push_back({where, std::move(message)});
  }

  void inFrame(const void *where, const std::string &field) {
    if (!listed(method_.frame, field, [](const Field &f) { return f.name; }))
      report(where, "field '" + field + "' is not in the frame of method '" +
                        method_.name + "'");
  }

  // The method body: every kind of piece may appear.
  void statements(const Code &code) {
    for (const Piece &piece : code)
      std::visit([&](const auto &kind) { statement(piece, kind); },
                 static_cast<const Piece::variant &>(piece));
  }
  void statement(const Piece &, const Text &) {}
  void statement(const Piece &piece, const FieldUse &use) {
    inFrame(&piece, use.name);
  }
  void statement(const Piece &piece, const Suspend &suspend) {
    if (!suspended_.insert(suspend.label).second)
      report(&piece, "suspension label " + std::to_string(suspend.label) +
                         " is used twice");
    else
      suspends_.emplace_back(suspend.label, &piece);
    for (const Code &arg : suspend.args)
      expression(arg);
    if (!suspend.result.empty())
      inFrame(&piece, suspend.result);
  }
  void statement(const Piece &, const Finish &finish) {
    if (finish.value)
      expression(*finish.value);
  }
  void statement(const Piece &piece, const TryEntry &entry) {
    if (!tries_.insert(entry.id).second)
      report(&piece,
             "try block " + std::to_string(entry.id) + " is declared twice");
    if (entry.via.size() != entry.labels.size())
      report(&piece, "try block " + std::to_string(entry.id) +
                         " has a 'via' for some labels only");
    entries_.emplace_back(&piece, &entry);
    statements(entry.block);
  }
  void statement(const Piece &piece, const IndexLoop &loop) {
    inFrame(&piece, loop.index);
    expression(loop.range);
    expression(loop.variable);
    statements(loop.body);
  }
  void statement(const Piece &piece, const TestedLoop &loop) {
    statements(loop.init);
    statements(loop.test);
    if (loop.condition)
      expression(*loop.condition);
    if (!loop.label.empty())
      loops_.push_back(loop.label);
    statements(loop.body);
    if (!loop.label.empty())
      loops_.pop_back();
    statements(loop.step);
    if (loop.increment)
      expression(*loop.increment);
    if (!loop.condition && loop.test_after)
      report(&piece, "a loop tested after its body has no condition");
  }
  void statement(const Piece &piece, const Continue &jump) {
    if (std::find(loops_.begin(), loops_.end(), jump.label) == loops_.end())
      report(&piece, "'continue' to '" + jump.label +
                         "', which is not the label of a loop around it");
  }
  void statement(const Piece &piece, const ShortCircuit &op) {
    if (op.op != "&&" && op.op != "||")
      report(&piece,
             "short-circuit operator '" + op.op + "' is neither '&&' nor '||'");
    inFrame(&piece, op.result);
    expression(op.left);
    arm(op.right);
  }
  void statement(const Piece &piece, const Conditional &cond) {
    expression(cond.condition);
    arm(cond.then);
    arm(cond.otherwise);
    if (!cond.result.empty())
      inFrame(&piece, cond.result);
  }
  void statement(const Piece &, const VoidValue &) {}
  void statement(const Piece &piece, const LocalUse &use) { value(piece, use); }
  void statement(const Piece &piece, const BindingUse &use) {
    value(piece, use);
  }
  void arm(const Arm &arm) {
    statements(arm.before);
    expression(arm.value);
  }

  // An argument, a value, a range: text, fields, locals and void values.
  void expression(const Code &code) {
    for (const Piece &piece : code)
      std::visit([&](const auto &kind) { value(piece, kind); },
                 static_cast<const Piece::variant &>(piece));
  }
  void value(const Piece &, const Text &) {}
  void value(const Piece &, const VoidValue &) {}
  void value(const Piece &piece, const FieldUse &use) {
    inFrame(&piece, use.name);
  }
  void value(const Piece &piece, const LocalUse &use) {
    if (!locals_.count(use.name))
      report(&piece, "local '" + use.name +
                         "' is not among the locals of "
                         "method '" +
                         method_.name + "'");
  }
  void value(const Piece &piece, const BindingUse &use) {
    value(piece, LocalUse{use.object, use.pointer});
  }
  template <class Kind> void value(const Piece &piece, const Kind &) {
    report(&piece, std::string("a '") + pieceKey(static_cast<Kind *>(nullptr)) +
                       "' piece inside an expression, where only text, "
                       "fields, locals and void values belong");
  }

  const Method &method_;
  std::vector<Problem> &problems_;
  std::set<unsigned> suspended_;
  std::vector<std::pair<unsigned, const Piece *>> suspends_;
  std::set<unsigned> tries_;
  std::vector<std::pair<const Piece *, const TryEntry *>> entries_;
  std::set<std::string> locals_;   // the machine's locals and their stores
  std::vector<std::string> loops_; // the labels of the loops around a piece
};

} // namespace

std::vector<Problem> verify(const Module &module) {
  std::vector<Problem> problems;
  for (const Entity &entity : module.entities)
    for (const Method &method : entity.methods) {
      MethodChecker(method, problems).check();
      // The members a method touches are state members; what it writes, it
      // reads (the lock masks of the generated method table).
      for (const auto *names : {&method.reads, &method.writes})
        for (const std::string &name :
             names->value_or(std::vector<std::string>()))
          if (!listed(entity.state, name,
                      [](const Field &f) { return f.name; }))
            problems.push_back(
                {&method, "method '" + method.name + "' touches '" + name +
                              "', which is not a state member of '" +
                              entity.name + "'"});
      if (method.reads.has_value() != method.writes.has_value())
        problems.push_back({&method, "method '" + method.name +
                                         "' lists reads or writes alone"});
      else if (method.writes)
        for (const std::string &name : *method.writes)
          if (std::find(method.reads->begin(), method.reads->end(), name) ==
              method.reads->end())
            problems.push_back({&method, "method '" + method.name +
                                             "' writes '" + name +
                                             "' but does not read it"});
    }
  for (const Input &input : module.inputs) {
    for (const std::string &name : input.structs)
      if (!listed(module.structs, name,
                  [](const Struct &s) { return s.qualified_name; }))
        problems.push_back({&input, "input '" + input.file +
                                        "' names struct '" + name +
                                        "', which 'structs' does not list"});
    for (const std::string &name : input.enums)
      if (!listed(module.enums, name,
                  [](const Enum &e) { return e.qualified_name; }))
        problems.push_back({&input, "input '" + input.file + "' names enum '" +
                                        name +
                                        "', which 'enums' does not list"});
    for (const std::string &name : input.aliases)
      if (!listed(module.aliases, name, [](const Alias &a) { return a.name; }))
        problems.push_back({&input, "input '" + input.file +
                                        "' names alias '" + name +
                                        "', which 'aliases' does not list"});
  }
  return problems;
}

} // namespace flowc::ir
