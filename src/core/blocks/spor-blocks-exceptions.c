/* spor-blocks-exceptions.c — cancelling, moving and staffing one occurrence of a block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spor-blocks.h"
#include "spor-blocks-private.h"
#include "spor-rules.h"
#include "spor-store-private.h"

/* The record rules of an exception to a block's week (spor-rules.h) */
void
spor_block_exception_rules (SporEntity *e,
                            SporStore  *store,
                            GPtrArray  *problems)
{
  const char *kind = spor_entity_get_text (e, "kind");
  const char *start = spor_entity_get_text (e, "new_start_time");
  const char *end = spor_entity_get_text (e, "new_end_time");
  g_autoptr(SporEntity) block = NULL;

  if (g_strcmp0 (kind, "moved") == 0 && spor_entity_get_text (e, "new_date") == NULL)
    spor_problems_add (problems, "new_date", _("Choose the day the block moves to."));
  if (g_strcmp0 (kind, "substitute") == 0 && spor_entity_get_int (e, "substitute_id") <= 0)
    spor_problems_add (problems, "substitute_id", _("Choose the substitute."));

  /* A time left out is the block's own. */
  if ((start == NULL) != (end == NULL))
    block = spor_rules_get (store, SPOR_TYPE_BLOCK, spor_entity_get_int (e, "block_id"), problems,
                            "block_id");
  if (block != NULL)
    {
      start = start != NULL ? start : spor_entity_get_text (block, "start_time");
      end = end != NULL ? end : spor_entity_get_text (block, "end_time");
    }
  if (spor_time_is_valid (start) && spor_time_is_valid (end) && strcmp (end, start) <= 0)
    spor_problems_add (problems, "new_end_time", _("The block must end after it starts."));
}

SporEntity *
spor_blocks_read_exception (sqlite3_stmt *stmt,
                            int           first,
                            gint64        block_id)
{
  static const char * const text_fields[] = { "date", "kind", "new_date", "new_start_time",
                                              "new_end_time" };
  static const char * const ref_fields[] = { "staff_id", "substitute_id" };
  SporEntity *x = spor_entity_new (SPOR_TYPE_BLOCK_EXCEPTION);
  int col = first + 4;

  spor_entity_set_keys (x, sqlite3_column_int64 (stmt, first),
                        (const char *) sqlite3_column_text (stmt, first + 1),
                        (const char *) sqlite3_column_text (stmt, first + 2),
                        (const char *) sqlite3_column_text (stmt, first + 3));
  spor_entity_set_int (x, "block_id", block_id);
  for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++, col++)
    if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
      spor_entity_set_text (x, text_fields[f], (const char *) sqlite3_column_text (stmt, col));
  for (guint f = 0; f < G_N_ELEMENTS (ref_fields); f++, col++)
    if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
      spor_entity_set_int (x, ref_fields[f], sqlite3_column_int64 (stmt, col));
  if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
    spor_entity_set_text (x, "reason", (const char *) sqlite3_column_text (stmt, col));
  return x;
}

GPtrArray *
spor_blocks_list_exceptions (SporStore *store,
                             gint64     block_id,
                             GError   **error)
{
  return spor_store_list_by (store, SPOR_TYPE_BLOCK_EXCEPTION, "block_id", block_id, "date",
                             FALSE, error);
}

SporBlock *
spor_blocks_occurrence_block (SporStore  *store,
                              gint64      block_id,
                              const char *date,
                              GError    **error)
{
  g_autoptr(SporBlock) block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, error);

  if (block == NULL)
    return NULL;
  if (!spor_blocks_has_date (block, date))
    {
      spor_store_invalid (error, _("The block does not take place on that day."));
      return NULL;
    }
  return g_steal_pointer (&block);
}

static gboolean
remove_exceptions (SporStore  *store,
                   gint64      block_id,
                   const char *date,
                   const char *kind,
                   GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_EXCEPTION);
  g_autoptr(GPtrArray) list = NULL;

  spor_query_where_int (query, "block_id", block_id);
  spor_query_where_text (query, "date", date);
  if (kind != NULL)
    spor_query_where_text (query, "kind", kind);
  list = spor_store_list (store, query, error);
  return list != NULL && spor_blocks_delete_all (store, list, error);
}

static SporBlockException *
new_exception (gint64      block_id,
               const char *date,
               const char *kind)
{
  SporBlockException *x = spor_entity_new (SPOR_TYPE_BLOCK_EXCEPTION);

  spor_entity_set_int (SPOR_ENTITY (x), "block_id", block_id);
  spor_entity_set_text (SPOR_ENTITY (x), "date", date);
  spor_entity_set_text (SPOR_ENTITY (x), "kind", kind);
  return x;
}

/* Puts @x (an exception of its kind, with its reason if any) in the place of the
 * occurrence's exceptions of that kind, in one transaction */
static gboolean
replace_exception (SporStore  *store,
                   SporEntity *x,
                   const char *reason,
                   GError    **error)
{
  if (reason != NULL && *reason != '\0')
    spor_entity_set_text (x, "reason", reason);
  if (!spor_store_begin (store, error))
    return FALSE;
  if (!remove_exceptions (store, spor_entity_get_int (x, "block_id"),
                          spor_entity_get_text (x, "date"), spor_entity_get_text (x, "kind"),
                          error) ||
      !spor_store_insert (store, x, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error);
}

gboolean
spor_blocks_cancel_occurrence (SporStore  *store,
                               gint64      block_id,
                               const char *date,
                               const char *reason,
                               GError    **error)
{
  g_autoptr(SporBlock) block = spor_blocks_occurrence_block (store, block_id, date, error);
  g_autoptr(SporBlockException) x = NULL;

  if (block == NULL)
    return FALSE;
  x = new_exception (block_id, date, "cancelled");
  return replace_exception (store, SPOR_ENTITY (x), reason, error);
}

gboolean
spor_blocks_move_occurrence (SporStore  *store,
                             gint64      block_id,
                             const char *date,
                             const char *new_date,
                             const char *new_start,
                             const char *new_end,
                             const char *reason,
                             GError    **error)
{
  g_autoptr(SporBlock) block = spor_blocks_occurrence_block (store, block_id, date, error);
  g_autoptr(SporBlockException) x = NULL;
  const char *start, *end;

  if (block == NULL)
    return FALSE;
  if (new_date != NULL && !spor_date_is_valid (new_date))
    return spor_store_invalid (error, _("The new day is not a valid date."));
  if ((new_start != NULL && !spor_time_is_valid (new_start)) ||
      (new_end != NULL && !spor_time_is_valid (new_end)))
    return spor_store_invalid (error, _("Enter the times as hours and minutes, for example 09:00."));
  start = new_start != NULL ? new_start : spor_entity_get_text (SPOR_ENTITY (block), "start_time");
  end = new_end != NULL ? new_end : spor_entity_get_text (SPOR_ENTITY (block), "end_time");
  if (strcmp (end, start) <= 0)
    return spor_store_invalid (error, _("The block must end after it starts."));

  x = new_exception (block_id, date, "moved");
  spor_entity_set_text (SPOR_ENTITY (x), "new_date", new_date != NULL ? new_date : date);
  if (new_start != NULL)
    spor_entity_set_text (SPOR_ENTITY (x), "new_start_time", new_start);
  if (new_end != NULL)
    spor_entity_set_text (SPOR_ENTITY (x), "new_end_time", new_end);
  return replace_exception (store, SPOR_ENTITY (x), reason, error);
}

gboolean
spor_blocks_substitute_staff (SporStore  *store,
                              gint64      block_id,
                              const char *date,
                              gint64      staff_id,
                              gint64      substitute_id,
                              GError    **error)
{
  g_autoptr(SporBlock) block = spor_blocks_occurrence_block (store, block_id, date, error);
  g_autoptr(SporBlockException) x = NULL;

  if (block == NULL)
    return FALSE;
  if (staff_id == substitute_id || substitute_id <= 0)
    return spor_store_invalid (error, _("Choose another staff member as the substitute."));

  x = new_exception (block_id, date, "substitute");
  spor_entity_set_int (SPOR_ENTITY (x), "staff_id", staff_id);
  spor_entity_set_int (SPOR_ENTITY (x), "substitute_id", substitute_id);
  return spor_store_insert (store, SPOR_ENTITY (x), error);
}

gboolean
spor_blocks_restore_occurrence (SporStore  *store,
                                gint64      block_id,
                                const char *date,
                                GError    **error)
{
  return remove_exceptions (store, block_id, date, NULL, error);
}
