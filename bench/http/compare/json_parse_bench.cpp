// json_parse_bench.cpp - the gateway's JSON parse (RapidJSON's SAX reader
// building flowc::json::Value, lib/Runtime/Http/json_parse.cpp) against
// nlohmann::json::parse on typical argument bodies: ns per parse.
#include "Http/json_parse.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <string>

template <class F> double nanos_per(int n, F f) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i)
    f();
  std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
  return took.count() / n;
}

int main() {
  const std::string bodies[] = {
      "[1]",
      R"({"amount": 2, "item": "book"})",
      R"([{"name": "triangle", "points": [{"x": 1, "y": 0.5}, {"x": 2, "y": 1.25}, {"x": 3, "y": -7}],
          "color": "green", "weight": 12}])",
  };
  std::size_t sink = 0;
  std::printf("%-40s %12s %12s\n", "body", "rapidjson", "nlohmann");
  for (const std::string &body : bodies) {
    const int n = 200000;
    double rapid = nanos_per(n, [&] { sink += flowc::json::parse(body).items.size(); });
    double nlohmann = nanos_per(n, [&] { sink += nlohmann::json::parse(body).size(); });
    std::printf("%-40.40s %9.0f ns %9.0f ns\n", body.c_str(), rapid, nlohmann);
  }
  return sink == 0;
}
