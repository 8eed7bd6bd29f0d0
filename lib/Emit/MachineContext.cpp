// MachineContext.cpp - ir::Machine -> mstch. Each piece of code lists every
// name a piece may have (`suspend`, `finish` and `loop` as lists of at most
// one), so a name a piece lacks never resolves in an enclosing scope.
#include "Emit/MachineContext.h"

#include "IR/Code.h"

#include <cassert>

namespace flowc::emit {
namespace {

// An expression (an argument, a value, a range): text and frame fields only.
mstch::map expressionContext(const ir::Code &code) {
  mstch::array pieces;
  for (const ir::Piece &piece : code) {
    const std::string *text = ir::textOf(piece);
    const std::string *field = ir::fieldOf(piece);
    assert((text || field) && "an expression holds no statements");
    pieces.push_back(mstch::map{{"text", text ? *text : std::string()},
                                {"is_field", field != nullptr},
                                {"field", field ? *field : std::string()}});
  }
  return mstch::map{{"code", std::move(pieces)}};
}

mstch::array suspendContext(const ir::Suspend &suspend) {
  mstch::array args;
  for (const ir::Code &arg : suspend.args) {
    mstch::map context = expressionContext(arg);
    context.emplace("comma", !args.empty());
    args.push_back(std::move(context));
  }
  return mstch::array{mstch::map{
      {"label", std::to_string(suspend.label)},
      {"line", std::to_string(suspend.line)},
      {"callee", suspend.callee},
      {"args", std::move(args)},
      {"has_result", !suspend.result.empty()},
      {"result", suspend.result},
      {"result_type", suspend.result_type},
  }};
}

mstch::array finishContext(const ir::Finish &finish) {
  bool discarded = finish.value && finish.discarded;
  bool typed = finish.value && !discarded && !finish.type.empty();
  return mstch::array{mstch::map{
      {"none", !finish.value},
      {"discarded", discarded},
      {"typed", typed},
      {"plain", finish.value && !discarded && !typed},
      {"type", finish.type},
      {"value", expressionContext(finish.value.value_or(ir::Code()))},
  }};
}

mstch::array loopContext(const ir::IndexLoop &loop) {
  return mstch::array{mstch::map{
      {"index", loop.index},
      {"range", expressionContext(loop.range)},
      {"variable", expressionContext(loop.variable)},
      {"pointer", loop.pointer},
  }};
}

// One piece of the body: every name, those of other kinds empty.
mstch::map pieceContext(const ir::Text &text) { return {{"text", text.text}}; }
mstch::map pieceContext(const ir::FieldUse &use) {
  return {{"is_field", true}, {"field", use.name}};
}
mstch::map pieceContext(const ir::Suspend &suspend) {
  return {{"suspend", suspendContext(suspend)}};
}
mstch::map pieceContext(const ir::Finish &finish) {
  return {{"finish", finishContext(finish)}};
}
mstch::map pieceContext(const ir::IndexLoop &loop) {
  return {{"loop", loopContext(loop)}};
}

mstch::array bodyContext(const ir::Code &code) {
  mstch::array pieces;
  for (const ir::Piece &piece : code) {
    mstch::map context =
        std::visit([](const auto &kind) { return pieceContext(kind); },
                   static_cast<const ir::Piece::variant &>(piece));
    // map::emplace keeps the kind's own entry.
    context.emplace("text", std::string());
    context.emplace("is_field", false);
    context.emplace("field", std::string());
    context.emplace("suspend", mstch::array{});
    context.emplace("finish", mstch::array{});
    context.emplace("loop", mstch::array{});
    pieces.push_back(std::move(context));
  }
  return pieces;
}

mstch::array paramsContext(const std::vector<ir::MachineParam> &params) {
  mstch::array array;
  for (const ir::MachineParam &param : params)
    array.push_back(mstch::map{
        {"name", param.name},
        {"type", param.type},
        {"in_frame", !param.field.empty()},
        {"field", param.field},
        {"index", std::to_string(param.index)},
    });
  return array;
}

mstch::array localsContext(const std::vector<ir::MachineLocal> &locals) {
  using Home = ir::MachineLocal::Home;
  mstch::array array;
  for (const ir::MachineLocal &local : locals)
    array.push_back(mstch::map{
        {"frame", local.home == Home::frame},
        {"local", local.home == Home::local},
        {"pointer", local.home == Home::pointer},
        {"constant", local.home == Home::constant},
        {"name", local.name},
        {"type", local.type},
        {"store", local.store},
        {"is_const", local.is_const},
        {"declaration", expressionContext(local.declaration)},
    });
  return array;
}

mstch::array resumesContext(const std::vector<ir::Resume> &resumes) {
  mstch::array array;
  for (const ir::Resume &resume : resumes) {
    mstch::array rebinds;
    for (const ir::Rebind &rebind : resume.rebinds)
      rebinds.push_back(mstch::map{{"variable", rebind.variable},
                                   {"range", expressionContext(rebind.range)},
                                   {"index", rebind.index}});
    array.push_back(mstch::map{{"label", std::to_string(resume.label)},
                               {"rebinds", std::move(rebinds)}});
  }
  return array;
}

} // namespace

mstch::map machineContext(const ir::Machine &machine) {
  return mstch::map{
      {"params", paramsContext(machine.params)},
      {"locals", localsContext(machine.locals)},
      {"resumes", resumesContext(machine.resumes)},
      {"body", bodyContext(machine.body)},
      {"finishes_at_end", machine.finishes_at_end},
  };
}

const Schema &machineSchema() {
  static const Schema expression{
      {{"code", Schema{{{"text", {}}, {"is_field", {}}, {"field", {}}}}}}};
  static const Schema suspend{{
      {"label", {}},
      {"line", {}},
      {"callee", {}},
      {"args", Schema{[] {
         Schema arg = expression;
         arg.fields["comma"] = {};
         return arg.fields;
       }()}},
      {"has_result", {}},
      {"result", {}},
      {"result_type", {}},
  }};
  static const Schema finish{{
      {"none", {}},
      {"discarded", {}},
      {"typed", {}},
      {"plain", {}},
      {"type", {}},
      {"value", expression},
  }};
  static const Schema loop{{
      {"index", {}},
      {"range", expression},
      {"variable", expression},
      {"pointer", {}},
  }};
  static const Schema schema{{
      {"params", Schema{{{"name", {}},
                         {"type", {}},
                         {"in_frame", {}},
                         {"field", {}},
                         {"index", {}}}}},
      {"locals", Schema{{{"frame", {}},
                         {"local", {}},
                         {"pointer", {}},
                         {"constant", {}},
                         {"name", {}},
                         {"type", {}},
                         {"store", {}},
                         {"is_const", {}},
                         {"declaration", expression}}}},
      {"resumes", Schema{{{"label", {}},
                          {"rebinds", Schema{{{"variable", {}},
                                              {"range", expression},
                                              {"index", {}}}}}}}},
      {"body", Schema{{{"text", {}},
                       {"is_field", {}},
                       {"field", {}},
                       {"suspend", suspend},
                       {"finish", finish},
                       {"loop", loop}}}},
      {"finishes_at_end", {}},
  }};
  return schema;
}

} // namespace flowc::emit
