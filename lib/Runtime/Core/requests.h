// requests.h - the first message of each request a client makes (call,
// create, state), the same for every runtime; the runtime gives it its age
// and routes it.
#pragma once

#include "message.h"

#include "flowc/runtime/completion.h"
#include "flowc/runtime/entity.h"

#include <memory>
#include <string>

namespace flowc::dataflow {

// Throws Error when `call` names no entity class.
Message call_request(Outgoing &&call, std::unique_ptr<detail::Completion> done);
// The object, or what travels instead of it, is the runtime's to add.
Message create_request(const EntityType &type, std::string key,
                       std::unique_ptr<detail::Completion> done);
Message state_request(const EntityType &type, std::string key,
                      std::unique_ptr<detail::Completion> done);

} // namespace flowc::dataflow
