# openapi_test.sh BANK_SERVER FLOWC DIR - GET /openapi.json is exactly what
# `flowc --emit=openapi` prints, and standard validators accept it and the
# document of ../OpenAPI/Inputs/paint.h (type aliases, default arguments)
# (skipped, exit 77, only where node or its packages cannot be installed).
set -eu
source "$3/serve.sh"
start_server "$1"
tmp=$(mktemp -d /tmp/http-openapi-XXXXXX)
curl -sf "http://127.0.0.1:$PORT/openapi.json" > "$tmp/served.json"
"$2" --emit=openapi "$3/bank.h" > "$tmp/emitted.json"
diff "$tmp/served.json" "$tmp/emitted.json"
echo "GET /openapi.json is what flowc --emit=openapi prints"
need_node_packages "$3"
node "$3/node/validate_openapi.mjs" "$tmp/served.json"
"$2" --emit=openapi "$3/../OpenAPI/Inputs/paint.h" > "$tmp/paint.json"
node "$3/node/validate_openapi.mjs" "$tmp/paint.json"
rm -rf "$tmp"
