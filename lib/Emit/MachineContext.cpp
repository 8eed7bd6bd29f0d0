// MachineContext.cpp - ir::Machine -> mstch. Each piece of code lists every
// name a piece may have (`suspend`, `finish`, `loop` and `try` as lists of at
// most one), so a name a piece lacks never resolves in an enclosing scope.
#include "Emit/MachineContext.h"

#include <cassert>

namespace flowc::emit {
namespace {

// An expression (an argument, a value, a range): text and frame fields only.
mstch::map expressionContext(const ir::Code &code) {
  mstch::array pieces;
  for (const ir::Piece &piece : code) {
    assert((ir::isText(piece) || !piece.field.empty()) &&
           "an expression holds no statements");
    pieces.push_back(mstch::map{{"text", piece.text},
                                {"is_field", !piece.field.empty()},
                                {"field", piece.field}});
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
      {"in_try", suspend.in_try},
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

mstch::array tryContext(const ir::TryEntry &entry) {
  mstch::array resumes;
  for (size_t i = 0; i < entry.labels.size(); ++i)
    resumes.push_back(mstch::map{{"label", std::to_string(entry.labels[i])},
                                 {"via", entry.via[i] != 0},
                                 {"try", std::to_string(entry.via[i])}});
  return mstch::array{
      mstch::map{{"id", std::to_string(entry.id)}, {"resumes", resumes}}};
}

mstch::array bodyContext(const ir::Code &code) {
  mstch::array pieces;
  for (const ir::Piece &piece : code)
    pieces.push_back(mstch::map{
        {"text", piece.text},
        {"is_field", !piece.field.empty()},
        {"field", piece.field},
        {"suspend", piece.suspend ? suspendContext(*piece.suspend)
                                  : mstch::array{}},
        {"finish",
         piece.finish ? finishContext(*piece.finish) : mstch::array{}},
        {"loop", piece.loop ? loopContext(*piece.loop) : mstch::array{}},
        {"try", piece.entry ? tryContext(*piece.entry) : mstch::array{}},
    });
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
                               {"rebinds", std::move(rebinds)},
                               {"via", resume.via != 0},
                               {"try", std::to_string(resume.via)}});
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
      {"in_try", {}},
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
  static const Schema entry{{
      {"id", {}},
      {"resumes", Schema{{{"label", {}}, {"via", {}}, {"try", {}}}}},
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
                          {"via", {}},
                          {"try", {}},
                          {"rebinds", Schema{{{"variable", {}},
                                              {"range", expression},
                                              {"index", {}}}}}}}},
      {"body", Schema{{{"text", {}},
                       {"is_field", {}},
                       {"field", {}},
                       {"suspend", suspend},
                       {"finish", finish},
                       {"loop", loop},
                       {"try", entry}}}},
      {"finishes_at_end", {}},
  }};
  return schema;
}

} // namespace flowc::emit
