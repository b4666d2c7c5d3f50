/* spor-fold.h — text for searching: folded words, contact data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

G_END_DECLS
