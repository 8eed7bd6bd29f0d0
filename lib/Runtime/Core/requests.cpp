// requests.cpp - a client request's first message.
#include "requests.h"

#include "flowc/runtime/errors.h"

namespace flowc::dataflow {

Message call_request(Outgoing &&call,
                     std::unique_ptr<detail::Completion> done) {
  if (call.type == nullptr)
    throw Error("flowc: a call names no entity class");
  Message message;
  message.kind = Message::Kind::call;
  message.depth = 1;
  message.type = call.type;
  message.method = call.method;
  message.key = std::move(call.key);
  message.bytes = std::move(call.args);
  message.to.client = done.release();
  return message;
}

namespace {
Message keyed(Message::Kind kind, const EntityType &type, std::string key,
              std::unique_ptr<detail::Completion> done) {
  Message message;
  message.kind = kind;
  message.type = &type;
  message.key = std::move(key);
  message.to.client = done.release();
  return message;
}
} // namespace

Message create_request(const EntityType &type, std::string key,
                       std::unique_ptr<detail::Completion> done) {
  return keyed(Message::Kind::create, type, std::move(key), std::move(done));
}

Message state_request(const EntityType &type, std::string key,
                      std::unique_ptr<detail::Completion> done) {
  return keyed(Message::Kind::state, type, std::move(key), std::move(done));
}

} // namespace flowc::dataflow
