/* spor-blocks-week.h — the week query: a week's occurrences, staffing and problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-blocks-occurrences.h"
#include "spor-core-enums.h"
#include "spor-store.h"
#include "spor-store-job.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_PROBLEM_MISSING_ROLE        = 1 << 0, /* fewer staff of a role than required */
  SPOR_PROBLEM_STAFF_DOUBLE        = 1 << 1, /* a staff member in two overlapping blocks */
  SPOR_PROBLEM_PARTICIPANT_DOUBLE  = 1 << 2, /* a participant in two overlapping blocks */
  SPOR_PROBLEM_OVER_CAPACITY       = 1 << 3, /* more participants than the capacity */
} SporBlockProblem;

typedef struct {
  gint64 programme_id;  /* 0 = all */
  gint64 location_id;
  gint64 staff_id;
} SporWeekFilter;

typedef struct {
  char      *monday;       /* YYYY-MM-DD */
  GPtrArray *occurrences;  /* SporOccurrence, by start; cancelled ones included */
  guint      n_problems;   /* occurrences with at least one problem */
} SporWeek;

void       spor_week_free                   (SporWeek      *week);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporWeek, spor_week_free)

/* The Monday of the ISO week that holds @date, as YYYY-MM-DD. */
char      *spor_blocks_week_start           (const char    *date);
/* All occurrences of the week starting @monday with staffing, participants, attendance
 * counts and problems. */
SporWeek  *spor_blocks_query_week           (SporStore     *store,
                                             const char    *monday,
                                             const SporWeekFilter *filter,
                                             GError       **error);
/* The occurrence of @block_id on @date (the date its rule gives) as the week it happens in
 * fills it: staff after substitutions, participants, problems. Cancelled ones included. */
SporOccurrence *spor_blocks_query_occurrence (SporStore   *store,
                                              gint64       block_id,
                                              const char  *date,
                                              GError     **error);
/* The same in a thread of its own, on a connection of its own (spor-store-job.h). */
void       spor_blocks_query_week_async     (SporStore     *store,
                                             const char    *monday,
                                             const SporWeekFilter *filter,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
SporWeek  *spor_blocks_query_week_finish    (SporStore     *store,
                                             GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
