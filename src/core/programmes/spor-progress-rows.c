/* spor-progress-rows.c — each participant's progress through the phases, as rows of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-progress.h"
#include "spor-progress-rows.h"
#include "spor-store-private.h"

static void
progress_bar_free (SporProgressBar *bar)
{
  g_free (bar->phase_name);
  g_free (bar->state);
  g_free (bar->planned_start);
  g_free (bar->planned_end);
  g_free (bar->actual_start);
  g_free (bar->actual_end);
  g_free (bar);
}

void
spor_progress_row_free (SporProgressRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->status);
  g_free (row->agreement_signed);
  g_free (row->internship_start);
  g_free (row->exit_date);
  g_clear_pointer (&row->bars, g_ptr_array_unref);
  g_free (row);
}

GArray *
spor_progress_rows_list_ids (SporStore *store,
                             gint64     programme_id,
                             gint64     cohort_id,
                             GError   **error)
{
  /* Two statements so that each uses its own index (participants_cohort /
   * participants_programme); the sort is over the cohort's or programme's rows only. */
  static const char cohort_sql[] =
    "SELECT id FROM participants WHERE cohort_id = ?1 AND status <> 'waiting' "
    "ORDER BY name COLLATE NOCASE, id";
  static const char programme_sql[] =
    "SELECT id FROM participants WHERE programme_id = ?1 AND status <> 'waiting' "
    "ORDER BY name COLLATE NOCASE, id";
  sqlite3_stmt *stmt = spor_store_prepare (store, cohort_id > 0 ? cohort_sql : programme_sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cohort_id > 0 ? cohort_id : programme_id);
  return spor_store_collect_ids (store, stmt, "participants", error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

SporProgressRow *
spor_progress_rows_get (SporStore  *store,
                        gint64      participant_id,
                        const char *today,
                        GError    **error)
{
  static const char participant_sql[] =
    "SELECT p.name, p.status, p.end_date, "
    "       (SELECT min(signed_date) FROM agreements a "
    "         WHERE a.participant_id = p.id AND a.state = 'signed'), "
    "       (SELECT min(start_date) FROM placements pl "
    "         WHERE pl.participant_id = p.id "
    "           AND pl.kind IN ('internship', 'wage_subsidy', 'work_trial')) "
    "FROM participants p WHERE p.id = ?1";
  g_autoptr(SporProgressRow) row = g_new0 (SporProgressRow, 1);
  g_autoptr(GPtrArray) steps = NULL;
  sqlite3_stmt *stmt = spor_store_prepare (store, participant_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                     _("The participant no longer exists."));
      else
        spor_store_set_error (store, error, rc, "participants");
      sqlite3_reset (stmt);
      return NULL;
    }
  row->participant_id = participant_id;
  row->name = column_dup (stmt, 0);
  row->status = column_dup (stmt, 1);
  if (g_strcmp0 (row->status, "completed") == 0 || g_strcmp0 (row->status, "dropped_out") == 0)
    row->exit_date = column_dup (stmt, 2);
  row->agreement_signed = column_dup (stmt, 3);
  row->internship_start = column_dup (stmt, 4);
  sqlite3_reset (stmt);

  steps = spor_progress_list_steps (store, participant_id, today, error);
  if (steps == NULL)
    return NULL;
  row->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) progress_bar_free);
  for (guint i = 0; i < steps->len; i++)
    {
      SporPhaseStep *step = g_ptr_array_index (steps, i);
      SporProgressBar *bar = g_new0 (SporProgressBar, 1);

      bar->phase_id = step->phase_id;
      bar->position = step->position;
      bar->phase_name = g_steal_pointer (&step->phase_name);
      bar->state = g_steal_pointer (&step->state);
      bar->planned_start = g_steal_pointer (&step->planned_start);
      bar->planned_end = g_steal_pointer (&step->planned_end);
      bar->actual_start = g_steal_pointer (&step->actual_start);
      bar->actual_end = g_steal_pointer (&step->actual_end);
      bar->overdue = step->overdue;
      g_ptr_array_add (row->bars, bar);
    }
  return g_steal_pointer (&row);
}

gboolean
spor_progress_rows_get_range (SporStore  *store,
                              gint64      programme_id,
                              gint64      cohort_id,
                              char      **first,
                              char      **last,
                              GError    **error)
{
  /* A cohort: its participants' planned dates. A programme: its cohorts' dates, so that
   * the range of a large programme costs one small index scan. */
  static const char cohort_sql[] =
    "SELECT min(pp.planned_start), max(max(coalesce(pp.planned_end, '')), "
    "                                  coalesce(max(pp.actual_end), '')) "
    "FROM participants p JOIN phase_progress pp ON pp.participant_id = p.id "
    "WHERE p.cohort_id = ?1";
  static const char programme_sql[] =
    "SELECT min(start_date), max(coalesce(end_date, start_date)) FROM cohorts "
    "WHERE programme_id = ?1";
  sqlite3_stmt *stmt = spor_store_prepare (store, cohort_id > 0 ? cohort_sql : programme_sql, error);
  int rc;

  *first = *last = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id > 0 ? cohort_id : programme_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *first = column_dup (stmt, 0);
      *last = column_dup (stmt, 1);
      if (*last != NULL && **last == '\0')
        g_clear_pointer (last, g_free);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      spor_store_set_error (store, error, rc, "timeline");
      return FALSE;
    }
  return TRUE;
}
