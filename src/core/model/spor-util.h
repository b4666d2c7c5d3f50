/* spor-util.h — identifiers, text folding and printable text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Dates and time stamps were here: spor-dates.h, included for the callers of old. */
#include "spor-dates.h"

G_BEGIN_DECLS

/* A new UUID (RFC 9562 version 7): time-ordered, so unique indexes grow at their end. */
char  *spor_uuid_new            (void);
void   spor_uuid_fill           (char        out[37]);
gboolean spor_uuid_is_valid     (const char *text);
/* A valid UUID in its one stored form, lower case (in place). */
void   spor_uuid_normalise      (char       *uuid);

/* Search folding. spor_fold() gives the words of @text in lower case with their Danish
 * variants (æ → ae; ø → oe and o; å → aa and a), for the index; spor_fold_term() gives the
 * one form of a typed term (æ → ae, ø → oe, å → aa) that matches one of those variants.
 * Any bytes are accepted: what is not valid UTF-8 becomes U+FFFD first, which separates
 * words; the result is always valid UTF-8. */
char  *spor_fold                (const char *text);
char  *spor_fold_term           (const char *term);

/* E-mail and phone as searchable text: the phone also as bare digits. Valid UTF-8 out,
 * whatever the bytes in. */
char  *spor_contact_text        (const char *email,
                                 const char *phone);

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
