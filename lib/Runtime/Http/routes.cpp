// routes.cpp - the gateway's routes and status codes (docs/http.md).
#include "Http/routes.h"

#include "Http/json_parse.h"
#include "Http/page.h"

#include <optional>
#include <vector>

namespace flowc::gateway {

namespace {

std::string error_body(std::string_view kind, std::string_view message) {
  json::Writer w;
  w.raw("{\"error\":");
  w.string(message);
  w.raw(",\"kind\":");
  w.string(kind);
  w.raw("}");
  return w.take();
}

// Percent-decoding of one path segment; false when an escape is malformed.
bool percent_decode(std::string_view in, std::string &out) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size())
      return false;
    int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
    if (hi < 0 || lo < 0)
      return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos)
      break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

Reply failure_reply(detail::Failure kind, const std::string &message) {
  using detail::Failure;
  switch (kind) {
  case Failure::remote: return error_reply(422, "method_threw", message);
  case Failure::not_found: return error_reply(404, "entity_not_found", message);
  case Failure::exists: return error_reply(409, "entity_exists", message);
  case Failure::deadlock: return error_reply(409, "deadlock", message);
  case Failure::decode: return error_reply(400, "bad_arguments", message);
  case Failure::store: return error_reply(500, "store_error", message);
  case Failure::other:
  case Failure::retry: break;
  }
  return error_reply(500, "internal", message);
}

Reply render(const std::function<Reply(std::string_view)> &on_success,
             std::string_view bytes) {
  try {
    return on_success(bytes);
  } catch (const std::exception &e) {
    return error_reply(500, "internal", e.what());
  }
}

// A request's completion: the reply from the runtime's answer. With an
// Idempotency-Key and an answer store that logs answers with commits, the
// reply is rendered before the chain is logged (durable_note) and that same
// reply is sent.
class Callback final : public detail::Completion {
public:
  using OnSuccess = std::function<Reply(std::string_view bytes)>;
  using Done = std::function<void(Reply)>;
  Callback(OnSuccess on_success, Done done, std::shared_ptr<AnswerStore> answers,
           std::string idempotency_key)
      : on_success_(std::move(on_success)), done_(std::move(done)),
        answers_(std::move(answers)), idempotency_key_(std::move(idempotency_key)) {}

  void succeed(std::string bytes) noexcept override {
    done_(noted_ ? std::move(*noted_) : render(on_success_, bytes));
  }
  void fail(detail::Failure kind, std::string message) noexcept override {
    done_(failure_reply(kind, message));
  }
  bool durable_note(std::string_view result, std::string &key,
                    std::string &value) noexcept override {
    if (idempotency_key_.empty())
      return false;
    try {
      Reply reply = render(on_success_, result);
      if (!answers_->commit_record(idempotency_key_, Answer{reply.status, reply.body}, key,
                                   value))
        return false;
      noted_ = std::move(reply);
      return true;
    } catch (const std::exception &) {
      return false; // not logged: finish() keeps the answer
    }
  }

private:
  OnSuccess on_success_;
  Done done_;
  std::shared_ptr<AnswerStore> answers_;
  std::string idempotency_key_;
  std::optional<Reply> noted_;
};

// An empty body is an empty argument list.
json::Value parse_arguments(const std::string &body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    json::Value none;
    none.kind = json::Value::Kind::array;
    return none;
  }
  return json::parse(body);
}

} // namespace

Reply error_reply(unsigned status, std::string_view kind, std::string_view message) {
  Reply reply;
  reply.status = status;
  reply.body = error_body(kind, message);
  reply.retry_after = status == 503;
  return reply;
}

// One request's way back: answered once, to the client (first of the runtime
// and the timeout) and to the answer store (the runtime's answer only).
struct Router::Pending {
  Respond respond;
  std::atomic<bool> answered{false};
  std::shared_ptr<AnswerStore> answers;
  std::string idempotency_key; // claimed in `answers`
  bool counted = false;        // admitted: returned() when it comes back

  void finish(Reply reply) {
    if (!idempotency_key.empty()) {
      // 503 ran nothing; neither did a chain the store could not log.
      if (reply.status == 503 || reply.status == 500)
        answers->release(idempotency_key);
      else
        answers->finish(idempotency_key, Answer{reply.status, reply.body});
    }
    answer(std::move(reply));
  }
  void answer(Reply reply) {
    if (!answered.exchange(true))
      respond(std::move(reply));
  }
};

Router::Router(Backend backend, const HttpOptions &options, Schedule schedule)
    : backend_(std::move(backend)), options_(options), schedule_(std::move(schedule)) {
  std::vector<Part> paths, schemas;
  std::string sections;
  for (const Module *module : registry()) {
    for (const Entity &entity : module->entities)
      entities_.emplace(std::string(entity.route), &entity);
    paths.insert(paths.end(), module->paths.begin(), module->paths.end());
    schemas.insert(schemas.end(), module->schemas.begin(), module->schemas.end());
    sections += module->page;
  }
  openapi_ = openapi_document(paths, schemas);
  page_ = page_html(sections);
  if (!options_.answers)
    options_.answers = memory_answer_store();
}

void Router::handle(Request request, Respond respond) {
  auto pending = std::make_shared<Pending>();
  pending->respond = std::move(respond);
  pending->answers = options_.answers;
  if (request.method == "POST" && !request.idempotency_key.empty()) {
    Answer stored;
    std::string fingerprint = request.method + " " + request.target + "\n" + request.body;
    AnswerStore::Claim claim;
    try {
      claim = options_.answers->claim(request.idempotency_key, fingerprint, stored);
    } catch (const std::exception &e) {
      pending->answer(error_reply(500, "store_error", e.what()));
      return;
    }
    switch (claim) {
    case AnswerStore::Claim::answered: {
      Reply reply;
      reply.status = stored.status;
      reply.body = std::move(stored.body);
      pending->answer(std::move(reply));
      return;
    }
    case AnswerStore::Claim::running:
      pending->answer(error_reply(409, "idempotency_key_in_use",
                                  "a request with this Idempotency-Key is still running"));
      return;
    case AnswerStore::Claim::other_request:
      pending->answer(error_reply(422, "idempotency_key_reused",
                                  "this Idempotency-Key was used for another request"));
      return;
    case AnswerStore::Claim::fresh:
      pending->idempotency_key = request.idempotency_key;
      break;
    }
  }
  try {
    route(request, pending);
  } catch (const json::ParseError &e) {
    pending->finish(error_reply(400, "malformed_json", e.what()));
  } catch (const json::Mismatch &e) {
    pending->finish(error_reply(400, "bad_arguments", e.what()));
  } catch (const std::exception &e) {
    pending->finish(error_reply(500, "internal", e.what()));
  }
}

void Router::route(Request &request, const std::shared_ptr<Pending> &pending) {
  std::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  auto reply_static = [&](std::string body, const char *type) {
    Reply reply;
    reply.body = std::move(body);
    reply.content_type = type;
    pending->finish(std::move(reply));
  };
  auto not_allowed = [&](const char *allow) {
    Reply reply = error_reply(405, "method_not_allowed",
                              std::string(request.method) + " is not allowed here (" + allow + ")");
    reply.allow = allow;
    pending->finish(std::move(reply));
  };
  if (path == "/" || path == "/openapi.json" || path == page_script_path ||
      path == page_style_path) {
    if (request.method != "GET" && request.method != "HEAD")
      return not_allowed("GET");
    if (path == "/")
      return reply_static(page_, "text/html; charset=utf-8");
    if (path == "/openapi.json")
      return reply_static(openapi_, "application/json");
    if (path == page_script_path)
      return reply_static(std::string(page_script), "text/javascript; charset=utf-8");
    return reply_static(std::string(page_style), "text/css; charset=utf-8");
  }
  if (path.rfind("/v1/", 0) != 0)
    return pending->finish(error_reply(404, "no_route", "no route " + std::string(path)));
  std::vector<std::string_view> raw = split(path.substr(4));
  std::vector<std::string> parts(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i)
    if (!percent_decode(raw[i], parts[i]))
      return pending->finish(error_reply(400, "bad_path", "a malformed %-escape in the path"));
  if (parts.empty() || parts.size() > 3)
    return pending->finish(error_reply(404, "no_route", "no route " + std::string(path)));
  auto entity = entities_.find(parts[0]);
  if (entity == entities_.end())
    return pending->finish(error_reply(404, "unknown_entity_type",
                                       "no entity type '" + parts[0] + "'"));
  const Entity &e = *entity->second;
  if (parts.size() == 1) {
    if (request.method != "POST")
      return not_allowed("POST");
    return create(e, request, pending);
  }
  std::string key;
  try {
    key = e.key_from_text(parts[1]);
  } catch (const json::Mismatch &error) {
    return pending->finish(error_reply(400, "bad_key", error.what()));
  }
  if (parts.size() == 2) {
    if (request.method != "GET")
      return not_allowed("GET");
    return state(e, key, pending);
  }
  const Method *method = nullptr;
  for (const Method &m : e.methods)
    if (m.name == parts[2])
      method = &m;
  if (!method)
    return pending->finish(error_reply(404, "unknown_method",
                                       "no method '" + parts[2] + "' in " + std::string(e.route)));
  if (request.method != "POST")
    return not_allowed("POST");
  call(e, key, *method, request, pending);
}

void Router::create(const Entity &entity, const Request &request,
                    const std::shared_ptr<Pending> &pending) {
  json::Value args = parse_arguments(request.body);
  if (entity.constructors.empty())
    return pending->finish(error_reply(400, "bad_arguments",
                                       std::string(entity.route) + " has no public constructor"));
  // The first constructor the arguments fit; when none does, the error of
  // the first whose parameter count matches.
  std::size_t given = args.kind == json::Value::Kind::array ? args.items.size()
                                                            : args.names.size();
  std::string why;
  bool why_fits_count = false;
  const Constructor *chosen = nullptr;
  std::string encoded;
  for (const Constructor &ctor : entity.constructors) {
    try {
      encoded = ctor.encode_args(args);
      chosen = &ctor;
      break;
    } catch (const json::Mismatch &e) {
      bool fits_count = ctor.params == given;
      if (why.empty() || (fits_count && !why_fits_count)) {
        why = e.what();
        why_fits_count = fits_count;
      }
    }
  }
  if (!chosen)
    return pending->finish(error_reply(400, "bad_arguments", why));
  void *object = nullptr;
  try {
    object = chosen->construct(encoded);
  } catch (const std::exception &e) {
    return pending->finish(error_reply(422, "constructor_threw", e.what()));
  }
  const EntityType &type = entity.type();
  std::string key;
  try {
    key = type.key(object);
  } catch (const std::exception &e) {
    type.destroy(object);
    return pending->finish(error_reply(500, "internal", e.what()));
  }
  if (!admit(pending)) {
    type.destroy(object);
    return;
  }
  auto write_key = entity.write_key;
  auto done = completion(pending, [write_key, key](std::string_view) {
    json::Writer w;
    w.raw("{\"key\":");
    write_key(w, key);
    w.raw("}");
    Reply reply;
    reply.status = 201;
    reply.body = w.take();
    return reply;
  });
  std::string name = constructor_name(entity.route, chosen - entity.constructors.data());
  backend_.create(type, key, object, name, std::move(encoded), std::move(done));
  arm_timeout(pending);
}

void Router::call(const Entity &entity, const std::string &key, const Method &method,
                  const Request &request, const std::shared_ptr<Pending> &pending) {
  json::Value args = parse_arguments(request.body);
  Outgoing out;
  out.type = &entity.type();
  out.key = key;
  out.method = method.id;
  out.args = method.encode_args(args);
  if (!admit(pending))
    return;
  auto write_result = method.write_result;
  bool is_void = method.returns_void;
  backend_.call(std::move(out), completion(pending, [write_result, is_void](std::string_view bytes) {
                  json::Writer w;
                  if (is_void) {
                    write_result(w, bytes);
                    w.raw("{}");
                  } else {
                    w.raw("{\"result\":");
                    write_result(w, bytes);
                    w.raw("}");
                  }
                  Reply reply;
                  reply.body = w.take();
                  return reply;
                }));
  arm_timeout(pending);
}

void Router::state(const Entity &entity, const std::string &key,
                   const std::shared_ptr<Pending> &pending) {
  if (!admit(pending))
    return;
  auto write_state = entity.write_state;
  backend_.state(entity.type(), key, completion(pending, [write_state](std::string_view bytes) {
                   json::Writer w;
                   write_state(w, bytes);
                   Reply reply;
                   reply.body = w.take();
                   return reply;
                 }));
  arm_timeout(pending);
}

bool Router::admit(const std::shared_ptr<Pending> &pending) {
  {
    std::lock_guard lock(mutex_);
    if (in_flight_ < options_.max_in_flight) {
      ++in_flight_;
      pending->counted = true;
      return true;
    }
  }
  pending->finish(error_reply(503, "overloaded",
                              "more than " + std::to_string(options_.max_in_flight) +
                                  " requests in flight; retry later"));
  return false;
}

void Router::arm_timeout(const std::shared_ptr<Pending> &pending) {
  std::weak_ptr<Pending> weak = pending;
  auto timeout = options_.timeout;
  schedule_(timeout, [weak, timeout] {
    if (auto p = weak.lock())
      p->answer(error_reply(504, "timeout",
                            "no answer within " + std::to_string(timeout.count()) +
                                " ms; the call may still complete"));
  });
}

std::unique_ptr<detail::Completion>
Router::completion(const std::shared_ptr<Pending> &pending,
                   std::function<Reply(std::string_view bytes)> on_success) {
  return std::make_unique<Callback>(
      std::move(on_success),
      [this, pending](Reply reply) {
        pending->finish(std::move(reply));
        returned();
      },
      pending->answers, pending->idempotency_key);
}

void Router::returned() {
  std::lock_guard lock(mutex_);
  if (--in_flight_ == 0)
    idle_.notify_all();
}

void Router::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return in_flight_ == 0; });
}

} // namespace flowc::gateway
