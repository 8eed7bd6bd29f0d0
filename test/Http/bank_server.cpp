// bank_server.cpp - a gateway over bank.h for the tests: prints
// "listening on PORT" once it listens and serves until standard input ends.
//   bank_server [--port N] [--threads N] [--max-body N] [--max-in-flight N]
//               [--timeout-ms N] [--client-timeout-ms N] [--store DIR]
// With --store the runtime keeps entities (and the gateway its
// Idempotency-Key answers) in a durable store in DIR.
#include "bank.flowc.h"

#include <flowc/runtime/errors.h>
#include <flowc/runtime/http.h>
#include <flowc/runtime/local.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char **argv) {
  flowc::HttpOptions options{.port = 0};
  flowc::LocalOptions local{.workers = 2};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    unsigned long long value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--store")
      local.store = argv[i + 1];
    else if (flag == "--port")
      options.port = static_cast<std::uint16_t>(value);
    else if (flag == "--threads")
      options.threads = static_cast<unsigned>(value);
    else if (flag == "--max-body")
      options.max_body_bytes = value;
    else if (flag == "--max-in-flight")
      options.max_in_flight = value;
    else if (flag == "--timeout-ms")
      options.timeout = std::chrono::milliseconds(value);
    else if (flag == "--client-timeout-ms")
      options.client_timeout = std::chrono::milliseconds(value);
    else {
      std::cerr << "bank_server: unknown option " << flag << "\n";
      return 2;
    }
  }
  try {
    flowc::LocalRuntime rt(local);
    flowc::HttpGateway gateway(rt, options);
    std::cout << "listening on " << gateway.port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
  } catch (const flowc::Error &e) {
    std::cerr << "bank_server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
