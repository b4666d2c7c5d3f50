#!/bin/bash
# test-cli.sh — what the spor executable answers on the command line, without a display
#
# Usage: test-cli.sh PATH-TO-SPOR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

spor=${1:?usage: test-cli.sh PATH-TO-SPOR}
work=$(mktemp -d "${TMPDIR:-/tmp}/spor-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT

failures=0
step=0

ok () {
  step=$((step + 1))
  echo "ok $step - $1"
}

not_ok () {
  step=$((step + 1))
  failures=$((failures + 1))
  echo "not ok $step - $1"
  shift
  for line in "$@"; do
    echo "# $line"
  done
}

# No display of any kind: these commands must not need one.
nodisplay () {
  env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
      GSETTINGS_BACKEND=memory XDG_DATA_HOME="$work/data-home" "$@"
}

# --version
out=$(nodisplay "$spor" --version 2>"$work/err")
status=$?
if [ $status -eq 0 ] && [ "$out" = "spor 0.1.0" ]; then
  ok "--version prints the version without a display"
else
  not_ok "--version prints the version without a display" \
    "exit status $status" "stdout: $out" "stderr: $(cat "$work/err")"
fi

# --create-sample on a new file
db="$work/sample.db"
out=$(nodisplay "$spor" --database "$db" --create-sample 20 2>"$work/err")
status=$?
if [ $status -eq 0 ] && grep -qx "participants: 20" <<<"$out" \
   && grep -Eq '^programmes: [1-9][0-9]*$' <<<"$out"; then
  ok "--create-sample 20 fills a new database and prints the counts"
else
  not_ok "--create-sample 20 fills a new database and prints the counts" \
    "exit status $status" "stdout: $out" "stderr: $(cat "$work/err")"
fi

lines=$(grep -Ec '^[a-z][a-z ]*: [0-9]+$' <<<"$out")
if [ "$lines" -ge 5 ] && [ "$lines" -eq "$(wc -l <<<"$out")" ]; then
  ok "every line of the output is one kind and its count"
else
  not_ok "every line of the output is one kind and its count" "stdout: $out"
fi

# a second run on the same database is refused
out=$(nodisplay "$spor" --database "$db" --create-sample 20 2>"$work/err")
status=$?
err=$(cat "$work/err")
if [ $status -ne 0 ] && [ -n "$err" ] && [ -z "$out" ]; then
  ok "a second --create-sample on the same database fails with a message"
else
  not_ok "a second --create-sample on the same database fails with a message" \
    "exit status $status" "stdout: $out" "stderr: $err"
fi

# a file that is not a database is reported and left exactly as it was
bad="$work/not-a-database.db"
printf 'Deltagerliste, hold 3\nAnna;Bo;Cecilie\n%.0s' {1..200} >"$bad"
before=$(sha256sum <"$bad")
out=$(nodisplay "$spor" --database "$bad" --create-sample 5 2>"$work/err")
status=$?
err=$(cat "$work/err")
after=$(sha256sum <"$bad")
if [ $status -ne 0 ] && grep -qF "$bad" <<<"$err"; then
  ok "a file that is not a database is refused, and the message names it"
else
  not_ok "a file that is not a database is refused, and the message names it" \
    "exit status $status" "stdout: $out" "stderr: $err"
fi
if [ "$before" = "$after" ]; then
  ok "the refused file is byte for byte unchanged"
else
  not_ok "the refused file is byte for byte unchanged"
fi

# a bad number
out=$(nodisplay "$spor" --database "$work/other.db" --create-sample -3 2>"$work/err")
status=$?
if [ $status -ne 0 ] && [ -s "$work/err" ]; then
  ok "a negative --create-sample is refused"
else
  not_ok "a negative --create-sample is refused" "exit status $status" "stdout: $out"
fi

# --help works without a display and mentions the options
out=$(nodisplay "$spor" --help 2>&1)
status=$?
if [ $status -eq 0 ] && grep -q -- "--database" <<<"$out" && grep -q -- "--create-sample" <<<"$out"; then
  ok "--help lists --database and --create-sample"
else
  not_ok "--help lists --database and --create-sample" "exit status $status" "output: $out"
fi

echo "1..$step"
[ $failures -eq 0 ]
