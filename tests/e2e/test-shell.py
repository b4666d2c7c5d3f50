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
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
from spor_atspi import (  # noqa: E402
    Failure, click, find_all, find_app, is_pressed, pyatspi, run, skip, wait_for, window_view,
)

TOTAL_SECONDS = 55


def main():
    if len(sys.argv) != 2:
        print("usage: test-shell.py PATH-TO-SPOR", file=sys.stderr)
        return 2
    spor = os.path.abspath(sys.argv[1])

    # The accessibility bus must answer before anything is started.
    try:
        wait_for("the AT-SPI registry", lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    except Exception as error:
        skip(f"AT-SPI is not available: {error}")

    work = tempfile.mkdtemp(prefix="spor-shell-")
    database = os.path.join(work, "spor.db")
    env = dict(os.environ,
               GTK_A11Y="atspi",
               GSK_RENDERER="cairo",
               GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               LC_ALL="C.UTF-8",
               LANGUAGE="")
    env.pop("NO_AT_BRIDGE", None)
    env.pop("SPOR_BENCH", None)

    app_process = subprocess.Popen([spor, "--database", database], env=env)
    step = 0

    def ok(text):
        nonlocal step
        step += 1
        print(f"ok {step} - {text}", flush=True)

    try:
        app = wait_for("spor on the accessibility bus", lambda: find_app(app_process.pid), 20)
        ok("spor appears on the accessibility bus")

        button = wait_for("the “Explore with Sample Data” button",
                          lambda: find_all(app, "push button", r"Explore with Sample Data"), 15)[0]
        click(button)
        ok("clicked “Explore with Sample Data”")

        # The participants view counts its list once the sample is in.
        wait_for("the participants count",
                 lambda: find_all(app, "label", r"[\d.,\s]+ participants?"), 30)
        ok("the views show the sample participants")

        tabs = {}
        for label in ("Participants", "Calendar", "Timeline", "Programmes"):
            found = find_all(app, "page tab", re.escape(label))
            if not found:
                raise Failure(f"no view switcher tab “{label}”")
            tabs[label] = found
        ok("the four view switcher tabs are there")

        # The header bar holds a wide and a narrow switcher and the bottom bar a third; only
        # the one on screen can be clicked, and AT-SPI in GTK 4.8 does not say which it is.
        selected = False
        for tab in tabs["Calendar"]:
            click(tab)
            try:
                wait_for("the Calendar tab to be selected", lambda: is_pressed(tab), 1.5)
                selected = True
                break
            except Failure:
                continue
        if not selected:
            raise Failure("no Calendar tab could be selected")
        if any(is_pressed(tab) for tab in find_all(app, "page tab", "Participants")):
            raise Failure("a Participants tab is still selected")
        view = window_view()
        if view != "calendar":
            raise Failure(f"win.view says the window shows “{view}”")
        ok("the Calendar view is selected")

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
