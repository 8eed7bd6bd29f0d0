// http.h - flowc::HttpGateway: the generated entities of a program served as
// HTTP/JSON (docs/http.md), linked with flowc::http.
//
//   flowc::LocalRuntime rt;
//   flowc::HttpGateway gateway(rt, flowc::HttpOptions{.port = 8080});
//
// or over flowc::MpiRuntime, on rank 0 (linked with flowc::http_mpi).
//
// Routes (for each entity E, its qualified name with `.` for `::`):
//   POST /v1/E                arguments of a constructor -> 201 {"key": ...}
//   POST /v1/E/KEY/METHOD     arguments of the method    -> 200 {"result": ...} ({} for void)
//   GET  /v1/E/KEY            the committed state        -> 200 {member: value, ...}
//   GET  /openapi.json        the OpenAPI 3.1 document (what `flowc --emit=openapi` prints)
//   GET  /                    a web page with a form per constructor and method
// Errors are {"error": "...", "kind": "..."} with 400 (malformed JSON or
// arguments), 404, 409, 413, 422 (the method threw), 503 (max_in_flight,
// with Retry-After) or 504 (timeout). A POST with `Idempotency-Key: K`
// repeated with the same K runs nothing again and gets the first answer.
//
// The constructor returns once the gateway listens (it throws flowc::Error
// naming the address and the reason when it cannot); the destructor stops
// accepting, answers what is in flight and closes every connection. The
// runtime must outlive the gateway.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace flowc {

class LocalRuntime;
class MpiRuntime;

namespace gateway {

// A stored answer to a POST: its status and JSON body.
struct Answer {
  unsigned status = 200;
  std::string body;
};

// Where Idempotency-Key answers are kept. The default keeps them in memory
// (lost with the process); a durable store implements the same three calls.
// `request` identifies what was asked (method, target and body), so a key
// reused for another request is refused instead of answered wrongly.
class AnswerStore {
public:
  enum class Claim { fresh, running, answered, other_request };
  virtual ~AnswerStore() = default;
  // Claims `key` for `request`: fresh (the caller runs it and must call
  // finish or release), running (another request with this key has not been
  // answered yet), answered (`answer` is set), other_request.
  virtual Claim claim(const std::string &key, const std::string &request,
                      Answer &answer) = 0;
  virtual void finish(const std::string &key, const Answer &answer) = 0;
  // The request ran nothing (e.g. 503): the key may be used again.
  virtual void release(const std::string &key) = 0;
  // A store kept in the runtime's durable store: the record (a key and a
  // value among the store's notes) to write in the same atomic batch as the
  // chain, or create, whose answer is `answer`; finish() follows once it is
  // logged. Called from a runtime worker. False (the default): no record,
  // finish() alone keeps the answer.
  virtual bool commit_record(const std::string &key, const Answer &answer,
                             std::string &record_key, std::string &record_value) {
    static_cast<void>(key), static_cast<void>(answer);
    static_cast<void>(record_key), static_cast<void>(record_value);
    return false;
  }
};

std::shared_ptr<AnswerStore> memory_answer_store();

} // namespace gateway

struct HttpOptions {
  // 0 picks a free port (HttpGateway::port() says which).
  std::uint16_t port = 8080;
  std::string address = "127.0.0.1";
  // Threads serving connections (each handles many connections).
  unsigned threads = 2;
  // A larger body is answered 413 without being read.
  std::size_t max_body_bytes = 1 << 20;
  // Request line and headers together; larger is answered 431.
  std::size_t max_header_bytes = 16 << 10;
  // Requests handed to the runtime and not yet answered; more get 503.
  std::size_t max_in_flight = 4096;
  // A call not answered in this long gets 504 (it still completes; an
  // Idempotency-Key retry then gets its answer).
  std::chrono::milliseconds timeout{30000};
  // A client that takes longer than this to send a request (or is idle this
  // long between requests) is disconnected.
  std::chrono::milliseconds client_timeout{10000};
  // Idempotency-Key answers; null: kept in the runtime's durable store when
  // it has one (LocalOptions::store), else memory_answer_store().
  std::shared_ptr<gateway::AnswerStore> answers;
};

class HttpGateway {
public:
  HttpGateway(LocalRuntime &runtime, HttpOptions options = {});
  // On rank 0 (where MpiRuntime's constructor returns), linked with
  // flowc::http_mpi: entities are created and called on the ranks that own
  // their keys. Answers are kept in memory.
  HttpGateway(MpiRuntime &runtime, HttpOptions options = {});
  ~HttpGateway();
  HttpGateway(const HttpGateway &) = delete;
  HttpGateway &operator=(const HttpGateway &) = delete;

  // The port it listens on.
  std::uint16_t port() const;

  class Server;

private:
  std::unique_ptr<Server> server_;
};

} // namespace flowc
