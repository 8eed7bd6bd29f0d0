#!/usr/bin/env bash
# curl_demo.sh SHOP_SERVER - starts shop_server on a free port and drives it
# with curl as docs/http.md shows; exits 1 when an answer is not the expected
# one. scripts/demo.sh runs it, and so does ctest (shop-server-curl).
set -euo pipefail
log=$(mktemp /tmp/http-shop-XXXXXX)
"$1" --port 0 > "$log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.05; done
url=$(grep -o 'http://[^ ]*' "$log")
url=${url%/}
echo "== $(cat "$log")"
step() { # step EXPECTED-STATUS METHOD PATH [BODY]: prints the exchange, checks the status
  local want=$1 method=$2 path=$3 body=${4:-}
  echo "\$ curl -X $method $url$path${body:+ -d '$body'}"
  local answer status
  answer=$(curl -s -w '\n%{http_code}' -X "$method" "$url$path" ${body:+-d "$body"})
  status=${answer##*$'\n'}
  echo "$status ${answer%$'\n'*}"
  [ "$status" = "$want" ] || { echo "expected $want"; exit 1; }
}
step 201 POST /v1/shop.Item '["book", 10]'
step 200 POST /v1/shop.Item/book/update_stock '{"delta": 5}'
step 201 POST /v1/shop.User '{"name": "alice"}'
step 200 POST /v1/shop.User/alice/buy_item '{"amount": 2, "item": "book"}'
step 200 GET /v1/shop.User/alice
step 200 GET /v1/shop.Item/book
step 409 POST /v1/shop.User '["alice"]'
step 400 POST /v1/shop.User/alice/buy_item '{"amount": "two", "item": "book"}'
step 404 POST /v1/shop.User/bob/balance '[]'
[ "$(curl -s "$url/v1/shop.User/alice")" = '{"name_":"alice","balance_":80}' ] ||
  { echo "alice's state is not what two books at 10 leave"; exit 1; }
echo "== the page: $url/ ; the OpenAPI document: $url/openapi.json"
