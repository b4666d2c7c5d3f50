/* spor-attendance.c — who came to an occurrence, and hours planned and attended per week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spor-attendance.h"
#include "spor-blocks.h"
#include "spor-store-private.h"

const char *
spor_attendance_status_to_string (SporAttendanceStatus status)
{
  if (status == SPOR_ATTENDANCE_UNKNOWN)
    return NULL;
  return spor_value_of_enum (SPOR_TYPE_ATTENDANCE_STATUS, status);
}

SporAttendanceStatus
spor_attendance_status_from_string (const char *text)
{
  /* "unknown" is the nick of nothing stored */
  if (g_strcmp0 (text, spor_value_of_enum (SPOR_TYPE_ATTENDANCE_STATUS, SPOR_ATTENDANCE_UNKNOWN)) == 0)
    return SPOR_ATTENDANCE_UNKNOWN;
  return spor_value_to_enum (SPOR_TYPE_ATTENDANCE_STATUS, text, SPOR_ATTENDANCE_UNKNOWN);
}

const char *
spor_attendance_status_label (SporAttendanceStatus status)
{
  return spor_value_label (&spor_values_attendance_status, spor_attendance_status_to_string (status));
}

void
spor_attendance_row_free (SporAttendanceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

GPtrArray *
spor_attendance_list_occurrence (SporStore  *store,
                                 gint64      block_id,
                                 const char *date,
                                 GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT p.id, p.name, a.status, a.hours FROM block_participants bp "
      "JOIN participants p ON p.id = bp.participant_id "
      "LEFT JOIN attendance a ON a.block_id = bp.block_id AND a.date = ?2 "
      "  AND a.participant_id = bp.participant_id "
      "WHERE bp.block_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id", error);
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_attendance_row_free);
  sqlite3_bind_int64 (stmt, 1, block_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporAttendanceRow *row = g_new0 (SporAttendanceRow, 1);

      row->participant_id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->status = spor_attendance_status_from_string ((const char *) sqlite3_column_text (stmt, 2));
      row->hours = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                   ? (row->status == SPOR_ATTENDANCE_UNKNOWN ? -1 : 0)
                   : sqlite3_column_double (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "attendance");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static SporAttendance *
find (SporStore  *store,
      gint64      block_id,
      const char *date,
      gint64      participant_id,
      GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_ATTENDANCE);
  g_autoptr(GPtrArray) list = NULL;

  spor_query_where_int (query, "block_id", block_id);
  spor_query_where_text (query, "date", date);
  spor_query_where_int (query, "participant_id", participant_id);
  list = spor_store_list (store, query, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

static gboolean
is_member (SporStore *store,
           gint64     block_id,
           gint64     participant_id,
           GError   **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_PARTICIPANT);

  spor_query_where_int (query, "block_id", block_id);
  spor_query_where_int (query, "participant_id", participant_id);
  return spor_store_count (store, query, error) > 0;
}

gboolean
spor_attendance_set (SporStore           *store,
                     gint64               block_id,
                     const char          *date,
                     gint64               participant_id,
                     SporAttendanceStatus status,
                     double               hours,
                     GError             **error)
{
  g_autoptr(SporOccurrence) occurrence = NULL;
  g_autoptr(SporAttendance) record = NULL;
  g_autoptr(GError) local_error = NULL;
  double full;

  if (status == SPOR_ATTENDANCE_UNKNOWN || spor_attendance_status_to_string (status) == NULL)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("Choose whether the participant was present, late, absent or sick."));
      return FALSE;
    }
  occurrence = spor_blocks_get_occurrence (store, block_id, date, error);
  if (occurrence == NULL)
    return FALSE;
  if (occurrence->cancelled)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The block was cancelled on that day; there is no attendance to register."));
      return FALSE;
    }
  if (!is_member (store, block_id, participant_id, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                             _("The participant is not in this block."));
      return FALSE;
    }
  full = spor_occurrence_hours (occurrence);
  if (hours < 0)
    hours = (status == SPOR_ATTENDANCE_PRESENT || status == SPOR_ATTENDANCE_LATE) ? full : 0;
  if (hours > full + 1e-9)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The hours attended cannot be more than the block’s %.1f hours."), full);
      return FALSE;
    }

  record = find (store, block_id, date, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (record == NULL)
    {
      record = spor_entity_new (SPOR_TYPE_ATTENDANCE);
      spor_entity_set_int (SPOR_ENTITY (record), "block_id", block_id);
      spor_entity_set_int (SPOR_ENTITY (record), "participant_id", participant_id);
      spor_entity_set_text (SPOR_ENTITY (record), "date", date);
    }
  spor_entity_set_text (SPOR_ENTITY (record), "status", spor_attendance_status_to_string (status));
  spor_entity_set_real (SPOR_ENTITY (record), "hours", hours);
  if (spor_entity_get_id (SPOR_ENTITY (record)) == 0)
    return spor_store_insert (store, SPOR_ENTITY (record), error);
  return spor_store_update (store, SPOR_ENTITY (record), error);
}

gboolean
spor_attendance_clear (SporStore  *store,
                       gint64      block_id,
                       const char *date,
                       gint64      participant_id,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SporAttendance) record = find (store, block_id, date, participant_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return record == NULL || spor_store_delete (store, SPOR_ENTITY (record), error);
}

gboolean
spor_attendance_mark_all_present (SporStore  *store,
                                  gint64      block_id,
                                  const char *date,
                                  guint      *n_marked,
                                  GError    **error)
{
  g_autoptr(GPtrArray) rows = spor_attendance_list_occurrence (store, block_id, date, error);
  guint marked = 0;

  if (n_marked != NULL)
    *n_marked = 0;
  if (rows == NULL || !spor_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      SporAttendanceRow *row = g_ptr_array_index (rows, i);

      if (row->status != SPOR_ATTENDANCE_UNKNOWN)
        continue;
      if (!spor_attendance_set (store, block_id, date, row->participant_id,
                                SPOR_ATTENDANCE_PRESENT, -1, error))
        {
          spor_store_rollback (store);
          return FALSE;
        }
      marked++;
    }
  if (!spor_store_commit (store, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = marked;
  return TRUE;
}

static int
week_index (const GDate *first_monday,
            const char  *date)
{
  GDate d;

  if (!spor_date_parse_to (date, &d))
    return -1;
  return g_date_days_between (first_monday, &d) / 7 - (g_date_days_between (first_monday, &d) < 0);
}

/* The ISO weeks from the one of Monday @first to the one of Monday @last */
static GArray *
make_weeks (const GDate *first,
            const GDate *last)
{
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (SporAttendanceWeek));

  for (GDate w = *first; g_date_compare (&w, last) <= 0; g_date_add_days (&w, 7))
    {
      SporAttendanceWeek week = { 0 };
      GDate thursday = w;

      spor_date_write_iso (&w, week.monday);
      week.iso_week = g_date_get_iso8601_week_of_year (&w);
      /* The ISO year is the year of the week's Thursday. */
      g_date_add_days (&thursday, 3);
      week.iso_year = g_date_get_year (&thursday);
      g_array_append_val (weeks, week);
    }
  return weeks;
}

/* Adds the hours of the participant's occurrences from @from to @to (not the cancelled
 * ones) to the weeks that hold them: their blocks expanded over the period. */
static gboolean
add_planned (SporStore   *store,
             gint64       participant_id,
             const GDate *first_monday,
             const char  *from,
             const char  *to,
             GArray      *weeks,
             GError     **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT bp.block_id FROM block_participants bp JOIN blocks b ON b.id = bp.block_id "
      "WHERE bp.participant_id = ?1 AND b.period_start <= ?3 "
      "  AND coalesce (b.period_end, ?2) >= ?2", error);
  g_autoptr(GArray) block_ids = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  block_ids = spor_store_collect_ids (store, stmt, "planned hours", error);
  if (block_ids == NULL)
    return FALSE;
  for (guint i = 0; i < block_ids->len; i++)
    {
      gint64 id = g_array_index (block_ids, gint64, i);
      g_autoptr(SporBlock) block = spor_store_get (store, SPOR_TYPE_BLOCK, id, error);
      g_autoptr(GPtrArray) exceptions = NULL;
      g_autoptr(GPtrArray) occurrences = NULL;

      if (block == NULL)
        return FALSE;
      exceptions = spor_blocks_list_exceptions (store, id, error);
      if (exceptions == NULL)
        return FALSE;
      occurrences = spor_blocks_expand (block, exceptions, from, to);
      for (guint o = 0; o < occurrences->len; o++)
        {
          SporOccurrence *occ = g_ptr_array_index (occurrences, o);
          int w = week_index (first_monday, occ->actual_date);

          if (!occ->cancelled && w >= 0 && (guint) w < weeks->len)
            g_array_index (weeks, SporAttendanceWeek, w).planned_hours += spor_occurrence_hours (occ);
        }
    }
  return TRUE;
}

/* Adds the hours registered from @from to @to to the weeks that hold them. */
static gboolean
add_attended (SporStore   *store,
              gint64       participant_id,
              const GDate *first_monday,
              const char  *from,
              const char  *to,
              GArray      *weeks,
              GError     **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT date, hours FROM attendance WHERE participant_id = ? AND date BETWEEN ? AND ?",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int w = week_index (first_monday, (const char *) sqlite3_column_text (stmt, 0));

      if (w >= 0 && (guint) w < weeks->len)
        g_array_index (weeks, SporAttendanceWeek, w).attended_hours += sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "attended hours");
      return FALSE;
    }
  return TRUE;
}

GArray *
spor_attendance_weeks (SporStore  *store,
                       gint64      participant_id,
                       const char *from,
                       const char *to,
                       GError    **error)
{
  g_autofree char *first = spor_blocks_week_start (from);
  g_autofree char *last_monday = spor_blocks_week_start (to);
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *sunday = NULL;
  GDate d, end;

  if (first == NULL || last_monday == NULL || strcmp (first, last_monday) > 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The period must end on or after its first day."));
      return NULL;
    }
  spor_date_parse_to (first, &d);
  spor_date_parse_to (last_monday, &end);
  weeks = make_weeks (&d, &end);
  sunday = spor_date_add_days (last_monday, 6);
  if (!add_planned (store, participant_id, &d, first, sunday, weeks, error) ||
      !add_attended (store, participant_id, &d, first, sunday, weeks, error))
    return NULL;
  return g_steal_pointer (&weeks);
}

gboolean
spor_attendance_agreement_hours (SporStore *store,
                                 gint64     participant_id,
                                 double    *hours,
                                 GError   **error)
{
  /* The current agreement is the one with the highest version. */
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT weekly_hours FROM agreements WHERE participant_id = ? "
      "ORDER BY version DESC LIMIT 1", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *hours = sqlite3_column_double (stmt, 0);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    spor_store_set_error (store, error, rc, "agreement hours");
  return found;
}

double
spor_attendance_rate (GArray *weeks)
{
  double planned = 0, attended = 0;

  for (guint i = 0; weeks != NULL && i < weeks->len; i++)
    {
      planned += g_array_index (weeks, SporAttendanceWeek, i).planned_hours;
      attended += g_array_index (weeks, SporAttendanceWeek, i).attended_hours;
    }
  return planned > 0 ? attended / planned : -1;
}

gboolean
spor_attendance_block_period (SporStore  *store,
                              gint64      participant_id,
                              char      **from,
                              char      **to,
                              GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
      "SELECT min (b.period_start), "
      "  CASE WHEN count (*) = count (b.period_end) THEN max (b.period_end) END "
      "FROM block_participants bp JOIN blocks b ON b.id = bp.block_id "
      "WHERE bp.participant_id = ?", error);
  gboolean found = FALSE;
  int rc;

  *from = *to = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *from = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *to = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    spor_store_set_error (store, error, rc, "block period");
  return found;
}
