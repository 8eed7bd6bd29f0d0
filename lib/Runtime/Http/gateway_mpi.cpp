// gateway_mpi.cpp - HttpGateway over an MpiRuntime, on rank 0: the same
// Router, its requests posted as MpiRuntime's own. A create hands over the
// object built here and the constructor's name and encoded arguments, from
// which the rank that owns the key builds its own.
//
// A gateway creates entities from JSON, so no create<E>(args...) in the
// program registers E or a constructor for those argument types. Each
// generated file lists its entities and their constructors (a
// gateway::Module, registered before main in every rank alike); a program
// that links this file registers them all with MpiRuntime as it starts, in
// every rank, under names every rank computes the same way.
#include "Http/server.h"

#include "flowc/runtime/errors.h"
#include "flowc/runtime/gateway_api.h"
#include "flowc/runtime/mpi.h"

namespace flowc {

namespace {

void register_constructors() {
  for (const gateway::Module *module : gateway::registry())
    for (const gateway::Entity &entity : module->entities)
      for (std::size_t i = 0; i < entity.constructors.size(); ++i)
        detail::mpi_register(entity.type(),
                             gateway::constructor_name(entity.route, i).c_str(),
                             entity.constructors[i].construct);
}

[[maybe_unused]] const bool registered = detail::mpi_before_start(&register_constructors);

} // namespace

HttpGateway::HttpGateway(MpiRuntime &runtime, HttpOptions options) {
  if (runtime.rank() != 0)
    throw Error("flowc: HttpGateway: an MpiRuntime is served on rank 0 only");
  gateway::Backend backend;
  MpiRuntime *rt = &runtime;
  backend.call = [rt](Outgoing call, std::unique_ptr<detail::Completion> done) {
    rt->post_call(std::move(call), std::move(done));
  };
  backend.state = [rt](const EntityType &type, std::string key,
                       std::unique_ptr<detail::Completion> done) {
    rt->post_state(type, std::move(key), std::move(done));
  };
  backend.create = [rt](const EntityType &type, std::string key, void *object,
                        const std::string &constructor, std::string args,
                        std::unique_ptr<detail::Completion> done) {
    rt->post_create(type, std::move(key), object, constructor.c_str(), std::move(args),
                    std::move(done));
  };
  server_ = std::make_unique<Server>(std::move(backend), std::move(options));
}

} // namespace flowc
