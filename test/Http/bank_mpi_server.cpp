// bank_mpi_server.cpp - a gateway over bank.h on flowc::MpiRuntime, for the
// tests: run by `mpirun -np N`; rank 0 serves HTTP, every rank serves
// entities. Prints "owner KEY RANK" for each account KEY given (the rank
// that owns bank::Account KEY, so a test can pick keys on several ranks),
// then "listening on PORT", and serves until standard input ends.
//   mpirun -np 2 bank_mpi_server [KEY...]
#include "bank.flowc.h"

#include <flowc/runtime/errors.h>
#include <flowc/runtime/http.h>
#include <flowc/runtime/mpi.h>

#include <iostream>
#include <string>

int main(int argc, char **argv) {
  flowc::MpiRuntime rt(argc, argv); // ranks other than 0 serve here
  try {
    for (int i = 1; i < argc; ++i)
      std::cout << "owner " << argv[i] << " "
                << rt.worker_of(rt.ref<bank::Account>(argv[i])) * rt.ranks() / rt.workers()
                << "\n";
    flowc::HttpGateway gateway(rt, flowc::HttpOptions{.port = 0, .timeout = std::chrono::milliseconds(20000)});
    std::cout << "listening on " << gateway.port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
  } catch (const flowc::Error &e) {
    std::cerr << "bank_mpi_server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
