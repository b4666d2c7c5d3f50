#!/usr/bin/python3
# test-calendar.py — the Calendar driven the way a screen reader drives it
#
# On a small invented sample: creates Syddjurs' 2 × 3-hour block (Tuesday and Thursday
# 09:00–12:00, one creative professional and one adviser required) in the block editor, is
# refused an end before the start, registers attendance with Mark All Present from the
# Needs Attention list, and exports the block as iCalendar. Accessible actions and editable
# text only, no screen coordinates.
#
# Usage: test-calendar.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi  # noqa: E402
from spor_atspi import (  # noqa: E402
    Failure, children, click, click_visible, find_all, is_pressed, name, query, role, safe,
    select_tab, set_text, set_value, wait_for,
)

TOTAL_SECONDS = 130


def test(session):
    database = session.database
    ics = session.path("blokke.ics")
    # Invented programmes, staff and participants to work with
    session.command("--create-sample", "30")

    app = session.start()
    session.ok("spor appears on the accessibility bus")

    select_tab(app, "Calendar")
    session.ok("the Calendar view is shown")

    click_visible(app, "push button", r"New Work Block", "the New Work Block button")
    editor = wait_for("the block editor", lambda: find_all(app, "frame", r"New Work Block"), 10)[0]
    session.ok("the block editor opens")

    # Syddjurs: Tuesday and Thursday 09:00–12:00, 1 creative professional and 1 adviser
    fields = {
        "Title": "Sy og design",
        "Start Time \\(HH:MM\\)": "9",
        "End Time \\(HH:MM\\)": "12:00",
        "First Day": "2030-01-07",
        "Last Day \\(empty: no end\\)": "2030-03-29",
    }
    for label, text in fields.items():
        set_text(wait_for(label, lambda: find_all(editor, "text", label), 5)[0], text)
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        button = find_all(editor, "push button", day)[0]
        if is_pressed(button) != (day in ("Tuesday", "Thursday")):
            click(button)
    set_value(find_all(editor, "spin button", "Creative Professionals")[0], 1)
    set_value(find_all(editor, "spin button", "Advisers")[0], 1)

    # First a wrong end time: a clear message, nothing saved
    set_text(find_all(editor, "text", r"End Time \(HH:MM\)")[0], "08:00")
    click(find_all(editor, "push button", r"_Save Save|Save")[0])
    # The editor stays open with its message (GTK 4.8 does not tell AT-SPI about a label
    # that becomes visible, so the message is read from the database side: nothing saved)
    time.sleep(1.0)
    if not find_all(app, "frame", r"New Work Block"):
        raise Failure("the editor closed although the end is before the start")
    if query(database, "SELECT count(*) FROM blocks WHERE title = 'Sy og design' AND period_start = '2030-01-07'")[0][0] != 0:
        raise Failure("a block was saved with its end before its start")
    session.ok("an end before the start is refused: the editor stays open, nothing is saved")

    set_text(find_all(editor, "text", r"End Time \(HH:MM\)")[0], "12:00")
    click(find_all(editor, "push button", r"_Save Save|Save")[0])
    rows = wait_for("the block in the database", lambda: query(
        database, "SELECT id, uuid, weekdays, start_time, end_time, period_end FROM blocks "
                  "WHERE title = 'Sy og design' AND period_start = '2030-01-07'"), 10)
    block_id, block_uuid, weekdays, start, end, period_end = rows[0]
    if (weekdays, start, end, period_end) != (2 | 8, "09:00", "12:00", "2030-03-29"):
        raise Failure(f"the block was saved as {rows[0]}")
    required = dict(query(database, "SELECT role, count FROM block_requirements WHERE block_id = ?", block_id))
    if required != {"creative": 1, "adviser": 1}:
        raise Failure(f"the staffing required is {required}")
    session.ok("the 2 × 3-hour block is saved with 1 creative professional and 1 adviser required")

    # Two invented participants join the block (set up directly, as the fixture)
    people = query(database, "SELECT id FROM participants ORDER BY id LIMIT 2")
    now = "2030-01-01T00:00:00.000000Z"
    with sqlite3.connect(database) as db:
        for (pid,) in people:
            db.execute("INSERT INTO block_participants (uuid, created_at, updated_at, block_id, "
                       "participant_id) VALUES (?, ?, ?, ?, ?)", (str(uuid.uuid4()), now, now, block_id, pid))

    # The week is read again when it is shown again
    click_visible(app, "push button", "Next Week", "the Next Week button")
    time.sleep(0.5)
    click_visible(app, "push button", "Previous Week", "the Previous Week button")
    # The week grid draws its blocks; a screen reader finds each occurrence as a child of
    # the grid, named after the block, with its day, time and warnings, and activates it
    grid = wait_for("the week grid", lambda: find_all(app, "table", r"Work blocks of the week"), 10)[0]
    try:
        occurrences = wait_for("the occurrences in the week grid", lambda: [
            node for node in children(grid) if name(node) == "Sy og design"], 10)
    except Failure:
        raise Failure("the week grid lists " + "; ".join(
            f"{role(node)} “{name(node)}”" for node in children(grid)))
    descriptions = [safe(lambda: node.description, "") for node in occurrences]
    if len(occurrences) != 2:
        raise Failure(f"the week grid lists {len(occurrences)} occurrences: {descriptions}")
    tuesday = [d for d in descriptions if d.startswith("Tuesday") and "09:00–12:00" in d]
    thursday = [d for d in descriptions if d.startswith("Thursday") and "09:00–12:00" in d]
    if not tuesday or not thursday:
        raise Failure(f"the occurrences read as {descriptions}")
    # no staff yet: the warning is read, not only drawn
    if "creative professional" not in tuesday[0].lower():
        raise Failure(f"the Tuesday's warning is not read: {tuesday[0]}")
    click(occurrences[descriptions.index(thursday[0])])
    dialog = wait_for("the Thursday's dialog", lambda: find_all(app, "frame", r"Sy og design"), 10)[0]
    click(wait_for("the dialog's Close button",
                   lambda: [n for n in find_all(dialog, "push button", r"Close")], 5)[0])
    wait_for("the dialog to close", lambda: not find_all(app, "frame", r"Sy og design"), 10)
    session.ok("the week grid's occurrences are read with day, time and warnings, and open their dialog")

    # Without staff the block needs attention; open its Tuesday from that list
    click_visible(app, "push button", r"Open Attendance of Sy og design",
                  "the block in Needs Attention", 15)
    dialog = wait_for("the attendance dialog", lambda: find_all(app, "frame", r"Sy og design"), 10)[0]
    session.ok("the occurrence opens from Needs Attention")

    click(wait_for("Mark All Present", lambda: find_all(dialog, "push button", r".*Mark All Present.*"), 5)[0])
    registered = wait_for("attendance in the database", lambda: query(
        database, "SELECT date, status, hours FROM attendance WHERE block_id = ? ORDER BY participant_id",
        block_id) if len(query(database, "SELECT 1 FROM attendance WHERE block_id = ?", block_id)) == 2 else None, 10)
    if registered != [("2030-01-08", "present", 3.0), ("2030-01-08", "present", 3.0)]:
        raise Failure(f"attendance registered: {registered}")
    session.ok("Mark All Present registers both participants present for 3 hours")

    # An edit of the staffing, then Undo: the requirement comes back as it was
    click_visible(dialog, "push button", r"Block Menu", "the dialog's Block Menu")
    click_visible(app, "menu item", r"Edit Block…", "Edit Block… in the Block Menu")
    editor = wait_for("the block editor", lambda: find_all(app, "frame", r"Edit Work Block"), 10)[0]
    set_value(find_all(editor, "spin button", "Creative Professionals")[0], 2)
    set_value(find_all(editor, "spin button", "Advisers")[0], 0)
    click(find_all(editor, "push button", r"_Save Save|Save")[0])
    wait_for("the edited requirement", lambda: dict(query(
        database, "SELECT role, count FROM block_requirements WHERE block_id = ?", block_id))
        == {"creative": 2}, 10)
    session.ok("the edit changes the staffing required to 2 creative professionals")
    click_visible(app, "push button", r"_Undo Undo|_?Undo", "Undo in the toast", 10)
    wait_for("the requirement put back", lambda: dict(query(
        database, "SELECT role, count FROM block_requirements WHERE block_id = ?", block_id))
        == {"creative": 1, "adviser": 1}, 10)
    session.ok("Undo puts the staffing required back to 1 creative professional and 1 adviser")

    result = session.command("--export-ics", ics, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"--export-ics failed: {result.stderr}")
    with open(ics, encoding="utf-8") as f:
        text = f.read().replace("\r\n ", "")
    event = text[text.index(f"UID:{block_uuid}"):]
    event = event[:event.index("END:VEVENT")]
    for expected in ("DTSTART;TZID=Europe/Copenhagen:20300108T090000",
                     "DTEND;TZID=Europe/Copenhagen:20300108T120000",
                     "RRULE:FREQ=WEEKLY;UNTIL=20300329T225959Z;BYDAY=TU,TH"):
        if expected not in event:
            raise Failure(f"the exported event lacks {expected}:\n{event}")
    if "BEGIN:VTIMEZONE" not in text or "TZID:Europe/Copenhagen" not in text:
        raise Failure("the calendar has no VTIMEZONE for Europe/Copenhagen")
    session.ok("the block exports as a weekly VEVENT in Europe/Copenhagen")

    session.quit()
    session.ok("spor quits")


if __name__ == "__main__":
    spor_atspi.main(test, "spor-calendar-", TOTAL_SECONDS)
