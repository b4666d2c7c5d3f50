# Time from process start to the first frame drawn, measured by Spor itself (SPOR_BENCH=1).

first_frame() {
  local db="$1" i
  # The first run creates or verifies the file and warms the page cache; it is not counted.
  SPOR_BENCH=1 "$spor" --database "$db" >/dev/null
  for ((i = 0; i < runs; i++)); do
    SPOR_BENCH=1 "$spor" --database "$db" | awk '$1 == "startup.first_frame_ms" { print $2 }'
  done | median
}

empty=$(first_frame "$tmp/empty.db")
echo "startup.first_frame_ms_empty $empty ms"
large=$(first_frame "$tmp/large.db")
echo "startup.first_frame_ms_$n $large ms"
printf 'startup.first_frame_large_vs_empty %.2f ratio\n' "$(echo "$large / $empty" | bc -l)"
