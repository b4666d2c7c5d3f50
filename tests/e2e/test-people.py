#!/usr/bin/python3
# test-people.py — People & Places from an empty database, driven the way a screen reader
# drives it
#
# Starts the real spor binary on a new file, chooses "Start Empty", and in People & Places
# creates an organisation, a location, an external contact and a staff member with two
# roles; then, in a new participant's form, makes a referring contact in place with the
# picker's "New Contact…": the picker shows it chosen and the saved participant names it.
# (GTK 4.8 gives a combo box no accessible action, so the lists the pickers offer are checked
# in tests/gui/test-people-view.c.) Each step is checked in the database file itself. Only
# accessible actions and editable text are used, never screen coordinates.
#
# Usage: test-people.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
from spor_atspi import (  # noqa: E402
    Failure, children, click, find_all, find_app, find_one, name, pyatspi, query, role, run,
    set_text, skip, wait_for, walk, window_view,
)

TOTAL_SECONDS = 160
TEXT_ROLES = ("text", "entry", "editbar")


def button(label):
    """GTK 4.8 names a button with a mnemonic “_Label Label”."""
    return rf"(_?{re.escape(label.replace('_', ''))} ?|{re.escape(label)} )?{re.escape(label.replace('_', ''))}"


def window_named(app, pattern):
    regex = re.compile(pattern)
    for window in children(app):
        if regex.fullmatch(name(window)):
            return window
    return None


def click_tab(app, label, done):
    """Clicks each tab named @label (GTK 4.8 does not say which switcher is on screen) until
    @done() holds."""
    tabs = wait_for(f"the {label} tab",
                    lambda: [node for node in walk(app)
                             if role(node) == "page tab" and name(node) == label], 10)
    for tab in tabs:
        click(tab)
        try:
            wait_for(f"the {label} page", done, 2)
            return
        except Failure:
            continue
    raise Failure(f"no {label} tab could be selected")


def fill_form(app, title, fields, roles=()):
    """Opens nothing: fills the form window @title that is open, ticks @roles, saves."""
    form = wait_for(f"the form “{title}”", lambda: window_named(app, re.escape(title)), 10)
    for label, text in fields:
        set_text(find_one(form, TEXT_ROLES, re.escape(label), f"the field “{label}”"), text)
    for label in roles:
        click(find_one(form, ("switch", "toggle button", "check box"), rf"{re.escape(label)}( {re.escape(label)})?",
                       f"the role “{label}”"))
    click(find_one(form, "push button", button("_Save"), "the Save button"))
    wait_for(f"the form “{title}” to close", lambda: window_named(app, re.escape(title)) is None, 10)


def main():
    if len(sys.argv) != 2:
        print("usage: test-people.py PATH-TO-SPOR", file=sys.stderr)
        return 2
    spor = os.path.abspath(sys.argv[1])

    try:
        wait_for("the AT-SPI registry", lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    except Exception as error:
        skip(f"AT-SPI is not available: {error}")

    work = tempfile.mkdtemp(prefix="spor-people-")
    database = os.path.join(work, "spor.db")
    env = dict(os.environ,
               GTK_A11Y="atspi",
               GSK_RENDERER="cairo",
               GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_STATE_HOME=os.path.join(work, "state"),
               LC_ALL="C.UTF-8",
               LANGUAGE="")
    env.pop("NO_AT_BRIDGE", None)
    app_process = subprocess.Popen([spor, "--database", database], env=env)
    step = 0

    def ok(text):
        nonlocal step
        step += 1
        print(f"ok {step} - {text}", flush=True)

    try:
        app = wait_for("spor on the accessibility bus", lambda: find_app(app_process.pid), 20)
        click(find_one(app, "push button", r"Start Empty", "the “Start Empty” button", 15))
        click_tab(app, "People & Places", lambda: window_view() == "people")
        find_one(app, "label", r"No Staff Yet", "the empty staff list")
        ok("an empty site's People & Places says there is no staff yet")

        click_tab(app, "Organisations",
                  lambda: find_all(app, "push button", r"New Organisation…"))
        click(find_one(app, "push button", r"New Organisation…", "“New Organisation…”"))
        fill_form(app, "New Organisation", [("Name", "Testby Bibliotek"), ("Address", "Torvet 1")])
        wait_for("the organisation in the database",
                 lambda: query(database, "SELECT name, kind FROM organisations")
                 == [("Testby Bibliotek", "library")], 10)
        ok("an organisation is created")

        click_tab(app, "Locations", lambda: find_all(app, "push button", r"New Location…"))
        click(find_one(app, "push button", r"New Location…", "“New Location…”"))
        fill_form(app, "New Location", [("Name", "Kulturskolen Testby"), ("Rooms", "Værkstedet")])
        wait_for("the location in the database",
                 lambda: query(database, "SELECT name, rooms FROM locations")
                 == [("Kulturskolen Testby", "Værkstedet")], 10)
        ok("a location is created")

        click_tab(app, "Contacts", lambda: find_all(app, "push button", r"New Contact…"))
        click(find_one(app, "push button", r"New Contact…", "“New Contact…”"))
        fill_form(app, "New Contact", [("Name", "Karin Kontakt"), ("Role or Title", "Sagsbehandler")])
        wait_for("the contact in the database",
                 lambda: query(database, "SELECT name, title, active FROM contacts")
                 == [("Karin Kontakt", "Sagsbehandler", 1)], 10)
        ok("an external contact is created")

        click_tab(app, "Staff", lambda: find_all(app, "push button", r"New Staff Member…"))
        click(find_one(app, "push button", r"New Staff Member…", "“New Staff Member…”"))
        fill_form(app, "New Staff Member", [("Name", "Anna Testsen"), ("Hours a Week", "12")],
                  roles=("Adviser", "Creative professional"))
        wait_for("the staff member and two roles in the database",
                 lambda: query(database, "SELECT s.name, s.weekly_hours, group_concat(r.role) "
                                         "FROM staff s JOIN (SELECT * FROM staff_roles ORDER BY role) r "
                                         "ON r.staff_id = s.id GROUP BY s.id")
                 == [("Anna Testsen", 12.0, "adviser,creative")], 10)
        find_one(app, "label", r"adviser, creative professional", "the staff member's roles in the list")
        ok("a staff member with two roles is created and listed")

        click_tab(app, "Participants", lambda: window_view() == "participants")
        # The header's and the empty page's buttons both say so; GTK 4.8 lists the hidden one
        # too, so each is tried until the form opens.
        editor = None
        for new in wait_for("the “New Participant” button",
                            lambda: find_all(app, "push button", r"(_New Participant )?New Participant"), 10):
            click(new)
            try:
                editor = wait_for("the participant form", lambda: window_named(app, r"New Participant"), 3)
                break
            except Failure:
                continue
        if editor is None:
            raise Failure("no “New Participant” button opened the form")
        find_one(editor, "combo box", r"Contact person", "the contact person picker")
        find_one(editor, "push button", r"New Staff Member…", "the picker's “New Staff Member…”")
        ok("the participant form's pickers can make staff and contacts in place")

        click(find_one(editor, "push button", r"New Contact…", "the picker's “New Contact…”"))
        fill_form(app, "New Contact", [("Name", "Lars Nykontakt")])
        # the picker shows the contact made in it as chosen
        find_one(editor, "label", r"Lars Nykontakt", "the new contact chosen in the picker")
        set_text(find_one(editor, TEXT_ROLES, r"Name", "the participant's name"), "Dorte Deltager")
        click(find_one(editor, "push button", button("_Save"), "the participant's Save button"))
        wait_for("the participant naming the new contact",
                 lambda: query(database, "SELECT c.name FROM participants p "
                                         "JOIN contacts c ON c.id = p.referral_contact_id")
                 == [("Lars Nykontakt",)], 10)
        ok("a referring contact made in the picker is chosen and saved")

        subprocess.run(["gdbus", "call", "--session",
                        "--dest", "dk.kulturspor.Spor",
                        "--object-path", "/dk/kulturspor/Spor",
                        "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}"],
                       check=True, stdout=subprocess.DEVNULL, timeout=10)
        status = app_process.wait(timeout=10)
        if status != 0:
            raise Failure(f"spor exited with status {status}")
        ok("spor quits through its quit action")
    except Failure as failure:
        print(f"not ok {step + 1} - {failure}", flush=True)
        return 1
    finally:
        if app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        shutil.rmtree(work, ignore_errors=True)

    print(f"1..{step}")
    return 0


if __name__ == "__main__":
    run(main, TOTAL_SECONDS)
