# openapi_test.sh BANK_SERVER FLOWC DIR - GET /openapi.json is exactly what
# `flowc --emit=openapi` prints, and a standard validator accepts it.
set -eu
source "$3/serve.sh"
need_node_packages "$3"
start_server "$1"
tmp=$(mktemp -d /tmp/http-openapi-XXXXXX)
curl -sf "http://127.0.0.1:$PORT/openapi.json" > "$tmp/served.json"
"$2" --emit=openapi "$3/bank.h" > "$tmp/emitted.json"
diff "$tmp/served.json" "$tmp/emitted.json"
node "$3/node/validate_openapi.mjs" "$tmp/served.json"
rm -rf "$tmp"
