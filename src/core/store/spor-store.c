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

#include "spor-check.h"
#include "spor-store-internal.h"
#include "spor-store-open.h"
#include "spor-util.h"


enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SporStore, spor_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (spor-store-error-quark, spor_store_error)

static void
entity_sql_free (gpointer data)
{
  EntitySql *sql = data;

  g_free (sql->select);
  g_free (sql->count);
  for (guint i = 0; i < N_STMTS; i++)
    {
      g_free (sql->sql[i]);
      sqlite3_finalize (sql->stmts[i]);
    }
  g_free (sql);
}

static char *
field_list (const SporEntityInfo *info,
            const char           *before,
            const char           *each,
            const char           *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (s, each, info->fields[i].name);
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

const EntitySql *
spor_store_entity_sql (SporStore            *self,
                       const SporEntityInfo *info)
{
  EntitySql *sql = g_hash_table_lookup (self->entity_sql, info);
  g_autofree char *columns = NULL, *values = NULL, *sets = NULL;

  if (sql != NULL)
    return sql;

  sql = g_new0 (EntitySql, 1);
  columns = field_list (info, "", ", %s", "");
  values = field_list (info, "", ", ?", "");
  sets = field_list (info, "", ", %s = ?", "");

  sql->select = g_strconcat ("SELECT id, uuid, created_at, updated_at", columns,
                             " FROM ", info->table, NULL);
  sql->count = g_strconcat ("SELECT count(*) FROM ", info->table, NULL);
  sql->sql[STMT_BY_ID] = g_strconcat (sql->select, " WHERE id = ?", NULL);
  sql->sql[STMT_BY_UUID] = g_strconcat (sql->select, " WHERE uuid = ?", NULL);
  sql->sql[STMT_INSERT] = g_strconcat ("INSERT INTO ", info->table,
                                       " (uuid, created_at, updated_at", columns,
                                       ") VALUES (?, ?, ?", values, ")", NULL);
  sql->sql[STMT_UPDATE] = g_strconcat ("UPDATE ", info->table, " SET updated_at = ?", sets,
                                       " WHERE id = ?", NULL);
  sql->sql[STMT_DELETE] = g_strconcat ("DELETE FROM ", info->table, " WHERE id = ?", NULL);
  sql->sql[STMT_LOCAL] = g_strconcat ("SELECT id, updated_at FROM ", info->table,
                                      " WHERE uuid = ?", NULL);
  sql->sql[STMT_MERGE] = g_strconcat ("UPDATE ", info->table,
                                      " SET created_at = ?, updated_at = ?", sets,
                                      " WHERE id = ?", NULL);

  g_hash_table_insert (self->entity_sql, (gpointer) info, sql);
  return sql;
}

/* Errors */

void
spor_store_set_error (SporStore  *self,
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
sqlite3_stmt *
spor_store_prepare (SporStore  *self,
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
      spor_store_set_error (self, error, rc, _("Preparing a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* A statement of an entity's, prepared the first time it is asked for. */
sqlite3_stmt *
spor_store_entity_stmt (SporStore            *self,
                        const SporEntityInfo *info,
                        StmtKind              kind,
                        GError              **error)
{
  EntitySql *sql = (EntitySql *) spor_store_entity_sql (self, info);
  int rc;

  if (sql->stmts[kind] != NULL)
    return sql->stmts[kind];
  rc = sqlite3_prepare_v3 (self->db, sql->sql[kind], -1, SQLITE_PREPARE_PERSISTENT,
                           &sql->stmts[kind], NULL);
  if (rc != SQLITE_OK)
    {
      spor_store_set_error (self, error, rc, _("Preparing a query"));
      return NULL;
    }
  return sql->stmts[kind];
}

GArray *
spor_store_collect_ids (SporStore    *self,
                        sqlite3_stmt *stmt,
                        const char   *what,
                        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, what);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gint64
spor_store_collect_count (SporStore    *self,
                          sqlite3_stmt *stmt,
                          const char   *what,
                          GError      **error)
{
  int rc = sqlite3_step (stmt);
  gint64 count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, what);
      return -1;
    }
  return count;
}

void
spor_store_run_or_log (SporStore  *self,
                       const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!spor_store_exec (self, sql, &error))
    g_warning ("%s: %s", sql, error->message);
}

gboolean
spor_store_exec (SporStore  *self,
                 const char *sql,
                 GError    **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      spor_store_set_error (self, error, rc, _("The database"));
      return FALSE;
    }
  return TRUE;
}

/* One statement of the store's own, prepared once: the transaction statements run for
 * every record a bulk write makes, and parsing them each time cost a fifth of it. */
gboolean
spor_store_run (SporStore  *self,
                const char *sql,
                GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      spor_store_set_error (self, error, rc, _("The database"));
      return FALSE;
    }
  return TRUE;
}

/* Change notifications */

void
spor_store_queue_change (SporStore        *self,
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

gint64
spor_store_read_data_version (SporStore *self)
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
  spor_store_scrub_log (self);
  version = spor_store_read_data_version (self);
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
    spor_store_queue_change (self, entity, id, action);
}

/* Transactions */

gboolean
spor_store_begin (SporStore *self,
                  GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  if (!spor_store_run (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT spor", error))
    return FALSE;
  if (self->depth == 0)
    {
      g_free (self->began_at);
      self->began_at = spor_timestamp_now ();
      g_clear_pointer (&self->latest_stamp, g_free);
    }
  else
    g_array_append_val (self->marks, self->pending->len);
  self->depth++;
  return TRUE;
}

gboolean
spor_store_begin_read (SporStore *self,
                       GError   **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  /* inside a transaction a savepoint does; else a deferred BEGIN, which takes no write
   * lock: in WAL mode writers go on while a long read (an export) sees its snapshot */
  if (self->depth > 0)
    return spor_store_begin (self, error);
  if (!spor_store_run (self, "BEGIN DEFERRED", error))
    return FALSE;
  g_free (self->began_at);
  self->began_at = spor_timestamp_now ();
  g_clear_pointer (&self->latest_stamp, g_free);
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
  if (self->depth == 1 && !spor_store_scrub_index (self, error))
    return FALSE;
  if (!spor_store_run (self, self->depth == 1 ? "COMMIT" : "RELEASE spor", error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    {
      spor_store_scrub_log (self);
      announce_changes (self);
    }
  else
    g_array_set_size (self->marks, self->marks->len - 1);
  return TRUE;
}

gboolean
spor_store_fail (SporStore *self)
{
  spor_store_rollback (self);
  return FALSE;
}

gboolean
spor_store_invalid (GError    **error,
                    const char *message)
{
  g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, message);
  return FALSE;
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
      self->scrub_fts = FALSE;
      g_array_set_size (self->marks, 0);
    }
  else
    {
      guint mark = g_array_index (self->marks, guint, self->marks->len - 1);

      spor_store_run_or_log (self, "ROLLBACK TO spor");
      spor_store_run_or_log (self, "RELEASE spor");
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
  sqlite3_stmt *stmt = spor_store_prepare (self, "INSERT INTO audit_log (at, entity, uuid, action, fields) "
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
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, _("The audit log"));
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
  g_clear_pointer (&self->bulk_audit, g_hash_table_unref);
  g_clear_pointer (&self->deleted_counts, g_hash_table_unref);
  g_clear_pointer (&self->deleting_at, g_free);
  g_clear_pointer (&self->deleted_latest, g_free);
  if (self->db != NULL)
    {
      spor_store_scrub_log (self);
      spor_store_close_file (self->db, self->path, self->site_uuid != NULL);
    }
  self->db = NULL;
  g_free (self->path);
  g_free (self->began_at);
  g_free (self->latest_stamp);
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
  self->bulk_audit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->deleted_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  self->data_version = spor_store_read_data_version (self);
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
      spor_store_set_error (self, error, rc, _("Opening the database"));
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
spor_store_dup_site_name (SporStore  *self,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);

  stmt = spor_store_prepare (self, "SELECT name FROM site WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, _("Reading the site name"));
      return NULL;
    }
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
  stmt = spor_store_prepare (self, "UPDATE site SET name = ?, updated_at = ? WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, _("Saving the site name"));
      goto fail;
    }
  spor_store_queue_change (self, "site", 1, SPOR_CHANGE_UPDATED);
  if (!spor_store_audit (self, "site", self->site_uuid, "update", "name", error) ||
      !spor_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (self);
  return FALSE;
}

gboolean
spor_store_get_site_secret (SporStore  *self,
                            guint8      secret[32],
                            GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (self, "SELECT secret FROM site WHERE id = 1", error);
  gboolean ok = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) >= 32)
    {
      memcpy (secret, sqlite3_column_blob (stmt, 0), 32);
      ok = TRUE;
    }
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    spor_store_set_error (self, error, rc, _("Reading the site’s secret"));
  else if (!ok)
    /* the schema's CHECK keeps it; only a file changed outside Spor lacks it */
    g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT,
                         _("The site’s secret is missing from the database"));
  return ok;
}
