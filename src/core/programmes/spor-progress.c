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
  return spor_enum_from_nick (SPOR_TYPE_DURATION_UNIT, text, SPOR_DURATION_WEEKS);
}

const char *
spor_duration_unit_to_string (SporDurationUnit unit)
{
  const char *nick = spor_enum_to_nick (SPOR_TYPE_DURATION_UNIT, unit);

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

static char *
today_or (const char *date)
{
  return date != NULL ? g_strdup (date) : spor_date_today ();
}

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

/* ---- enrolment ----------------------------------------------------------------------- */

/* The participant joins @cohort: its programme and cohort, the status its start gives (for
 * a participant not yet started), the start date when there is none. */
static gboolean
join_cohort (SporStore   *store,
             SporEntity  *participant,
             SporEntity  *cohort,
             GError     **error)
{
  const char *cohort_start = spor_entity_get_text (cohort, "start_date");
  const char *status = spor_entity_get_text (participant, "status");
  g_autofree char *today = spor_date_today ();

  spor_entity_set_int (participant, "programme_id", spor_entity_get_int (cohort, "programme_id"));
  spor_entity_set_int (participant, "cohort_id", spor_entity_get_id (cohort));
  if (g_strcmp0 (status, "waiting") == 0 || g_strcmp0 (status, "intake") == 0)
    {
      spor_entity_set_text (participant, "status",
                            g_strcmp0 (cohort_start, today) <= 0 ? "active" : "intake");
      spor_entity_unset (participant, "waiting_position");
    }
  if (!spor_entity_is_set (participant, "start_date"))
    spor_entity_set_text (participant, "start_date", cohort_start);
  return spor_store_update (store, participant, error);
}

/* Removes the participant's rows of the phases of another programme than @programme_id. */
static gboolean
drop_other_programmes (SporStore  *store,
                       gint64      participant_id,
                       gint64      programme_id,
                       GError    **error)
{
  static const char sql[] =
    "SELECT pp.id FROM phase_progress pp JOIN phases ph ON ph.id = pp.phase_id "
    "WHERE pp.participant_id = ?1 AND ph.programme_id <> ?2";
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "phase progress");
      return FALSE;
    }
  for (guint i = 0; i < stale->len; i++)
    {
      g_autoptr(SporEntity) row = spor_store_get (store, SPOR_TYPE_PHASE_PROGRESS,
                                                  g_array_index (stale, gint64, i), error);

      if (row == NULL || !spor_store_delete (store, row, error))
        return FALSE;
    }
  return TRUE;
}

/* The phases of @programme_id in their order: their ids, and their plans (SporPhasePlan). */
static gboolean
read_phases (SporStore  *store,
             gint64      programme_id,
             GArray     *ids,
             GArray     *plans,
             GError    **error)
{
  static const char sql[] =
    "SELECT id, duration, duration_unit, track FROM phases "
    "WHERE programme_id = ?1 ORDER BY position, id";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SporPhasePlan plan = {
        sqlite3_column_int (stmt, 1),
        spor_duration_unit_from_string ((const char *) sqlite3_column_text (stmt, 2)),
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "parallel") == 0,
      };

      g_array_append_val (ids, id);
      g_array_append_val (plans, plan);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "phases");
      return FALSE;
    }
  return TRUE;
}

/* The participant's row of phase @phase_id, made when there is none, planned from day
 * @start to day @end; its state and actual dates stay as they are. */
static gboolean
plan_row (SporStore  *store,
          gint64      participant_id,
          gint64      phase_id,
          guint32     start,
          guint32     end,
          GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PHASE_PROGRESS);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SporEntity) row = NULL;
  g_autofree char *planned_start = spor_date_from_julian (start);
  g_autofree char *planned_end = spor_date_from_julian (end);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_where_int (query, "phase_id", phase_id);
  found = spor_store_list (store, query, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    row = g_object_ref (g_ptr_array_index (found, 0));
  else
    {
      row = spor_entity_new (SPOR_TYPE_PHASE_PROGRESS);
      spor_entity_set_int (row, "participant_id", participant_id);
      spor_entity_set_int (row, "phase_id", phase_id);
      spor_entity_set_text (row, "state", "planned");
    }
  spor_entity_set_text (row, "planned_start", planned_start);
  spor_entity_set_text (row, "planned_end", planned_end);
  return spor_entity_get_id (row) > 0 ? spor_store_update (store, row, error)
                                      : spor_store_insert (store, row, error);
}

/* One row per phase of @programme_id with its planned dates from @start (YYYY-MM-DD). */
static gboolean
plan_rows (SporStore   *store,
           gint64       participant_id,
           gint64       programme_id,
           const char  *start,
           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (SporPhasePlan));
  g_autofree guint32 *starts = NULL;
  g_autofree guint32 *ends = NULL;

  if (!read_phases (store, programme_id, ids, plans, error))
    return FALSE;
  starts = g_new0 (guint32, ids->len + 1);
  ends = g_new0 (guint32, ids->len + 1);
  spor_phase_plan_dates ((const SporPhasePlan *) plans->data, plans->len,
                         spor_date_to_julian (start), starts, ends);
  for (guint i = 0; i < ids->len; i++)
    if (!plan_row (store, participant_id, g_array_index (ids, gint64, i), starts[i], ends[i],
                   error))
      return FALSE;
  return TRUE;
}

gboolean
spor_progress_enrol (SporStore *store,
                     gint64     participant_id,
                     gint64     cohort_id,
                     GError   **error)
{
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(SporEntity) cohort = NULL;
  gint64 programme_id;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);

  if (!spor_store_begin (store, error))
    return FALSE;
  participant = get_participant (store, participant_id, error);
  if (participant == NULL)
    return spor_store_fail (store);
  cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);
  if (cohort == NULL)
    return spor_store_fail (store);
  programme_id = spor_entity_get_int (cohort, "programme_id");
  /* the database checks that a cohort starts on a real date */
  g_assert (spor_date_is_valid (spor_entity_get_text (cohort, "start_date")));

  if (!join_cohort (store, participant, cohort, error) ||
      !drop_other_programmes (store, participant_id, programme_id, error) ||
      !plan_rows (store, participant_id, programme_id,
                  spor_entity_get_text (cohort, "start_date"), error) ||
      !spor_store_commit (store, error))
    return spor_store_fail (store);
  return TRUE;
}

gint64
spor_progress_replan_cohort (SporStore *store,
                             gint64     cohort_id,
                             GError   **error)
{
  static const char sql[] = "SELECT id FROM participants WHERE cohort_id = ?1 AND status <> 'waiting'";
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!spor_store_begin (store, error))
    return -1;
  stmt = spor_store_prepare (store, sql, error);
  if (stmt == NULL)
    return spor_store_fail (store), -1;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "participants");
      return spor_store_fail (store), -1;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!spor_progress_enrol (store, g_array_index (ids, gint64, i), cohort_id, error))
      return spor_store_fail (store), -1;
  if (!spor_store_commit (store, error))
    return spor_store_fail (store), -1;
  return ids->len;
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
  g_autofree char *now = today_or (today);
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
  g_autofree char *day = today_or (date);
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
      if (!set_state (store, g_ptr_array_index (rows, index), "done", NULL, day, error) ||
          !start_next (store, rows, phases, index, day, error))
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
  g_autofree char *day = today_or (date);
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

gboolean
spor_progress_drop_out (SporStore  *store,
                        gint64      participant_id,
                        const char *reason,
                        const char *date,
                        GError    **error)
{
  g_autofree char *day = today_or (date);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *status;

  if (*trimmed == '\0')
    return spor_store_invalid (error, _("Give a reason for the drop-out."));
  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  participant = get_participant (store, participant_id, error);
  if (participant == NULL)
    return spor_store_fail (store);
  status = spor_entity_get_text (participant, "status");
  if (g_strcmp0 (status, "dropped_out") == 0 || g_strcmp0 (status, "completed") == 0)
    {
      spor_store_invalid (error, _("The participant has already left the programme."));
      return spor_store_fail (store);
    }
  if (!check_end_date (participant, day, error))
    return spor_store_fail (store);
  rows = load_progress (store, participant_id, NULL, error);
  if (rows == NULL || !close_open (store, rows, "skipped", day, error))
    return spor_store_fail (store);
  spor_entity_set_text (participant, "status", "dropped_out");
  spor_entity_set_text (participant, "exit_reason", trimmed);
  spor_entity_set_text (participant, "end_date", day);
  if (!spor_store_update (store, participant, error))
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
  g_autofree char *day = today_or (date);
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(SporEntity) outcome = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *status;

  if (!spor_value_list_contains (&spor_values_destination, destination))
    return spor_store_invalid (error, _("Choose where the participant is headed."));
  if (!check_date (day, error) || !spor_store_begin (store, error))
    return FALSE;
  participant = get_participant (store, participant_id, error);
  if (participant == NULL)
    return spor_store_fail (store);
  status = spor_entity_get_text (participant, "status");
  if (g_strcmp0 (status, "dropped_out") == 0 || g_strcmp0 (status, "completed") == 0)
    {
      spor_store_invalid (error, _("The participant has already left the programme."));
      return spor_store_fail (store);
    }
  if (!check_end_date (participant, day, error))
    return spor_store_fail (store);
  rows = load_progress (store, participant_id, NULL, error);
  if (rows == NULL || !close_open (store, rows, "done", day, error))
    return spor_store_fail (store);
  spor_entity_set_text (participant, "status", "completed");
  spor_entity_set_text (participant, "end_date", day);
  if (!spor_store_update (store, participant, error))
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
  g_autofree char *now = today_or (today);

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
  g_autofree char *now = today_or (today);
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  gint64 count = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    spor_store_set_error (store, error, rc, "phase progress");
  sqlite3_reset (stmt);
  return count;
}

/* ---- summary ------------------------------------------------------------------------- */

void
spor_phase_count_free (SporPhaseCount *count)
{
  if (count == NULL)
    return;
  g_free (count->phase_name);
  g_free (count);
}

void
spor_cohort_summary_free (SporCohortSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->phases, g_ptr_array_unref);
  g_free (summary);
}

SporCohortSummary *
spor_progress_summarise (SporStore  *store,
                         gint64      programme_id,
                         gint64      cohort_id,
                         const char *today,
                         GError    **error)
{
  /* ?1 cohort (0 = any), ?2 programme, ?3 today. One pass over the participants of the
   * cohort or programme through the participants_cohort/participants_programme indexes. */
  /* ?1 cohort or programme, ?3 today. Two statements, so that each walks its own index
   * (participants_cohort / participants_programme) instead of the whole table. */
#define STATUS_SQL(column) \
    "SELECT p.status, count(*), " \
    "       sum(EXISTS (SELECT 1 FROM phase_progress pp WHERE pp.participant_id = p.id " \
    "                   AND pp.state NOT IN ('done', 'skipped') AND pp.planned_end < ?3)), " \
    "       sum(NOT EXISTS (SELECT 1 FROM phase_progress pp WHERE pp.participant_id = p.id " \
    "                       AND pp.state <> 'planned')) " \
    "FROM participants p WHERE p." column " = ?1 GROUP BY p.status"
  static const char cohort_status_sql[] = STATUS_SQL ("cohort_id");
  static const char programme_status_sql[] = STATUS_SQL ("programme_id");
#undef STATUS_SQL
  static const char phase_sql[] =
    "SELECT ph.id, ph.name, ph.position, "
    "       (SELECT count(*) FROM phase_progress pp JOIN participants p ON p.id = pp.participant_id "
    "         WHERE pp.phase_id = ph.id AND pp.state IN ('active', 'on_hold') "
    "           AND ((?1 > 0 AND p.cohort_id = ?1) OR (?1 <= 0 AND p.programme_id = ?2))), "
    "       (SELECT count(*) FROM phase_progress pp JOIN participants p ON p.id = pp.participant_id "
    "         WHERE pp.phase_id = ph.id AND pp.state IN ('active', 'on_hold') "
    "           AND pp.planned_end < ?3 "
    "           AND ((?1 > 0 AND p.cohort_id = ?1) OR (?1 <= 0 AND p.programme_id = ?2))) "
    "FROM phases ph WHERE ph.programme_id = ?2 ORDER BY ph.position, ph.id";
  g_autoptr(SporCohortSummary) summary = g_new0 (SporCohortSummary, 1);
  g_autofree char *now = today_or (today);
  sqlite3_stmt *stmt;
  int rc;

  summary->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_phase_count_free);
  if (cohort_id > 0)
    {
      g_autoptr(SporEntity) cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);

      if (cohort == NULL)
        return NULL;
      programme_id = spor_entity_get_int (cohort, "programme_id");
    }

  stmt = spor_store_prepare (store, cohort_id > 0 ? cohort_status_sql : programme_status_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id > 0 ? cohort_id : programme_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      guint n = (guint) sqlite3_column_int64 (stmt, 1);
      gboolean open = g_strcmp0 (status, "completed") != 0 &&
                      g_strcmp0 (status, "dropped_out") != 0 &&
                      g_strcmp0 (status, "waiting") != 0;

      if (g_strcmp0 (status, "waiting") == 0)
        continue;
      summary->participants += n;
      if (g_strcmp0 (status, "completed") == 0)
        summary->completed += n;
      else if (g_strcmp0 (status, "dropped_out") == 0)
        summary->dropped_out += n;
      else if (g_strcmp0 (status, "on_hold") == 0)
        summary->on_hold += n;
      if (open)
        {
          summary->behind += (guint) sqlite3_column_int64 (stmt, 2);
          summary->not_started += (guint) sqlite3_column_int64 (stmt, 3);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "participants");
      return NULL;
    }

  stmt = spor_store_prepare (store, phase_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporPhaseCount *count = g_new0 (SporPhaseCount, 1);

      count->phase_id = sqlite3_column_int64 (stmt, 0);
      count->phase_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->position = sqlite3_column_int (stmt, 2);
      count->in_phase = (guint) sqlite3_column_int64 (stmt, 3);
      count->behind = (guint) sqlite3_column_int64 (stmt, 4);
      count->on_time = count->in_phase - count->behind;
      g_ptr_array_add (summary->phases, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "phases");
      return NULL;
    }
  return g_steal_pointer (&summary);
}
