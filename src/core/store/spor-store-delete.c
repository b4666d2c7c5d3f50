/* spor-store-delete.c — deletions, their tombstones, and erasures that leave no trace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "spor-check.h"
#include "spor-store-internal.h"
#include "spor-util.h"

/* Deletions. Every record that disappears, by a delete here, an erasure, a deletion that
 * spreads through ON DELETE CASCADE, or a tombstone from another site, gets its tombstone
 * and audit entry from the schema's triggers (schema version 2), which call
 * spor_deleted() below for the tombstone's time. */

static void
sql_deleted (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  SporStore *self = sqlite3_user_data (ctx);
  const char *entity = (const char *) sqlite3_value_text (argv[0]);
  const char *updated_at = (const char *) sqlite3_value_text (argv[1]);
  const char *when = self->deleting_at != NULL ? self->deleting_at : self->began_at;
  gpointer n;

  self->n_deleted++;
  if (entity != NULL)
    {
      n = g_hash_table_lookup (self->deleted_counts, entity);
      g_hash_table_insert (self->deleted_counts, g_strdup (entity),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
  if (updated_at != NULL &&
      (self->deleted_latest == NULL || spor_timestamp_compare (updated_at, self->deleted_latest) > 0))
    {
      g_free (self->deleted_latest);
      self->deleted_latest = g_strdup (updated_at);
    }
  if (when == NULL)
    sqlite3_result_text (ctx, spor_timestamp_now (), -1, g_free);
  else
    sqlite3_result_text (ctx, when, -1, SQLITE_TRANSIENT);
}

static void
sql_now (sqlite3_context *ctx,
         int              argc,
         sqlite3_value  **argv)
{
  SporStore *self = sqlite3_user_data (ctx);

  if (self->began_at == NULL)
    sqlite3_result_text (ctx, spor_timestamp_now (), -1, g_free);
  else
    sqlite3_result_text (ctx, self->began_at, -1, SQLITE_TRANSIENT);
}

/* The functions the schema's triggers call. They change nothing in the database (the
 * counting is the store's own), so they are innocuous. */
int
spor_store_register_functions (SporStore *self)
{
  int rc = sqlite3_create_function_v2 (self->db, "spor_deleted", 2,
                                       SQLITE_UTF8 | SQLITE_INNOCUOUS, self, sql_deleted,
                                       NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "spor_now", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     self, sql_now, NULL, NULL, NULL);
  return rc;
}

void
spor_store_reset_deleted (SporStore *self)
{
  g_hash_table_remove_all (self->deleted_counts);
  g_clear_pointer (&self->deleted_latest, g_free);
}

guint
spor_store_count_deleted (SporStore  *self,
                          const char *entity)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->deleted_counts, entity));
}

gboolean
spor_store_delete_row (SporStore            *self,
                       const SporEntityInfo *info,
                       gint64                id,
                       GError              **error)
{
  sqlite3_stmt *stmt = spor_store_entity_stmt (self, info, STMT_DELETE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, info->name);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("There is no such %s record"), info->name);
      return FALSE;
    }
  spor_store_note_record (self, info, id, SPOR_CHANGE_DELETED);
  return TRUE;
}

gboolean
spor_store_delete (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  const SporEntityInfo *info;
  guint64 before;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);

  info = spor_entity_get_info (entity);
  /* A participant is never only deleted: the person is erased. */
  if (g_str_equal (info->name, "participant"))
    return spor_store_erase (self, entity, error);
  if (!spor_store_begin (self, error))
    return FALSE;
  before = self->n_deleted;
  if (!spor_store_delete_row (self, info, spor_entity_get_id (entity), error))
    return spor_store_fail (self);
  /* Records that belonged to it went with it: announce that more changed. */
  if (self->n_deleted > before + 1)
    self->pending_many = TRUE;
  if (!spor_store_commit (self, error))
    return spor_store_fail (self);

  spor_entity_set_keys (entity, 0, spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), spor_entity_get_updated_at (entity));
  return TRUE;
}

/* Erasure. A person's record and everything linked to it go (the triggers leave
 * tombstones); then no trace of the text may stay in the files: secure_delete zeroes the
 * freed pages, the search index is rewritten before the commit (FTS5 keeps deleted text in
 * its segments until they are merged), and after the commit the write-ahead log is copied
 * back and emptied. A reader that keeps the log busy only delays the last step: it is tried
 * again at every later commit, poll and close. */

/* The tables whose records belong to a participant and go with them (ON DELETE CASCADE):
 * each must hold none of the erased person's rows afterwards. */
static gboolean
erase_verify (SporStore *self,
              gint64     id,
              GError   **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;
  gboolean left = FALSE;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos && !left; i++)
    for (guint f = 0; f < infos[i]->n_fields && !left; f++)
      {
        const SporField *field = &infos[i]->fields[f];
        g_autofree char *sql = NULL;
        sqlite3_stmt *stmt;

        if (field->type != SPOR_FIELD_REF || g_strcmp0 (field->ref, "participant") != 0)
          continue;
        /* identifiers from the compile-time field tables only */
        sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ? LIMIT 1", infos[i]->table,
                               field->name);
        stmt = spor_store_prepare (self, sql, error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        left = sqlite3_step (stmt) == SQLITE_ROW;
        spor_store_stmt_done (stmt);
      }
  if (!left)
    {
      sqlite3_stmt *stmt = spor_store_prepare (self, "SELECT (SELECT count(*) FROM participants WHERE id = ?1)"
                                          " + (SELECT count(*) FROM participants_fts WHERE rowid = ?1)",
                                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      left = sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != 0;
      spor_store_stmt_done (stmt);
    }
  if (left)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT,
                           _("The erasure did not remove everything; the database file has been "
                             "changed outside Spor. Nothing was erased."));
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_store_erase (SporStore  *self,
                  SporEntity *entity,
                  GError    **error)
{
  const SporEntityInfo *info;
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_PARTICIPANT (entity), FALSE);

  info = spor_entity_get_info (entity);
  id = spor_entity_get_id (entity);
  if (!spor_store_begin (self, error))
    return FALSE;
  if (!spor_store_delete_row (self, info, id, &local))
    {
      /* a row a trigger kept (RAISE (IGNORE)) is found by the check below */
      if (!g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return spor_store_fail (self);
        }
    }
  if (!erase_verify (self, id, error))
    return spor_store_fail (self);
  /* everything that belonged to the person went too */
  self->pending_many = TRUE;
  self->scrub_fts = TRUE;
  if (!spor_store_commit (self, error))
    return spor_store_fail (self);
  spor_entity_set_keys (entity, 0, spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), spor_entity_get_updated_at (entity));
  return TRUE;
}

/* Before the outermost COMMIT of a transaction that erased someone */
gboolean
spor_store_scrub_index (SporStore *self,
                        GError   **error)
{
  if (!self->scrub_fts)
    return TRUE;
  if (!spor_store_exec (self, "INSERT INTO participants_fts (participants_fts) VALUES ('optimize')", error))
    return FALSE;
  self->scrub_fts = FALSE;
  self->scrub_wal = TRUE;
  return TRUE;
}

/* After it, or later: empties the write-ahead log if no reader needs it. */
void
spor_store_scrub_log (SporStore *self)
{
  int log = -1, done = -1;

  if (!self->scrub_wal || self->depth > 0)
    return;
  if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) ==
      SQLITE_OK && log == 0)
    self->scrub_wal = FALSE;
}

gboolean
spor_store_erase_pending (SporStore *self)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  spor_store_scrub_log (self);
  return self->scrub_wal;
}
