/* spor-store-records.c — reading and writing one record: insert, get, update
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

/* Values between entities and statements */

void
spor_store_bind_field (sqlite3_stmt    *stmt,
                       int              column,
                       SporEntity      *entity,
                       guint            index)
{
  const SporField *field = &spor_entity_get_info (entity)->fields[index];
  const GValue *value = spor_entity_peek_value (entity, index);

  switch (field->type)
    {
    case SPOR_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
      break;
    case SPOR_FIELD_INT:
      if (!spor_entity_value_present (entity, index))
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
      break;
    case SPOR_FIELD_REAL:
      if (!spor_entity_value_present (entity, index))
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_double (stmt, column, g_value_get_double (value));
      break;
    case SPOR_FIELD_BOOL:
      sqlite3_bind_int (stmt, column, g_value_get_boolean (value) ? 1 : 0);
      break;
    default:
      {
        const char *text = g_value_get_string (value);

        /* An empty optional text is stored as NULL. */
        if (text == NULL || (*text == '\0' && !(field->flags & SPOR_FIELD_REQUIRED)))
          sqlite3_bind_null (stmt, column);
        else
          sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
      }
      break;
    }
}

void
spor_store_read_row (sqlite3_stmt *stmt,
                     SporEntity   *entity)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);

  spor_entity_set_keys (entity, sqlite3_column_int64 (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3));

  for (guint i = 0; i < info->n_fields; i++)
    {
      int column = (int) i + 4;
      gboolean null = sqlite3_column_type (stmt, column) == SQLITE_NULL;
      GValue *value = spor_entity_peek_value (entity, i);

      switch (info->fields[i].type)
        {
        case SPOR_FIELD_INT:
        case SPOR_FIELD_REF:
          g_value_set_int64 (value, null ? 0 : sqlite3_column_int64 (stmt, column));
          break;
        case SPOR_FIELD_REAL:
          g_value_set_double (value, null ? 0.0 : sqlite3_column_double (stmt, column));
          break;
        case SPOR_FIELD_BOOL:
          g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
          break;
        default:
          g_value_set_string (value, null ? NULL : (const char *) sqlite3_column_text (stmt, column));
          break;
        }
      spor_entity_set_value_present (entity, i, !null);
    }
}

gboolean
spor_store_values_equal (SporEntity *a,
                         SporEntity *b,
                         guint       index)
{
  const GValue *va = spor_entity_peek_value (a, index);
  const GValue *vb = spor_entity_peek_value (b, index);
  gboolean pa = spor_entity_value_present (a, index);
  gboolean pb = spor_entity_value_present (b, index);

  switch (spor_entity_get_info (a)->fields[index].type)
    {
    case SPOR_FIELD_INT:
      return pa == pb && (!pa || g_value_get_int64 (va) == g_value_get_int64 (vb));
    case SPOR_FIELD_REF:
      return g_value_get_int64 (va) == g_value_get_int64 (vb);
    case SPOR_FIELD_REAL:
      return pa == pb && (!pa || g_value_get_double (va) == g_value_get_double (vb));
    case SPOR_FIELD_BOOL:
      return !g_value_get_boolean (va) == !g_value_get_boolean (vb);
    default:
      {
        const char *sa = g_value_get_string (va), *sb = g_value_get_string (vb);

        /* NULL and "" are the same to the database */
        return g_strcmp0 (sa ? sa : "", sb ? sb : "") == 0;
      }
    }
}

/* CRUD */


/* Every failure after spor_store_begin() ends here, once. */
/* The audit entry of one record written; in bulk, counted instead (see end_bulk). */
gboolean
spor_store_audit_record (SporStore            *self,
                         const SporEntityInfo *info,
                         const char           *uuid,
                         const char           *action,
                         const char           *fields,
                         GError              **error)
{
  if (self->in_bulk && (self->bulk & SPOR_BULK_AUDIT_PER_KIND))
    {
      g_autofree char *key = g_strconcat (info->name, "\n", self->bulk_action, NULL);
      gpointer n = g_hash_table_lookup (self->bulk_audit, key);

      g_hash_table_insert (self->bulk_audit, g_steal_pointer (&key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
      return TRUE;
    }
  return spor_store_audit (self, info->name, uuid, action, fields, error);
}

void
spor_store_note_record (SporStore            *self,
                        const SporEntityInfo *info,
                        gint64                id,
                        SporChangeAction      action)
{
  /* a bulk write is announced as a whole */
  if (self->in_bulk)
    self->pending_many = TRUE;
  else
    spor_store_queue_change (self, info->name, id, action);
}

/* INSERT of @entity with the keys given; the audit entry and the change notice. */
gboolean
spor_store_insert_row (SporStore  *self,
                       SporEntity *entity,
                       const char *uuid,
                       const char *created_at,
                       const char *updated_at,
                       const char *action,
                       GError    **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  sqlite3_stmt *stmt = spor_store_entity_stmt (self, info, STMT_INSERT, error);
  g_autoptr(GString) fields = NULL;
  gint64 id;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    spor_store_bind_field (stmt, (int) i + 4, entity, i);
  rc = sqlite3_step (stmt);
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, info->name);
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!(self->in_bulk && (self->bulk & SPOR_BULK_AUDIT_PER_KIND)))
    {
      fields = g_string_new (NULL);
      for (guint i = 0; i < info->n_fields; i++)
        if (spor_entity_has_value (entity, i))
          g_string_append_printf (fields, "%s%s", fields->len ? "," : "", info->fields[i].name);
    }
  if (!spor_store_audit_record (self, info, uuid, action, fields ? fields->str : NULL, error))
    return FALSE;
  spor_store_note_record (self, info, id, SPOR_CHANGE_CREATED);
  spor_entity_set_keys (entity, id, uuid, created_at, updated_at);
  return TRUE;
}

/* Every write of a record is checked here, whatever path it comes by. */
gboolean
spor_store_check_for_write (SporStore  *self,
                            SporEntity *entity,
                            GError    **error)
{
  spor_check_normalise (entity);
  return spor_check_record_error (entity, self, error);
}

gboolean
spor_store_insert (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (spor_entity_get_id (entity) == 0, FALSE);

  /* one time for all records of a bulk write, as for the audit entries of a transaction */
  now = self->in_bulk ? g_strdup (self->began_at) : spor_timestamp_now ();
  /* A record that comes with its UUID and times keeps them: they are checked as the keys of
   * a record from elsewhere are. */
  uuid = g_strdup (spor_entity_get_uuid (entity));
  created_at = g_strdup (spor_entity_get_created_at (entity) ?: now);
  updated_at = g_strdup (spor_entity_get_updated_at (entity) ?: now);
  if (uuid == NULL)
    uuid = spor_uuid_new ();
  else
    {
      g_autofree char *latest = spor_timestamp_latest_allowed (now);

      if (!spor_check_keys (uuid, created_at, updated_at, latest, error))
        return FALSE;
      spor_uuid_normalise (uuid);
    }

  /* In a bulk write with one audit entry per kind, the record is one statement, which
   * SQLite keeps whole or undoes by itself: no savepoint around it. */
  if (self->in_bulk && (self->bulk & SPOR_BULK_AUDIT_PER_KIND))
    return spor_store_check_for_write (self, entity, error) &&
           spor_store_insert_row (self, entity, uuid, created_at, updated_at, "create", error);
  if (!spor_store_begin (self, error))
    return FALSE;
  if (!spor_store_check_for_write (self, entity, error) ||
      !spor_store_insert_row (self, entity, uuid, created_at, updated_at, "create", error) ||
      !spor_store_commit (self, error))
    return spor_store_fail (self);
  return TRUE;
}

static gpointer
get_by (SporStore  *self,
        GType       entity_type,
        gboolean    by_uuid,
        gint64      id,
        const char *uuid,
        GError    **error)
{
  const SporEntityInfo *info = spor_entity_info_for_type (entity_type);
  g_autoptr(SporEntity) entity = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (info != NULL, NULL);

  stmt = spor_store_entity_stmt (self, info, by_uuid ? STMT_BY_UUID : STMT_BY_ID, error);
  if (stmt == NULL)
    return NULL;
  if (by_uuid)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      entity = spor_entity_new (entity_type);
      spor_store_read_row (stmt, entity);
    }
  spor_store_stmt_done (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                 _("There is no such %s record"), info->name);
  else if (rc != SQLITE_ROW)
    spor_store_set_error (self, error, rc, info->name);
  return g_steal_pointer (&entity);
}

gpointer
spor_store_get (SporStore *self,
                GType      entity_type,
                gint64     id,
                GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  return get_by (self, entity_type, FALSE, id, NULL, error);
}

gpointer
spor_store_get_by_uuid (SporStore  *self,
                        GType       entity_type,
                        const char *uuid,
                        GError    **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  return get_by (self, entity_type, TRUE, 0, uuid, error);
}

/* The names of the fields in which @a and @b differ, comma-separated ("" for none). */
static char *
changed_fields (SporEntity *a,
                SporEntity *b)
{
  const SporEntityInfo *info = spor_entity_get_info (a);
  GString *changed = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    if (!spor_store_values_equal (a, b, i))
      g_string_append_printf (changed, "%s%s", changed->len ? "," : "", info->fields[i].name);
  return g_string_free (changed, FALSE);
}

/* UPDATE of the record @id with @entity's fields and @updated_at (and @created_at, for a
 * record from elsewhere: STMT_MERGE). */
gboolean
spor_store_update_row (SporStore  *self,
                       SporEntity *entity,
                       gint64      id,
                       const char *created_at,
                       const char *updated_at,
                       GError    **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  sqlite3_stmt *stmt = spor_store_entity_stmt (self, info, created_at ? STMT_MERGE : STMT_UPDATE, error);
  int column = 1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (created_at != NULL)
    sqlite3_bind_text (stmt, column++, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column++, updated_at, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    spor_store_bind_field (stmt, column++, entity, i);
  sqlite3_bind_int64 (stmt, column, id);
  rc = sqlite3_step (stmt);
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, info->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_store_update (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  const SporEntityInfo *info;
  g_autoptr(SporEntity) stored = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);

  info = spor_entity_get_info (entity);
  if (spor_entity_get_id (entity) <= 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("The %s record has not been saved yet"), info->name);
      return FALSE;
    }
  if (!spor_store_begin (self, error))
    return FALSE;
  if (!spor_store_check_for_write (self, entity, error))
    return spor_store_fail (self);

  stored = spor_store_get (self, G_OBJECT_TYPE (entity), spor_entity_get_id (entity), error);
  if (stored == NULL)
    return spor_store_fail (self);
  if (spor_entity_get_updated_at (entity) != NULL &&
      g_strcmp0 (spor_entity_get_updated_at (entity), spor_entity_get_updated_at (stored)) != 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED,
                           _("The record was changed elsewhere after it was opened here."));
      return spor_store_fail (self);
    }

  changed = changed_fields (stored, entity);
  if (*changed == '\0')
    return spor_store_commit (self, error) || spor_store_fail (self);

  now = spor_timestamp_now ();
  if (!spor_store_update_row (self, entity, spor_entity_get_id (entity), NULL, now, error))
    return spor_store_fail (self);
  spor_store_note_record (self, info, spor_entity_get_id (entity), SPOR_CHANGE_UPDATED);
  if (!spor_store_audit_record (self, info, spor_entity_get_uuid (entity), "update", changed, error) ||
      !spor_store_commit (self, error))
    return spor_store_fail (self);

  spor_entity_set_keys (entity, spor_entity_get_id (entity), spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), now);
  return TRUE;
}
