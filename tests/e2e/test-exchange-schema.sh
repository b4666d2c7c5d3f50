#!/bin/bash
# test-exchange-schema.sh — every exchange file Spor writes validates against
# data/spor-exchange.schema.json, checked by an independent validator (ajv)
#
# Usage: test-exchange-schema.sh PATH-TO-SPOR SCHEMA NPM-PREFIX
# ajv and ajv-formats are installed with npm into NPM-PREFIX (inside the build tree) once.
# Exits 77 (skipped) only when npm or its registry cannot be reached at all.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

spor=${1:?usage: test-exchange-schema.sh PATH-TO-SPOR SCHEMA NPM-PREFIX}
schema=${2:?}
prefix=${3:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/spor-exchange-schema-XXXXXX")
trap 'rm -rf "$work"' EXIT
export GSETTINGS_BACKEND=memory XDG_DATA_HOME="$work/data-home"
unset DISPLAY WAYLAND_DISPLAY

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "1..0 # SKIP npm or node is not installed"
  exit 77
fi
if [ ! -d "$prefix/node_modules/ajv-formats" ]; then
  if ! npm ping >/dev/null 2>&1; then
    echo "1..0 # SKIP the npm registry cannot be reached"
    exit 77
  fi
  mkdir -p "$prefix"
  if ! npm install --silent --no-audit --no-fund --prefix "$prefix" ajv@8 ajv-formats@2 >"$work/npm.log" 2>&1; then
    echo "not ok 1 - npm install ajv ajv-formats"
    sed 's/^/# /' "$work/npm.log"
    exit 1
  fi
fi

"$spor" --database "$work/a.db" --create-sample 30 >/dev/null || exit 1
"$spor" --database "$work/a.db" --export "$work/full.json" || exit 1
"$spor" --database "$work/a.db" --export "$work/anonymized.json" --anonymize || exit 1
programme=$(grep -o -m1 '"uuid":"[0-9a-f-]*"' <(sed -n '/^"programmes"/,/^]/p' "$work/full.json") | cut -d'"' -f4)
"$spor" --database "$work/a.db" --export "$work/programme.json" --programme "$programme" || exit 1
"$spor" --database "$work/empty.db" --export "$work/empty.json" || exit 1

cat >"$work/validate.js" <<'JS'
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");
const fs = require("fs");
const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = 0;
files.forEach((file, i) => {
  const ok = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  console.log(`${ok ? "ok" : "not ok"} ${i + 1} - ${file.split("/").pop()} validates`);
  if (!ok) {
    failed++;
    for (const e of validate.errors.slice(0, 10))
      console.log(`# ${e.instancePath} ${e.message}`);
  }
});
console.log(`1..${files.length}`);
process.exit(failed ? 1 : 0);
JS
NODE_PATH="$prefix/node_modules" node "$work/validate.js" "$schema" \
  "$work/full.json" "$work/anonymized.json" "$work/programme.json" "$work/empty.json"
