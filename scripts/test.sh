#!/usr/bin/env bash
# test.sh - the README's test command: install, build, run every test (ctest
# runs the GoogleTest units, the lit suite and the MapReduce differential tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j2
