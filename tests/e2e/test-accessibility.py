#!/usr/bin/python3
# test-accessibility.py — what a screen reader finds in the window, and that it may open and
# close the secondary windows as often as it likes
#
# On a small invented sample, with G_DEBUG=fatal-criticals (a critical warning ends the
# program, so it is a failure here): walks the whole accessible tree and fails on any name
# with a mnemonic underscore ("_New Participant New Participant"); then opens and closes
# Preferences, the Enrol dialog and a start agreement a few rounds each through AT-SPI,
# walking each window while it is open, and checks that spor is still running.
#
# Usage: test-accessibility.py PATH-TO-SPOR [ROUNDS]
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
from spor_atspi import (  # noqa: E402
    Failure, children, click, find_all, find_app, is_showing, name, pyatspi, query, role,
    run, skip, wait_for, walk,
)

TOTAL_SECONDS = 240
# A mnemonic: an underscore before a letter or digit ("_Save", "S_tart")
MNEMONIC = re.compile(r"_[^\W_]")


def names_with_mnemonics(root):
    return sorted({f"{role(node)} “{name(node)}”" for node in walk(root) if MNEMONIC.search(name(node))})


def activate(action, parameter="[]", path="/dk/kulturspor/Spor"):
    subprocess.run(["gdbus", "call", "--session", "--dest", "dk.kulturspor.Spor",
                    "--object-path", path, "--method", "org.gtk.Actions.Activate",
                    action, parameter, "{}"],
                   check=True, stdout=subprocess.DEVNULL, timeout=10)


def window_named(app, pattern):
    regex = re.compile(pattern)
    for window in children(app):
        if regex.fullmatch(name(window)):
            return window
    return None


def click_shown(root, roles, pattern, what, timeout=10):
    """Clicks the matching widget that is on screen (GTK 4.8 lists hidden ones too; the
    window's own buttons in its title bar do not say they are showing)."""
    def attempt():
        found = find_all(root, roles, pattern)
        for node in [n for n in found if is_showing(n)] or found[:1]:
            click(node)
            return True
        return False
    wait_for(what, attempt, timeout)


def main():
    if len(sys.argv) not in (2, 3):
        print("usage: test-accessibility.py PATH-TO-SPOR [ROUNDS]", file=sys.stderr)
        return 2
    spor = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) == 3 else 3

    try:
        wait_for("the AT-SPI registry", lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    except Exception as error:
        skip(f"AT-SPI is not available: {error}")

    # No underscore in the folder's name: file paths are shown in the window
    work = tempfile.mkdtemp(prefix="spor-a11y-")
    if "_" in work:
        os.rename(work, work.replace("_", "x"))
        work = work.replace("_", "x")
    database = os.path.join(work, "spor.db")
    env = dict(os.environ,
               GTK_A11Y="atspi",
               GSK_RENDERER="cairo",
               GSETTINGS_BACKEND="memory",
               G_DEBUG="fatal-criticals",
               XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               LC_ALL="C.UTF-8",
               LANGUAGE="")
    env.pop("NO_AT_BRIDGE", None)

    subprocess.run([spor, "--database", database, "--create-sample", "20"], env=env,
                   check=True, stdout=subprocess.DEVNULL, timeout=60)
    app_process = subprocess.Popen([spor, "--database", database], env=env)
    step = 0

    def ok(text):
        nonlocal step
        step += 1
        print(f"ok {step} - {text}", flush=True)

    def alive(what):
        if app_process.poll() is not None:
            raise Failure(f"spor ended (status {app_process.returncode}) {what}")

    try:
        app = wait_for("spor on the accessibility bus", lambda: find_app(app_process.pid), 20)
        main_window = wait_for("the main window", lambda: window_named(app, "Spor"), 10)
        time.sleep(1)
        found = names_with_mnemonics(main_window)
        if found:
            raise Failure("accessible names with a mnemonic underscore: " + "; ".join(found))
        ok("no accessible name in the main window carries a mnemonic underscore")

        (participant,) = query(database, "SELECT id FROM participants WHERE status = 'active' "
                                         "ORDER BY id LIMIT 1")[0]
        window_path = "/dk/kulturspor/Spor/window/1"

        def preferences():
            activate("preferences")
            return wait_for("Preferences", lambda: window_named(app, "Preferences"), 10)

        def agreement():
            activate("show-participant", f"[<int64 {participant}>]", window_path)
            click_shown(app, "push button", r"Open", "the start agreement’s Open button")
            return wait_for("the start agreement", lambda: window_named(app, r"Start Agreement.*"), 10)

        def enrol():
            activate("view", "[<'programmes'>]", window_path)
            click_shown(app, "push button", r"Enrol a Participant in .*", "an Enrol… button")
            return wait_for("the Enrol dialog", lambda: window_named(app, r"Enrol.*"), 10)

        for title, opener in (("Preferences", preferences), ("the start agreement", agreement),
                              ("the Enrol dialog", enrol)):
            for i in range(rounds):
                window = opener()
                found = names_with_mnemonics(window)
                if found:
                    raise Failure(f"names with a mnemonic underscore in {title}: " + "; ".join(found))
                window_name = name(window)
                click_shown(window, "push button", r"Close|Cancel", f"the Close button of {title}")
                wait_for(f"{title} to close", lambda: window_named(app, re.escape(window_name)) is None, 10)
                alive(f"after closing {title} (round {i + 1})")
            ok(f"{title} opens and closes {rounds} times with the accessibility bus active")
        alive("at the end")
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
