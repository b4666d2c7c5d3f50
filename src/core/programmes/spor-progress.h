/* spor-progress.h — where each participant stands in their programme's phases
 *
 * Planned dates come from the phases' durations counted from the cohort's start date:
 * sequential phases follow one another; consecutive parallel-track phases start together
 * and the next sequential phase starts when the longest of them ends. Calendar months are counted as people count them: 31 January plus one
 * month is the last day of February.
 *
 * Dates are YYYY-MM-DD strings throughout. Every write is one transaction and audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-core-enums.h"
#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_DURATION_DAYS,
  SPOR_DURATION_WEEKS,
  SPOR_DURATION_MONTHS,
} SporDurationUnit;

/* The stored value, the enum's nick (one of spor_values_duration_unit, in the same order)
 * ↔ the enum; unknown text gives weeks. */
SporDurationUnit spor_duration_unit_from_string (const char *text);
const char      *spor_duration_unit_to_string   (SporDurationUnit unit);

/* The planned end of a phase that starts on @start (inclusive) and lasts @amount @units:
 * the day before start + duration. A duration of 0 ends on the start day. */
char    *spor_progress_planned_end  (const char       *start,
                                     int               amount,
                                     SporDurationUnit  unit);

/* Enrols a participant into a cohort: sets the participant's programme and cohort, and
 * creates or refreshes one phase_progress row per phase of the cohort's programme, with
 * planned dates from the cohort's start date. Rows of phases already started or finished
 * keep their actual dates and state; calling it again changes nothing. Rows of phases of
 * another programme are removed. The participant's status becomes 'active' if it was
 * 'waiting' or 'intake' and the cohort has started, else stays; start_date is set to the
 * cohort's start when unset. One transaction. */
gboolean spor_progress_enrol        (SporStore        *store,
                                     gint64            participant_id,
                                     gint64            cohort_id,
                                     GError          **error);

/* Enrols every participant of a cohort again (spor_progress_enrol), so that their planned
 * dates follow the programme's phases and the cohort's start date after a change. Started
 * and finished phases keep their actual dates. One transaction; returns the number of
 * participants, -1 on error. */
gint64   spor_progress_replan_cohort (SporStore        *store,
                                      gint64            cohort_id,
                                      GError          **error);

/* One participant's phases, in programme order. */
typedef struct {
  gint64  progress_id;
  gint64  phase_id;
  char   *phase_name;
  char   *phase_description;
  int     position;        /* 0, 1, 2 … the phase's position */
  gboolean parallel;       /* a parallel-track phase */
  char   *state;           /* planned, active, on_hold, done, skipped */
  char   *planned_start;   /* may be NULL */
  char   *planned_end;
  char   *actual_start;
  char   *actual_end;
  gboolean overdue;        /* planned end before today and not done or skipped */
} SporPhaseStep;

void       spor_phase_step_free           (SporPhaseStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporPhaseStep, spor_phase_step_free)

/* SporPhaseStep array (owned elements), ordered by phase position; @today may be NULL
 * for the local date. */
GPtrArray *spor_progress_list_steps       (SporStore   *store,
                                           gint64       participant_id,
                                           const char  *today,
                                           GError     **error);

/* The phase_progress id of the current phase: the first active or on-hold sequential phase,
 * else the first planned one; 0 when none (not enrolled, or all finished). */
gint64     spor_progress_current          (SporStore   *store,
                                           gint64       participant_id,
                                           GError     **error);

/* Finishes the current phase on @date (actual_end) and starts the next planned sequential
 * phase on @date (actual_start, state active). When no phase has started yet, starts the
 * first. Fails with SPOR_STORE_ERROR_INVALID when there is nothing to advance, the
 * participant is on hold, dropped out or completed. @date NULL = today. */
gboolean   spor_progress_advance          (SporStore   *store,
                                           gint64       participant_id,
                                           const char  *date,
                                           GError     **error);

/* Marks phase_progress @progress_id as skipped (only a planned or active phase); when it was
 * the current phase, the next planned sequential phase starts on @date. */
gboolean   spor_progress_skip             (SporStore   *store,
                                           gint64       progress_id,
                                           const char  *date,
                                           GError     **error);

/* Puts the participant's current active phase on hold / back to active. */
gboolean   spor_progress_hold             (SporStore   *store,
                                           gint64       participant_id,
                                           GError     **error);
gboolean   spor_progress_resume           (SporStore   *store,
                                           gint64       participant_id,
                                           GError     **error);

/* Status dropped_out, exit_reason @reason (required, not blank), end_date @date; the open
 * phase ends on @date. */
gboolean   spor_progress_drop_out         (SporStore   *store,
                                           gint64       participant_id,
                                           const char  *reason,
                                           const char  *date,
                                           GError     **error);

/* Status completed, end_date @date; open phases end (active → done); an outcomes row of
 * kind 'plan' with @destination (one of spor_values_destination) and @notes. */
gboolean   spor_progress_complete         (SporStore   *store,
                                           gint64       participant_id,
                                           const char  *destination,
                                           const char  *notes,
                                           const char  *date,
                                           GError     **error);

/* Whether phase_progress @progress_id is overdue on @today (NULL = local date). */
gboolean   spor_progress_is_overdue       (SporStore   *store,
                                           gint64       progress_id,
                                           const char  *today,
                                           GError     **error);

/* Number of overdue phase_progress rows among a cohort's participants. */
gint64     spor_progress_count_overdue    (SporStore   *store,
                                           gint64       cohort_id,
                                           const char  *today,
                                           GError     **error);

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
