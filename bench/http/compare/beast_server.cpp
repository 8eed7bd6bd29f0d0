// beast_server.cpp PORT THREADS - the gateway's HTTP layer alone: Boost.Beast
// connections on THREADS threads answering every request with a fixed
// 13-byte JSON body (the same loop as lib/Runtime/Http/server.cpp, without
// routing or a runtime), for comparing with cpp-httplib.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Session : std::enable_shared_from_this<Session> {
  explicit Session(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::response<http::string_body> res;
  void read() {
    req = {};
    http::async_read(stream, buffer, req, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec)
        return;
      self->res = http::response<http::string_body>(http::status::ok, self->req.version());
      self->res.set(http::field::content_type, "application/json");
      self->res.body() = "{\"result\":10}";
      self->res.keep_alive(self->req.keep_alive());
      self->res.prepare_payload();
      http::async_write(self->stream, self->res, [self](beast::error_code ec, std::size_t) {
        if (!ec)
          self->read();
      });
    });
  }
};

int main(int argc, char **argv) {
  net::io_context io;
  tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"),
                              static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 8091)});
  std::function<void()> accept = [&] {
    acceptor.async_accept(net::make_strand(io), [&](beast::error_code ec, tcp::socket s) {
      if (!ec)
        std::make_shared<Session>(std::move(s))->read();
      accept();
    });
  };
  accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < (argc > 2 ? std::atoi(argv[2]) : 2); ++i)
    threads.emplace_back([&] { io.run(); });
  io.run();
}
