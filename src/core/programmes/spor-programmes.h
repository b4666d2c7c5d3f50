/* spor-programmes.h — editing programmes, their phases, goals and cohorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-progress-rows.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* A new programme with @name (not blank) and nothing else. */
SporProgramme *spor_programmes_create_blank   (SporStore   *store,
                                               const char  *name,
                                               GError     **error);

/* Phases, ordered by position 0, 1, 2 … (owned references). */
GPtrArray     *spor_programmes_list_phases    (SporStore   *store,
                                               gint64       programme_id,
                                               GError     **error);
/* Appends a phase at the end. @unit: days, weeks or months; @track: sequential or parallel. */
SporPhase     *spor_programmes_add_phase      (SporStore   *store,
                                               gint64       programme_id,
                                               const char  *name,
                                               int          duration,
                                               const char  *unit,
                                               const char  *track,
                                               GError     **error);
/* Removes a phase (and its progress rows) and closes the gap in the positions. */
gboolean       spor_programmes_remove_phase   (SporStore   *store,
                                               gint64       phase_id,
                                               GError     **error);
/* How many participants have a progress row for the phase (removing it removes those). */
gint64         spor_programmes_count_phase_progress (SporStore *store,
                                                     gint64     phase_id,
                                                     GError   **error);
/* Moves a phase to @position (clamped), shifting the others. */
gboolean       spor_programmes_move_phase     (SporStore   *store,
                                               gint64       phase_id,
                                               guint        position,
                                               GError     **error);

/* Goals, ordered by position (owned references). */
GPtrArray     *spor_programmes_list_goals     (SporStore   *store,
                                               gint64       programme_id,
                                               GError     **error);
/* "into employment: 2–3 of 10": @target_min/@target_max/@of_total may be -1 for unset. */
SporProgrammeGoal *spor_programmes_add_goal   (SporStore   *store,
                                               gint64       programme_id,
                                               const char  *outcome,
                                               const char  *label,
                                               int          target_min,
                                               int          target_max,
                                               int          of_total,
                                               GError     **error);
gboolean       spor_programmes_remove_goal    (SporStore   *store,
                                               gint64       goal_id,
                                               GError     **error);
/* "2–3 of 10", "2 of 12", "of 30" — for display. */
char          *spor_programme_goal_format_target (SporProgrammeGoal *goal);

/* Cohorts, newest start first (owned references). */
GPtrArray     *spor_programmes_list_cohorts   (SporStore   *store,
                                               gint64       programme_id,
                                               GError     **error);
/* A cohort of @programme_id that starts on @start_date (YYYY-MM-DD); @capacity -1 = unset.
 * Its end date is the planned end of the programme's phases. */
SporCohort    *spor_programmes_create_cohort  (SporStore   *store,
                                               gint64       programme_id,
                                               const char  *name,
                                               const char  *start_date,
                                               int          capacity,
                                               GError     **error);
/* Number of participants enrolled in a cohort (not on the waiting list). */
gint64         spor_programmes_count_enrolled (SporStore   *store,
                                               gint64       cohort_id,
                                               GError     **error);

/* Participants who could join a cohort of @programme_id: not enrolled in one of its cohorts,
 * not completed or dropped out, the name containing @text (any case); the programme's own
 * waiting list first, then by name; at most @limit. */
typedef struct {
  gint64  id;
  char   *name;
  char   *status;
} SporCandidate;

void           spor_candidate_free            (SporCandidate *candidate);
GPtrArray     *spor_programmes_find_candidates (SporStore  *store,
                                               gint64      programme_id,
                                               const char *text,
                                               guint       limit,
                                               GError    **error);

G_END_DECLS
