#!/usr/bin/env bash
# make_inputs.sh - writes the differential tests' input files into directory $1.
# Deterministic: awk's srand() with fixed seeds, and the system's license texts.
set -euo pipefail
dir=$1
mkdir -p "$dir"

# Keys that are prefixes of each other and bytes below TAB, around TAB and
# backslash: `sort` orders whole lines, so these test grouping and order.
printf '%b' 'a\na b\na\tx\na\001\na!\na\\\\b\n\\\\t literal\n\ttab first\nb\\\\\na\n' \
  'a\001 a\001\001 a\001\na b a\tx a\n\\\\n \\\\\\\\ \\\\\n' \
  'x\ty\tz x\\\\ty\nlast line\n' >"$dir/escapes.txt"

: >"$dir/empty.txt"
printf '\n\n\n' >"$dir/empty_lines.txt"
printf 'no final newline\nsecond line\tends here' >"$dir/no_newline.txt"

# Numbers, including the floating points whose text form is delicate.
printf '%s\n' '0.1 0.2 0.30000000000000004 1e300 -1e300 1e-300 5e-324' \
  '-0 0 -0.0 0.0 nan -nan inf -inf infinity 1e400 12 -12 007 7' \
  '9223372036854775807 -9223372036854775808 18446744073709551616' \
  '100000000 123456789 0.0001 1e+21 1e21 3.14159 2.5e-5 1 2 3 4' \
  >"$dir/numbers.txt"

# Readings "sensor value": order-sensitive floating sums in `mean`.
awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++)
  printf "%d %.17g\n", int(rand() * 500), (rand() - 0.5) * 10 ^ int(rand() * 12) }' \
  >"$dir/readings.txt"

# Real text, a few MB, and one line of several MB made of it.
for i in 1 2 3 4 5 6; do cat /usr/share/common-licenses/*; done >"$dir/text.txt"
cat "$dir/text.txt" "$dir/text.txt" | tr '\n' ' ' >"$dir/long_line.tmp"
head -c 3000000 "$dir/long_line.tmp" >"$dir/long_line.txt"
rm "$dir/long_line.tmp"
printf '\nshort line after the long one\n' >>"$dir/long_line.txt"

# Every byte value, in lines of varying shape.
awk 'BEGIN { srand(11); for (i = 0; i < 3000; i++) { n = int(rand() * 40); s = "";
  for (j = 0; j < n; j++) { c = int(rand() * 255) + 1; if (c == 10) c = 9; s = s sprintf("%c", c) }
  print s } }' LC_ALL=C >"$dir/bytes.txt"
