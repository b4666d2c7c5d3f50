/* spor-progress-summary.h — where a cohort's or a programme's participants stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* Cohort summary: per phase, how many participants are in it now, on time and behind. */
typedef struct {
  gint64  phase_id;
  char   *phase_name;
  int     position;
  guint   in_phase;   /* active or on hold in this phase */
  guint   on_time;
  guint   behind;     /* of in_phase: planned end has passed */
} SporPhaseCount;

void       spor_phase_count_free          (SporPhaseCount *count);

typedef struct {
  guint      participants;  /* enrolled in the cohort */
  guint      not_started;
  guint      completed;
  guint      dropped_out;
  guint      on_hold;
  guint      behind;        /* participants with at least one overdue phase */
  GPtrArray *phases;        /* SporPhaseCount, in phase order */
} SporCohortSummary;

void       spor_cohort_summary_free       (SporCohortSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporCohortSummary, spor_cohort_summary_free)

/* @cohort_id > 0: one cohort; else @programme_id > 0: all the programme's participants. */
SporCohortSummary *spor_progress_summarise (SporStore  *store,
                                            gint64      programme_id,
                                            gint64      cohort_id,
                                            const char *today,
                                            GError    **error);

G_END_DECLS
