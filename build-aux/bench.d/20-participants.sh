# The Participants view: search, opening, memory while scrolling (tests/bench/bench-participants.c).
# The view opened on the large sample is compared with a 60-participant sample.

"$spor" --database "$tmp/participants-60.db" --create-sample 60 >/dev/null
"$build/tests/bench/bench-participants" "$tmp/large.db" "$tmp/participants-60.db"
