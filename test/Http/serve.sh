# serve.sh - sourced by the gateway's shell tests: start_server BANK_SERVER
# starts it on a free port, sets PORT and SERVER_PID, and stops it on exit.
start_server() {
  local fifo
  fifo=$(mktemp -u /tmp/http-test-XXXXXX)
  mkfifo "$fifo"
  "$1" < "$fifo" > "$fifo.out" &
  SERVER_PID=$!
  exec 9> "$fifo"          # holds the server's stdin open; closing it stops the server
  rm -f "$fifo"
  for _ in $(seq 100); do
    grep -q "listening on" "$fifo.out" 2>/dev/null && break
    sleep 0.05
  done
  PORT=$(awk '{print $3}' "$fifo.out")
  rm -f "$fifo.out"
  [ -n "$PORT" ] || { echo "the server did not start"; exit 1; }
  trap 'exec 9>&-; wait $SERVER_PID' EXIT
}

# The node packages of node/package.json, installed once (npm ci); exits 77
# (ctest: skipped) with the reason when node or npm cannot install them.
need_node_packages() {
  local dir=$1/node
  command -v node > /dev/null || { echo "SKIPPED: node is not installed (scripts/install-deps.sh)"; exit 77; }
  if [ ! -d "$dir/node_modules/puppeteer-core" ] || [ ! -d "$dir/node_modules/@seriousme" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund > /dev/null 2>&1) ||
      { echo "SKIPPED: npm could not install $dir/package.json"; exit 77; }
  fi
}
