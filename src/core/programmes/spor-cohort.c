/* spor-cohort.c — how full a cohort is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-cohort.h"
#include "spor-store-private.h"

gboolean
spor_cohort_occupancy (SporStore  *store,
                       gint64      cohort_id,
                       gint64     *taken,
                       gint64     *capacity,
                       GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
    "SELECT c.capacity, (SELECT count(*) FROM participants p WHERE p.cohort_id = c.id"
    "                     AND p.status IN ('intake', 'active', 'on_hold'))"
    "  FROM cohorts c WHERE c.id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (capacity != NULL)
        *capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
      if (taken != NULL)
        *taken = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND, _("No such cohort"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      spor_store_set_error (store, error, rc, _("Counting a cohort"));
      return FALSE;
    }
  return TRUE;
}
