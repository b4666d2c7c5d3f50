#!/usr/bin/python3
# test-shell.py — the application shell, driven the way a screen reader drives it
#
# Starts the real spor binary on a new, empty database, finds "Explore with Sample Data"
# through AT-SPI and clicks it with its accessible action, waits until the views show the
# sample participants, switches to the Calendar through its view switcher tab, and quits
# through the application's "quit" action. No screen coordinates are used.
#
# Usage: test-shell.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi  # noqa: E402
from spor_atspi import (  # noqa: E402
    Failure, click, find_all, is_pressed, select_tab, wait_for, window_view,
)

TOTAL_SECONDS = 55


def test(session):
    app = session.start()
    session.ok("spor appears on the accessibility bus")

    button = wait_for("the “Explore with Sample Data” button",
                      lambda: find_all(app, "push button", r"Explore with Sample Data"), 15)[0]
    click(button)
    session.ok("clicked “Explore with Sample Data”")

    # The participants view counts its list once the sample is in.
    wait_for("the participants count",
             lambda: find_all(app, "label", r"[\d.,\s]+ participants?"), 30)
    session.ok("the views show the sample participants")

    for label in ("Participants", "Calendar", "Timeline", "Programmes"):
        if not find_all(app, "page tab", label):
            raise Failure(f"no view switcher tab “{label}”")
    session.ok("the four view switcher tabs are there")

    select_tab(app, "Calendar")
    if any(is_pressed(tab) for tab in find_all(app, "page tab", "Participants")):
        raise Failure("a Participants tab is still selected")
    view = window_view()
    if view != "calendar":
        raise Failure(f"win.view says the window shows “{view}”")
    session.ok("the Calendar view is selected")

    session.quit()
    session.ok("spor quits through its quit action")


if __name__ == "__main__":
    spor_atspi.main(test, "spor-shell-", TOTAL_SECONDS)
