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
  char       *latest_stamp; /* the latest updated_at a record may bring: a day after began_at */
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  GHashTable *entity_sql;  /* SporEntityInfo → EntitySql */
  GArray     *pending;     /* Change: written in the open transaction, announced on commit */
  gboolean    pending_many; /* too many for one each: announce SPOR_CHANGE_MANY */
  GArray     *marks;       /* guint per open savepoint: pending->len when it began */
  gint64      data_version; /* PRAGMA data_version when this store last looked */

  SporBulkFlags bulk;       /* inside spor_store_begin_bulk(): its flags */
  gboolean    in_bulk;
  const char *bulk_action;  /* the action of its audit entries per kind */
  GHashTable *bulk_audit;   /* "entity\naction" → records, for one audit entry per kind */
  char       *deleting_at;  /* the time of the tombstones of a deletion from elsewhere */
  char       *deleted_latest; /* the latest updated_at of the records deleted since reset */
  GHashTable *deleted_counts; /* entity name → records deleted, counted by the triggers */
  guint64     n_deleted;    /* records deleted on this connection, all kinds */
  gboolean    scrub_fts;    /* an erasure in this transaction: rewrite the search index */
  gboolean    scrub_wal;    /* an erasure may still be in the write-ahead log */
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

static gboolean scrub_index               (SporStore *self,
                                           GError   **error);
static void     scrub_log                 (SporStore *self);

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
 * compile-time identifiers go into it; every value is a bound parameter. The statements
 * that every write of a record uses are prepared once and kept here, so that a bulk write
 * of millions of records finds them without hashing their text. */
typedef enum
{
  STMT_BY_ID,
  STMT_BY_UUID,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_DELETE,
  STMT_LOCAL,       /* id, updated_at of the record with a UUID */
  STMT_MERGE,       /* an update that takes the time stamps from elsewhere */
  N_STMTS
} StmtKind;

typedef struct
{
  char         *select;  /* SELECT id, uuid, created_at, updated_at, <fields> FROM <table> */
  char         *count;
  char         *sql[N_STMTS];
  sqlite3_stmt *stmts[N_STMTS];
} EntitySql;

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

static const EntitySql *
entity_sql (SporStore            *self,
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

/* A statement of an entity's, prepared the first time it is asked for. */
static sqlite3_stmt *
entity_stmt (SporStore            *self,
             const SporEntityInfo *info,
             StmtKind              kind,
             GError              **error)
{
  EntitySql *sql = (EntitySql *) entity_sql (self, info);
  int rc;

  if (sql->stmts[kind] != NULL)
    return sql->stmts[kind];
  rc = sqlite3_prepare_v3 (self->db, sql->sql[kind], -1, SQLITE_PREPARE_PERSISTENT,
                           &sql->stmts[kind], NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, _("Preparing a query"));
      return NULL;
    }
  return sql->stmts[kind];
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

/* One statement of the store's own, prepared once: the transaction statements run for
 * every record a bulk write makes, and parsing them each time cost a fifth of it. */
static gboolean
run (SporStore  *self,
     const char *sql,
     GError    **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
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
  scrub_log (self);
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

  if (!run (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT spor", error))
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
  if (!run (self, "BEGIN DEFERRED", error))
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
  if (self->depth == 1 && !scrub_index (self, error))
    return FALSE;
  if (!run (self, self->depth == 1 ? "COMMIT" : "RELEASE spor", error))
    return FALSE;
  self->depth--;
  if (self->depth == 0)
    {
      scrub_log (self);
      announce_changes (self);
    }
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
      self->scrub_fts = FALSE;
      g_array_set_size (self->marks, 0);
    }
  else
    {
      guint mark = g_array_index (self->marks, guint, self->marks->len - 1);

      run (self, "ROLLBACK TO spor", NULL);
      run (self, "RELEASE spor", NULL);
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
  g_clear_pointer (&self->bulk_audit, g_hash_table_unref);
  g_clear_pointer (&self->deleted_counts, g_hash_table_unref);
  g_clear_pointer (&self->deleting_at, g_free);
  g_clear_pointer (&self->deleted_latest, g_free);
  if (self->db != NULL)
    {
      scrub_log (self);
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

/* The audit entry of one record written; in bulk, counted instead (see end_bulk). */
static gboolean
audit_record (SporStore            *self,
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

static void
note_record (SporStore            *self,
             const SporEntityInfo *info,
             gint64                id,
             SporChangeAction      action)
{
  /* a bulk write is announced as a whole */
  if (self->in_bulk)
    self->pending_many = TRUE;
  else
    queue_change (self, info->name, id, action);
}

/* INSERT of @entity with the keys given; the audit entry and the change notice. */
static gboolean
insert_row (SporStore  *self,
            SporEntity *entity,
            const char *uuid,
            const char *created_at,
            const char *updated_at,
            const char *action,
            GError    **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  sqlite3_stmt *stmt = entity_stmt (self, info, STMT_INSERT, error);
  g_autoptr(GString) fields = NULL;
  gint64 id;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, (int) i + 4, entity, i);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!(self->in_bulk && (self->bulk & SPOR_BULK_AUDIT_PER_KIND)))
    {
      fields = g_string_new (NULL);
      for (guint i = 0; i < info->n_fields; i++)
        if (has_value (entity, i))
          g_string_append_printf (fields, "%s%s", fields->len ? "," : "", info->fields[i].name);
    }
  if (!audit_record (self, info, uuid, action, fields ? fields->str : NULL, error))
    return FALSE;
  note_record (self, info, id, SPOR_CHANGE_CREATED);
  spor_entity_set_keys (entity, id, uuid, created_at, updated_at);
  return TRUE;
}

/* Every write of a record is checked here, whatever path it comes by. */
static gboolean
check_for_write (SporStore  *self,
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
    return check_for_write (self, entity, error) &&
           insert_row (self, entity, uuid, created_at, updated_at, "create", error);
  if (!spor_store_begin (self, error))
    return FALSE;
  if (!check_for_write (self, entity, error) ||
      !insert_row (self, entity, uuid, created_at, updated_at, "create", error) ||
      !spor_store_commit (self, error))
    return fail_write (self);
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

  stmt = entity_stmt (self, info, by_uuid ? STMT_BY_UUID : STMT_BY_ID, error);
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

/* The names of the fields in which @a and @b differ, comma-separated ("" for none). */
static char *
changed_fields (SporEntity *a,
                SporEntity *b)
{
  const SporEntityInfo *info = spor_entity_get_info (a);
  GString *changed = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    if (!values_equal (a, b, i))
      g_string_append_printf (changed, "%s%s", changed->len ? "," : "", info->fields[i].name);
  return g_string_free (changed, FALSE);
}

/* UPDATE of the record @id with @entity's fields and @updated_at (and @created_at, for a
 * record from elsewhere: STMT_MERGE). */
static gboolean
update_row (SporStore  *self,
            SporEntity *entity,
            gint64      id,
            const char *created_at,
            const char *updated_at,
            GError    **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  sqlite3_stmt *stmt = entity_stmt (self, info, created_at ? STMT_MERGE : STMT_UPDATE, error);
  int column = 1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (created_at != NULL)
    sqlite3_bind_text (stmt, column++, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column++, updated_at, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, column++, entity, i);
  sqlite3_bind_int64 (stmt, column, id);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
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
  if (!check_for_write (self, entity, error))
    return fail_write (self);

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

  changed = changed_fields (stored, entity);
  if (*changed == '\0')
    return spor_store_commit (self, error) || fail_write (self);

  now = spor_timestamp_now ();
  if (!update_row (self, entity, spor_entity_get_id (entity), NULL, now, error))
    return fail_write (self);
  note_record (self, info, spor_entity_get_id (entity), SPOR_CHANGE_UPDATED);
  if (!audit_record (self, info, spor_entity_get_uuid (entity), "update", changed, error) ||
      !spor_store_commit (self, error))
    return fail_write (self);

  spor_entity_set_keys (entity, spor_entity_get_id (entity), spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), now);
  return TRUE;
}

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

static gboolean
delete_row (SporStore            *self,
            const SporEntityInfo *info,
            gint64                id,
            GError              **error)
{
  sqlite3_stmt *stmt = entity_stmt (self, info, STMT_DELETE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                   _("There is no such %s record"), info->name);
      return FALSE;
    }
  note_record (self, info, id, SPOR_CHANGE_DELETED);
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
  if (!delete_row (self, info, spor_entity_get_id (entity), error))
    return fail_write (self);
  /* Records that belonged to it went with it: announce that more changed. */
  if (self->n_deleted > before + 1)
    self->pending_many = TRUE;
  if (!spor_store_commit (self, error))
    return fail_write (self);

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
        stmt = prepare (self, sql, error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        left = sqlite3_step (stmt) == SQLITE_ROW;
        stmt_done (stmt);
      }
  if (!left)
    {
      sqlite3_stmt *stmt = prepare (self, "SELECT (SELECT count(*) FROM participants WHERE id = ?1)"
                                          " + (SELECT count(*) FROM participants_fts WHERE rowid = ?1)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      left = sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != 0;
      stmt_done (stmt);
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
  if (!delete_row (self, info, id, &local))
    {
      /* a row a trigger kept (RAISE (IGNORE)) is found by the check below */
      if (!g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return fail_write (self);
        }
    }
  if (!erase_verify (self, id, error))
    return fail_write (self);
  /* everything that belonged to the person went too */
  self->pending_many = TRUE;
  self->scrub_fts = TRUE;
  if (!spor_store_commit (self, error))
    return fail_write (self);
  spor_entity_set_keys (entity, 0, spor_entity_get_uuid (entity),
                        spor_entity_get_created_at (entity), spor_entity_get_updated_at (entity));
  return TRUE;
}

/* Before the outermost COMMIT of a transaction that erased someone */
static gboolean
scrub_index (SporStore *self,
             GError   **error)
{
  if (!self->scrub_fts)
    return TRUE;
  if (!exec (self, "INSERT INTO participants_fts (participants_fts) VALUES ('optimize')", error))
    return FALSE;
  self->scrub_fts = FALSE;
  self->scrub_wal = TRUE;
  return TRUE;
}

/* After it, or later: empties the write-ahead log if no reader needs it. */
static void
scrub_log (SporStore *self)
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

  scrub_log (self);
  return self->scrub_wal;
}

/* Bulk writing */

gboolean
spor_store_begin_bulk (SporStore     *self,
                       SporBulkFlags  flags,
                       const char    *action,
                       GError       **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_bulk && self->depth == 0, FALSE);

  /* A large page cache while the indexes grow; into an empty database with no other
   * connection, a rollback journal: the rows go straight into the file instead of through
   * the write-ahead log and back (SQLite refuses the change while another connection has
   * the file open, and then it stays WAL). */
  if ((flags & SPOR_BULK_LARGE) &&
      !exec (self, "PRAGMA main.cache_size = -262144", error))
    return FALSE;
  if ((flags & SPOR_BULK_LARGE) && (flags & SPOR_BULK_AUDIT_PER_KIND))
    exec (self, "PRAGMA main.journal_mode = DELETE", NULL);
  if (!spor_store_begin (self, error))
    {
      exec (self, "PRAGMA main.journal_mode = WAL", NULL);
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
      exec (self, "PRAGMA main.journal_mode = WAL", NULL);
      exec (self, "PRAGMA main.cache_size = -8192", NULL);
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
      stmt = entity_stmt (self, infos[i], STMT_LOCAL, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      stmt_done (stmt);
      if (found)
        return infos[i]->label;
    }
  return NULL;
}

/* The local copy of a record: its key (0 if none) and when it was last changed. */
static gboolean
find_local (SporStore            *self,
            const SporEntityInfo *info,
            const char           *uuid,
            gint64               *id,
            char                **updated_at,
            GError              **error)
{
  sqlite3_stmt *stmt = entity_stmt (self, info, STMT_LOCAL, error);
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
  stmt_done (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, info->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_tombstone (SporStore  *self,
                const char *uuid,
                char      **deleted_at,
                GError    **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT deleted_at FROM tombstones WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  stmt_done (stmt);
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
  if (!find_local (self, info, uuid, id, NULL, error))
    return FALSE;
  if (*id == 0 && deleted != NULL)
    {
      g_autofree char *deleted_at = NULL;

      if (!find_tombstone (self, uuid, &deleted_at, error))
        return FALSE;
      *deleted = deleted_at != NULL;
    }
  return TRUE;
}

gboolean
spor_store_is_empty (SporStore *self)
{
  const SporEntityInfo * const *infos;
  g_autoptr(GString) sql = g_string_new ("SELECT EXISTS (SELECT 1 FROM tombstones)");
  sqlite3_stmt *stmt;
  guint n_infos;
  gboolean empty;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);

  /* table names from the compile-time entity descriptions only */
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    g_string_append_printf (sql, " OR EXISTS (SELECT 1 FROM %s)", infos[i]->table);
  stmt = prepare (self, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  stmt_done (stmt);
  return empty;
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
  if (!check_for_write (self, entity, error))
    return FALSE;

  /* Into a database that was empty the record is new: a UUID seen twice in the file is the
   * importer's to find (and would break the table's UNIQUE rule anyway). */
  if (!(self->in_bulk && (self->bulk & SPOR_BULK_EMPTY)))
    {
      if (!find_local (self, info, uuid, &local_id, &local_updated, error))
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

          if (!find_tombstone (self, uuid, &deleted_at, error))
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
      if (!insert_row (self, entity, uuid, created_at, updated_at, "import", error))
        return FALSE;
      *result = SPOR_MERGE_NEW;
      return TRUE;
    }
  if (!update_row (self, entity, local_id, created_at, updated_at, error) ||
      !audit_record (self, info, uuid, "import", NULL, error))
    return FALSE;
  note_record (self, info, local_id, SPOR_CHANGE_UPDATED);
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
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO tombstones (entity, uuid, deleted_at) "
                                      "VALUES (?, ?, ?) ON CONFLICT (uuid) DO NOTHING", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, deleted_at, -1, SQLITE_STATIC);
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
  if (!find_local (self, info, uuid, &id, NULL, error))
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
    deleted = delete_row (self, info, id, error);
    g_clear_pointer (&self->deleting_at, g_free);
    if (!deleted)
      return fail_write (self);
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
  return spor_store_commit (self, error) || fail_write (self);
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
