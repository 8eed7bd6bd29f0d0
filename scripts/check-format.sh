#!/usr/bin/env bash
# check-format.sh [BASE] - the C++ lines changed since BASE (default: where
# this branch left main) are formatted as .clang-format says. Prints the
# reformatting needed and exits 1 if not. Only changed lines are checked, so
# older code keeps its hand formatting until it is touched. test/ is left
# out: its inputs are checked by line and column. On main itself
# (or a clone without a main branch) there is nothing to check.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-}
if [ -z "$base" ]; then
  for ref in main origin/main; do
    if git rev-parse -q --verify "$ref^{commit}" > /dev/null; then
      base=$(git merge-base HEAD "$ref")
      break
    fi
  done
fi
base=${base:-HEAD}
status=0
out=$(git clang-format-19 --binary clang-format-19 --diff \
        --extensions c,cc,cpp,h,hh,hpp,hxx "$base" -- \
        lib tools include unittests bench examples 2>&1) || status=$?
case "$status:$out" in
  "0:" | "0:no modified files to format" | "0:clang-format did not modify any files")
    echo "check-format: the lines changed since ${base:0:12} are formatted"
    ;;
  *)
    echo "$out"
    echo "check-format: run 'git clang-format-19 --binary clang-format-19 $base' to format them"
    exit 1
    ;;
esac
