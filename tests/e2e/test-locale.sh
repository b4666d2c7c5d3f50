#!/bin/sh
# Run from the build tree, Spor speaks the user's language: with SPOR_LOCALE_DIR (which
# build-aux/run sets) it finds the build tree's translations.
# Usage: test-locale.sh SPOR LOCALE_DIR
set -eu
spor=$1
localedir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a Danish locale of the test's own, whatever the machine has installed
localedef -i da_DK -f UTF-8 "$work/da_DK.UTF-8" >/dev/null 2>&1 || true
out=$(env -u LC_ALL LOCPATH="$work" LANG=da_DK.UTF-8 LANGUAGE= SPOR_LOCALE_DIR="$localedir" \
      "$spor" --help 2>&1)
echo "$out" | grep -q "Hold deltagerne i kulturbaserede beskæftigelsesforløb på sporet" || {
  echo "not ok 1 - the build tree's Danish was not found:"; echo "$out"; exit 1; }
echo "ok 1 - the build tree's Danish is found"
# and English stays English
out=$(env -u LC_ALL LANG=C.UTF-8 SPOR_LOCALE_DIR="$localedir" "$spor" --help 2>&1)
echo "$out" | grep -q "Usage:" || { echo "not ok 2 - English"; exit 1; }
echo "ok 2 - English stays English"
echo "1..2"
