/* spor-attendance-sheet.h — what a printed attendance sheet shows, for one occurrence or a week
 *
 * A sheet names the programme (and its organisations), the block, its day and times after
 * any move, the location, the staff after any substitution, and the participants by name.
 * It never holds CPR numbers, needs or notes: only what may lie on a table at the block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-blocks-week.h"
#include "spor-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *programme;   /* "Name · organisations", or NULL for a block of no programme */
  char      *title;
  char      *date;        /* where it happens, YYYY-MM-DD (after a move) */
  char      *start_time;  /* HH:MM */
  char      *end_time;
  char      *location;    /* or NULL */
  char      *staff;       /* "Name (role), …" after substitutions, or NULL */
  GPtrArray *names;       /* the participants' names, by name */
} SporAttendanceSheet;

void       spor_attendance_sheet_free      (SporAttendanceSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporAttendanceSheet, spor_attendance_sheet_free)

/* The sheet of the occurrence of @block_id on @date (the date its rule gives); fails with a
 * message for a date the block does not have and for a cancelled occurrence. */
SporAttendanceSheet *spor_attendance_sheet_occurrence (SporStore            *store,
                                                       gint64                block_id,
                                                       const char           *date,
                                                       GError              **error);
/* One sheet per occurrence of the week starting @monday that takes place (cancelled ones
 * left out), in time order, as @filter (may be NULL) shows them; empty when there are none. */
GPtrArray *spor_attendance_sheets_week     (SporStore            *store,
                                            const char           *monday,
                                            const SporWeekFilter *filter,
                                            GError              **error);

G_END_DECLS
