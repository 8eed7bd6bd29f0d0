#!/usr/bin/env bash
# run.sh [BUILD_DIR] - wrk against shop_server (flowc::HttpGateway) and, in the
# same run, nginx serving a static file of the same size as the gateway's
# answer (bench/http/README.md). Needs wrk and nginx (scripts/install-deps.sh).
# Environment: THREADS (gateway threads = nginx workers, default 2), CONNS
# (connections, default 32), DURATION (per run, default 5s).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
threads=${THREADS:-2} conns=${CONNS:-32} duration=${DURATION:-5s}
for tool in wrk nginx curl; do
  command -v $tool > /dev/null || { echo "run.sh: $tool is not installed (scripts/install-deps.sh)"; exit 1; }
done
tmp=$(mktemp -d /tmp/http-bench-XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT

"$build/bin/shop_server" --port 0 --threads "$threads" > "$tmp/server.log" &
pids+=($!)
for _ in $(seq 100); do grep -q listening "$tmp/server.log" && break; sleep 0.05; done
url=$(grep -o 'http://[^ ]*' "$tmp/server.log"); url=${url%/}
curl -sf -X POST "$url/v1/shop.Item" -d '["book", 10]' > /dev/null
curl -sf -X POST "$url/v1/shop.User" -d '["alice"]' > /dev/null
answer=$(curl -sf -X POST "$url/v1/shop.Item/book/price" -d '[]')

# nginx: the same number of workers, the answer's bytes as a static file.
mkdir -p "$tmp/www" "$tmp/nginx"
chmod a+rx "$tmp" "$tmp/www"   # nginx workers run as an unprivileged user
printf '%s' "$answer" > "$tmp/www/price.json"
chmod a+r "$tmp/www/price.json"
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$tmp/nginx/nginx.conf" <<CONF
worker_processes $threads;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nginx_port; root $tmp/www; default_type application/json; }
}
CONF
nginx -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/price.json" > /dev/null && break; sleep 0.05; done

# One wrk run: prints "name req/s p50 p90 p99 errors".
measure() {
  local name=$1 target=$2 body=${3:-}
  local out
  if [ -n "$body" ]; then
    out=$(WRK_BODY="$body" wrk -t1 -c"$conns" -d"$duration" --latency -s "$here/post.lua" "$target")
  else
    out=$(wrk -t1 -c"$conns" -d"$duration" --latency "$target")
  fi
  local rps p50 p90 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p90=$(awk '$1 == "90%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<< "$out")
  printf '%-34s %10s %9s %9s %9s  %s\n' "$name" "$rps" "$p50" "$p90" "$p99" "${errors:-none}"
  echo "$rps" > "$tmp/$name.rps"
  awk '/requests in/ {print $1}' <<< "$out" > "$tmp/$name.count"
}
echo "wrk -t1 -c$conns -d$duration; gateway threads = nginx workers = $threads; $(nproc) cores"
echo "answer: $answer (${#answer} bytes)"
printf '%-34s %10s %9s %9s %9s  %s\n' run "req/s" p50 p90 p99 errors
measure nginx-static "http://127.0.0.1:$nginx_port/price.json"
measure gateway-const-price "$url/v1/shop.Item/book/price" "[]"
measure gateway-state-deposit "$url/v1/shop.User/alice/deposit" "[1]"
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
read = lambda n: float(open(f"{d}/{n}.rps").read())
nginx = read("nginx-static")
print(f"const call / nginx static: {read('gateway-const-price') / nginx:.2f}x; "
      f"state-changing call / nginx static: {read('gateway-state-deposit') / nginx:.2f}x")
PY
# Every answered deposit of 1 is in alice's balance (100 to start), and at
# most the $conns requests still running when wrk stopped are there besides.
state=$(curl -sf "$url/v1/shop.User/alice")
answered=$(cat "$tmp/gateway-state-deposit.count")
balance=$(sed 's/.*"balance_":\([0-9]*\).*/\1/' <<< "$state")
echo "alice after $answered answered deposits of 1: $state"
if (( balance < 100 + answered || balance > 100 + answered + conns )); then
  echo "run.sh: the balance does not match the answered deposits"; exit 1
fi
