/* spor-printable.h — text that is safe to show, whatever its bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text that is safe to put into a message that may be shown on a terminal or in a
 * dialog, for anything that comes from outside the program: a file name, bytes read from
 * a file, a value from an import. Every control character (U+0000–U+001F, U+007F and the
 * C1 range U+0080–U+009F, so ESC, CR, LF and TAB too), every character that reorders or
 * breaks lines (the bidirectional marks, embeddings, overrides and isolates, U+2028 and
 * U+2029) and every byte that is not part of valid UTF-8 is written out as an escape:
 * "\x1b" for a control byte or a byte that is not UTF-8, "\u202e" for a character
 * above U+007F. Everything else, Danish letters included, stays as it is, so a path
 * such as "/home/åse/Forløb.db" reads as before. The result is always valid UTF-8 and
 * never contains a raw control byte; NULL gives "". A backslash is kept as it is.
 *
 * spor_printable_len() takes @length bytes that may contain NUL bytes ("\x00"). */
char  *spor_printable           (const char *text);
char  *spor_printable_len       (const char *text,
                                 gsize       length);

G_END_DECLS
