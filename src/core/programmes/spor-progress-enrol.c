/* spor-progress-enrol.c — enrolling a participant into a cohort: one row per phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-phase-plan.h"
#include "spor-progress-enrol.h"
#include "spor-store-private.h"

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
  g_autoptr(GArray) stale = NULL;
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  stale = spor_store_collect_ids (store, stmt, "phase progress", error);
  if (stale == NULL)
    return FALSE;
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
  participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
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
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  if (!spor_store_begin (store, error))
    return -1;
  stmt = spor_store_prepare (store, sql, error);
  if (stmt == NULL)
    return spor_store_fail (store), -1;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  ids = spor_store_collect_ids (store, stmt, "participants", error);
  if (ids == NULL)
    return spor_store_fail (store), -1;
  for (guint i = 0; i < ids->len; i++)
    if (!spor_progress_enrol (store, g_array_index (ids, gint64, i), cohort_id, error))
      return spor_store_fail (store), -1;
  if (!spor_store_commit (store, error))
    return spor_store_fail (store), -1;
  return ids->len;
}
