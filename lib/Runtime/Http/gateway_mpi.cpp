// gateway_mpi.cpp - HttpGateway over an MpiRuntime, on rank 0: the same
// Router, its requests posted as MpiRuntime's own. A create hands over the
// object built here and the constructor's name and encoded arguments, which
// every rank registered (Mpi/gateway_constructors.cpp), so the rank that
// owns the key builds its own.
#include "Http/server.h"

#include "flowc/runtime/errors.h"
#include "flowc/runtime/mpi.h"

namespace flowc {

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
