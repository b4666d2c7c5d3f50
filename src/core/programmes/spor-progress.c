/* spor-progress.c — where each participant stands in their programme's phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-phase-plan.h"
#include "spor-progress.h"
#include "spor-store-private.h"
#include "spor-util.h"

SporDurationUnit
spor_duration_unit_from_string (const char *text)
{
  return spor_value_to_enum (SPOR_TYPE_DURATION_UNIT, text, SPOR_DURATION_WEEKS);
}

const char *
spor_duration_unit_to_string (SporDurationUnit unit)
{
  const char *nick = spor_value_of_enum (SPOR_TYPE_DURATION_UNIT, unit);

  return nick != NULL ? nick : "weeks";
}

char *
spor_progress_planned_end (const char      *start,
                           int              amount,
                           SporDurationUnit unit)
{
  g_autoptr(GDate) date = spor_date_parse (start);
  guint32 first, end;

  if (date == NULL)
    return NULL;
  first = g_date_get_julian (date);
  end = spor_phase_plan_add (first, amount, unit);
  return spor_date_from_julian (end > first ? end - 1 : first);
}

/* ---- helpers ------------------------------------------------------------------------ */

static gboolean
check_date (const char *date,
            GError    **error)
{
  if (!spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date"), date != NULL ? date : "");
      return FALSE;
    }
  return TRUE;
}

/* The participant's phase_progress records, in phase order. */
static GPtrArray *
load_progress (SporStore *store,
               gint64     participant_id,
               GPtrArray **phases_out,
               GError   **error)
{
  static const char sql[] =
    "SELECT pp.id, ph.id FROM phase_progress pp JOIN phases ph ON ph.id = pp.phase_id "
    "WHERE pp.participant_id = ?1 ORDER BY ph.position, ph.id";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (ids, pair, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "phase progress");
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *pair = &((gint64 *) ids->data)[i * 2];
      SporEntity *row = spor_store_get (store, SPOR_TYPE_PHASE_PROGRESS, pair[0], error);
      SporEntity *phase;

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
      phase = spor_store_get (store, SPOR_TYPE_PHASE, pair[1], error);
      if (phase == NULL)
        return NULL;
      g_ptr_array_add (phases, phase);
    }
  if (phases_out != NULL)
    *phases_out = g_steal_pointer (&phases);
  return g_steal_pointer (&rows);
}

static gboolean
state_is (SporEntity *row,
          const char *state)
{
  return g_strcmp0 (spor_entity_get_text (row, "state"), state) == 0;
}

static gboolean
is_open (SporEntity *row)
{
  return state_is (row, "active") || state_is (row, "on_hold");
}

static gboolean
is_finished (SporEntity *row)
{
  return state_is (row, "done") || state_is (row, "skipped");
}

/* Index of the current row: the first open one, else the first planned one; -1 if none. */
static int
current_index (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (is_open (g_ptr_array_index (rows, i)))
      return (int) i;
  for (guint i = 0; i < rows->len; i++)
    if (state_is (g_ptr_array_index (rows, i), "planned"))
      return (int) i;
  return -1;
}

static gboolean
set_state (SporStore  *store,
           SporEntity *row,
           const char *state,
           const char *actual_start,
           const char *actual_end,
           GError    **error)
{
  spor_entity_set_text (row, "state", state);
  if (actual_start != NULL)
    spor_entity_set_text (row, "actual_start", actual_start);
  if (actual_end != NULL)
    {
      const char *started = spor_entity_get_text (row, "actual_start");

      if (started != NULL && g_strcmp0 (actual_end, started) < 0)
        return spor_store_invalid (error, _("The date is before the phase started."));
      spor_entity_set_text (row, "actual_end", actual_end);
    }
  return spor_store_update (store, SPOR_ENTITY (row), error);
}

/* Starts the planned row after @index on @date, with the rest of its parallel group. */
static gboolean
start_next (SporStore  *store,
            GPtrArray  *rows,
            GPtrArray  *phases,
            int         index,
            const char *date,
            GError    **error)
{
  for (guint i = (guint) (index + 1); i < rows->len; i++)
    {
      SporEntity *row = g_ptr_array_index (rows, i);
      gboolean parallel;

      if (!state_is (row, "planned"))
        continue;
      if (!set_state (store, row, "active", date, NULL, error))
        return FALSE;
      parallel = g_strcmp0 (spor_entity_get_text (g_ptr_array_index (phases, i), "track"),
                            "parallel") == 0;
      /* a parallel track starts together with the parallel tracks that follow it */
      for (guint j = i + 1; parallel && j < rows->len; j++)
        {
          SporEntity *other = g_ptr_array_index (rows, j);

          if (g_strcmp0 (spor_entity_get_text (g_ptr_array_index (phases, j), "track"),
                         "parallel") != 0)
            break;
          if (state_is (other, "planned") &&
              !set_state (store, other, "active", date, NULL, error))
            return FALSE;
        }
      return TRUE;
    }
  return TRUE;
}

static SporEntity *
get_participant (SporStore *store,
                 gint64     participant_id,
                 GError   **error)
{
  return spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
}

static gboolean
participant_can_progress (SporEntity *participant,
                          GError    **error)
{
  const char *status = spor_entity_get_text (participant, "status");

  if (g_strcmp0 (status, "dropped_out") == 0)
    return spor_store_invalid (error, _("The participant has dropped out."));
  if (g_strcmp0 (status, "completed") == 0)
    return spor_store_invalid (error, _("The participant has completed the programme."));
  if (g_strcmp0 (status, "on_hold") == 0)
    return spor_store_invalid (error, _("The participant is on hold; resume first."));
  return TRUE;
}

/* ---- reading ------------------------------------------------------------------------- */

void
spor_phase_step_free (SporPhaseStep *step)
{
  if (step == NULL)
    return;
  g_free (step->phase_name);
  g_free (step->phase_description);
  g_free (step->state);
  g_free (step->planned_start);
  g_free (step->planned_end);
  g_free (step->actual_start);
  g_free (step->actual_end);
  g_free (step);
}

static gboolean
overdue (const char *state,
         const char *planned_end,
         const char *today)
{
  return planned_end != NULL && g_strcmp0 (planned_end, today) < 0 &&
         g_strcmp0 (state, "done") != 0 && g_strcmp0 (state, "skipped") != 0;
}

GPtrArray *
spor_progress_list_steps (SporStore  *store,
                          gint64      participant_id,
                          const char *today,
                          GError    **error)
{
  static const char sql[] =
    "SELECT pp.id, ph.id, ph.name, ph.description, ph.position, ph.track, pp.state, "
    "       pp.planned_start, pp.planned_end, pp.actual_start, pp.actual_end "
    "FROM phase_progress pp JOIN phases ph ON ph.id = pp.phase_id "
    "WHERE pp.participant_id = ?1 ORDER BY ph.position, ph.id";
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_phase_step_free);
  g_autofree char *now = spor_date_or_today (today);
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporPhaseStep *step = g_new0 (SporPhaseStep, 1);

      step->progress_id = sqlite3_column_int64 (stmt, 0);
      step->phase_id = sqlite3_column_int64 (stmt, 1);
      step->phase_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      step->phase_description = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      step->position = sqlite3_column_int (stmt, 4);
      step->parallel = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "parallel") == 0;
      step->state = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      step->planned_start = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      step->planned_end = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      step->actual_start = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      step->actual_end = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      step->overdue = overdue (step->state, step->planned_end, now);
      g_ptr_array_add (steps, step);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "phase progress");
      return NULL;
    }
  return g_steal_pointer (&steps);
}

gint64
spor_progress_current (SporStore *store,
                       gint64     participant_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) rows = load_progress (store, participant_id, NULL, error);
  int index;

  if (rows == NULL)
    return 0;
  index = current_index (rows);
  return index < 0 ? 0 : spor_entity_get_id (g_ptr_array_index (rows, index));
}

/* ---- changes ------------------------------------------------------------------------- */

gboolean
spor_progress_advance (SporStore  *store,
                       gint64      participant_id,
                       const char *date,
                       GError    **error)
{
  g_autofree char *day = spor_date_or_today (date);
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  int index;

  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  participant = get_participant (store, participant_id, error);
  if (participant == NULL || !participant_can_progress (participant, error))
    return spor_store_fail (store);
  rows = load_progress (store, participant_id, &phases, error);
  if (rows == NULL)
    return spor_store_fail (store);
  index = current_index (rows);
  if (index < 0)
    {
      spor_store_invalid (error, rows->len == 0 ? _("The participant is not enrolled in a cohort.")
                                     : _("There is no next phase."));
      return spor_store_fail (store);
    }

  if (state_is (g_ptr_array_index (rows, index), "planned"))
    {
      /* nothing started yet: the first phase starts */
      if (!start_next (store, rows, phases, index - 1, day, error))
        return spor_store_fail (store);
    }
  else
    {
      gboolean other_open = FALSE;

      if (!set_state (store, g_ptr_array_index (rows, index), "done", NULL, day, error))
        return spor_store_fail (store);
      /* of parallel tracks, the last one finished moves on (as in spor_progress_skip) */
      for (guint i = 0; i < rows->len; i++)
        other_open |= is_open (g_ptr_array_index (rows, i));
      if (!other_open && !start_next (store, rows, phases, index, day, error))
        return spor_store_fail (store);
    }

  if (g_strcmp0 (spor_entity_get_text (participant, "status"), "intake") == 0 ||
      g_strcmp0 (spor_entity_get_text (participant, "status"), "waiting") == 0)
    {
      spor_entity_set_text (participant, "status", "active");
      if (!spor_store_update (store, participant, error))
        return spor_store_fail (store);
    }
  return spor_store_commit (store, error) || spor_store_fail (store);
}

gboolean
spor_progress_skip (SporStore  *store,
                    gint64      progress_id,
                    const char *date,
                    GError    **error)
{
  g_autofree char *day = spor_date_or_today (date);
  g_autoptr(SporEntity) row = NULL;
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  gboolean was_active;
  int index = -1;

  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  row = spor_store_get (store, SPOR_TYPE_PHASE_PROGRESS, progress_id, error);
  if (row == NULL)
    return spor_store_fail (store);
  participant = get_participant (store, spor_entity_get_int (row, "participant_id"), error);
  if (participant == NULL || !participant_can_progress (participant, error))
    return spor_store_fail (store);
  if (is_finished (row))
    {
      spor_store_invalid (error, _("The phase is already finished."));
      return spor_store_fail (store);
    }
  rows = load_progress (store, spor_entity_get_int (row, "participant_id"), &phases, error);
  if (rows == NULL)
    return spor_store_fail (store);
  for (guint i = 0; i < rows->len; i++)
    if (spor_entity_get_id (g_ptr_array_index (rows, i)) == progress_id)
      index = (int) i;
  g_assert (index >= 0);

  {
    /* the array's copy, so that start_next sees the new state */
    SporEntity *target = g_ptr_array_index (rows, index);

    was_active = is_open (target);
    if (!set_state (store, target, "skipped", NULL, was_active ? day : NULL, error))
      return spor_store_fail (store);
  }
  if (was_active)
    {
      /* skipping the current phase moves on, unless another track is still open */
      gboolean other_open = FALSE;

      for (guint i = 0; i < rows->len; i++)
        other_open |= is_open (g_ptr_array_index (rows, i));
      if (!other_open && !start_next (store, rows, phases, index, day, error))
        return spor_store_fail (store);
    }
  return spor_store_commit (store, error) || spor_store_fail (store);
}

static gboolean
switch_hold (SporStore  *store,
             gint64      participant_id,
             gboolean    hold,
             GError    **error)
{
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *status;
  gboolean changed = FALSE;

  if (!spor_store_begin (store, error))
    return FALSE;
  participant = get_participant (store, participant_id, error);
  if (participant == NULL)
    return spor_store_fail (store);
  status = spor_entity_get_text (participant, "status");
  if (hold ? g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "intake") != 0
           : g_strcmp0 (status, "on_hold") != 0)
    {
      spor_store_invalid (error, hold ? _("Only an active participant can be put on hold.")
                           : _("The participant is not on hold."));
      return spor_store_fail (store);
    }
  rows = load_progress (store, participant_id, NULL, error);
  if (rows == NULL)
    return spor_store_fail (store);
  for (guint i = 0; i < rows->len; i++)
    {
      SporEntity *row = g_ptr_array_index (rows, i);

      if (state_is (row, hold ? "active" : "on_hold"))
        {
          if (!set_state (store, row, hold ? "on_hold" : "active", NULL, NULL, error))
            return spor_store_fail (store);
          changed = TRUE;
        }
    }
  (void) changed;
  spor_entity_set_text (participant, "status", hold ? "on_hold" : "active");
  if (!spor_store_update (store, participant, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error) || spor_store_fail (store);
}

gboolean
spor_progress_hold (SporStore *store,
                    gint64     participant_id,
                    GError   **error)
{
  return switch_hold (store, participant_id, TRUE, error);
}

gboolean
spor_progress_resume (SporStore *store,
                      gint64     participant_id,
                      GError   **error)
{
  return switch_hold (store, participant_id, FALSE, error);
}

/* Ends the open phases on @day with @state (done or skipped). */
static gboolean
close_open (SporStore  *store,
            GPtrArray  *rows,
            const char *state,
            const char *day,
            GError    **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SporEntity *row = g_ptr_array_index (rows, i);
      const char *started;

      if (!is_open (row))
        continue;
      started = spor_entity_get_text (row, "actual_start");
      if (!set_state (store, row, state, NULL,
                      started != NULL && g_strcmp0 (day, started) < 0 ? started : day, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_end_date (SporEntity *participant,
                const char *day,
                GError    **error)
{
  const char *start = spor_entity_get_text (participant, "start_date");

  if (start != NULL && g_strcmp0 (day, start) < 0)
    return spor_store_invalid (error, _("The end date is before the participant started."));
  return TRUE;
}

/* In the transaction of the caller, who rolls back on failure: the participant leaves the
 * programme on @day with @status (and @reason, if any), their open phases ending as
 * @phase_state. Refuses a participant who has left already or started after @day. */
static gboolean
leave_programme (SporStore   *store,
                 gint64       participant_id,
                 const char  *day,
                 const char  *status,
                 const char  *phase_state,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(SporEntity) participant = get_participant (store, participant_id, error);
  g_autoptr(GPtrArray) rows = NULL;
  const char *now;

  if (participant == NULL)
    return FALSE;
  now = spor_entity_get_text (participant, "status");
  if (g_strcmp0 (now, "dropped_out") == 0 || g_strcmp0 (now, "completed") == 0)
    return spor_store_invalid (error, _("The participant has already left the programme."));
  if (!check_end_date (participant, day, error))
    return FALSE;
  rows = load_progress (store, participant_id, NULL, error);
  if (rows == NULL || !close_open (store, rows, phase_state, day, error))
    return FALSE;
  spor_entity_set_text (participant, "status", status);
  if (reason != NULL)
    spor_entity_set_text (participant, "exit_reason", reason);
  spor_entity_set_text (participant, "end_date", day);
  return spor_store_update (store, participant, error);
}

gboolean
spor_progress_drop_out (SporStore  *store,
                        gint64      participant_id,
                        const char *reason,
                        const char *date,
                        GError    **error)
{
  g_autofree char *day = spor_date_or_today (date);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*trimmed == '\0')
    return spor_store_invalid (error, _("Give a reason for the drop-out."));
  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  if (!leave_programme (store, participant_id, day, "dropped_out", "skipped", trimmed, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error) || spor_store_fail (store);
}

gboolean
spor_progress_complete (SporStore  *store,
                        gint64      participant_id,
                        const char *destination,
                        const char *notes,
                        const char *date,
                        GError    **error)
{
  g_autofree char *day = spor_date_or_today (date);
  g_autoptr(SporEntity) outcome = NULL;

  if (!spor_value_list_contains (&spor_values_destination, destination))
    return spor_store_invalid (error, _("Choose where the participant is headed."));
  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  if (!leave_programme (store, participant_id, day, "completed", "done", NULL, error))
    return spor_store_fail (store);

  outcome = spor_entity_new (SPOR_TYPE_OUTCOME);
  spor_entity_set_int (outcome, "participant_id", participant_id);
  spor_entity_set_text (outcome, "kind", "plan");
  spor_entity_set_text (outcome, "date", day);
  spor_entity_set_text (outcome, "destination", destination);
  if (notes != NULL && *notes != '\0')
    spor_entity_set_text (outcome, "notes", notes);
  if (!spor_store_insert (store, outcome, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error) || spor_store_fail (store);
}

gboolean
spor_progress_is_overdue (SporStore  *store,
                          gint64      progress_id,
                          const char *today,
                          GError    **error)
{
  g_autoptr(SporEntity) row = spor_store_get (store, SPOR_TYPE_PHASE_PROGRESS, progress_id, error);
  g_autofree char *now = spor_date_or_today (today);

  if (row == NULL)
    return FALSE;
  return overdue (spor_entity_get_text (row, "state"),
                  spor_entity_get_text (row, "planned_end"), now);
}

gint64
spor_progress_count_overdue (SporStore  *store,
                             gint64      cohort_id,
                             const char *today,
                             GError    **error)
{
  static const char sql[] =
    "SELECT count(*) FROM participants p JOIN phase_progress pp ON pp.participant_id = p.id "
    "WHERE p.cohort_id = ?1 AND p.status NOT IN ('completed', 'dropped_out') "
    "AND pp.state NOT IN ('done', 'skipped') AND pp.planned_end < ?2";
  g_autofree char *now = spor_date_or_today (today);
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return spor_store_collect_count (store, stmt, "phase progress", error);
}
