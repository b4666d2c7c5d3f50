/* spor-blocks-exceptions.h — cancelling, moving and staffing one occurrence of a block
 *
 * An exception (SporBlockException) changes the occurrence of a block on one date its rule
 * gives: it cancels it, moves it to another day and/or time, or puts a substitute in for
 * one staff member. spor_blocks_expand() applies them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* Exceptions for the occurrence of @block_id on @date (a date its rule gives). */
gboolean   spor_blocks_cancel_occurrence    (SporStore     *store,
                                             gint64         block_id,
                                             const char    *date,
                                             const char    *reason,
                                             GError       **error);
/* Moves it to @new_date (NULL = same day) and @new_start–@new_end (NULL = same times). */
gboolean   spor_blocks_move_occurrence      (SporStore     *store,
                                             gint64         block_id,
                                             const char    *date,
                                             const char    *new_date,
                                             const char    *new_start,
                                             const char    *new_end,
                                             const char    *reason,
                                             GError       **error);
gboolean   spor_blocks_substitute_staff     (SporStore     *store,
                                             gint64         block_id,
                                             const char    *date,
                                             gint64         staff_id,
                                             gint64         substitute_id,
                                             GError       **error);
/* Removes every exception of that occurrence: it happens as the rule says. */
gboolean   spor_blocks_restore_occurrence   (SporStore     *store,
                                             gint64         block_id,
                                             const char    *date,
                                             GError       **error);
/* The exceptions of a block, by date (SporBlockException) */
GPtrArray *spor_blocks_list_exceptions      (SporStore     *store,
                                             gint64         block_id,
                                             GError       **error);

G_END_DECLS
