#!/usr/bin/env bash
# install-deps.sh - the Debian 12 packages flowc builds, tests and benchmarks with.
# Runs apt only when something is missing, so repeated runs are quick.
set -euo pipefail
packages=(
  build-essential cmake ninja-build python3 python3-yaml git
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
  # The format check of changed lines (scripts/check-format.sh).
  clang-format-19
  libyaml-cpp-dev libmstch-dev libboost-dev libgtest-dev
  graphviz openmpi-bin libopenmpi-dev libcaf-dev librocksdb-dev
  # The HTTP/JSON gateway (docs/http.md): RapidJSON; curl for the demo;
  # Chromium and Node.js for its page and OpenAPI tests (their npm packages:
  # test/Http/node/package.json, installed by the tests); wrk, nginx and
  # cpp-httplib/nlohmann-json for bench/http.
  rapidjson-dev curl chromium nodejs wrk nginx-light libcpp-httplib-dev nlohmann-json3-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's nodejs needs its npm package; a NodeSource nodejs brings npm itself
# (and conflicts with Debian's), so npm is added only when it is missing.
if ! command -v npm > /dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends npm
fi
