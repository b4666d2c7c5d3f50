/* spor-ical.h — work blocks as iCalendar (RFC 5545), built with libical
 *
 * One VEVENT per block: UID is the block's UUID, DTSTART/DTEND in TZID Europe/Copenhagen
 * (its VTIMEZONE is included), a weekly RRULE with UNTIL for weekly blocks, EXDATE for
 * cancelled occurrences, and one more VEVENT with the same UID and a RECURRENCE-ID for each
 * moved occurrence and each with a substitute (its DESCRIPTION names who is there). A staff
 * member's calendar leaves out the days they are away, and has the days they substitute
 * in a block not theirs as events of their own (UID: the block's UUID and the date).
 *
 * Whatever the database holds, the export takes bounded time and memory: the rule is
 * written as it is (RRULE with UNTIL), never expanded; the changes come from the stored
 * exceptions, at most 10,000 per block (the earliest); and the calendar ends with the year
 * 3000, the last libical can write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* Which blocks: each non-zero field narrows the choice; all zero exports every block. */
typedef struct {
  gint64 block_id;
  gint64 programme_id;
  gint64 staff_id;
} SporIcalSelection;

/* The calendar as text; @n_blocks (may be NULL) gets the number of blocks in it. */
char     *spor_ical_export       (SporStore               *store,
                                  const SporIcalSelection *selection,
                                  guint                   *n_blocks,
                                  GError                 **error);
/* Writes it to @path, mode 0600, whole or not at all (see spor-private-file.h): a failed
 * export leaves nothing behind, and @path may not be the store's database or its files. */
gboolean  spor_ical_export_file  (SporStore               *store,
                                  const SporIcalSelection *selection,
                                  const char              *path,
                                  guint                   *n_blocks,
                                  GError                 **error);

G_END_DECLS
