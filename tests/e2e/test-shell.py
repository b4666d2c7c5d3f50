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
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
TOTAL_SECONDS = 55


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(SKIP)


def reexec_if_needed():
    """A display and a session bus are needed; make them when the caller has none."""
    if os.environ.get("SPOR_TEST_SHELL_WRAPPED") == "1":
        return
    wrapper = []
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        if shutil.which("xvfb-run") is None:
            skip("no display and no xvfb-run")
        wrapper += ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if shutil.which("dbus-run-session") is None:
            skip("no session bus and no dbus-run-session")
        wrapper += ["dbus-run-session", "--"]
    if wrapper:
        env = dict(os.environ, SPOR_TEST_SHELL_WRAPPED="1")
        os.execvpe(wrapper[0], wrapper + [sys.executable] + sys.argv, env)


reexec_if_needed()

try:
    import pyatspi
except ImportError as error:
    skip(f"pyatspi is not available: {error}")


class Failure(Exception):
    pass


def on_alarm(signum, frame):
    raise Failure(f"the test took longer than {TOTAL_SECONDS} s")


def safe(getter, default=None):
    try:
        return getter()
    except Exception:
        return default


def children(accessible):
    count = safe(lambda: accessible.childCount, 0) or 0
    for i in range(count):
        child = safe(lambda: accessible.getChildAtIndex(i))
        if child is not None:
            yield child


def walk(root, limit=20000):
    """Every accessible under root, breadth first."""
    queue = [root]
    seen = 0
    while queue and seen < limit:
        node = queue.pop(0)
        seen += 1
        yield node
        queue.extend(children(node))


def role(accessible):
    return safe(lambda: accessible.getRoleName(), "")


def name(accessible):
    return safe(lambda: accessible.name, "") or ""


def actions(accessible):
    action = safe(accessible.queryAction)
    if action is None:
        return None, []
    return action, [safe(lambda: action.getName(i), "") for i in range(action.nActions)]


def click(accessible):
    action, names = actions(accessible)
    if "click" not in names:
        raise Failure(f"{role(accessible)} “{name(accessible)}” has no click action: {names}")
    if not action.doAction(names.index("click")):
        raise Failure(f"the click action of “{name(accessible)}” failed")


def wait_for(what, find, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.25)
    raise Failure(f"timed out after {timeout} s waiting for {what}")


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if safe(app.get_process_id) == pid or name(app) == "spor":
            return app
    return None


def find_all(root, wanted_role, pattern):
    regex = re.compile(pattern)
    return [node for node in walk(root)
            if role(node) == wanted_role and regex.fullmatch(name(node))]


def is_pressed(accessible):
    states = safe(lambda: accessible.getState().getStates(), []) or []
    return pyatspi.STATE_PRESSED in states or pyatspi.STATE_CHECKED in states


def window_view():
    """The state of win.view of the first window, read over D-Bus."""
    result = subprocess.run(["gdbus", "call", "--session",
                             "--dest", "dk.kulturspor.Spor",
                             "--object-path", "/dk/kulturspor/Spor/window/1",
                             "--method", "org.gtk.Actions.Describe", "view"],
                            capture_output=True, text=True, timeout=10)
    match = re.search(r"\[<'([a-z]+)'>\]", result.stdout)
    return match.group(1) if match else None


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
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TOTAL_SECONDS)
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"not ok - {failure}", flush=True)
        sys.exit(1)
