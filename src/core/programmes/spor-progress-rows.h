/* spor-progress-rows.h — each participant's progress through the phases, as rows of a chart
 *
 * A row per participant of a cohort or programme, with a bar per phase (planned and actual
 * dates, state) and the dates of their milestones: what the timeline view draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64   phase_id;
  int      position;
  char    *phase_name;
  char    *state;
  char    *planned_start;  /* each may be NULL */
  char    *planned_end;
  char    *actual_start;
  char    *actual_end;
  gboolean overdue;
} SporProgressBar;

typedef struct {
  gint64     participant_id;
  char      *name;
  char      *status;
  char      *agreement_signed;  /* first signed agreement's date, or NULL */
  char      *internship_start;  /* first internship/wage subsidy/work trial start, or NULL */
  char      *exit_date;         /* end_date of a completed/dropped-out participant, or NULL */
  GPtrArray *bars;              /* SporProgressBar, in phase order */
} SporProgressRow;

void             spor_progress_row_free       (SporProgressRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporProgressRow, spor_progress_row_free)

/* The participants of a cohort (@cohort_id > 0) or a programme (@programme_id > 0), not on
 * the waiting list, ordered by name: only the ids, so that a view asks for the rows it
 * shows. */
GArray          *spor_progress_rows_list_ids  (SporStore   *store,
                                               gint64       programme_id,
                                               gint64       cohort_id,
                                               GError     **error);
/* One participant's row; @today NULL = the local date. */
SporProgressRow *spor_progress_rows_get       (SporStore   *store,
                                               gint64       participant_id,
                                               const char  *today,
                                               GError     **error);
/* The first planned start and the last planned end of a cohort or programme. */
gboolean         spor_progress_rows_get_range (SporStore   *store,
                                               gint64       programme_id,
                                               gint64       cohort_id,
                                               char       **first,
                                               char       **last,
                                               GError     **error);

G_END_DECLS
