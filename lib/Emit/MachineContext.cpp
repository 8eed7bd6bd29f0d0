// MachineContext.cpp - ir::Machine -> mstch, described once (Keys.h). Each
// piece of code lists every name a piece may have (each structured kind as a
// list of at most one), so a name a piece lacks never resolves in an
// enclosing scope, however deep the code is nested.
#include "Emit/MachineContext.h"

#include "Emit/Keys.h"
#include "IR/Code.h"

namespace flowc::emit {
namespace {

// The kinds the body's context names; a new kind needs its names here.
static_assert(std::variant_size_v<ir::Piece::variant> == 13,
              "describePiece names every kind of piece");

void describePiece(Keys &keys, const ir::Piece &piece);

// Code (a body, an argument, a value): its pieces, each listing every name
// a piece may have (templates/machine_code.mustache renders it).
void describeCode(Keys &keys, const ir::Code &code) {
  keys.recursiveList("code", code, describePiece);
}

void describeSuspend(Keys &keys, const ir::Suspend &suspend) {
  keys.value("label", std::to_string(suspend.label));
  keys.value("line", std::to_string(suspend.line));
  keys.value("callee", suspend.callee);
  keys.list("args", suspend.args,
            [](Keys &keys, const ir::Code &arg, std::size_t index) {
              describeCode(keys, arg);
              keys.value("comma", index != 0);
            });
  keys.value("has_result", !suspend.result.empty());
  keys.value("result", suspend.result);
  keys.value("result_type", suspend.result_type);
  keys.value("in_try", suspend.in_try);
  keys.value("last", suspend.last);
}

void describeFinish(Keys &keys, const ir::Finish &finish) {
  bool discarded = finish.value && finish.discarded;
  bool typed = finish.value && !discarded && !finish.type.empty();
  keys.value("none", !finish.value);
  keys.value("discarded", discarded);
  keys.value("typed", typed);
  keys.value("plain", finish.value && !discarded && !typed);
  keys.value("type", finish.type);
  keys.object("value", finish.value.value_or(ir::Code()), describeCode);
}

void describeLoop(Keys &keys, const ir::IndexLoop &loop) {
  keys.value("index", loop.index);
  keys.object("range", loop.range, describeCode);
  keys.object("variable", loop.variable, describeCode);
  keys.value("pointer", loop.pointer);
  keys.object("body", loop.body, describeCode);
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
  keys.object("block", entry.block, describeCode);
}

void describeTestedLoop(Keys &keys, const ir::TestedLoop &loop) {
  keys.object("init", loop.init, describeCode);
  keys.object("test", loop.test, describeCode);
  keys.maybe("condition", loop.condition, describeCode);
  keys.value("test_after", loop.test_after);
  keys.object("body", loop.body, describeCode);
  keys.value("label", loop.label);
  keys.object("step", loop.step, describeCode);
  keys.maybe("increment", loop.increment, describeCode);
}

void describeArm(Keys &keys, const ir::Arm &arm) {
  keys.object("before", arm.before, describeCode);
  keys.object("value", arm.value, describeCode);
}

void describeShortCircuit(Keys &keys, const ir::ShortCircuit &op) {
  keys.value("is_and", op.op == "&&");
  keys.value("result", op.result);
  keys.object("left", op.left, describeCode);
  keys.object("right", op.right, describeArm);
}

void describeConditional(Keys &keys, const ir::Conditional &cond) {
  keys.object("condition", cond.condition, describeCode);
  keys.object("then", cond.then, describeArm);
  keys.object("else", cond.otherwise, describeArm);
  keys.value("has_result", !cond.result.empty());
  keys.value("result", cond.result);
}

void describeLocalUse(Keys &keys, const ir::LocalUse &use) {
  keys.value("name", use.name);
  keys.value("pointer", use.pointer);
}

void describeBindingUse(Keys &keys, const ir::BindingUse &use) {
  keys.value("object", use.object);
  keys.value("index", std::to_string(use.index));
  keys.value("pointer", use.pointer);
  keys.value("tuple", use.tuple);
  keys.value("is_member", !use.tuple && !use.member.empty());
  keys.value("element", !use.tuple && use.member.empty());
  keys.value("member", use.member);
}

void describePiece(Keys &keys, const ir::Piece &piece) {
  const std::string *text = ir::textOf(piece);
  const std::string *field = ir::fieldOf(piece);
  keys.value("text", text ? *text : std::string());
  keys.value("is_field", field != nullptr);
  keys.value("field", field ? *field : std::string());
  keys.value("void", std::holds_alternative<ir::VoidValue>(piece));
  keys.maybe("suspend", std::get_if<ir::Suspend>(&piece), describeSuspend);
  keys.maybe("finish", std::get_if<ir::Finish>(&piece), describeFinish);
  keys.maybe("loop", std::get_if<ir::IndexLoop>(&piece), describeLoop);
  keys.maybe("try", std::get_if<ir::TryEntry>(&piece), describeTry);
  keys.maybe("tested_loop", std::get_if<ir::TestedLoop>(&piece),
             describeTestedLoop);
  keys.maybe("continue", std::get_if<ir::Continue>(&piece),
             [](Keys &keys, const ir::Continue &jump) {
               keys.value("label", jump.label);
             });
  keys.maybe("short_circuit", std::get_if<ir::ShortCircuit>(&piece),
             describeShortCircuit);
  keys.maybe("conditional", std::get_if<ir::Conditional>(&piece),
             describeConditional);
  keys.maybe("local", std::get_if<ir::LocalUse>(&piece), describeLocalUse);
  keys.maybe("binding", std::get_if<ir::BindingUse>(&piece),
             describeBindingUse);
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
  keys.object("declaration", local.declaration, describeCode);
}

void describeResume(Keys &keys, const ir::Resume &resume) {
  keys.value("label", std::to_string(resume.label));
  keys.list("rebinds", resume.rebinds,
            [](Keys &keys, const ir::Rebind &rebind) {
              keys.value("variable", rebind.variable);
              keys.object("range", rebind.range, describeCode);
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
  keys.object("body", machine.body, describeCode);
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
