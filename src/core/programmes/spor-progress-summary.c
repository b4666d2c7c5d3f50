/* spor-progress-summary.c — where a cohort's or a programme's participants stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-progress-summary.h"
#include "spor-store-private.h"

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
  g_autofree char *now = spor_date_or_today (today);
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
