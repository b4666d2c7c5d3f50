#!/usr/bin/python3
# test-live.py — the open window follows the database, and a deletion waiting for its Undo
# is not lost when the application is told to end
#
# Starts the real spor binary on a database with five invented participants. Another
# process (`spor --database X --import FILE`, as from a terminal) merges those of another
# file; the window shows them without being told. Then a participant is deleted through the
# page's menu as a screen reader would, and spor gets SIGTERM while the toast still offers
# Undo: spor must erase the participant before it exits, not drop the deletion.
#
# Usage: test-live.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi  # noqa: E402
from spor_atspi import (  # noqa: E402
    Failure, activate, button, click_visible, find_one, query,
)

TOTAL_SECONDS = 100


def test(session):
    database = session.database
    other = session.path("other.db")
    exchange = session.path("other.json")
    for path, n in ((database, "5"), (other, "3")):
        session.command("--create-sample", n, database=path)
    session.command("--export", exchange, database=other)

    app = session.start()
    app_process = session.process
    find_one(app, "label", r"5 participants", "the count of five participants", 15)
    session.ok("the window shows the five participants of its database")

    merged = session.command("--import", exchange, capture_output=True, text=True)
    # a full file leaves out participants without consent to share: count what came in
    found = re.search(r"^participants: new (\d+),", merged.stdout, re.M)
    if merged.returncode != 0 or found is None or int(found.group(1)) < 1:
        raise Failure(f"spor --import failed ({merged.returncode}): {merged.stdout} {merged.stderr}")
    total = 5 + int(found.group(1))
    if query(database, "SELECT count(*) FROM participants") != [(total,)]:
        raise Failure(f"the import did not leave {total} participants in the file")
    find_one(app, "label", rf"{total} participants", f"the count of {total} participants", 15)
    session.ok("an import by another process shows in the open window")

    (participant, who) = query(database, "SELECT id, name FROM participants ORDER BY id LIMIT 1")[0]
    # win.show-participant, the window action other views use to open a participant
    activate("show-participant", f"[<int64 {participant}>]")
    find_one(app, "label", re.escape(who), "the participant's page", 10)
    click_visible(app, ("toggle button", "push button"), r"More", "the page's “More” menu")
    click_visible(app, ("menu item", "push button", "check menu item"),
                  r"(_Delete Participant… )?Delete Participant…", "“Delete Participant…”")
    click_visible(app, "push button", button("_Delete"), "the question's Delete button")
    find_one(app, "label", re.escape(f"{who} deleted"), "the toast with Undo", 10)
    if query(database, "SELECT count(*) FROM participants WHERE id = ?", participant) != [(1,)]:
        raise Failure("the participant was erased before the Undo period ended")
    session.ok("a participant is deleted and waits for its Undo")

    app_process.send_signal(signal.SIGTERM)
    status = app_process.wait(timeout=20)
    if status != 0:
        raise Failure(f"spor exited with status {status} on SIGTERM")
    if query(database, "SELECT count(*) FROM participants WHERE id = ?", participant) != [(0,)]:
        raise Failure("the deletion was lost: the participant is still in the database")
    if query(database, "SELECT count(*) FROM participants") != [(total - 1,)]:
        raise Failure("other participants went with the deletion")
    session.ok("SIGTERM during the Undo period erases the participant before spor exits")


if __name__ == "__main__":
    spor_atspi.main(test, "spor-live-", TOTAL_SECONDS)
