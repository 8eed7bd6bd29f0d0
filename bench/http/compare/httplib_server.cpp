// httplib_server.cpp PORT THREADS - cpp-httplib (Debian's libcpp-httplib-dev)
// answering POST /price with a fixed 13-byte JSON body, for comparing its
// request rate with Boost.Beast's (beast_server.cpp) under the same wrk load.
#include <httplib.h>

#include <cstdlib>

int main(int argc, char **argv) {
  httplib::Server server;
  int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.Post("/price", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("{\"result\":10}", "application/json");
  });
  server.listen("127.0.0.1", argc > 1 ? std::atoi(argv[1]) : 8090);
}
