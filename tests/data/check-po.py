#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the translations of Spor are complete.

Usage: check-po.py [--srcdir DIR] [--msgfmt PATH] [--xgettext PATH]

For every language in po/LINGUAS (Danish, to begin with):

  (a) msgfmt --check --statistics must accept po/LANG.po without errors, and
      without fuzzy or untranslated messages;
  (b) a template freshly extracted with xgettext from the files in
      po/POTFILES.in must not contain any message that po/LANG.po lacks or
      leaves untranslated (or fuzzy).

  (d) a message that counts something ("%u behind", "%lu new") is a plural message: a
      number placeholder followed by a word, unless it is a total ("of %d") or one of the
      few numbers that are no count (COUNT_EXCEPTIONS);

And for the source tree:

  (c) every C file under src/ that marks strings with _(), N_() or C_(), and
      every Blueprint file under ui/ that marks strings with _() or C_(), must
      be listed in po/POTFILES.in (or in po/POTFILES.skip).

Only the Python standard library and the gettext command line tools are used.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The keywords of meson's 'glib' gettext preset, plus plain ngettext.
KEYWORDS = [
    '_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
    'g_dpgettext2:2c,3', 'ngettext:1,2',
]

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:N?C_|N_|_)\s*\(\s*"')
BLP_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:C_|_)\s*\(\s*"')


class Problems:
    def __init__(self):
        self.count = 0

    def __call__(self, message):
        self.count += 1
        print(f'FAIL: {message}', file=sys.stderr)


# --- a small reader for PO files --------------------------------------------

_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\',
            'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}


def _unquote(text, where):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f'{where}: expected a quoted string, found {text!r}')
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}
        self.flags = set()
        self.references = []
        self.line = 0

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    def label(self):
        ctxt = f' (context {self.msgctxt!r})' if self.msgctxt is not None else ''
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + '...'
        return f'{text!r}{ctxt}'


def read_po(path):
    """Return the non-obsolete entries of a PO or POT file, header excluded."""
    entries = []
    entry = Entry()
    field = None

    def finish():
        nonlocal entry, field
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()
        field = None

    with open(path, encoding='utf-8') as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            where = f'{path}:{number}'
            if not line:
                continue
            if line.startswith('#'):
                if entry.msgid is not None and field is not None and \
                        not line.startswith('#~'):
                    finish()
                if line.startswith('#,'):
                    entry.flags.update(x.strip() for x in line[2:].split(','))
                elif line.startswith('#:'):
                    entry.references.extend(line[2:].split())
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$', line)
            if m:
                keyword, index, rest = m.groups()
                if keyword in ('msgctxt', 'msgid') and entry.msgid is not None \
                        and field is not None and field[0] == 'msgstr':
                    finish()
                if entry.line == 0:
                    entry.line = number
                value = _unquote(rest, where)
                if keyword == 'msgctxt':
                    entry.msgctxt = value
                    field = ('msgctxt',)
                elif keyword == 'msgid':
                    entry.msgid = value
                    field = ('msgid',)
                elif keyword == 'msgid_plural':
                    entry.msgid_plural = value
                    field = ('msgid_plural',)
                else:
                    i = int(index) if index is not None else 0
                    entry.msgstr[i] = value
                    field = ('msgstr', i)
                continue
            if line.startswith('"') and field is not None:
                value = _unquote(line, where)
                if field[0] == 'msgctxt':
                    entry.msgctxt += value
                elif field[0] == 'msgid':
                    entry.msgid += value
                elif field[0] == 'msgid_plural':
                    entry.msgid_plural += value
                else:
                    entry.msgstr[field[1]] += value
                continue
            raise ValueError(f'{where}: cannot parse {line!r}')
    finish()
    return [e for e in entries if e.msgid != '' or e.msgctxt is not None]


# --- the checks ---------------------------------------------------------------

def read_list(path):
    """Names in POTFILES.in / POTFILES.skip / LINGUAS, without comments."""
    names = []
    if not path.exists():
        return names
    for line in path.read_text(encoding='utf-8').splitlines():
        line = line.split('#', 1)[0].strip()
        if line:
            names.extend(line.split()) if path.name == 'LINGUAS' else names.append(line)
    return names


def check_msgfmt(msgfmt, po_file, tmpdir, fail):
    env = dict(os.environ, LC_ALL='C', LANGUAGE='C')
    result = subprocess.run(
        [msgfmt, '--check', '--statistics', '-o', str(Path(tmpdir) / 'check.mo'), str(po_file)],
        capture_output=True, text=True, env=env)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        fail(f'{po_file}: msgfmt --check reports errors:\n{output}')
        return
    fuzzy = re.search(r'(\d+) fuzzy', output)
    untranslated = re.search(r'(\d+) untranslated', output)
    if fuzzy and int(fuzzy.group(1)) > 0:
        fail(f'{po_file}: {fuzzy.group(1)} fuzzy message(s) ({output})')
    if untranslated and int(untranslated.group(1)) > 0:
        fail(f'{po_file}: {untranslated.group(1)} untranslated message(s) ({output})')
    print(f'{po_file.name}: {output}')


def extract_template(xgettext, srcdir, potfiles, tmpdir, fail):
    """Extract a template from POTFILES.in; return its entries or None."""
    blueprint = [p for p in potfiles if p.endswith('.blp')]
    others = [p for p in potfiles if not p.endswith('.blp')]
    common = ['--from-code=UTF-8', '--add-comments', '--package-name=spor',
              '--force-po'] + [f'--keyword={k}' for k in KEYWORDS]
    entries = []
    # Desktop entries and metainfo are recognised by their names; C by default.
    # Blueprint files are read as C, as meson's gettext target does.
    for name, files, extra in (('other', others, []), ('blueprint', blueprint, ['--language=C'])):
        if not files:
            continue
        listing = Path(tmpdir) / f'{name}.list'
        listing.write_text('\n'.join(files) + '\n', encoding='utf-8')
        pot = Path(tmpdir) / f'{name}.pot'
        env = dict(os.environ, LC_ALL='C', LANGUAGE='C')
        result = subprocess.run(
            [xgettext, *common, *extra, f'--files-from={listing}', f'--output={pot}'],
            cwd=srcdir, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            fail(f'xgettext failed on the {name} files of POTFILES.in:\n'
                 f'{(result.stdout + result.stderr).strip()}')
            return None
        entries.extend(read_po(pot))
    return entries


def check_template(template, po_file, fail):
    translations = {e.key: e for e in read_po(po_file)}
    missing = 0
    for entry in template:
        where = ', '.join(entry.references[:3]) or 'POTFILES.in'
        found = translations.get(entry.key)
        if found is None:
            fail(f'{po_file.name}: no translation of {entry.label()} from {where}')
            missing += 1
        elif 'fuzzy' in found.flags:
            fail(f'{po_file.name}:{found.line}: fuzzy translation of {entry.label()} from {where}')
            missing += 1
        elif not found.msgstr or any(v == '' for v in found.msgstr.values()):
            fail(f'{po_file.name}:{found.line}: empty translation of {entry.label()} from {where}')
            missing += 1
        elif entry.msgid_plural is not None and found.msgid_plural is None:
            fail(f'{po_file.name}:{found.line}: {entry.label()} has a plural form '
                 f'in {where}, but not in the translation')
            missing += 1
    if missing:
        print(f'{po_file.name}: {missing} of {len(template)} template message(s) '
              'missing or untranslated; update it with "meson compile spor-update-po" '
              'and translate', file=sys.stderr)
    else:
        print(f'{po_file.name}: all {len(template)} template messages translated')


# A number placeholder directly followed by a word: "%u behind", "%2$lu new"
COUNT = re.compile(r"(?<!of )%(?:\d+\$)?'?l?[dui] (?!of\b)[^\W\d_]")
# Numbers that name a place or an age, not an amount of something
COUNT_EXCEPTIONS = (
    re.compile(r'^Age %d'),
    re.compile(r'^Number %d on the waiting list'),
    re.compile(r'^No\. %d waiting'),
)


def check_counts(template, fail):
    """(d): every counting message is a plural message."""
    for entry in template:
        if entry.msgid_plural is not None or not COUNT.search(entry.msgid):
            continue
        if any(rule.search(entry.msgid) for rule in COUNT_EXCEPTIONS):
            continue
        where = ', '.join(entry.references[:3]) or 'POTFILES.in'
        fail(f'{entry.label()} from {where} counts something but is not a plural '
             'message: use ngettext()')


def check_potfiles(srcdir, potfiles, skipped, fail):
    listed = set(potfiles) | set(skipped)
    candidates = []
    src = srcdir / 'src'
    ui = srcdir / 'ui'
    if src.is_dir():
        candidates += [(p, C_MARK, '_(), N_() or C_()') for p in sorted(src.rglob('*.c'))]
    if ui.is_dir():
        candidates += [(p, BLP_MARK, '_() or C_()') for p in sorted(ui.rglob('*.blp'))]
    unlisted = 0
    for path, pattern, marks in candidates:
        rel = path.relative_to(srcdir).as_posix()
        if rel in listed:
            continue
        try:
            text = path.read_text(encoding='utf-8', errors='replace')
        except OSError as e:
            fail(f'{rel}: cannot read: {e}')
            continue
        m = pattern.search(text)
        if m:
            line = text.count('\n', 0, m.start()) + 1
            fail(f'{rel}:{line}: marks strings for translation with {marks}, '
                 'but is not listed in po/POTFILES.in')
            unlisted += 1
    print(f'POTFILES.in: {len(candidates)} source file(s) scanned, {unlisted} unlisted')


def main():
    sys.stdout.reconfigure(line_buffering=True)
    here = Path(__file__).resolve()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--srcdir', type=Path, default=here.parents[2])
    parser.add_argument('--msgfmt', default=shutil.which('msgfmt') or 'msgfmt')
    parser.add_argument('--xgettext', default=shutil.which('xgettext') or 'xgettext')
    args = parser.parse_args()

    srcdir = args.srcdir.resolve()
    podir = srcdir / 'po'
    fail = Problems()

    potfiles = read_list(podir / 'POTFILES.in')
    skipped = read_list(podir / 'POTFILES.skip')
    languages = read_list(podir / 'LINGUAS')
    if not potfiles:
        fail(f'{podir / "POTFILES.in"} is missing or empty')
    if not languages:
        fail(f'{podir / "LINGUAS"} is missing or empty')

    present = []
    for name in potfiles:
        if (srcdir / name).is_file():
            present.append(name)
        else:
            fail(f'po/POTFILES.in lists {name}, which does not exist')

    with tempfile.TemporaryDirectory(prefix='spor-po-') as tmpdir:
        template = extract_template(args.xgettext, srcdir, present, tmpdir, fail) \
            if present else None
        if template is not None:
            check_counts(template, fail)
        for lang in languages:
            po_file = podir / f'{lang}.po'
            if not po_file.is_file():
                fail(f'po/LINGUAS names {lang}, but {po_file} does not exist')
                continue
            check_msgfmt(args.msgfmt, po_file, tmpdir, fail)
            if template is not None:
                try:
                    check_template(template, po_file, fail)
                except ValueError as e:
                    fail(str(e))

    check_potfiles(srcdir, potfiles, skipped, fail)

    if fail.count:
        print(f'{fail.count} translation problem(s) found', file=sys.stderr)
        return 1
    print('translations complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
