#!/usr/bin/env bash
# run.sh [BUILD_DIR] - the two comparisons behind the gateway's libraries
# (bench/http/README.md): JSON parsing (RapidJSON vs nlohmann-json) and HTTP
# serving (Boost.Beast vs cpp-httplib, both answering a fixed body, wrk with
# CONNS connections, default 32 and then 256, THREADS server threads).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../../..
build=${1:-$root/build}
threads=${THREADS:-2} duration=${DURATION:-5s}
tmp=$(mktemp -d /tmp/http-compare-XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
cxx="g++ -std=c++20 -O2 -DNDEBUG"
$cxx -I"$root/include" -I"$root/lib/Runtime" "$here/json_parse_bench.cpp" \
  "$root/lib/Runtime/Http/json_parse.cpp" -o "$tmp/json_parse_bench"
$cxx "$here/httplib_server.cpp" -o "$tmp/httplib_server" -lcpp-httplib -pthread
$cxx "$here/beast_server.cpp" -o "$tmp/beast_server" -pthread
echo "== JSON: parse one argument body (lower is better)"
"$tmp/json_parse_bench"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
hp=$(free_port); bp=$(free_port)
"$tmp/httplib_server" "$hp" "$threads" & pids+=($!)
"$tmp/beast_server" "$bp" "$threads" & pids+=($!)
sleep 0.5
echo "== HTTP: POST, keep-alive, $threads server threads, wrk -t1 -d$duration (req/s, p99)"
for conns in 32 256; do
  for name in httplib beast; do
    port=$([ $name = httplib ] && echo "$hp" || echo "$bp")
    out=$(WRK_BODY='[]' wrk -t1 -c$conns -d"$duration" --latency -s "$here/../post.lua" "http://127.0.0.1:$port/price")
    printf '%-8s %4s connections: %10s req/s  p99 %8s  %s\n' "$name" "$conns" \
      "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
      "$(awk '/Socket errors|Non-2xx/ {printf "%s ", $0}' <<< "$out")"
  done
done
