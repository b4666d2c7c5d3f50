# Timeline frame times while scrolling (median ms from layout to paint; rows read on demand):
# a new cohort of 500, and the largest programme of the large sample.
bench_timeline="$PWD/$build/tests/bench/bench-timeline"
"$bench_timeline" --cohort500 "$tmp"
"$bench_timeline" --programme "$tmp/large.db"
