/* spor-phase-plan.h — the planned dates of a programme's phases
 *
 * Planned dates come from the phases' durations counted from a start date: sequential
 * phases follow one another; consecutive parallel-track phases start together and the next
 * sequential phase starts when the longest of them ends. Months are counted as people count
 * them: 31 January plus one month is the last day of February. Days are julian days
 * (spor-dates.h), so that a plan is counted without formatting a date.
 *
 * Enrolment (spor_progress_enrol), a new cohort's end date and the sample data all plan
 * with these two functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-progress.h"

G_BEGIN_DECLS

/* One phase, as far as the plan is concerned */
typedef struct {
  int              duration;  /* in @unit; less than 0 counts as 0 */
  SporDurationUnit unit;
  gboolean         parallel;  /* a parallel-track phase */
} SporPhasePlan;

/* The first day after @amount @unit that start on day @start */
guint32 spor_phase_plan_add   (guint32              start,
                               int                  amount,
                               SporDurationUnit     unit);
/* The first and last planned day of each of @n @phases from day @start, into @starts and
 * @ends (each of @n days; a phase of no length ends on its first day). Returns the first day
 * after the last phase: @start when there is none. */
guint32 spor_phase_plan_dates (const SporPhasePlan *phases,
                               guint                n,
                               guint32              start,
                               guint32             *starts,
                               guint32             *ends);

G_END_DECLS
