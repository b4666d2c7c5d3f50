#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest of Spor.

Usage: check-flatpak.py [MANIFEST [MESON_OPTIONS]]

Without arguments the files are looked up relative to the source tree that
contains this script.  Checks:

  * the manifest is valid JSON with app-id dk.kulturspor.Spor and command spor;
  * the sandbox grants no access to the home directory or the host file system
    (files reach the application through the file chooser portal);
  * the last module builds spor itself, and every -Dname=value in its
    config-opts names an option declared in meson_options.txt (or one of
    Meson's built-in options).
"""

import json
import re
import sys
from pathlib import Path

APP_ID = 'dk.kulturspor.Spor'
COMMAND = 'spor'

# Meson's own options, which may be set with -D without being declared in
# meson_options.txt.
MESON_BUILTINS = {
    'prefix', 'bindir', 'datadir', 'includedir', 'infodir', 'libdir',
    'libexecdir', 'localedir', 'localstatedir', 'mandir', 'sbindir',
    'sharedstatedir', 'sysconfdir', 'buildtype', 'debug', 'optimization',
    'default_library', 'warning_level', 'werror', 'strip', 'unity',
    'layout', 'backend', 'wrap_mode', 'auto_features', 'pkg_config_path',
    'cmake_prefix_path', 'install_umask', 'stdsplit', 'errorlogs',
}
MESON_BUILTIN_PREFIXES = ('b_', 'c_', 'cpp_', 'python.')

# --filesystem values that open the user's home or the host system.
BROAD_FILESYSTEMS = {'home', 'host', 'host-os', 'host-etc', '~', '/'}


def filesystem_is_broad(value):
    """True if a --filesystem value reaches the home directory or the host."""
    path = value.split(':', 1)[0].rstrip('/') or '/'
    if path in BROAD_FILESYSTEMS:
        return True
    # Subdirectories of home ("home/Documents", "~/Documents") or any absolute
    # host path ("/media", "/run/media") are host file system access as well.
    return path.startswith(('home/', '~/', '/'))


def declared_options(options_file):
    text = options_file.read_text(encoding='utf-8')
    # Strip comments so that a commented-out option does not count.
    text = '\n'.join(line.split('#', 1)[0] for line in text.splitlines())
    return set(re.findall(r"\boption\s*\(\s*'([^']+)'", text))


def check(manifest_path, options_path):
    errors = []

    try:
        manifest = json.loads(manifest_path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        return [f'{manifest_path}: cannot read the manifest: {e}']
    if not isinstance(manifest, dict):
        return [f'{manifest_path}: the manifest is not a JSON object']

    app_id = manifest.get('app-id', manifest.get('id'))
    if app_id != APP_ID:
        errors.append(f'app-id is {app_id!r}, expected {APP_ID!r}')
    if manifest.get('command') != COMMAND:
        errors.append(f'command is {manifest.get("command")!r}, expected {COMMAND!r}')
    for key in ('runtime', 'sdk', 'runtime-version'):
        if not manifest.get(key):
            errors.append(f'{key} is missing')

    finish_args = manifest.get('finish-args', [])
    for i, arg in enumerate(finish_args):
        if not isinstance(arg, str):
            errors.append(f'finish-args[{i}] is not a string: {arg!r}')
            continue
        if arg.startswith('--filesystem'):
            if '=' in arg:
                value = arg.split('=', 1)[1]
            elif i + 1 < len(finish_args):
                value = str(finish_args[i + 1])
            else:
                value = ''
            if filesystem_is_broad(value):
                errors.append(f'finish-arg {arg!r} grants access to the home directory '
                              'or the host; files must go through the portal')

    modules = manifest.get('modules', [])
    spor = [m for m in modules if isinstance(m, dict) and m.get('name') == 'spor']
    if not spor:
        errors.append('there is no module named "spor"')
    else:
        if modules[-1] is not spor[0]:
            errors.append('the "spor" module must be the last module')
        try:
            options = declared_options(options_path)
        except OSError as e:
            errors.append(f'{options_path}: cannot read the options: {e}')
            options = None
        if options is not None:
            for opt in spor[0].get('config-opts', []):
                m = re.match(r'-D([^=]+)=', opt)
                if not m:
                    continue
                name = m.group(1)
                if name in options or name in MESON_BUILTINS \
                        or name.startswith(MESON_BUILTIN_PREFIXES):
                    continue
                errors.append(f'config-opts sets {opt!r}, but {options_path.name} '
                              f'declares no option {name!r} '
                              f'(declared: {", ".join(sorted(options))})')
        sources = spor[0].get('sources', [])
        if not any(isinstance(s, dict) and s.get('type') == 'dir' for s in sources):
            errors.append('the "spor" module should build from the source tree (type "dir")')

    return errors


def main(argv):
    sys.stdout.reconfigure(line_buffering=True)
    root = Path(__file__).resolve().parents[2]
    manifest = Path(argv[1]) if len(argv) > 1 else root / 'flatpak' / f'{APP_ID}.json'
    options = Path(argv[2]) if len(argv) > 2 else root / 'meson_options.txt'

    errors = check(manifest, options)
    if errors:
        for e in errors:
            print(f'FAIL: {manifest}: {e}', file=sys.stderr)
        print(f'{len(errors)} problem(s) in the Flatpak manifest', file=sys.stderr)
        return 1
    print(f'ok: {manifest}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
