# spor_atspi.py — what the end-to-end tests share: a display and a session bus, and driving
# the application through AT-SPI as a screen reader does (accessible actions, editable text
# and values, never screen coordinates).
#
# Importing this module re-executes the test under xvfb-run and dbus-run-session when it
# has no display or session bus, and skips it (exit status 77) when pyatspi is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(SKIP)


def reexec_if_needed():
    """A display and a session bus are needed; make them when the caller has none."""
    if os.environ.get("SPOR_TEST_E2E_WRAPPED") == "1":
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
        env = dict(os.environ, SPOR_TEST_E2E_WRAPPED="1")
        os.execvpe(wrapper[0], wrapper + [sys.executable] + sys.argv, env)


reexec_if_needed()

try:
    import pyatspi  # noqa: E402  (after the re-exec: it needs the session bus)
except ImportError as error:
    skip(f"pyatspi is not available: {error}")


class Failure(Exception):
    pass


def run(main, seconds):
    """Runs main() with a time limit; a Failure outside its steps is one "not ok" line."""
    def on_alarm(signum, frame):
        raise Failure(f"the test took longer than {seconds} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"not ok - {failure}", flush=True)
        sys.exit(1)


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


def walk(root, limit=30000):
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


def states(accessible):
    return safe(lambda: accessible.getState().getStates(), []) or []


def is_showing(accessible):
    return pyatspi.STATE_SHOWING in states(accessible)


def is_pressed(accessible):
    return pyatspi.STATE_PRESSED in states(accessible) or pyatspi.STATE_CHECKED in states(accessible)


def actions(accessible):
    action = safe(accessible.queryAction)
    if action is None:
        return None, []
    return action, [safe(lambda: action.getName(i), "") for i in range(action.nActions)]


def click(accessible):
    """The widget's own action: click, or activate, press or toggle where it has no click."""
    action, names = actions(accessible)
    for wanted in ("click", "activate", "press", "toggle"):
        if wanted in names:
            if not action.doAction(names.index(wanted)):
                raise Failure(f"the {wanted} action of “{name(accessible)}” failed")
            return
    raise Failure(f"{role(accessible)} “{name(accessible)}” has no click action: {names}")


def set_text(accessible, text):
    editable = safe(accessible.queryEditableText)
    if editable is None:
        raise Failure(f"{role(accessible)} “{name(accessible)}” is not editable")
    editable.setTextContents(text)


def set_value(accessible, value):
    holder = safe(accessible.queryValue)
    if holder is None:
        raise Failure(f"“{name(accessible)}” has no value")
    holder.currentValue = value


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


def find_all(root, roles, pattern):
    """The accessibles under root with one of @roles (a name or a tuple) whose whole name
    matches the regular expression @pattern."""
    regex = re.compile(pattern)
    if isinstance(roles, str):
        roles = (roles,)
    return [node for node in walk(root)
            if role(node) in roles and regex.fullmatch(name(node))]


def find_one(root, roles, pattern, what, timeout=10):
    return wait_for(what, lambda: find_all(root, roles, pattern), timeout)[0]


def click_visible(app, roles, pattern, what, timeout=15):
    """Clicks the first of the matching widgets whose click works (only visible ones do)."""
    def attempt():
        for node in find_all(app, roles, pattern):
            try:
                click(node)
                return True
            except Failure:
                continue
        return False
    wait_for(what, attempt, timeout)


def window_view():
    """The state of win.view of the first window, read over D-Bus."""
    result = subprocess.run(["gdbus", "call", "--session",
                             "--dest", "dk.kulturspor.Spor",
                             "--object-path", "/dk/kulturspor/Spor/window/1",
                             "--method", "org.gtk.Actions.Describe", "view"],
                            capture_output=True, text=True, timeout=10)
    match = re.search(r"\[<'([a-z]+)'>\]", result.stdout)
    return match.group(1) if match else None


def query(database, sql, *args):
    """Reads the database file the app writes (WAL: a reader sees committed data)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(sql, args).fetchall()


def button(label):
    """GTK 4.8 names a button with a mnemonic “_Label Label”."""
    plain = re.escape(label.replace("_", ""))
    return rf"(_?{plain} ?|{re.escape(label)} )?{plain}"


def activate(action, parameter="[]", path="/dk/kulturspor/Spor/window/1"):
    """Activates an action of the first window (or, with @path, of the application) over
    D-Bus, as a menu or a shortcut would."""
    subprocess.run(["gdbus", "call", "--session", "--dest", "dk.kulturspor.Spor",
                    "--object-path", path,
                    "--method", "org.gtk.Actions.Activate", action, parameter, "{}"],
                   check=True, stdout=subprocess.DEVNULL, timeout=10)


def select_tab(app, label, timeout=15):
    """Clicks the view switcher tab @label until one is selected. The header bar holds a
    wide and a narrow switcher and the bottom bar a third; only the one on screen can be
    clicked, and AT-SPI in GTK 4.8 does not say which it is."""
    for tab in wait_for(f"the {label} tab",
                        lambda: find_all(app, "page tab", re.escape(label)), timeout):
        click(tab)
        try:
            wait_for(f"the {label} tab to be selected", lambda: is_pressed(tab), 1.5)
            return
        except Failure:
            continue
    raise Failure(f"no {label} tab could be selected")


class Session:
    """One run of spor for a test: a temporary folder that holds its database, settings and
    files, the environment it runs in, the process and the test's numbered TAP steps."""

    def __init__(self, spor, prefix, env):
        self.spor = spor
        self.work = tempfile.mkdtemp(prefix=prefix)
        self.database = self.path("spor.db")
        self.env = dict(os.environ,
                        GTK_A11Y="atspi",
                        GSK_RENDERER="cairo",
                        GSETTINGS_BACKEND="memory",
                        XDG_DATA_HOME=self.path("data"),
                        XDG_CONFIG_HOME=self.path("config"),
                        XDG_STATE_HOME=self.path("state"),
                        LC_ALL="C.UTF-8",
                        LANGUAGE="")
        self.env.update({key: value.format(work=self.work) for key, value in env.items()})
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.pop("SPOR_BENCH", None)
        self.process = None
        self.step = 0

    def path(self, name):
        return os.path.join(self.work, name)

    def command(self, *args, database=None, **kwargs):
        """Runs spor's command line on @database (the session's own by default)."""
        kwargs.setdefault("timeout", 60)
        if not kwargs.get("capture_output"):
            kwargs.setdefault("stdout", subprocess.DEVNULL)
            kwargs.setdefault("check", True)
        return subprocess.run([self.spor, "--database", database or self.database, *args],
                              env=self.env, **kwargs)

    def start(self):
        """Starts the window on the session's database; returns its accessible application."""
        # SPOR_E2E_WRAP="gdb -batch -ex run -ex bt --args" shows where spor crashed, if it does
        wrap = os.environ.get("SPOR_E2E_WRAP", "").split()
        self.process = subprocess.Popen(wrap + [self.spor, "--database", self.database],
                                        env=self.env)
        return wait_for("spor on the accessibility bus", lambda: find_app(self.process.pid), 20)

    def ok(self, text):
        self.step += 1
        print(f"ok {self.step} - {text}", flush=True)

    def quit(self):
        """Quits through the application's "quit" action; spor must exit cleanly."""
        activate("quit", path="/dk/kulturspor/Spor")
        status = self.process.wait(timeout=10)
        if status != 0:
            raise Failure(f"spor exited with status {status}")

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def main(test, prefix, seconds, **env):
    """Runs test(session) as a TAP test of the spor given on the command line, within
    @seconds; @env is added to the environment (“{work}” stands for the session's folder)."""
    def body():
        if len(sys.argv) != 2:
            print(f"usage: {os.path.basename(sys.argv[0])} PATH-TO-SPOR", file=sys.stderr)
            return 2
        # The accessibility bus must answer before anything is started.
        try:
            wait_for("the AT-SPI registry", lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
        except Exception as error:
            skip(f"AT-SPI is not available: {error}")
        session = Session(os.path.abspath(sys.argv[1]), prefix, env)
        try:
            test(session)
        except Failure as failure:
            print(f"not ok {session.step + 1} - {failure}", flush=True)
            return 1
        finally:
            session.close()
        print(f"1..{session.step}")
        return 0

    run(body, seconds)
