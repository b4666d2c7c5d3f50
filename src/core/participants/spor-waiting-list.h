/* spor-waiting-list.h — a programme's waiting list: its order, and taking people off it
 *
 * A participant waits with status "waiting", a place (waiting_position 1, 2, 3 …) in the
 * list of their programme and the date they were put on it (waiting_since).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The waiting list of a programme (0 = every programme), in order: participant ids. */
GArray     *spor_waiting_list_ids                        (SporStore   *store,
                                                          gint64       programme_id,
                                                          GError     **error);
/* Puts a participant at the end of a programme's waiting list, dated @date (NULL = today). */
gboolean    spor_waiting_list_add                        (SporStore   *store,
                                                          gint64       participant_id,
                                                          gint64       programme_id,
                                                          const char  *date,
                                                          GError     **error);
/* Moves a waiting participant to @position (1 = first) of their programme's list. */
gboolean    spor_waiting_list_move                       (SporStore   *store,
                                                          gint64       participant_id,
                                                          guint        position,
                                                          GError     **error);
/* Takes a participant off the waiting list into @cohort_id (status intake, phase progress
 * from the cohort's start); the rest of the list closes up. @over_capacity (may be NULL)
 * tells whether the cohort now holds more than its capacity: a warning, not a refusal. */
gboolean    spor_waiting_list_admit                      (SporStore   *store,
                                                          gint64       participant_id,
                                                          gint64       cohort_id,
                                                          gboolean    *over_capacity,
                                                          GError     **error);

G_END_DECLS
