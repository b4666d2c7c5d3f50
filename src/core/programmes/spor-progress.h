/* spor-progress.h — where each participant stands in their programme's phases
 *
 * Each participant of a cohort has one phase_progress row per phase of the programme, made
 * by enrolment (spor-progress-enrol.h) with planned dates from the cohort's start date
 * (spor-phase-plan.h), and moved on here: advanced, skipped, put on hold, ended with a
 * drop-out or completion. spor-progress-summary.h counts where a cohort stands.
 *
 * Dates are YYYY-MM-DD strings throughout. Every write is one transaction and audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-core-enums.h"
#include "spor-store.h"

/* The parts of the progress with headers of their own, for the callers of old */
#include "spor-progress-enrol.h"
#include "spor-progress-summary.h"

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
 * phase on @date (actual_start, state active); of parallel tracks, only when the last open
 * one is finished. When no phase has started yet, starts the first. Fails with SPOR_STORE_ERROR_INVALID when there is nothing to advance, the
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

G_END_DECLS
