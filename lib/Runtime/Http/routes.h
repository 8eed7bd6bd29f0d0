// routes.h - the gateway's requests -> the runtime's type-erased requests,
// and their answers -> HTTP replies. No HTTP library here: server.cpp reads
// and writes the bytes, Router decides what they mean.
#pragma once

#include "flowc/runtime/completion.h"
#include "flowc/runtime/entity.h"
#include "flowc/runtime/gateway_api.h"
#include "flowc/runtime/http.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace flowc::gateway {

// How requests reach a runtime (bound to LocalRuntime in gateway.cpp, to
// MpiRuntime in gateway_mpi.cpp). A create carries the object built here,
// and the constructor's name and encoded arguments, from which another rank
// builds its own.
struct Backend {
  std::function<void(Outgoing, std::unique_ptr<detail::Completion>)> call;
  std::function<void(const EntityType &, std::string key, std::unique_ptr<detail::Completion>)>
      state;
  std::function<void(const EntityType &, std::string key, void *object,
                     const std::string &constructor, std::string args,
                     std::unique_ptr<detail::Completion>)>
      create;
};

struct Request {
  std::string method; // GET, POST, ...
  std::string target; // path and query
  std::string body;
  std::string idempotency_key; // empty: none
};

struct Reply {
  unsigned status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::string allow;       // 405: the methods the route takes
  bool retry_after = false; // 503
};

// Called once per request, from any thread.
using Respond = std::function<void(Reply)>;
// Runs `f` after `delay` (the server's timers).
using Schedule = std::function<void(std::chrono::milliseconds delay, std::function<void()> f)>;

Reply error_reply(unsigned status, std::string_view kind, std::string_view message);

class Router {
public:
  Router(Backend backend, const HttpOptions &options, Schedule schedule);

  void handle(Request request, Respond respond);
  // Blocks until every request handed to the runtime has come back.
  void wait_idle();

private:
  struct Pending;
  void route(Request &request, const std::shared_ptr<Pending> &pending);
  void create(const Entity &entity, const Request &request, const std::shared_ptr<Pending> &pending);
  void call(const Entity &entity, const std::string &key, const Method &method,
            const Request &request, const std::shared_ptr<Pending> &pending);
  void state(const Entity &entity, const std::string &key, const std::shared_ptr<Pending> &pending);
  // Counts a request handed to the runtime; false (and 503) past max_in_flight.
  bool admit(const std::shared_ptr<Pending> &pending);
  void arm_timeout(const std::shared_ptr<Pending> &pending);
  std::unique_ptr<detail::Completion>
  completion(const std::shared_ptr<Pending> &pending,
             std::function<Reply(std::string_view bytes)> on_success);
  void returned();

  Backend backend_;
  HttpOptions options_;
  Schedule schedule_;
  std::map<std::string, const Entity *, std::less<>> entities_;
  std::string openapi_;
  std::string page_;

  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t in_flight_ = 0;
};

} // namespace flowc::gateway
