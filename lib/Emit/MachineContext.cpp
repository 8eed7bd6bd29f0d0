// MachineContext.cpp - ir::Machine -> mstch, described once (Keys.h). Each
// piece of code lists every name a piece may have (`suspend`, `finish`,
// `loop` and `try` as lists of at most one), so a name a piece lacks never
// resolves in an enclosing scope.
#include "Emit/MachineContext.h"

#include "Emit/Keys.h"
#include "IR/Code.h"

#include <cassert>

namespace flowc::emit {
namespace {

// The kinds the body's context names; a new kind needs its names here.
static_assert(std::variant_size_v<ir::Piece::variant> == 6,
              "describePiece names every kind of piece");

// Text or a frame field: what an expression holds.
void describeTextOrField(Keys &keys, const ir::Piece &piece) {
  const std::string *text = ir::textOf(piece);
  const std::string *field = ir::fieldOf(piece);
  keys.value("text", text ? *text : std::string());
  keys.value("is_field", field != nullptr);
  keys.value("field", field ? *field : std::string());
}

// An expression (an argument, a value, a range): text and frame fields only.
void describeExpression(Keys &keys, const ir::Code &code) {
  keys.list("code", code, [](Keys &keys, const ir::Piece &piece) {
    assert((ir::textOf(piece) || ir::fieldOf(piece)) &&
           "an expression holds no statements");
    describeTextOrField(keys, piece);
  });
}

void describeSuspend(Keys &keys, const ir::Suspend &suspend) {
  keys.value("label", std::to_string(suspend.label));
  keys.value("line", std::to_string(suspend.line));
  keys.value("callee", suspend.callee);
  keys.list("args", suspend.args,
            [](Keys &keys, const ir::Code &arg, std::size_t index) {
              describeExpression(keys, arg);
              keys.value("comma", index != 0);
            });
  keys.value("has_result", !suspend.result.empty());
  keys.value("result", suspend.result);
  keys.value("result_type", suspend.result_type);
  keys.value("in_try", suspend.in_try);
}

void describeFinish(Keys &keys, const ir::Finish &finish) {
  bool discarded = finish.value && finish.discarded;
  bool typed = finish.value && !discarded && !finish.type.empty();
  keys.value("none", !finish.value);
  keys.value("discarded", discarded);
  keys.value("typed", typed);
  keys.value("plain", finish.value && !discarded && !typed);
  keys.value("type", finish.type);
  keys.object("value", finish.value.value_or(ir::Code()), describeExpression);
}

void describeLoop(Keys &keys, const ir::IndexLoop &loop) {
  keys.value("index", loop.index);
  keys.object("range", loop.range, describeExpression);
  keys.object("variable", loop.variable, describeExpression);
  keys.value("pointer", loop.pointer);
}

// A try block's entry: resuming, go on to the call (or the inner try).
void describeTry(Keys &keys, const ir::TryEntry &entry) {
  keys.value("id", std::to_string(entry.id));
  keys.list("resumes", entry.labels,
            [&](Keys &keys, unsigned label, std::size_t index) {
              unsigned via = index < entry.via.size() ? entry.via[index] : 0;
              keys.value("label", std::to_string(label));
              keys.value("via", via != 0);
              keys.value("try", std::to_string(via));
            });
}

void describePiece(Keys &keys, const ir::Piece &piece) {
  describeTextOrField(keys, piece);
  keys.maybe("suspend", std::get_if<ir::Suspend>(&piece), describeSuspend);
  keys.maybe("finish", std::get_if<ir::Finish>(&piece), describeFinish);
  keys.maybe("loop", std::get_if<ir::IndexLoop>(&piece), describeLoop);
  keys.maybe("try", std::get_if<ir::TryEntry>(&piece), describeTry);
}

void describeParam(Keys &keys, const ir::MachineParam &param) {
  keys.value("name", param.name);
  keys.value("type", param.type);
  keys.value("in_frame", !param.field.empty());
  keys.value("field", param.field);
  keys.value("index", std::to_string(param.index));
}

void describeLocal(Keys &keys, const ir::MachineLocal &local) {
  using Home = ir::MachineLocal::Home;
  keys.value("frame", local.home == Home::frame);
  keys.value("local", local.home == Home::local);
  keys.value("pointer", local.home == Home::pointer);
  keys.value("constant", local.home == Home::constant);
  keys.value("name", local.name);
  keys.value("type", local.type);
  keys.value("store", local.store);
  keys.value("is_const", local.is_const);
  keys.object("declaration", local.declaration, describeExpression);
}

void describeResume(Keys &keys, const ir::Resume &resume) {
  keys.value("label", std::to_string(resume.label));
  keys.list("rebinds", resume.rebinds,
            [](Keys &keys, const ir::Rebind &rebind) {
              keys.value("variable", rebind.variable);
              keys.object("range", rebind.range, describeExpression);
              keys.value("index", rebind.index);
            });
  keys.value("via", resume.via != 0);
  keys.value("try", std::to_string(resume.via));
}

} // namespace

void describeMachine(Keys &keys, const ir::Machine &machine) {
  keys.list("params", machine.params, describeParam);
  keys.list("locals", machine.locals, describeLocal);
  keys.list("resumes", machine.resumes, describeResume);
  keys.list("body", machine.body, describePiece);
  keys.value("finishes_at_end", machine.finishes_at_end);
}

mstch::map machineContext(const ir::Machine &machine) {
  return Keys::contextOf(machine, describeMachine);
}

const Schema &machineSchema() {
  static const Schema schema = Keys::schemaOf<ir::Machine>(describeMachine);
  return schema;
}

} // namespace flowc::emit
