/* spor-store-bulk.c — bulk writing, and records and tombstones from elsewhere
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

/* Bulk writing */

gboolean
spor_store_begin_bulk (SporStore     *self,
                       SporBulkFlags  flags,
                       const char    *action,
                       GError       **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_bulk && self->depth == 0, FALSE);

  /* A larger page cache while the indexes grow (64 MB: more pages than SQLite's default
   * cache holds, without spilling to the journal half-way, and within the memory an
   * import of a national file may take); into an empty database with no other
   * connection, a rollback journal: the rows go straight into the file instead of through
   * the write-ahead log and back (SQLite refuses the change while another connection has
   * the file open, and then it stays WAL). */
  if ((flags & SPOR_BULK_LARGE) &&
      !spor_store_exec (self, "PRAGMA main.cache_size = -65536", error))
    return FALSE;
  /* Refused while another connection has the file open, as said: nothing to report. */
  if ((flags & SPOR_BULK_LARGE) && (flags & SPOR_BULK_AUDIT_PER_KIND))
    spor_store_exec (self, "PRAGMA main.journal_mode = DELETE", NULL);
  if (!spor_store_begin (self, error))
    {
      spor_store_run_or_log (self, "PRAGMA main.journal_mode = WAL");
      return FALSE;
    }
  self->in_bulk = TRUE;
  self->bulk = flags;
  self->bulk_action = action;
  g_hash_table_remove_all (self->bulk_audit);
  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_bulk_audit (SporStore  *self,
                  GError    **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  /* in a stable order */
  g_hash_table_iter_init (&iter, self->bulk_audit);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (keys->pdata[i], "\n", 2);

      if (!spor_store_audit (self, parts[0], NULL, parts[1], NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
end_bulk_mode (SporStore *self)
{
  self->in_bulk = FALSE;
  g_hash_table_remove_all (self->bulk_audit);
  if (self->bulk & SPOR_BULK_LARGE)
    {
      spor_store_run_or_log (self, "PRAGMA main.journal_mode = WAL");
      /* SQLite's default */
      spor_store_run_or_log (self, "PRAGMA main.cache_size = -2000");
    }
  self->bulk = 0;
}

gboolean
spor_store_end_bulk (SporStore *self,
                     GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_bulk && self->depth == 1, FALSE);

  self->pending_many = TRUE;
  if (!write_bulk_audit (self, error) || !spor_store_commit (self, error))
    {
      spor_store_abort_bulk (self);
      return FALSE;
    }
  end_bulk_mode (self);
  return TRUE;
}

void
spor_store_abort_bulk (SporStore *self)
{
  g_return_if_fail (SPOR_IS_STORE (self));

  if (!self->in_bulk)
    return;
  while (self->depth > 0)
    spor_store_rollback (self);
  end_bulk_mode (self);
}

/* Records from elsewhere */

/* The label (untranslated) of the kind of the record with @uuid in any table but
 * @except's, or NULL. */
static const char *
uuid_kind_elsewhere (SporStore            *self,
                     const SporEntityInfo *except,
                     const char           *uuid,
                     GError              **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      sqlite3_stmt *stmt;
      gboolean found;

      if (infos[i] == except)
        continue;
      stmt = spor_store_entity_stmt (self, infos[i], STMT_LOCAL, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      spor_store_stmt_done (stmt);
      if (found)
        return infos[i]->label;
    }
  return NULL;
}

/* The local copy of a record: its key (0 if none) and when it was last changed. */
gboolean
spor_store_find_local (SporStore            *self,
                       const SporEntityInfo *info,
                       const char           *uuid,
                       gint64               *id,
                       char                **updated_at,
                       GError              **error)
{
  sqlite3_stmt *stmt = spor_store_entity_stmt (self, info, STMT_LOCAL, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (updated_at != NULL)
        *updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, info->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_store_find_tombstone (SporStore  *self,
                           const char *uuid,
                           char      **deleted_at,
                           GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (self, "SELECT deleted_at FROM tombstones WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  spor_store_stmt_done (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
spor_store_find_id (SporStore            *self,
                    const SporEntityInfo *info,
                    const char           *uuid,
                    gint64               *id,
                    gboolean             *deleted,
                    GError              **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  if (deleted != NULL)
    *deleted = FALSE;
  if (!spor_store_find_local (self, info, uuid, id, NULL, error))
    return FALSE;
  if (*id == 0 && deleted != NULL)
    {
      g_autofree char *deleted_at = NULL;

      if (!spor_store_find_tombstone (self, uuid, &deleted_at, error))
        return FALSE;
      *deleted = deleted_at != NULL;
    }
  return TRUE;
}

gboolean
spor_store_is_empty (SporStore  *self,
                     gboolean   *empty,
                     GError    **error)
{
  const SporEntityInfo * const *infos;
  g_autoptr(GString) sql = g_string_new ("SELECT EXISTS (SELECT 1 FROM tombstones)");
  sqlite3_stmt *stmt;
  guint n_infos;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  /* table names from the compile-time entity descriptions only */
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    g_string_append_printf (sql, " OR EXISTS (SELECT 1 FROM %s)", infos[i]->table);
  stmt = spor_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *empty = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_ROW)
    {
      spor_store_set_error (self, error, rc, _("Looking whether the database is empty"));
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_store_merge (SporStore        *self,
                  SporEntity       *entity,
                  SporMergeResult  *result,
                  char            **local_stamp,
                  GError          **error)
{
  const SporEntityInfo *info;
  g_autofree char *uuid = NULL, *created_at = NULL, *updated_at = NULL;
  g_autofree char *local_updated = NULL;
  gint64 local_id = 0;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  info = spor_entity_get_info (entity);
  uuid = g_strdup (spor_entity_get_uuid (entity));
  created_at = g_strdup (spor_entity_get_created_at (entity));
  updated_at = g_strdup (spor_entity_get_updated_at (entity));
  if (self->latest_stamp == NULL)
    self->latest_stamp = spor_timestamp_latest_allowed (self->began_at);
  if (!spor_check_keys (uuid, created_at, updated_at, self->latest_stamp, error))
    return FALSE;
  spor_uuid_normalise (uuid);
  /* also a record that will not be written: a file with a bad record is a bad file */
  if (!spor_store_check_for_write (self, entity, error))
    return FALSE;

  /* Into a database that was empty the record is new: a UUID seen twice in the file is the
   * importer's to find (and would break the table's UNIQUE rule anyway). */
  if (!(self->in_bulk && (self->bulk & SPOR_BULK_EMPTY)))
    {
      if (!spor_store_find_local (self, info, uuid, &local_id, &local_updated, error))
        return FALSE;
      if (local_id != 0)
        {
          int cmp = spor_timestamp_compare (updated_at, local_updated);

          if (cmp <= 0)
            {
              *result = cmp == 0 ? SPOR_MERGE_UNCHANGED : SPOR_MERGE_LOCAL_NEWER;
              if (local_stamp != NULL)
                *local_stamp = g_steal_pointer (&local_updated);
              return TRUE;
            }
        }
      else
        {
          g_autofree char *deleted_at = NULL;
          const char *other;

          if (!spor_store_find_tombstone (self, uuid, &deleted_at, error))
            return FALSE;
          if (deleted_at != NULL)
            {
              *result = SPOR_MERGE_DELETED_HERE;
              if (local_stamp != NULL)
                *local_stamp = g_steal_pointer (&deleted_at);
              return TRUE;
            }
          other = uuid_kind_elsewhere (self, info, uuid, error);
          if (other != NULL)
            {
              g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("uuid: here the UUID belongs to a record of another kind (“%s”)"),
                           _(other));
              return FALSE;
            }
        }
    }

  if (local_id == 0)
    {
      if (!spor_store_insert_row (self, entity, uuid, created_at, updated_at, "import", error))
        return FALSE;
      *result = SPOR_MERGE_NEW;
      return TRUE;
    }
  if (!spor_store_update_row (self, entity, local_id, created_at, updated_at, error) ||
      !spor_store_audit_record (self, info, uuid, "import", NULL, error))
    return FALSE;
  spor_store_note_record (self, info, local_id, SPOR_CHANGE_UPDATED);
  spor_entity_set_keys (entity, local_id, uuid, created_at, updated_at);
  *result = SPOR_MERGE_UPDATED;
  return TRUE;
}

static gboolean
add_tombstone_at (SporStore  *self,
                  const char *entity,
                  const char *uuid,
                  const char *deleted_at,
                  GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (self, "INSERT INTO tombstones (entity, uuid, deleted_at) "
                                      "VALUES (?, ?, ?) ON CONFLICT (uuid) DO NOTHING", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, deleted_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, _("Recording a deletion"));
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
copy_counts (GHashTable *counts)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

gboolean
spor_store_apply_tombstone (SporStore            *self,
                            const SporEntityInfo *info,
                            const char           *uuid_in,
                            const char           *deleted_at,
                            SporMergeResult      *result,
                            GError              **error)
{
  g_autofree char *uuid = g_strdup (uuid_in);
  gint64 id = 0;
  const char *other;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!spor_uuid_is_valid (uuid))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("uuid: not a UUID"));
      return FALSE;
    }
  spor_uuid_normalise (uuid);
  if (!spor_timestamp_is_valid (deleted_at))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("deleted_at: not a time stamp"));
      return FALSE;
    }
  if (!spor_store_find_local (self, info, uuid, &id, NULL, error))
    return FALSE;
  if (id == 0)
    {
      other = uuid_kind_elsewhere (self, info, uuid, error);
      if (other != NULL)
        {
          g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                       _("entity: here the UUID belongs to a record of the kind “%s”, the file says “%s”"),
                       _(other), _(info->label));
          return FALSE;
        }
      /* not here (or deleted here already): remember the deletion, so that a copy that
       * comes later by another way stays deleted */
      *result = SPOR_MERGE_UNCHANGED;
      return add_tombstone_at (self, info->name, uuid, deleted_at, error);
    }

  if (g_str_equal (info->name, "participant"))
    {
      g_autoptr(SporEntity) person = spor_store_get (self, SPOR_TYPE_PARTICIPANT, id, error);

      /* An erasure is a duty towards the person: it wins over any later edit here. */
      if (person == NULL || !spor_store_erase (self, person, error))
        return FALSE;
      *result = SPOR_MERGE_DELETED;
      return TRUE;
    }

  /* Any other deletion wins only over what it has seen: when the record, or a record that
   * would go with it, was changed here after @deleted_at, the deletion is a conflict and
   * nothing is deleted. */
  if (!spor_store_begin (self, error))
    return FALSE;
  {
    /* the counts as they were, for when the deletion is undone */
    g_autoptr(GHashTable) counts = copy_counts (self->deleted_counts);
    gboolean deleted;

    g_clear_pointer (&self->deleted_latest, g_free);
    g_free (self->deleting_at);
    self->deleting_at = g_strdup (deleted_at);
    deleted = spor_store_delete_row (self, info, id, error);
    g_clear_pointer (&self->deleting_at, g_free);
    if (!deleted)
      return spor_store_fail (self);
    if (self->deleted_latest != NULL &&
        spor_timestamp_compare (self->deleted_latest, deleted_at) > 0)
      {
        spor_store_rollback (self);
        g_hash_table_unref (self->deleted_counts);
        self->deleted_counts = g_steal_pointer (&counts);
        *result = SPOR_MERGE_LOCAL_NEWER;
        return TRUE;
      }
  }
  self->pending_many = TRUE;
  *result = SPOR_MERGE_DELETED;
  return spor_store_commit (self, error) || spor_store_fail (self);
}
