// server.cpp - shop_server: the shop's entities (include/shop.h) as an
// HTTP/JSON service on flowc::LocalRuntime (docs/http.md).
//   shop_server [--port N] [--threads N]
// Serves on 127.0.0.1:N (default 8080; 0 picks a free port) until SIGINT or
// SIGTERM, then answers what is in flight and exits 0. Try
//   curl -X POST localhost:8080/v1/shop.Item -d '["book", 10]'
// or open http://localhost:8080/ for a form per constructor and method.
#include "shop.flowc.h"

#include <flowc/runtime/http.h>
#include <flowc/runtime/local.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

int usage(const char *why) {
  std::cerr << "shop_server: " << why << "\nusage: shop_server [--port N] [--threads N]\n";
  return 2;
}

bool number(const char *text, unsigned long max, unsigned long &out) {
  char *end = nullptr;
  out = std::strtoul(text, &end, 10);
  return *text != '\0' && *end == '\0' && out <= max;
}

} // namespace

int main(int argc, char **argv) {
  flowc::HttpOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    unsigned long value = 0;
    if (i + 1 >= argc)
      return usage(("missing value for " + flag).c_str());
    if (flag == "--port" && number(argv[i + 1], 65535, value))
      options.port = static_cast<std::uint16_t>(value);
    else if (flag == "--threads" && number(argv[i + 1], 1024, value) && value > 0)
      options.threads = static_cast<unsigned>(value);
    else
      return usage(("bad option " + flag + " " + argv[i + 1]).c_str());
    ++i;
  }
  // The signals are taken by sigwait below, so every thread started from
  // here on (runtime workers, gateway threads) inherits them blocked.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  try {
    flowc::LocalRuntime rt(flowc::LocalOptions{.workers = 4});
    flowc::HttpGateway gateway(rt, options);
    std::cout << "shop_server: listening on http://" << options.address << ":" << gateway.port()
              << "/" << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
    std::cout << "shop_server: stopping (" << strsignal(signal) << ")" << std::endl;
  } catch (const std::exception &e) {
    std::cerr << "shop_server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
