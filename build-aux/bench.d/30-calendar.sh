# The Calendar on the large sample: the busiest week's query (occurrences, staffing,
# attendance counts, problems), one frame of the week grid with 300 occurrences, and the
# .ics export of the programme with the most blocks.
"$PWD/$build/tests/bench/bench-calendar" "$tmp/large.db"
