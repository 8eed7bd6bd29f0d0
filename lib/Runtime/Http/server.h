// server.h - the HTTP side of HttpGateway (server.cpp), over a Router.
#pragma once

#include "Http/routes.h"

#include <memory>

namespace flowc {

class HttpGateway::Server {
public:
  Server(gateway::Backend backend, HttpOptions options);
  ~Server();
  std::uint16_t port() const;

private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace flowc
