// server.cpp - HTTP/1.1 with Boost.Beast over Asio: `threads` threads run
// one io_context; each connection is a chain of asynchronous reads and
// writes on its own strand, so a few threads serve many connections.
// Keep-alive and pipelining: requests on a connection are read one after
// another and answered in order (what is already buffered is not re-read).
// Limits: request line and headers (max_header_bytes, 431), body
// (max_body_bytes, 413 before a byte of it is read), a client that does not
// send a whole request within client_timeout is disconnected (the stream's
// timeout closes the socket, so there is no 408 to send). A request the parser rejects gets 400 and the
// connection is closed: nothing of it reaches the runtime.
#include "Http/server.h"

#include "flowc/runtime/errors.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <list>
#include <optional>
#include <thread>

namespace flowc {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

struct Shared {
  gateway::Router *router = nullptr;
  HttpOptions options;
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::condition_variable none_left;
  std::size_t sessions = 0;
};

class Session : public std::enable_shared_from_this<Session> {
public:
  Session(tcp::socket socket, Shared &shared)
      : stream_(std::move(socket)), shared_(shared) {
    std::lock_guard lock(shared_.mutex);
    ++shared_.sessions;
  }
  ~Session() {
    std::lock_guard lock(shared_.mutex);
    if (--shared_.sessions == 0)
      shared_.none_left.notify_all();
  }

  void start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read, shared_from_this()));
  }

  // On the gateway's way down: an idle connection closes now, a busy one
  // after its answer.
  void stop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_)
        self->close();
    });
  }

private:
  void read() {
    if (shared_.stopping)
      return close();
    idle_ = buffer_.size() == 0;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.max_header_bytes));
    parser_->body_limit(shared_.options.max_body_bytes);
    stream_.expires_after(shared_.options.client_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec)
      return failed(ec);
    auto &req = parser_->get();
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, req.version());
      http::async_write(stream_, *cont,
                        [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                          if (ec)
                            return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void failed(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::operation_aborted)
      return close();
    if (ec == http::error::body_limit)
      return reply_and_close(413, "body_too_large",
                             "the body is larger than " +
                                 std::to_string(shared_.options.max_body_bytes) + " bytes");
    if (ec == http::error::header_limit)
      return reply_and_close(431, "headers_too_large",
                             "the request line and headers are larger than " +
                                 std::to_string(shared_.options.max_header_bytes) + " bytes");
    // A request cut in the middle (the client closed): nothing to answer.
    if (ec == http::error::partial_message)
      return close();
    if (ec.category() == beast::error_code(http::error::bad_method).category())
      return reply_and_close(400, "bad_request", "malformed HTTP: " + ec.message());
    close();
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec)
      return failed(ec);
    stream_.expires_never();
    auto &req = parser_->get();
    version_ = req.version();
    keep_alive_ = req.keep_alive();
    head_ = req.method() == http::verb::head;
    gateway::Request request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    request.idempotency_key = std::string(req["Idempotency-Key"]);
    request.body = std::move(req.body());
    shared_.router->handle(std::move(request), [self = shared_from_this()](gateway::Reply reply) {
      net::post(self->stream_.get_executor(), [self, reply = std::move(reply)]() mutable {
        self->write(std::move(reply), false);
      });
    });
  }

  void reply_and_close(unsigned status, std::string_view kind, std::string message) {
    version_ = 11;
    write(gateway::error_reply(status, kind, message), true);
  }

  void write(gateway::Reply reply, bool close_after) {
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(reply.status), version_);
    res->set(http::field::server, "flowc");
    res->set(http::field::content_type, reply.content_type);
    if (reply.retry_after)
      res->set(http::field::retry_after, "1");
    if (!reply.allow.empty())
      res->set(http::field::allow, reply.allow);
    res->body() = std::move(reply.body);
    res->prepare_payload();
    if (head_)
      res->body().clear();
    bool close_now = close_after || !keep_alive_ || shared_.stopping;
    res->keep_alive(!close_now);
    stream_.expires_after(shared_.options.client_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res, close_now](beast::error_code ec, std::size_t) {
                        if (ec || close_now)
                          return self->close();
                        self->read();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Shared &shared_;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  bool head_ = false;
  bool idle_ = true;
};

} // namespace

class HttpGateway::Server::Impl {
public:
  Impl(gateway::Backend backend, HttpOptions options)
      : acceptor_(io_), work_(net::make_work_guard(io_)) {
    shared_.options = options;
    router_ = std::make_unique<gateway::Router>(
        std::move(backend), options,
        [this](std::chrono::milliseconds delay, std::function<void()> f) {
          auto timer = std::make_shared<net::steady_timer>(io_, delay);
          timer->async_wait([timer, f = std::move(f)](beast::error_code ec) {
            if (!ec)
              f();
          });
        });
    shared_.router = router_.get();
    try {
      tcp::endpoint endpoint(net::ip::make_address(options.address), options.port);
      acceptor_.open(endpoint.protocol());
      acceptor_.set_option(net::socket_base::reuse_address(true));
      acceptor_.bind(endpoint);
      acceptor_.listen(net::socket_base::max_listen_connections);
      port_ = acceptor_.local_endpoint().port();
    } catch (const boost::system::system_error &e) {
      throw Error("flowc::HttpGateway: cannot listen on " + options.address + ":" +
                  std::to_string(options.port) + ": " + e.code().message());
    }
    accept();
    unsigned threads = options.threads == 0 ? 1 : options.threads;
    for (unsigned i = 0; i < threads; ++i)
      threads_.emplace_back([this] { io_.run(); });
  }

  ~Impl() {
    shared_.stopping = true;
    net::post(acceptor_.get_executor(), [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
    });
    {
      std::lock_guard lock(sessions_mutex_);
      for (auto &weak : sessions_)
        if (auto session = weak.lock())
          session->stop();
    }
    // What the runtime is doing for clients is answered before the end.
    router_->wait_idle();
    {
      std::unique_lock lock(shared_.mutex);
      shared_.none_left.wait_for(lock, shared_.options.client_timeout,
                                 [&] { return shared_.sessions == 0; });
    }
    work_.reset();
    io_.stop();
    for (std::thread &t : threads_)
      t.join();
  }

  std::uint16_t port() const { return port_; }

private:
  void accept() {
    acceptor_.async_accept(net::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted || shared_.stopping)
        return;
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        auto session = std::make_shared<Session>(std::move(socket), shared_);
        {
          std::lock_guard lock(sessions_mutex_);
          sessions_.remove_if([](const std::weak_ptr<Session> &w) { return w.expired(); });
          sessions_.push_back(session);
        }
        session->start();
      }
      accept();
    });
  }

  net::io_context io_;
  tcp::acceptor acceptor_;
  net::executor_work_guard<net::io_context::executor_type> work_;
  Shared shared_;
  std::unique_ptr<gateway::Router> router_;
  std::mutex sessions_mutex_;
  std::list<std::weak_ptr<Session>> sessions_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
};

HttpGateway::Server::Server(gateway::Backend backend, HttpOptions options)
    : impl_(std::make_unique<Impl>(std::move(backend), std::move(options))) {}
HttpGateway::Server::~Server() = default;
std::uint16_t HttpGateway::Server::port() const { return impl_->port(); }

HttpGateway::~HttpGateway() = default;

std::uint16_t HttpGateway::port() const { return server_->port(); }

} // namespace flowc
