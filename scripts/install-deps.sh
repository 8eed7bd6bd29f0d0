#!/usr/bin/env bash
# install-deps.sh - the Debian 12 packages flowc builds, tests and benchmarks with.
# Runs apt only when something is missing, so repeated runs are quick.
set -euo pipefail
packages=(
  build-essential cmake ninja-build python3 python3-yaml git
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
  libyaml-cpp-dev libmstch-dev libboost-dev libgtest-dev
  graphviz openmpi-bin libopenmpi-dev libcaf-dev librocksdb-dev
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
