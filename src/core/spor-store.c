/* spor-store.c — the only door to the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spor-store-open.h"
#include "spor-util.h"

struct _SporStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *site_uuid;
  int         schema_version;
  gboolean    checked;     /* PRAGMA quick_check ran when opening */
  guint       depth;       /* open transactions: 1 = BEGIN, more = savepoints */
  char       *began_at;    /* when the open transaction began: the time of its audit entries */
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  GHashTable *entity_sql;  /* SporEntityInfo → EntitySql */
  GArray     *pending;     /* Change: written in the open transaction, announced on commit */
  gboolean    pending_many; /* too many for one each: announce SPOR_CHANGE_MANY */
  GArray     *marks;       /* guint per open savepoint: pending->len when it began */
  gint64      data_version; /* PRAGMA data_version when this store last looked */
};

/* One record written in the open transaction */
typedef struct
{
  const char       *entity; /* the entity's static name */
  gint64            id;
  SporChangeAction  action;
} Change;

/* More records than this in one transaction are announced as one SPOR_CHANGE_MANY. */
#define MAX_PENDING_CHANGES 256

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SporStore, spor_store, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SporChangeAction, spor_change_action,
                    G_DEFINE_ENUM_VALUE (SPOR_CHANGE_CREATED, "created"),
                    G_DEFINE_ENUM_VALUE (SPOR_CHANGE_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (SPOR_CHANGE_DELETED, "deleted"),
                    G_DEFINE_ENUM_VALUE (SPOR_CHANGE_MANY, "many"))

G_DEFINE_QUARK (spor-store-error-quark, spor_store_error)

/* The SQL of an entity, made once from the field tables in spor-entities.c. Only those
 * compile-time identifiers go into it; every value is a bound parameter. */
typedef struct
{
  char *select;  /* SELECT id, uuid, created_at, updated_at, <fields> FROM <table> */
  char *by_id;
  char *by_uuid;
  char *insert;
  char *update;
  char *delete;
  char *count;
} EntitySql;

static void
entity_sql_free (gpointer data)
{
  EntitySql *sql = data;

  g_free (sql->select);
  g_free (sql->by_id);
  g_free (sql->by_uuid);
  g_free (sql->insert);
  g_free (sql->update);
  g_free (sql->delete);
  g_free (sql->count);
  g_free (sql);
}

static const EntitySql *
entity_sql (SporStore            *self,
            const SporEntityInfo *info)
{
  EntitySql *sql = g_hash_table_lookup (self->entity_sql, info);
  GString *s;

  if (sql != NULL)
    return sql;

  sql = g_new0 (EntitySql, 1);

  s = g_string_new ("SELECT id, uuid, created_at, updated_at");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, ", %s", info->fields[i].name);
  g_string_append_printf (s, " FROM %s", info->table);
  sql->select = g_string_free (s, FALSE);
  sql->by_id = g_strconcat (sql->select, " WHERE id = ?", NULL);
  sql->by_uuid = g_strconcat (sql->select, " WHERE uuid = ?", NULL);

  s = g_string_new ("INSERT INTO ");
  g_string_append (s, info->table);
  g_string_append (s, " (uuid, created_at, updated_at");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, ", %s", info->fields[i].name);
  g_string_append (s, ") VALUES (?, ?, ?");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append (s, ", ?");
  g_string_append (s, ")");
  sql->insert = g_string_free (s, FALSE);

  s = g_string_new ("UPDATE ");
  g_string_append (s, info->table);
  g_string_append (s, " SET updated_at = ?");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, ", %s = ?", info->fields[i].name);
  g_string_append (s, " WHERE id = ?");
  sql->update = g_string_free (s, FALSE);

  sql->delete = g_strconcat ("DELETE FROM ", info->table, " WHERE id = ?", NULL);
  sql->count = g_strconcat ("SELECT count(*) FROM ", info->table, NULL);

  g_hash_table_insert (self->entity_sql, (gpointer) info, sql);
  return sql;
}

/* Errors */

static void
set_sqlite_error (SporStore  *self,
                  GError    **error,
                  int         rc,
                  const char *what)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  switch (rc)
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT,
                   _("%s: it refers to a record that does not exist"), what);
      return;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT,
                   _("%s: a record with the same key already exists (%s)"), what, detail);
      return;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("%s: a value is not allowed (%s)"), what, detail);
      return;
    default:
      break;
    }

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT,
                   _("%s: the database refused the change (%s)"), what, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_BUSY,
                   _("%s: the database is in use by another program; try again"), what);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_DATABASE,
                   _("%s: the file is not a Spor database"), what);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT,
                   _("%s: the database file is damaged (%s)"), what, detail);
      break;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                   _("%s: the database file could not be read or written (%s)"), what, detail);
      break;
    default:
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED,
                   "%s: %s", what, detail);
      break;
    }
}

/* Statements are prepared once and kept; the caller resets them with stmt_done(). */
static sqlite3_stmt *
prepare (SporStore  *self,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, _("Preparing a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
exec (SporStore  *self,
      const char *sql,
      GError    **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, _("The database"));
      return FALSE;
    }
  return TRUE;
}

/* Change notifications */

static void
queue_change (SporStore        *self,
              const char       *entity,
              gint64            id,
              SporChangeAction  action)
{
  Change change = { entity, id, action };

  if (self->pending_many)
    return;
  if (self->pending->len >= MAX_PENDING_CHANGES)
    {
      self->pending_many = TRUE;
      g_array_set_size (self->pending, 0);
      return;
    }
  g_array_append_val (self->pending, change);
}

static gint64
read_data_version (SporStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* After the outermost commit: announces what it wrote. The pending list is taken first, so
 * a handler may write (and commit) again. */
static void
announce_changes (SporStore *self)
{
  g_autoptr(GArray) changes = self->pending;
  gboolean many = self->pending_many;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->pending_many = FALSE;
  if (many)
    {
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL, (gint64) 0, SPOR_CHANGE_MANY);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->entity, c->id, c->action);
    }
}

static void
drop_changes (SporStore *self)
{
  g_array_set_size (self->pending, 0);
  self->pending_many = FALSE;
}

gboolean
spor_store_poll (SporStore *self)
{
  gint64 version;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  /* Inside a transaction the snapshot is this store's own. */
  if (self->depth > 0 || self->db == NULL)
    return FALSE;
  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  spor_store_notify_many (self);
  return TRUE;
}

void
spor_store_notify_many (SporStore *self)
{
  g_return_if_fail (SPOR_IS_STORE (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL, (gint64) 0, SPOR_CHANGE_MANY);
}

/* For the rest of the core: a transaction that writes through its own statements says what
 * it changed; entity NULL for many kinds at once. */
void
spor_store_note_change (SporStore        *self,
                        const char       *entity,
                        gint64            id,
                        SporChangeAction  action)
{
  g_return_if_fail (SPOR_IS_STORE (self));

  if (entity == NULL || action == SPOR_CHANGE_MANY)
    {
      self->pending_many = TRUE;
      g_array_set_size (self->pending, 0);
    }
  else
    queue_change (self, entity, id, action);
}

/* Transactions */

gboolean
spor_store_begin (SporStore *self,
                  GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  if (!exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT spor", error))
    return FALSE;
  if (self->depth == 0)
    {
      g_free (self->began_at);
      self->began_at = spor_timestamp_now ();
    }
  else
    g_array_append_val (self->marks, self->pending->len);
  self->depth++;
  return TRUE;
}

gboolean
spor_store_commit (SporStore *self,
                   GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* On failure the transaction stays open: the caller rolls it back. */
  if (!exec (self, self->depth == 1 ? "COMMIT" : "RELEASE spor", error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    announce_changes (self);
  else
    g_array_set_size (self->marks, self->marks->len - 1);
  return TRUE;
}

void
spor_store_rollback (SporStore *self)
{
  g_return_if_fail (SPOR_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      /* What an inner savepoint wrote and kept is undone with the outer transaction too. */
      drop_changes (self);
      g_array_set_size (self->marks, 0);
    }
  else
    {
      guint mark = g_array_index (self->marks, guint, self->marks->len - 1);

      sqlite3_exec (self->db, "ROLLBACK TO spor; RELEASE spor", NULL, NULL, NULL);
      /* what the savepoint wrote is gone (a MANY already noted stays: it only says more) */
      if (mark < self->pending->len)
        g_array_set_size (self->pending, mark);
      g_array_set_size (self->marks, self->marks->len - 1);
    }
  self->depth--;
}

sqlite3 *
spor_store_get_db (SporStore *self)
{
  return self->db;
}

gboolean
spor_store_audit (SporStore  *self,
                  const char *entity,
                  const char *uuid,
                  const char *action,
                  const char *fields,
                  GError    **error)
{
  /* A transaction is one change at one time; its entries share the time it began. */
  g_autofree char *now = self->depth > 0 ? NULL : spor_timestamp_now ();
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO audit_log (at, entity, uuid, action, fields) "
                                      "VALUES (?, ?, ?, ?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now != NULL ? now : self->began_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("The audit log"));
      return FALSE;
    }
  return TRUE;
}

/* Opening */

static void
spor_store_finalize (GObject *object)
{
  SporStore *self = SPOR_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->entity_sql, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  if (self->db != NULL)
    spor_store_close_file (self->db, self->path, self->site_uuid != NULL);
  self->db = NULL;
  g_free (self->path);
  g_free (self->began_at);
  g_free (self->site_uuid);

  G_OBJECT_CLASS (spor_store_parent_class)->finalize (object);
}

static void
spor_store_class_init (SporStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spor_store_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64, SPOR_TYPE_CHANGE_ACTION);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
spor_store_init (SporStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->entity_sql = g_hash_table_new_full (NULL, NULL, NULL, entity_sql_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

char *
spor_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "spor", "spor.db", NULL);
}

/* Opening and checking the file is spor-store-open.c's. */
SporStore *
spor_store_open (const char *path,
                 GError    **error)
{
  g_autoptr(SporStore) self = g_object_new (SPOR_TYPE_STORE, NULL);
  SporStoreOpening opening = { 0 };

  self->path = path != NULL ? g_strdup (path) : spor_store_default_path ();
  if (!spor_store_open_file (self, self->path, &self->db, &opening, error))
    {
      g_free (opening.site_uuid);
      return NULL;
    }
  self->schema_version = opening.schema_version;
  self->checked = opening.checked;
  self->site_uuid = opening.site_uuid;
  self->data_version = read_data_version (self);
  return g_steal_pointer (&self);
}

SporStore *
spor_store_new_memory (GError **error)
{
  g_autoptr(SporStore) self = g_object_new (SPOR_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (":memory:");
  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, _("Opening the database"));
      return NULL;
    }
  if (!spor_store_configure (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
spor_store_get_path (SporStore *self)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  return self->path;
}

gboolean
spor_store_was_checked (SporStore *self)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  return self->checked;
}

int
spor_store_get_schema_version (SporStore *self)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), 0);
  return self->schema_version;
}

/* Site */

const char *
spor_store_get_site_uuid (SporStore *self)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  return self->site_uuid;
}

char *
spor_store_dup_site_name (SporStore *self)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT name FROM site WHERE id = 1", NULL);
  if (stmt == NULL)
    return g_strdup ("");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  stmt_done (stmt);
  return name != NULL ? name : g_strdup ("");
}

gboolean
spor_store_set_site_name (SporStore  *self,
                          const char *name,
                          GError    **error)
{
  g_autofree char *now = spor_timestamp_now ();
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > 200)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The site name must be text of at most 200 characters."));
      return FALSE;
    }
  if (!spor_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE site SET name = ?, updated_at = ? WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("Saving the site name"));
      goto fail;
    }
  queue_change (self, "site", 1, SPOR_CHANGE_UPDATED);
  if (!spor_store_audit (self, "site", self->site_uuid, "update", "name", error) ||
      !spor_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (self);
  return FALSE;
}

gboolean
spor_store_get_site_secret (SporStore *self,
                            guint8     secret[32])
{
  sqlite3_stmt *stmt = prepare (self, "SELECT secret FROM site WHERE id = 1", NULL);
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) >= 32)
    {
      memcpy (secret, sqlite3_column_blob (stmt, 0), 32);
      ok = TRUE;
    }
  stmt_done (stmt);
  return ok;
}

/* Values between entities and statements */

static void
bind_field (sqlite3_stmt    *stmt,
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

static void
read_row (sqlite3_stmt *stmt,
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

static gboolean
values_equal (SporEntity *a,
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

static gboolean
has_value (SporEntity *entity,
           guint       index)
{
  const GValue *value = spor_entity_peek_value (entity, index);

  switch (spor_entity_get_info (entity)->fields[index].type)
    {
    case SPOR_FIELD_REF:
      return g_value_get_int64 (value) != 0;
    case SPOR_FIELD_INT:
    case SPOR_FIELD_REAL:
    case SPOR_FIELD_BOOL:
      return spor_entity_value_present (entity, index);
    default:
      return g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0';
    }
}

/* Every failure after spor_store_begin() ends here, once. */
static gboolean
fail_write (SporStore *self)
{
  spor_store_rollback (self);
  return FALSE;
}

gboolean
spor_store_insert (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  const SporEntityInfo *info;
  const EntitySql *sql;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  const char *created_at;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (spor_entity_get_id (entity) == 0, FALSE);

  info = spor_entity_get_info (entity);
  if (!spor_entity_validate (entity, error))
    return FALSE;

  /* A record that comes with its UUID and times (from another site) keeps them. */
  uuid = g_strdup (spor_entity_get_uuid (entity));
  if (uuid == NULL)
    uuid = spor_uuid_new ();
  else if (!spor_uuid_is_valid (uuid))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("%s.uuid: not a UUID"), info->name);
      return FALSE;
    }
  now = spor_timestamp_now ();
  created_at = spor_entity_get_created_at (entity) ?: now;

  sql = entity_sql (self, info);
  if (!spor_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, sql->insert, error);
  if (stmt == NULL)
    return fail_write (self);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, spor_entity_get_updated_at (entity) ?: now, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    {
      bind_field (stmt, (int) i + 4, entity, i);
      if (has_value (entity, i))
        g_string_append_printf (fields, "%s%s", fields->len ? "," : "", info->fields[i].name);
    }
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return fail_write (self);
    }

  {
    gint64 id = sqlite3_last_insert_rowid (self->db);
    g_autofree char *updated_at = g_strdup (spor_entity_get_updated_at (entity) ?: now);
    g_autofree char *created = g_strdup (created_at);

    queue_change (self, info->name, id, SPOR_CHANGE_CREATED);
    if (!spor_store_audit (self, info->name, uuid, "create", fields->str, error) ||
        !spor_store_commit (self, error))
      return fail_write (self);
    spor_entity_set_keys (entity, id, uuid, created, updated_at);
  }
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

  stmt = prepare (self, by_uuid ? entity_sql (self, info)->by_uuid : entity_sql (self, info)->by_id,
                  error);
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
      read_row (stmt, entity);
    }
  stmt_done (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                 _("There is no such %s record"), info->name);
  else if (rc != SQLITE_ROW)
    set_sqlite_error (self, error, rc, info->name);
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

gboolean
spor_store_update (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  const SporEntityInfo *info;
  g_autoptr(SporEntity) stored = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);

  info = spor_entity_get_info (entity);
  if (spor_entity_get_id (entity) <= 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("The %s record has not been saved yet"), info->name);
      return FALSE;
    }
  if (!spor_entity_validate (entity, error))
    return FALSE;
  if (!spor_store_begin (self, error))
    return FALSE;

  stored = spor_store_get (self, G_OBJECT_TYPE (entity), spor_entity_get_id (entity), error);
  if (stored == NULL)
    return fail_write (self);
  if (spor_entity_get_updated_at (entity) != NULL &&
      g_strcmp0 (spor_entity_get_updated_at (entity), spor_entity_get_updated_at (stored)) != 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED,
                           _("The record was changed elsewhere after it was opened here."));
      return fail_write (self);
    }

  for (guint i = 0; i < info->n_fields; i++)
    if (!values_equal (stored, entity, i))
      g_string_append_printf (changed, "%s%s", changed->len ? "," : "", info->fields[i].name);

  if (changed->len == 0)
    return spor_store_commit (self, error) || fail_write (self);

  now = spor_timestamp_now ();
  stmt = prepare (self, entity_sql (self, info)->update, error);
  if (stmt == NULL)
    return fail_write (self);
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, (int) i + 2, entity, i);
  sqlite3_bind_int64 (stmt, (int) info->n_fields + 2, spor_entity_get_id (entity));
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return fail_write (self);
    }
  queue_change (self, info->name, spor_entity_get_id (entity), SPOR_CHANGE_UPDATED);
  if (!spor_store_audit (self, info->name, spor_entity_get_uuid (entity), "update",
                         changed->str, error) ||
      !spor_store_commit (self, error))
    return fail_write (self);

  spor_entity_set_keys (entity, spor_entity_get_id (entity), spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), now);
  return TRUE;
}

gboolean
spor_store_add_tombstone (SporStore  *self,
                          const char *entity,
                          const char *uuid,
                          GError    **error)
{
  g_autofree char *now = spor_timestamp_now ();
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO tombstones (entity, uuid, deleted_at) "
                                      "VALUES (?, ?, ?) ON CONFLICT (uuid) DO UPDATE "
                                      "SET deleted_at = excluded.deleted_at", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("Recording a deletion"));
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_store_delete (SporStore  *self,
                   SporEntity *entity,
                   GError    **error)
{
  const SporEntityInfo *info;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);

  info = spor_entity_get_info (entity);
  if (!spor_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, entity_sql (self, info)->delete, error);
  if (stmt == NULL)
    return fail_write (self);
  sqlite3_bind_int64 (stmt, 1, spor_entity_get_id (entity));
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return fail_write (self);
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("There is no such %s record"), info->name);
      return fail_write (self);
    }
  queue_change (self, info->name, spor_entity_get_id (entity), SPOR_CHANGE_DELETED);
  if (!spor_store_add_tombstone (self, info->name, spor_entity_get_uuid (entity), error) ||
      !spor_store_audit (self, info->name, spor_entity_get_uuid (entity), "delete", NULL, error) ||
      !spor_store_commit (self, error))
    return fail_write (self);

  spor_entity_set_keys (entity, 0, spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), spor_entity_get_updated_at (entity));
  return TRUE;
}

/* Queries */

typedef enum { FILTER_INT, FILTER_TEXT, FILTER_NULL } FilterKind;

typedef struct
{
  int         field;
  FilterKind  kind;
  gint64      number;
  char       *text;
} Filter;

struct _SporQuery
{
  GType                 type;
  const SporEntityInfo *info;
  GArray               *filters;
  int                   order;     /* field index, -1 = id */
  gboolean              descending;
  guint                 offset;
  guint                 limit;     /* 0 = all */
  char                 *bad_field; /* a name that is not a field */
};

static void
filter_clear (gpointer data)
{
  g_free (((Filter *) data)->text);
}

SporQuery *
spor_query_new (GType entity_type)
{
  SporQuery *query = g_new0 (SporQuery, 1);

  query->type = entity_type;
  query->info = spor_entity_info_for_type (entity_type);
  g_return_val_if_fail (query->info != NULL, query);
  query->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (query->filters, filter_clear);
  query->order = -1;
  return query;
}

void
spor_query_free (SporQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->filters, g_array_unref);
  g_free (query->bad_field);
  g_free (query);
}

static int
query_field (SporQuery  *query,
             const char *field)
{
  int i = spor_entity_info_field_index (query->info, field);

  if (i < 0 && query->bad_field == NULL)
    query->bad_field = g_strdup (field);
  return i;
}

static void
add_filter (SporQuery  *query,
            const char *field,
            FilterKind  kind,
            gint64      number,
            const char *text)
{
  Filter filter = { query_field (query, field), kind, number, g_strdup (text) };

  if (filter.field < 0)
    {
      g_free (filter.text);
      return;
    }
  g_array_append_val (query->filters, filter);
}

void
spor_query_where_int (SporQuery  *query,
                      const char *field,
                      gint64      value)
{
  add_filter (query, field, FILTER_INT, value, NULL);
}

void
spor_query_where_text (SporQuery  *query,
                       const char *field,
                       const char *value)
{
  add_filter (query, field, value ? FILTER_TEXT : FILTER_NULL, 0, value);
}

void
spor_query_where_null (SporQuery  *query,
                       const char *field)
{
  add_filter (query, field, FILTER_NULL, 0, NULL);
}

void
spor_query_order_by (SporQuery  *query,
                     const char *field,
                     gboolean    descending)
{
  query->order = query_field (query, field);
  query->descending = descending;
}

void
spor_query_set_page (SporQuery *query,
                     guint      offset,
                     guint      limit)
{
  query->offset = offset;
  query->limit = limit;
}

/* The SQL of a query: identifiers from the field table, values as parameters. */
static char *
query_sql (SporStore *self,
           SporQuery *query,
           gboolean   count)
{
  const EntitySql *sql = entity_sql (self, query->info);
  GString *s = g_string_new (count ? sql->count : sql->select);

  for (guint i = 0; i < query->filters->len; i++)
    {
      const Filter *f = &g_array_index (query->filters, Filter, i);

      g_string_append (s, i == 0 ? " WHERE " : " AND ");
      g_string_append (s, query->info->fields[f->field].name);
      g_string_append (s, f->kind == FILTER_NULL ? " IS NULL" : " = ?");
    }
  if (!count)
    {
      g_string_append (s, " ORDER BY ");
      if (query->order >= 0)
        {
          g_string_append (s, query->info->fields[query->order].name);
          g_string_append (s, query->descending ? " DESC, " : ", ");
        }
      g_string_append (s, query->descending ? "id DESC" : "id");
      if (query->limit > 0)
        g_string_append (s, " LIMIT ? OFFSET ?");
    }
  return g_string_free (s, FALSE);
}

static sqlite3_stmt *
prepare_query (SporStore *self,
               SporQuery *query,
               gboolean   count,
               GError   **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int n = 1;

  if (query->bad_field != NULL)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("%s has no field “%s”"), query->info->name, query->bad_field);
      return NULL;
    }
  sql = query_sql (self, query, count);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < query->filters->len; i++)
    {
      const Filter *f = &g_array_index (query->filters, Filter, i);

      if (f->kind == FILTER_INT)
        sqlite3_bind_int64 (stmt, n++, f->number);
      else if (f->kind == FILTER_TEXT)
        sqlite3_bind_text (stmt, n++, f->text, -1, SQLITE_TRANSIENT);
    }
  if (!count && query->limit > 0)
    {
      sqlite3_bind_int64 (stmt, n++, query->limit);
      sqlite3_bind_int64 (stmt, n++, query->offset);
    }
  return stmt;
}

GPtrArray *
spor_store_list (SporStore *self,
                 SporQuery *query,
                 GError   **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->info != NULL, NULL);

  stmt = prepare_query (self, query, FALSE, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporEntity *entity = spor_entity_new (query->type);

      read_row (stmt, entity);
      g_ptr_array_add (result, entity);
    }
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, query->info->name);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gint64
spor_store_count (SporStore *self,
                  SporQuery *query,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL && query->info != NULL, -1);

  stmt = prepare_query (self, query, TRUE, error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, error, rc, query->info->name);
  stmt_done (stmt);
  return n;
}

gint64
spor_store_count_all (SporStore *self,
                      GType      entity_type,
                      GError   **error)
{
  g_autoptr(SporQuery) query = spor_query_new (entity_type);

  return spor_store_count (self, query, error);
}

/* Audit */

void
spor_audit_entry_free (SporAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->entity);
  g_free (entry->uuid);
  g_free (entry->action);
  g_free (entry->fields);
  g_free (entry);
}

GPtrArray *
spor_store_list_audit (SporStore  *self,
                       const char *uuid,
                       GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);

  stmt = prepare (self, uuid != NULL
                  ? "SELECT id, at, entity, uuid, action, fields FROM audit_log WHERE uuid = ? ORDER BY id"
                  : "SELECT id, at, entity, uuid, action, fields FROM audit_log ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporAuditEntry *entry = g_new0 (SporAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->fields = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (result, entry);
    }
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("The audit log"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* For other parts of the core (sample data, exchange) */

sqlite3_stmt *
spor_store_prepare (SporStore  *self,
                    const char *sql,
                    GError    **error)
{
  return prepare (self, sql, error);
}

void
spor_store_set_error (SporStore  *self,
                      GError    **error,
                      int         rc,
                      const char *what)
{
  set_sqlite_error (self, error, rc, what);
}

gboolean
spor_store_exec (SporStore  *self,
                 const char *sql,
                 GError    **error)
{
  return exec (self, sql, error);
}
