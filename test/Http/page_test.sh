# page_test.sh BANK_SERVER DIR - the page in headless Chromium (node/page_test.mjs).
set -eu
source "$2/serve.sh"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] ||
  { echo "SKIPPED: Chromium is not installed (apt-get install chromium; scripts/install-deps.sh)"; exit 77; }
need_node_packages "$2"
start_server "$1"
node "$2/node/page_test.mjs" "http://127.0.0.1:$PORT"
