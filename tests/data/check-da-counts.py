#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the Danish counts read right for one and for many, and that a word whose Danish
form follows the noun's gender ("None": Ingen or Intet) has it in each of its contexts.

Usage: check-da-counts.py PO_FILE MSGFMT

Compiles the catalogue with msgfmt and reads each counting message through Python's gettext,
which applies the catalogue's Plural-Forms as GLib's ngettext() does.
"""

import gettext
import subprocess
import sys
import tempfile
from pathlib import Path

# (singular, plural, n, what a Danish reader expects)
CASES = [
    ("%lu new", "%lu new", 1, "1 ny"),
    ("%lu new", "%lu new", 3, "3 nye"),
    ("%lu updated", "%lu updated", 1, "1 opdateret"),
    ("%lu updated", "%lu updated", 2, "2 opdaterede"),
    ("%lu unchanged", "%lu unchanged", 1, "1 uændret"),
    ("%lu unchanged", "%lu unchanged", 40, "40 uændrede"),
    ("%lu deleted", "%lu deleted", 1, "1 slettet"),
    ("%lu deleted", "%lu deleted", 5, "5 slettede"),
    ("%d place", "%d places", 1, "1 plads"),
    ("%d place", "%d places", 4, "4 pladser"),
    ("%u completed", "%u completed", 1, "1 gennemført"),
    ("%u completed", "%u completed", 3, "3 gennemførte"),
    ("%s – %s · %ld enrolled", "%s – %s · %ld enrolled", 1, "a – b · 1 tilmeldt"),
    ("%s – %s · %ld enrolled", "%s – %s · %ld enrolled", 8, "a – b · 8 tilmeldte"),
    ("Above capacity: %u participant for %s", "Above capacity: %u participants for %s", 1,
     "Over kapaciteten: 1 deltager til 0 pladser"),
    ("Above capacity: %u participant for %s", "Above capacity: %u participants for %s", 2,
     "Over kapaciteten: 2 deltagere til 1 plads"),
]


# (context, message, what a Danish reader expects): en medarbejder, et forløb, …
CONTEXTS = [
    ("staff member", "None", "Ingen"),
    ("contact", "None", "Ingen"),
    ("organisation", "None", "Ingen"),
    ("programme", "None", "Intet"),
    ("cohort", "None", "Intet"),
    ("location", "None", "Intet"),
    # dates as a Danish reader writes them: 01.12.2026
    ("date format", "%x", "%d.%m.%Y"),
]


def fill(text, n):
    """The message with its placeholders filled as the code fills them."""
    places = {1: "0 pladser", 2: "1 plads"}.get(n, "")
    for spec, value in (("%s – %s", "a – b"), ("%lu", str(n)), ("%ld", str(n)),
                        ("%u", str(n)), ("%d", str(n)), ("%s", places)):
        text = text.replace(spec, value, 1)
    return text


def main():
    po_file, msgfmt = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="spor-da-") as tmp:
        mo = Path(tmp) / "da.mo"
        subprocess.run([msgfmt, "-o", str(mo), po_file], check=True)
        with open(mo, "rb") as f:
            catalogue = gettext.GNUTranslations(f)
    for number, (one, many, n, expected) in enumerate(CASES, 1):
        got = fill(catalogue.ngettext(one, many, n), n)
        if got == expected:
            print(f"ok {number} - “{one}” for {n}: {got}")
        else:
            failures += 1
            print(f"not ok {number} - “{one}” for {n}: “{got}”, expected “{expected}”")
    for number, (context, message, expected) in enumerate(CONTEXTS, len(CASES) + 1):
        got = catalogue.pgettext(context, message)
        if got == expected:
            print(f"ok {number} - “{message}” ({context}): {got}")
        else:
            failures += 1
            print(f"not ok {number} - “{message}” ({context}): “{got}”, expected “{expected}”")
    print(f"1..{len(CASES) + len(CONTEXTS)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
