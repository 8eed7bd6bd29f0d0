#!/usr/bin/env bash
# demo.sh - the README's main command: install, build, and run flowc on the
# shop example (IR, dataflow graph as DOT and SVG, the entities in direct mode).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
out=$root/build/examples/shop
mkdir -p "$out"
cd "$root/examples/shop/include"
echo "== flowc --emit=ir examples/shop/include/shop.h"
"$root/build/bin/flowc" --emit=ir shop.h | tee "$out/shop.ir.yaml"
echo "== flowc --emit=dot examples/shop/include/shop.h"
"$root/build/bin/flowc" --emit=dot shop.h | tee "$out/shop.dot"
dot -Tsvg "$out/shop.dot" -o "$out/shop.svg"
echo "== the dataflow graph is in $out/shop.svg"
echo "== the shop in direct mode (plain C++)"
"$root/build/bin/shop_direct"
