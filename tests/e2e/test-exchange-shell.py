#!/usr/bin/python3
# test-exchange-shell.py — Import… and Export… in the real application, through AT-SPI
#
# Starts spor on a small sample database, activates the main menu's Import… action, finds
# the import dialog and clicks “Choose File…”, which opens the file chooser; then Export…
# opens its dialog with the anonymise switch.
#
# Usage: test-exchange-shell.py PATH-TO-SPOR
# Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI, no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Makes a display and a session bus when there are none (see spor_atspi.py).
import spor_atspi as shell  # noqa: E402
from spor_atspi import activate  # noqa: E402

TOTAL_SECONDS = 90


def test(session):
    session.command("--create-sample", "3")

    app = session.start()
    shell.wait_for("the main window", lambda: shell.find_all(app, "page tab", "Participants"), 20)
    activate("import")
    choose = shell.wait_for("“Choose File…”",
                            lambda: shell.find_all(app, "push button", r"(Choose _File… )?Choose File…"), 10)[0]
    session.ok("Import… opens the import dialog")
    shell.click(choose)
    shell.wait_for("the file chooser's Open button",
                   lambda: shell.find_all(app, "push button", r"(_Open )?Open"), 10)
    session.ok("“Choose File…” opens the file chooser")
    # The preview and Apply are driven in tests/gui/test-import-dialog.c: GTK 4.8's file
    # chooser and the rows added to the preview are not reachable through AT-SPI.
    for button in shell.find_all(app, "push button", r"(_Cancel )?Cancel"):
        shell.safe(lambda: shell.click(button))
    time.sleep(0.5)
    activate("export")
    shell.wait_for("the anonymise switch",
                   lambda: shell.find_all(app, "label", "Anonymise"), 10)
    for button in shell.find_all(app, "push button", r"(_Cancel )?Cancel"):
        shell.safe(lambda: shell.click(button))
    session.ok("Export… opens the export dialog")

    session.quit()


if __name__ == "__main__":
    shell.main(test, "spor-exchange-shell-", TOTAL_SECONDS, GTK_USE_PORTAL="0")
