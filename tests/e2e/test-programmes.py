#!/usr/bin/python3
# test-programmes.py — programmes, cohorts and phase progress, driven the way a screen
# reader drives them
#
# Makes a small sample database, starts the real spor binary on it, creates a programme from
# the Aspiranterne template, renames it, starts a cohort (after a refused bad date), enrols a
# participant, and advances the participant to the first phase from the Timeline view's phase
# stepper. Each step is checked in the database file itself. Only accessible actions and
# editable text are used, never screen coordinates.
#
# Usage: test-programmes.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi  # noqa: E402
from spor_atspi import (  # noqa: E402
    Failure, click, is_showing, name, pyatspi, query, role, set_text, states, wait_for, walk,
    window_view,
)

TOTAL_SECONDS = 110


def find_all(root, roles, pattern):
    """Matching widgets, breadth first, so that a page's own fields come before those nested
    deeper. GTK 4.8 keeps hidden widgets in the tree and rarely reports "showing": the ones
    reported as showing come first, then the visible ones."""
    regex = re.compile(pattern)
    if isinstance(roles, str):
        roles = (roles,)
    found = [node for node in walk(root)
             if role(node) in roles and regex.fullmatch(name(node))
             and pyatspi.STATE_VISIBLE in states(node)]
    return [n for n in found if is_showing(n)] + [n for n in found if not is_showing(n)]


def find_one(root, roles, pattern, what, timeout=10):
    return wait_for(what, lambda: find_all(root, roles, pattern), timeout)[0]


def show_view(app, label):
    """Clicks the view switcher tab that is on screen, until win.view says so."""
    # Three switchers hold the tab (wide, narrow, bottom bar); AT-SPI in GTK 4.8 does not say
    # which is on screen, so each is tried.
    tabs = wait_for(f"the {label} tab",
                    lambda: [node for node in walk(app)
                             if role(node) == "page tab" and name(node) == label], 10)
    for tab in tabs:
        click(tab)
        try:
            wait_for(f"the {label} view", lambda: window_view() == label.lower(), 2)
            return
        except Failure:
            continue
    raise Failure(f"no {label} tab could be selected")


def test(session):
    database = session.database
    session.command("--create-sample", "30")
    today = datetime.date.today().isoformat()

    app = session.start()
    session.ok("spor appears on the accessibility bus")
    show_view(app, "Programmes")
    click(find_one(app, "push button", r"New from Template", "“New from Template”"))
    click(find_one(app, "push button", r"Aspiranterne", "the Aspiranterne template"))
    wait_for("a second Aspiranterne in the database",
             lambda: len(query(database, "SELECT id FROM programmes WHERE name = 'Aspiranterne'")) == 2,
             10)
    (programme,) = query(database, "SELECT max(id) FROM programmes")[0]
    phases = query(database, "SELECT name, duration, duration_unit FROM phases "
                             "WHERE programme_id = ? ORDER BY position", programme)
    if [p[0] for p in phases][1:4] != ["Storytelling", "Kulturelt iværksætterforløb",
                                       "Praktisk læring på kulturinstitutioner"] \
            or [p[1:] for p in phases][1:4] != [(1, "months"), (2, "months"), (3, "months")]:
        raise Failure(f"the template's phases are wrong: {phases}")
    session.ok("a programme is created from the Aspiranterne template with its phases")

    # The new programme is open in the editor: rename it so it sorts first everywhere.
    set_text(find_one(app, "text", r"Name", "the programme's name"), "Aa Testforløb")
    click(find_one(app, "push button", r"(_Save )?Save", "the programme's Save button"))
    wait_for("the new name in the database",
             lambda: query(database, "SELECT name FROM programmes WHERE id = ?", programme)
             == [("Aa Testforløb",)], 10)
    session.ok("the programme is renamed and saved")

    # A bad start date changes nothing.
    set_text(find_one(app, "text", r"Cohort Name", "the cohort name"), "E2E-hold")
    set_text(find_one(app, "text", r"Start Date", "the cohort start date"), "31-02-skrald")
    start = find_one(app, "push button", r"(Start _Cohort )?Start Cohort", "“Start Cohort”")
    click(start)
    time.sleep(1)
    if query(database, "SELECT count(*) FROM cohorts WHERE programme_id = ?", programme) != [(0,)]:
        raise Failure("a cohort was made from a bad date")
    session.ok("a bad start date is refused")

    set_text(find_one(app, "text", r"Start Date", "the cohort start date"), today)
    click(start)
    wait_for("the cohort in the database",
             lambda: query(database, "SELECT name, start_date FROM cohorts WHERE programme_id = ?",
                           programme) == [("E2E-hold", today)], 10)
    (cohort,) = query(database, "SELECT id FROM cohorts WHERE programme_id = ?", programme)[0]
    session.ok("a cohort is started today")

    click(find_one(app, "push button", r"Enrol a Participant in E2E-hold.*", "“Enrol…”"))
    candidate = find_one(app, "push button", r"Enrol (?!a Participant).+", "a participant to enrol")
    chosen = re.sub(r"^Enrol ", "", name(candidate)).strip()
    chosen = re.sub(r"\s*_?Enrol$", "", chosen)
    click(candidate)
    wait_for("the enrolment in the database",
             lambda: query(database, "SELECT count(*) FROM participants WHERE cohort_id = ?",
                           cohort) == [(1,)], 10)
    (participant, enrolled_name) = query(database, "SELECT id, name FROM participants "
                                                   "WHERE cohort_id = ?", cohort)[0]
    progress = query(database, "SELECT pp.state, pp.planned_start FROM phase_progress pp "
                               "JOIN phases ph ON ph.id = pp.phase_id "
                               "WHERE pp.participant_id = ? ORDER BY ph.position", participant)
    if len(progress) != 6 or progress[0] != ("planned", today):
        raise Failure(f"enrolment made the wrong phase progress: {progress}")
    if not enrolled_name.startswith(chosen.split()[0]):
        raise Failure(f"enrolled {enrolled_name}, but clicked {chosen}")
    session.ok("a participant is enrolled with planned phases from today")

    # The Timeline shows the new programme's cohort; its only row is selected and the phase
    # stepper beside the chart offers to advance.
    show_view(app, "Timeline")
    advance = find_one(app, "push button", r"(_Advance to Next Phase )?Advance to Next Phase",
                       "“Advance to Next Phase”", 15)
    wait_for("the stepper to show the participant",
             lambda: find_all(app, "label", re.escape(enrolled_name)), 10)
    click(advance)
    wait_for("the first phase to be active",
             lambda: query(database, "SELECT pp.state, pp.actual_start FROM phase_progress pp "
                                     "JOIN phases ph ON ph.id = pp.phase_id "
                                     "WHERE pp.participant_id = ? ORDER BY ph.position LIMIT 1",
                           participant) == [("active", today)], 10)
    session.ok("advancing from the timeline's phase stepper starts the first phase")

    click(advance)
    wait_for("the second phase to be active",
             lambda: [r[0] for r in query(database, "SELECT pp.state FROM phase_progress pp "
                                                    "JOIN phases ph ON ph.id = pp.phase_id "
                                                    "WHERE pp.participant_id = ? "
                                                    "ORDER BY ph.position LIMIT 2", participant)]
             == ["done", "active"], 10)
    session.ok("advancing again finishes the first phase and starts the second")

    session.quit()
    session.ok("spor quits through its quit action")


if __name__ == "__main__":
    spor_atspi.main(test, "spor-programmes-", TOTAL_SECONDS)
