// gateway.cpp - HttpGateway over a LocalRuntime: the runtime's type-erased
// requests (HttpGateway is its friend) behind the Router's Backend, and its
// durable store, when it has one, keeping the Idempotency-Key answers.
#include "Http/answers_durable.h"
#include "Http/server.h"

#include "flowc/runtime/local.h"

namespace flowc {

HttpGateway::HttpGateway(LocalRuntime &runtime, HttpOptions options) {
  gateway::Backend backend;
  LocalRuntime *rt = &runtime;
  backend.call = [rt](Outgoing call, std::unique_ptr<detail::Completion> done) {
    rt->post_call(std::move(call), std::move(done));
  };
  backend.state = [rt](const EntityType &type, std::string key,
                       std::unique_ptr<detail::Completion> done) {
    rt->post_state(type, std::move(key), std::move(done));
  };
  backend.create = [rt](const EntityType &type, std::string key, void *object,
                        const std::string &, std::string,
                        std::unique_ptr<detail::Completion> done) {
    rt->post_create(type, std::move(key), object, std::move(done));
  };
  if (!options.answers && runtime.store_)
    options.answers = gateway::durable_answer_store(*runtime.store_);
  server_ = std::make_unique<Server>(std::move(backend), std::move(options));
}

} // namespace flowc
