#!/bin/bash
# test-exchange-cli.sh — `spor --export` and `spor --import`: exit codes, messages, and a
# SIGKILL in the middle of an import
#
# Usage: test-exchange-cli.sh PATH-TO-SPOR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

spor=${1:?usage: test-exchange-cli.sh PATH-TO-SPOR}
work=$(mktemp -d "${TMPDIR:-/tmp}/spor-exchange-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
export GSETTINGS_BACKEND=memory XDG_DATA_HOME="$work/data-home"
unset DISPLAY WAYLAND_DISPLAY

failures=0
step=0
check () { # description, then a command that must succeed
  local what=$1
  shift
  step=$((step + 1))
  if "$@"; then
    echo "ok $step - $what"
  else
    failures=$((failures + 1))
    echo "not ok $step - $what"
    sed 's/^/# /' "$work/out" "$work/err" 2>/dev/null | head -20
  fi
}
run () { "$spor" "$@" >"$work/out" 2>"$work/err"; echo $? >"$work/status"; }
status_is () { [ "$(cat "$work/status")" = "$1" ]; }
out_has () { grep -q -- "$1" "$work/out"; }
err_has () { grep -q -- "$1" "$work/err"; }
# The records of an export, without the header lines that name the time and the site
records () { [ -s "$1" ] && tail -n +6 "$1"; }

run --database "$work/a.db" --create-sample 40
check "sample database made" status_is 0

# A full file leaves out the participants without consent to share
shared=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM participants WHERE "
      "consent_sharing = 1 AND consent_withdrawn_date IS NULL").fetchone()[0])' "$work/a.db")
run --database "$work/a.db" --export "$work/a.json"
check "--export exits 0" status_is 0
check "the export is a Spor exchange file" grep -q '"format": "spor-exchange"' "$work/a.json"
check "--export says how many were left out" out_has "^$((40 - shared)) participants without consent to share were left out$"

run --database "$work/b.db" --import "$work/a.json" --dry-run
check "--dry-run exits 0" status_is 0
check "--dry-run prints the summary" out_has "participants: new $shared, updated 0"
check "--dry-run says nothing changed" out_has "Dry run"
run --database "$work/b.db" --export "$work/b0.json"
check "--dry-run wrote nothing" bash -c "! grep -q '\"name\":\"' '$work/b0.json'"

run --database "$work/b.db" --import "$work/a.json"
check "--import exits 0" status_is 0
check "--import prints the totals" out_has "^total: new "
run --database "$work/b.db" --import "$work/a.json"
check "the second import changes nothing" out_has "^total: new 0, updated 0, unchanged [0-9]*, conflicts 0, deleted 0"
run --database "$work/b.db" --export "$work/b.json"
check "the round trip gives the same records" cmp -s <(records "$work/a.json") <(records "$work/b.json")

# Refused files: exit 2, a message naming the place, nothing written
cp "$work/b.db" "$work/b-before.db"
printf '{"format": "spor-exchange", "version": 9}' >"$work/newer.json"
run --database "$work/b.db" --import "$work/newer.json"
check "a newer version exits 2" status_is 2
check "a newer version is named" err_has "version: the file was written by a newer Spor"
sed '0,/"birth_date":"[0-9-]*"/s//"birth_date":"2001-13-45"/' "$work/a.json" >"$work/bad.json"
head -c $(($(stat -c %s "$work/a.json") / 2)) "$work/a.json" >"$work/truncated.json"
for bad in bad truncated; do
  run --database "$work/b.db" --import "$work/$bad.json"
  check "$bad file exits 2" status_is 2
done
run --database "$work/b.db" --import "$work/bad.json"
check "the bad place is named" err_has "participants\[[0-9]*\]\.birth_date: not a date (YYYY-MM-DD) (line [0-9]*)"
run --database "$work/b.db" --export "$work/b2.json"
check "refused files changed nothing" cmp -s <(records "$work/b.json") <(records "$work/b2.json")

run --database "$work/b.db" --import "$work/missing.json"
check "a missing file exits 1" status_is 1
run --database "$work/a.db" --export "$work/no/such/folder/x.json"
check "an export into a missing folder exits 1" status_is 1
check "and says so" err_has "was not written"
run --database "$work/a.db" --export "$work/p.json" --programme 00000000-0000-4000-8000-000000000000
check "an unknown programme exits 1" status_is 1
run --database "$work/a.db" --import "$work/a.json" --anonymize
check "--anonymize with --import exits 1" status_is 1

run --database "$work/a.db" --export "$work/anon.json" --anonymize
check "--anonymize exits 0" status_is 0
check "the anonymised file says so" grep -q '"anonymized": true' "$work/anon.json"
run --database "$work/b.db" --import "$work/anon.json"
check "an anonymised file is refused with 2" status_is 2

# SIGKILL in the middle of an import leaves the database as it was
run --database "$work/big.db" --create-sample 1500
run --database "$work/big.db" --export "$work/big.json"
run --database "$work/c.db" --import "$work/a.json"
run --database "$work/c.db" --export "$work/c-before.json"
# Its scratch database of UUIDs is a temporary file that SQLite unlinks as soon as it has
# opened it: a killed import leaves nothing in TMPDIR.
mkdir -p "$work/tmp"
TMPDIR="$work/tmp" "$spor" --database "$work/c.db" --import "$work/big.json" >/dev/null 2>&1 &
pid=$!
# Kill it once it is at work (it has read a quarter of the file), not after a guessed delay.
size=$(stat -c %s "$work/big.json")
for _ in $(seq 400); do
  read_so_far=$(awk '/^rchar/ { print $2 }' "/proc/$pid/io" 2>/dev/null || echo 0)
  [ "${read_so_far:-0}" -gt $((size / 4)) ] && break
  sleep 0.02
done
kill -9 $pid 2>/dev/null
killed=$?
wait $pid 2>/dev/null
run --database "$work/c.db" --export "$work/c-after.json"
check "the import was killed in the middle" test $killed -eq 0
check "a killed import left the database as it was" cmp -s <(records "$work/c-before.json") <(records "$work/c-after.json")
check "a killed import left no scratch file" test -z "$(ls -A "$work/tmp")"

# A file name with a control character is printed escaped, never sent to the terminal as is
esc=$(printf '\033')
mkdir -p "$work/not-a-dir"
run --database "$work/a.db" --import "$work/missing${esc}[2J.json"
check "a missing file exits 1" status_is 1
check "its name is printed escaped" err_has 'missing\\x1b\[2J.json'
check "no escape character reaches the terminal" bash -c "! grep -q \"$esc\" '$work/err'"
run --database "$work/not-a-dir" --export-ics "$work/a${esc}.ics"
check "a directory as database exits 1" status_is 1
check "the message names the database" err_has "could not open the database"

echo "1..$step"
[ $failures -eq 0 ]
