#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-export-cli.py — what `spor --export` and `spor --export-ics` may write, and where

Usage: test-export-cli.py PATH-TO-SPOR

The database (and SQLite's files beside it) is refused as a target however it is named; a
full disk (a file size limit) and SIGKILL while writing leave nothing behind; exported
files are 0600; a full file says how many participants without consent were left out; a
block from year 1 to 9999 exports in seconds.
"""

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

SPOR = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="spor-export-cli-")
ENV = dict(os.environ, GSETTINGS_BACKEND="memory", XDG_DATA_HOME=os.path.join(WORK, "data-home"))
ENV.pop("DISPLAY", None)
ENV.pop("WAYLAND_DISPLAY", None)

step = 0
failures = 0


def check(what, ok, detail=""):
    global step, failures
    step += 1
    if ok:
        print(f"ok {step} - {what}", flush=True)
    else:
        failures += 1
        print(f"not ok {step} - {what}", flush=True)
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}", flush=True)


def spor(*args, limit=None, timeout=300):
    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([SPOR, *args], env=ENV, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limited if limit else None)


def listing(folder):
    return sorted(os.listdir(folder))


def records(path):
    """The records of an exchange file, without its header (time and site)"""
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[5:]


def query(db, sql):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def database_refused(db, out):
    before = os.path.join(WORK, "before.json")
    spor("--database", db, "--export", before)
    os.symlink(db, os.path.join(out, "link.json"))
    os.mkdir(os.path.join(out, "sub"))
    targets = [db, db + "-wal", db + "-shm", db + "-journal", os.path.join(out, "link.json"),
               os.path.join(out, "sub", "..", "..", os.path.basename(db))]
    for target in targets:
        name = target[len(WORK) + 1:]
        for option in ("--export", "--export-ics"):
            result = spor("--database", db, option, target)
            check(f"{option} {name} exits 1", result.returncode == 1,
                  result.stdout + result.stderr)
            check(f"{option} {name} says why",
                  "is the database Spor is working on" in result.stderr, result.stderr)
    after = os.path.join(WORK, "after.json")
    result = spor("--database", db, "--export", after)
    check("the database still opens and has every record",
          result.returncode == 0 and records(before) == records(after), result.stderr)
    check("nothing was written beside it", listing(out) == ["link.json", "sub"], listing(out))
    os.unlink(os.path.join(out, "link.json"))
    os.rmdir(os.path.join(out, "sub"))
    os.unlink(before)
    os.unlink(after)


def private_and_counted(db, out):
    json_path = os.path.join(out, "spor.json")
    ics_path = os.path.join(out, "blokke.ics")
    without = query(db, "SELECT count(*) FROM participants WHERE NOT "
                        "(consent_sharing = 1 AND consent_withdrawn_date IS NULL)")
    old_umask = os.umask(0o022)
    try:
        result = spor("--database", db, "--export", json_path)
        check("--export exits 0", result.returncode == 0, result.stderr)
        check("--export says how many were left out",
              result.stdout.strip() == f"{without} participants without consent to share were left out",
              result.stdout)
        result = spor("--database", db, "--export-ics", ics_path)
        check("--export-ics exits 0", result.returncode == 0, result.stderr)
    finally:
        os.umask(old_umask)
    for path in (json_path, ics_path):
        mode = os.stat(path).st_mode & 0o777
        check(f"{os.path.basename(path)} is 0600", mode == 0o600, oct(mode))
    os.unlink(json_path)
    os.unlink(ics_path)


def full_disk(db, out):
    old = os.path.join(out, "old.json")
    with open(old, "w", encoding="utf-8") as f:
        f.write("earlier")
    for name in ("new.json", "old.json"):
        target = os.path.join(out, name)
        result = spor("--database", db, "--export", target, limit=64 * 1024)
        check(f"a full disk: --export to {name} exits 1", result.returncode == 1, result.stderr)
        check(f"a full disk: the message says so ({name})",
              "was not written" in result.stderr and "File too large" in result.stderr,
              result.stderr)
        check(f"a full disk leaves nothing behind ({name})", listing(out) == ["old.json"],
              listing(out))
    with open(old, encoding="utf-8") as f:
        check("a full disk leaves the earlier file as it was", f.read() == "earlier")
    os.unlink(old)


def writing_nameless(pid, folder):
    """Whether process @pid is writing a file in @folder that has no name yet (O_TMPFILE):
    open, with data in it"""
    fds = f"/proc/{pid}/fd"
    try:
        for fd in os.listdir(fds):
            try:
                link = os.readlink(os.path.join(fds, fd))
                if link.startswith(folder + "/") and link.endswith("(deleted)") \
                        and os.stat(os.path.join(fds, fd)).st_size > 0:
                    return True
            except OSError:
                continue
    except OSError:
        pass
    return False


def killed(db, out):
    old = os.path.join(out, "old.json")
    with open(old, "w", encoding="utf-8") as f:
        f.write("earlier")
    for name in ("new.json", "old.json"):
        process = subprocess.Popen([SPOR, "--database", db, "--export", os.path.join(out, name)],
                                   env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not writing_nameless(process.pid, out) and process.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.005)
        at_work = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        check(f"--export to {name} was killed while writing",
              at_work and process.returncode == -signal.SIGKILL, process.returncode)
        check(f"a killed export leaves nothing behind ({name})", listing(out) == ["old.json"],
              listing(out))
    with open(old, encoding="utf-8") as f:
        check("a killed export leaves the earlier file as it was", f.read() == "earlier")
    os.unlink(old)


def absurd_period(db, out):
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "INSERT INTO blocks (uuid, created_at, updated_at, title, kind, weekdays, "
            "start_time, end_time, period_start, period_end) VALUES "
            "('0190f0c4-5b7e-7c1a-9d3e-2f4a6b8c0d1e', '2026-01-05T10:00:00.000000Z', "
            "'2026-01-05T10:00:00.000000Z', 'Altid', 'weekly', 127, '09:00', '10:00', "
            "'0001-01-01', '9999-12-31')")
    connection.close()
    ics = os.path.join(out, "altid.ics")
    started = time.monotonic()
    result = spor("--database", db, "--export-ics", ics, timeout=60)
    seconds = time.monotonic() - started
    check("a block from year 1 to 9999 exports", result.returncode == 0, result.stderr)
    check(f"in bounded time ({seconds:.1f} s)", seconds < 20)
    with open(ics, encoding="utf-8") as f:
        text = f.read()
    check("its rule is written, not expanded",
          "DTSTART;TZID=Europe/Copenhagen:00010101T090000" in text
          and "UNTIL=30001231T225959Z" in text and len(text) < 1024 * 1024, len(text))
    os.unlink(ics)


def main():
    try:
        db = os.path.join(WORK, "spor.db")
        out = os.path.join(WORK, "out")
        os.mkdir(out)
        result = spor("--database", db, "--create-sample", "60")
        check("sample database made", result.returncode == 0, result.stderr)
        database_refused(db, out)
        private_and_counted(db, out)
        full_disk(db, out)
        absurd_period(db, out)

        big = os.path.join(WORK, "big.db")
        result = spor("--database", big, "--create-sample", "1500")
        check("large sample database made", result.returncode == 0, result.stderr)
        killed(big, out)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print(f"1..{step}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
