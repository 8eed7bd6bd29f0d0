#!/usr/bin/env bash
# validate-ir.sh SCHEMA FILE.yaml... - each IR file, as JSON, against the
# schema (validate_ir.mjs), with Ajv from test/Http/node (npm ci on first use,
# as the gateway tests do). Exits 1 if any file is invalid.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
node_dir=$here/../Http/node
if [ ! -d "$node_dir/node_modules/ajv" ]; then
  (cd "$node_dir" && npm ci --no-audit --no-fund > /dev/null 2>&1) ||
    { echo "npm could not install $node_dir/package.json"; exit 1; }
fi
schema=$1
shift
documents=$(mktemp)
trap 'rm -f "$documents"' EXIT
# {file: document} for every file, read as YAML.
python3 -c 'import json, sys, yaml
json.dump({f: yaml.safe_load(open(f)) for f in sys.argv[1:]}, sys.stdout)' "$@" > "$documents"
node "$here/validate_ir.mjs" "$node_dir" "$schema" "$documents"
