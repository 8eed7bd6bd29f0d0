#!/usr/bin/env bash
# round-trip.sh FLOWC ROOT WORK - for every test input and example that flowc
# accepts as it stands (no compiler arguments): `flowc X` and `flowc --emit=ir
# X > x.yaml; flowc --from-ir=x.yaml` write byte-identical files, and the IR
# read back prints the same IR, DOT and OpenAPI document. Prints every
# difference and the count compared; exits 1 on any. Leaves WORK/*/x.yaml.
set -u
flowc=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cd "$root"
status=0 compared=0
inputs=$(find test examples -name Inputs -prune -o -type f \
           \( -name '*.h' -o -name '*.hpp' -o -name '*.cpp' \) -print |
         grep -v -e '/Http/node/' -e '/Programs/' | sort)
# A few per folder are under test/*/Inputs: those too.
inputs="$inputs $(find test -path '*/Inputs/*' -type f -name '*.h' | sort)"
for input in $inputs; do
  case=$work/$(echo "$input" | tr / _)
  mkdir -p "$case/direct" "$case/ir"
  "$flowc" --emit=ir "$input" > "$case/x.yaml" 2> /dev/null ||
    { rm -r "$case"; continue; }
  compared=$((compared + 1))
  fail() { echo "FAIL: $input: $1"; status=1; }
  "$flowc" -o "$case/direct" "$input" 2> "$case/direct.err" ||
    { fail "flowc X failed: $(cat "$case/direct.err")"; continue; }
  "$flowc" --from-ir="$case/x.yaml" -o "$case/ir" 2> "$case/ir.err" ||
    { fail "--from-ir failed: $(cat "$case/ir.err")"; continue; }
  diff -r "$case/direct" "$case/ir" > "$case/diff" || fail "files differ: $(head -20 "$case/diff")"
  "$flowc" --emit=ir --from-ir="$case/x.yaml" > "$case/again.yaml" 2>&1
  cmp -s "$case/x.yaml" "$case/again.yaml" || fail "--emit=ir differs"
  for kind in dot openapi; do
    "$flowc" --emit=$kind "$input" > "$case/direct.$kind" 2> /dev/null
    "$flowc" --emit=$kind --from-ir="$case/x.yaml" > "$case/ir.$kind" 2>&1
    cmp -s "$case/direct.$kind" "$case/ir.$kind" || fail "--emit=$kind differs"
  done
done
echo "compared $compared inputs"
[ "$compared" -gt 0 ] || status=1
exit $status
