#!/usr/bin/python3
# test-participants.py — participants, driven the way a screen reader drives them
#
# Starts the real spor binary on a new, empty database; adds a participant through the
# form, finds them again by a folded search ("soren" for "Søren"), writes and signs a start
# agreement, and exports it as PDF, whose text is then checked with pdftotext. Only
# accessible actions and editable text are used, never screen coordinates.
#
# Usage: test-participants.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi  # noqa: E402
from spor_atspi import (  # noqa: E402
    Failure, activate, button, children, click, find_all, find_one, name, query, set_text, wait_for,
)

TOTAL_SECONDS = 100


def click_any(candidates):
    for candidate in candidates:
        try:
            click(candidate)
            return
        except Failure:
            continue
    raise Failure(f"none of {len(candidates)} “{name(candidates[0])}” buttons could be clicked")


def click_any_when_shown(find, what, timeout):
    """Clicks one of the buttons find() gives once one of them answers (hidden ones with the
    same name, elsewhere in the window, do not)."""
    def attempt():
        try:
            click_any(find())
            return True
        except (Failure, IndexError):
            return False
    wait_for(what, attempt, timeout)


def window_named(app, pattern):
    regex = re.compile(pattern)
    for window in children(app):
        if regex.fullmatch(name(window)):
            return window
    return None


TEXT_ROLES = ("text", "entry", "editbar", "search box")


def test(session):
    pdf = session.env["SPOR_EXPORT_PATH"]
    app = session.start()
    click(find_one(app, "push button", r"Start Empty", "the “Start Empty” button", 15))
    # Two buttons say so (the header's and the empty page's); GTK 4.8 lists the hidden one
    # too and does not say which is on screen, so each is tried until the form opens.
    editor = None
    for new in wait_for("the “New Participant” button",
                        lambda: find_all(app, "push button", button("_New Participant")), 10):
        click(new)
        try:
            editor = wait_for("the participant form", lambda: window_named(app, r"New Participant"), 3)
            break
        except Failure:
            continue
    if editor is None:
        raise Failure("no “New Participant” button opened the form")
    session.ok("the new participant form opens")

    # A failed save keeps the form open and says why.
    click(find_one(editor, "push button", button("_Save"), "the Save button"))
    find_one(editor, "label", r"Name: A name is required.*", "the message on the name field")
    session.ok("saving without a name is refused with a message")

    set_text(find_one(editor, TEXT_ROLES, r"Name", "the name field"), "Søren Æblegrød")
    set_text(find_one(editor, TEXT_ROLES, r"E-mail", "the e-mail field"), "soeren@eksempel.invalid")
    set_text(find_one(editor, TEXT_ROLES, r"Phone", "the phone field"), "11 22 33 44")
    click(find_one(editor, "push button", button("_Save"), "the Save button"))
    wait_for("the form to close", lambda: window_named(app, r"New Participant") is None, 10)
    session.ok("a participant is added")

    search = find_one(app, TEXT_ROLES, r"Search participants", "the search field")
    set_text(search, "zzz")
    find_one(app, "label", r"0 participants", "no matches")
    set_text(search, "soren aeble")
    find_one(app, "label", r"1 participant", "one match for “soren aeble”")
    set_text(search, "11223344")
    find_one(app, "label", r"1 participant", "one match for the phone number")
    session.ok("the participant is found by a folded search and by phone")

    # The search for "zzz" closed her page (it no longer listed her): open it again
    (soeren,) = query(session.database, "SELECT id FROM participants WHERE name = ?", "Søren Æblegrød")[0]
    activate("show-participant", f"[<int64 {soeren}>]")

    # Only the button on screen answers its action (GTK 4.8 lists hidden ones too).
    click_any_when_shown(lambda: find_all(app, "push button", button("_Open")),
                         "the start agreement’s Open button", 10)
    agreement = wait_for("the agreement window", lambda: window_named(app, r"Start Agreement"), 10)
    set_text(find_one(agreement, TEXT_ROLES, r"Goals", "the goals field"),
             "Lære at sy en jakke og komme i praktik")
    set_text(find_one(agreement, TEXT_ROLES, r"Days and times.*", "the schedule field"),
             "Tuesday and Thursday 9–12")
    set_text(find_one(agreement, TEXT_ROLES, r"Hours a week", "the hours field"), "6")
    set_text(find_one(agreement, TEXT_ROLES, r"Adviser's name", "the adviser's name field"),
             "Rådgiver Prøve")
    click(find_one(agreement, "push button", button("_Sign"), "the Sign button"))
    find_one(agreement, "label", r"Version 1 · Signed .*", "the signed state")
    session.ok("the start agreement is filled in and signed")

    # A menu button shows as two buttons of one name; the inner one has the action.
    click_any(find_all(agreement, ("toggle button", "push button"), r"Print or Export"))
    click_any(wait_for("the Export as PDF item",
                       lambda: find_all(app, ("menu item", "push button", "check menu item"),
                                        r"(_Export as PDF… )?Export as PDF…"), 10))
    wait_for("the PDF", lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0, 15)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Søren Æblegrød", "Lære at sy en jakke", "Tuesday and Thursday",
                     "Rådgiver Prøve", "Signatures"):
        if expected not in text:
            raise Failure(f"the PDF does not contain “{expected}”")
    session.ok("the agreement is exported as a PDF with its text")


if __name__ == "__main__":
    spor_atspi.main(test, "spor-participants-", TOTAL_SECONDS,
                    SPOR_EXPORT_PATH="{work}/agreement.pdf")
