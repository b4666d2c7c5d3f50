#!/bin/sh
# The core library is GLib-only: no source in it may include GTK or libadwaita.
set -eu
dir="$1"
found=$(grep -rlE '#include *[<"](gtk|gdk|adwaita)' "$dir" || true)
if [ -n "$found" ]; then
  echo "GTK/libadwaita included in the core: $found" >&2
  exit 1
fi
echo "no GTK in $dir"
