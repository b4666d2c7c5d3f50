# Sharing between sites: export of the large sample, import into an empty database (time
# and peak memory), and importing the same file again (nothing to change).
# Targets: export ≤ 20 s, import ≤ 60 s, peak memory during import ≤ 200 MB.

exchange_file="$tmp/exchange.json"

start=$(date +%s.%N)
"$spor" --database "$tmp/large.db" --export "$exchange_file"
end=$(date +%s.%N)
printf 'exchange.export_s %.2f s\n' "$(echo "$end - $start" | bc -l)"
printf 'exchange.export_mb %.1f MB\n' "$(echo "$(stat -c %s "$exchange_file") / 1048576" | bc -l)"

# Peak resident memory from the kernel's own count (VmHWM) just before the process ends is
# not reachable from outside, so GNU time is used when present, else bash's own timing.
rm -f "$tmp/exchange-import.db"
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$tmp/exchange-rss" \
    "$spor" --database "$tmp/exchange-import.db" --import "$exchange_file" >/dev/null
else
  "$spor" --database "$tmp/exchange-import.db" --import "$exchange_file" >/dev/null
fi
end=$(date +%s.%N)
printf 'exchange.import_s %.2f s\n' "$(echo "$end - $start" | bc -l)"
if [ -s "$tmp/exchange-rss" ]; then
  printf 'exchange.import_peak_rss_mb %.1f MB\n' "$(echo "$(tail -1 "$tmp/exchange-rss") / 1024" | bc -l)"
fi

start=$(date +%s.%N)
"$spor" --database "$tmp/exchange-import.db" --import "$exchange_file" >/dev/null
end=$(date +%s.%N)
printf 'exchange.reimport_s %.2f s\n' "$(echo "$end - $start" | bc -l)"
rm -f "$exchange_file" "$tmp/exchange-import.db" "$tmp/exchange-rss"
