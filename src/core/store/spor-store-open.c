/* spor-store-open.c — opening a database file: what the file is, whether it is an
 * unchanged Spor database, the integrity check, migrations with a backup copy
 *
 * One rule holds throughout: while this process has a connection to a database, nothing
 * but SQLite opens the database file or its -wal and -shm. POSIX drops every lock a
 * process holds on a file as soon as it closes any descriptor of that file; another
 * program then believes it is the only user and removes the write-ahead log from under
 * the connection, whose later writes are lost. So the files are looked at with lstat()
 * and access() only, the header is read by SQLite, and a backup copy is written through
 * SQLite's backup API into a new file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "spor-store-open.h"
#include "spor-util.h"

/* --- Connection settings -------------------------------------------------------------- */

/* SQL functions for the search index (see schema-1.sql). Both are free of side effects
 * and read nothing but their arguments, so they are marked innocuous: the schema's
 * triggers may call them while the schema is not trusted. */
static void
sql_fold (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (ctx, spor_fold (text), -1, g_free);
}

static void
sql_contact (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  const char *email = (const char *) sqlite3_value_text (argv[0]);
  const char *phone = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_text (ctx, spor_contact_text (email, phone), -1, g_free);
}

/* SQLite's defences against a crafted file: no writes to the schema or to the search
 * index's shadow tables by plain SQL, no untrusted schema (functions and virtual tables
 * in triggers must be innocuous), no extensions, no tokenizers by pointer. Triggers stay
 * on: Spor's own schema keeps its search index with them. */
gboolean
spor_store_configure (SporStore  *store,
                      GError    **error)
{
  static const int settings[][2] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 1 },
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0 },
  };
  sqlite3 *db = spor_store_get_db (store);
  int rc = SQLITE_OK;

  for (guint i = 0; i < G_N_ELEMENTS (settings) && rc == SQLITE_OK; i++)
    rc = sqlite3_db_config (db, settings[i][0], settings[i][1], NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "spor_fold", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, sql_fold, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "spor_contact", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, sql_contact, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = spor_store_register_functions (store);
  if (rc != SQLITE_OK)
    {
      spor_store_set_error (store, error, rc, _("Opening the database"));
      return FALSE;
    }
  return TRUE;
}

/* Before 3.44, SQLite's FTS5 tables are not marked innocuous, and with an untrusted schema
 * the search index's triggers fail ("unsafe use of virtual table"). There the schema is
 * trusted once inspect() has found it to be exactly the one Spor made, so the only
 * triggers are Spor's, calling only Spor's innocuous functions and SQLite's own. */
static void
trust_own_schema (sqlite3 *db)
{
  if (sqlite3_libversion_number () < 3044000)
    sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
}

/* --- The path and its files ----------------------------------------------------------- */

static void
set_io_error (GError     **error,
              const char  *format,
              const char  *path)
{
  g_autofree char *shown = spor_printable (path);

  g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO, format, shown);
}

static gboolean
refuse_link (const char  *path,
             GError     **error)
{
  g_autofree char *shown = spor_printable (path);
  g_autofree char *target = g_file_read_link (path, NULL);
  g_autofree char *target_shown = spor_printable (target);

  g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
               _("%s is a symbolic link; Spor opens only the file itself, not a link to it. "
                 "Open the file it points to instead: %s"),
               shown, target_shown);
  return FALSE;
}

static gboolean
refuse_kind (const char  *path,
             mode_t       mode,
             GError     **error)
{
  if (S_ISDIR (mode))
    set_io_error (error, _("%s is a folder, not a database file."), path);
  else if (S_ISFIFO (mode))
    set_io_error (error, _("%s is a named pipe, not a database file; Spor opens only "
                           "ordinary files."), path);
  else if (S_ISSOCK (mode))
    set_io_error (error, _("%s is a socket, not a database file; Spor opens only ordinary "
                           "files."), path);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    set_io_error (error, _("%s is a device, not a database file; Spor opens only ordinary "
                           "files."), path);
  else
    set_io_error (error, _("%s is not an ordinary file; Spor opens only ordinary files."),
                  path);
  return FALSE;
}

static gboolean
refuse_read_only (const char  *path,
                  const char  *suffix,
                  GError     **error)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  if (*suffix == '\0')
    set_io_error (error, _("The database file %s is read-only, so Spor cannot work in it. "
                           "Make it writable for your user (for example with “chmod u+w”) "
                           "and open it again."), file);
  else if (strcmp (suffix, "-wal") == 0)
    set_io_error (error, _("The database's write-ahead log %s is read-only, so the database "
                           "cannot be used. Make that file writable for your user (for "
                           "example with “chmod u+w”); do not delete it, it may hold the "
                           "latest changes."), file);
  else
    set_io_error (error, _("The database's shared-memory file %s is read-only, so the "
                           "database cannot be used. Make that file writable for your user "
                           "(for example with “chmod u+w”), or delete it while no program "
                           "has the database open."), file);
  return FALSE;
}

/* The database's -wal or -shm, when there is one: an ordinary file Spor can read and
 * write. *@missing says there is none, so SQLite will have to make it. */
static gboolean
check_working_file (const char  *path,
                    const char  *suffix,
                    gboolean    *missing,
                    GError     **error)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  *missing = g_lstat (file, &st) != 0;
  if (*missing)
    return TRUE;
  if (!S_ISREG (st.st_mode))
    {
      set_io_error (error, _("%s, a working file of the database, is not an ordinary file. "
                             "Move it away, then open the database again."), file);
      return FALSE;
    }
  if (g_access (file, R_OK | W_OK) != 0)
    return refuse_read_only (path, suffix, error);
  return TRUE;
}

/* Whether Spor can use @path, found with lstat() and access() alone: nothing here opens
 * it, so a FIFO cannot block and no lock is lost. *@existed says there is a file. */
static gboolean
check_path (const char  *path,
            gboolean    *existed,
            GStatBuf    *st,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean no_wal = TRUE, no_shm = TRUE;

  *existed = g_lstat (path, st) == 0;
  if (!*existed && errno != ENOENT)
    {
      int saved = errno;
      g_autofree char *shown = spor_printable (path);

      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                   _("The database file %s could not be read: %s"), shown, g_strerror (saved));
      return FALSE;
    }
  if (*existed)
    {
      if (S_ISLNK (st->st_mode))
        return refuse_link (path, error);
      if (!S_ISREG (st->st_mode))
        return refuse_kind (path, st->st_mode, error);
      if (g_access (path, R_OK) != 0)
        {
          int saved = errno;
          g_autofree char *shown = spor_printable (path);

          g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                       _("The database file %s could not be read: %s"), shown,
                       g_strerror (saved));
          return FALSE;
        }
      /* SQLite would open a file it cannot write read-only, and leave -wal and -shm
       * behind it with the file's own mode: read-only, so unusable after the mode of the
       * file itself is mended. */
      if (g_access (path, W_OK) != 0)
        return refuse_read_only (path, "", error);
      if (!check_working_file (path, "-wal", &no_wal, error) ||
          !check_working_file (path, "-shm", &no_shm, error))
        return FALSE;
    }
  if ((!*existed || no_wal || no_shm) && g_access (dir, W_OK | X_OK) != 0)
    {
      set_io_error (error, _("The folder %s cannot be written, so Spor cannot make the "
                             "database's working files (-wal and -shm) there. Make the folder "
                             "writable for your user, or move the database into a folder "
                             "that is."), dir);
      return FALSE;
    }
  return TRUE;
}

/* The path SQLite gets: the folder's symbolic links resolved (a home folder reached
 * through a link is common), the file's name as given, so that SQLITE_OPEN_NOFOLLOW
 * refuses a link only in place of the database file itself. */
static char *
sqlite_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  char *real = realpath (dir, NULL);
  char *resolved;

  if (real == NULL)
    return g_strdup (path);
  resolved = g_build_filename (real, name, NULL);
  free (real);
  return resolved;
}

static gboolean
same_name (const char *path,
           const char *other)
{
  g_autofree char *a = sqlite_path (path);
  g_autofree char *b = sqlite_path (other);

  return strcmp (a, b) == 0;
}

gboolean
spor_store_is_database_file (SporStore  *self,
                             const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  const char *database;
  GStatBuf target;
  gboolean exists;

  g_return_val_if_fail (SPOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = spor_store_get_path (self);
  exists = g_stat (path, &target) == 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (database, suffixes[i], NULL);
      GStatBuf st;

      if (exists ? g_stat (file, &st) == 0 && st.st_dev == target.st_dev &&
                   st.st_ino == target.st_ino
                 : same_name (path, file))
        return TRUE;
    }
  return FALSE;
}

/* The error number of the system call that failed under SQLite, when it can be known:
 * sqlite3_system_errno() reads errno after the fact, so the file handles' own record of
 * their last error (the database's, then its write-ahead log's) is asked first. */
static int
failed_errno (sqlite3 *db)
{
  sqlite3_file *journal = NULL;
  int errnum = 0;

  if (db == NULL)
    return 0;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &errnum) == SQLITE_OK &&
      errnum != 0)
    return errnum;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != NULL && journal->pMethods != NULL &&
      journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &errnum) == SQLITE_OK &&
      errnum != 0)
    return errnum;
  return sqlite3_system_errno (db);
}

static gboolean
disk_full (sqlite3    *db,
           const char *path,
           int         rc)
{
  g_autofree char *dir = NULL;
  struct statvfs fs;
  int errnum;

  if ((rc & 0xff) == SQLITE_FULL)
    return TRUE;
  if ((rc & 0xff) != SQLITE_IOERR && (rc & 0xff) != SQLITE_CANTOPEN)
    return FALSE;
  errnum = failed_errno (db);
  if (errnum == ENOSPC || errnum == EDQUOT || errnum == EFBIG)
    return TRUE;
  /* the shared-memory file's errors are not kept: look at the disk itself */
  dir = g_path_get_dirname (path);
  return statvfs (dir, &fs) == 0 && (geteuid () == 0 ? fs.f_bfree : fs.f_bavail) == 0;
}

/* After SQLite failed on the file: a message that names the file at fault and what to
 * do, for a failure the user can mend. FALSE for any other: the caller keeps SQLite's. */
static gboolean
explain_failure (SporStore   *store,
                 const char  *path,
                 int          rc,
                 GError     **error)
{
  gboolean existed;
  GStatBuf st;

  if (disk_full (spor_store_get_db (store), path, rc))
    {
      set_io_error (error, _("There is not enough free disk space to write the database %s. "
                             "Free some space on the disk and try again; nothing was "
                             "changed."), path);
      return TRUE;
    }
  if (rc == SQLITE_CANTOPEN_SYMLINK)
    return !refuse_link (path, error);
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      return !check_path (path, &existed, &st, error);
    default:
      return FALSE;
    }
}

/* Fails with a plainer message than SQLite's when explain_failure() has one. Call it
 * before a rollback: that clears the connection's error. */
static gboolean
fail_plainly (SporStore   *store,
              const char  *path,
              GError     **error)
{
  sqlite3 *db = spor_store_get_db (store);
  GError *plain = NULL;

  if (db != NULL && explain_failure (store, path, sqlite3_extended_errcode (db), &plain))
    {
      g_clear_error (error);
      g_propagate_error (error, plain);
    }
  return FALSE;
}

/* --- Reading and checking ------------------------------------------------------------- */

static gboolean
query_int (SporStore  *store,
           const char *sql,
           gint64     *out,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (spor_store_get_db (store), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);
  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_DATABASE,
                         _("The file is not a Spor database: it is not an SQLite database "
                           "file at all."));
  else
    spor_store_set_error (store, error, rc, _("Reading the database"));
  return FALSE;
}

static gboolean
quick_check (SporStore *store,
             GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (spor_store_get_db (store), "PRAGMA quick_check(5)", -1, &stmt,
                               NULL);
  g_autoptr(GString) problems = g_string_new (NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && problems->len == 0)
    {
      spor_store_set_error (store, error, rc, _("Checking the database"));
      if (g_error_matches (*error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED))
        (*error)->code = SPOR_STORE_ERROR_CORRUPT;
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_autofree char *shown = spor_printable (problems->str);

      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT,
                   _("The database file is damaged and cannot be used safely (%s)."), shown);
      return FALSE;
    }
  return TRUE;
}

/* --- Migrations ----------------------------------------------------------------------- */

static gboolean
migrate_to_1 (SporStore *store,
              GError   **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uuid = spor_uuid_new ();
  g_autofree char *now = spor_timestamp_now ();
  sqlite3_stmt *stmt;
  int rc;

  schema = g_resources_lookup_data ("/dk/kulturspor/Spor/core/schema-1.sql", 0, error);
  if (schema == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  if (!spor_store_exec (store, sql, error))
    return FALSE;

  stmt = spor_store_prepare (store, "INSERT INTO site (id, uuid, name, secret, created_at, "
                                    "updated_at) VALUES (1, ?, '', randomblob(32), ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Creating the database"));
      return FALSE;
    }
  return TRUE;
}

/* The tombstone trigger of @info's table (identifiers from the compile-time tables only) */
static void
append_tombstone_trigger (GString              *sql,
                          const SporEntityInfo *info)
{
  g_string_append_printf (sql,
    "CREATE TRIGGER %s_tombstone AFTER DELETE ON %s BEGIN\n"
    "  INSERT INTO tombstones (entity, uuid, deleted_at)\n"
    "    VALUES ('%s', old.uuid, spor_deleted ('%s', old.updated_at))\n"
    "    ON CONFLICT (uuid) DO UPDATE SET entity = excluded.entity,\n"
    "                                     deleted_at = excluded.deleted_at;\n"
    "  INSERT INTO audit_log (at, entity, uuid, action)\n"
    "    VALUES (spor_now (), '%s', old.uuid, '%s');\n"
    "END;\n",
    info->table, info->table, info->name, info->name, info->name,
    g_str_equal (info->name, "participant") ? "erase" : "delete");
}

/* Version 2: no record disappears without a tombstone. A trigger on every table of
 * records writes the tombstone and the audit entry of each deleted row, also of the rows a
 * deletion takes with it through ON DELETE CASCADE; spor_deleted() gives the time (and
 * counts, see spor-store.c). A participant is only ever erased. Tables of later versions
 * get theirs in the migration that makes them. */
static gboolean
migrate_to_2 (SporStore *store,
              GError   **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = spor_store_prepare (store, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND "
                                    "name = ?", error);
  if (stmt == NULL)
    return FALSE;
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      sqlite3_bind_text (stmt, 1, infos[i]->table, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        append_tombstone_trigger (sql, infos[i]);
      sqlite3_reset (stmt);
    }
  return spor_store_exec (store, sql->str, error);
}

/* Version 3: organisations, external contacts and the fields that refer to them. */
static gboolean
migrate_to_3 (SporStore *store,
              GError   **error)
{
  static const char * const tables[] = { "organisation", "programme_organisation", "contact" };
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GString) sql = NULL;

  schema = g_resources_lookup_data ("/dk/kulturspor/Spor/core/schema-3.sql", 0, error);
  if (schema == NULL)
    return FALSE;
  sql = g_string_new_len (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    append_tombstone_trigger (sql, spor_entity_info_lookup (tables[i]));
  return spor_store_exec (store, sql->str, error);
}

typedef gboolean (*Migration) (SporStore *store, GError **error);

/* migrations[n] takes a database from version n to n + 1. The schema check compares a
 * file of version n with what migrations[0] … migrations[n - 1] make in an empty database,
 * so a migration must make the same schema whatever the data. */
static const Migration migrations[SPOR_STORE_SCHEMA_VERSION] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
};

/* Each step in a transaction of its own, with its audit entry. @path: the file, for a
 * plain message on a full disk; NULL for the in-memory reference. */
static gboolean
run_migrations (SporStore   *store,
                const char  *path,
                int          from,
                int          to,
                GError     **error)
{
  for (int version = from; version < to; version++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      g_autofree char *number = g_strdup_printf ("%d", version + 1);

      if (!spor_store_begin (store, error))
        return path != NULL ? fail_plainly (store, path, error) : FALSE;
      if (!migrations[version] (store, error) ||
          !spor_store_exec (store, pragma, error) ||
          !spor_store_audit (store, "schema", NULL, "migrate", number, error) ||
          !spor_store_commit (store, error))
        {
          if (path != NULL)
            fail_plainly (store, path, error);
          spor_store_rollback (store);
          return FALSE;
        }
    }
  return TRUE;
}

#define REFERENCE_RESOURCE "/dk/kulturspor/Spor/core/schema-reference.txt"

/* The schema Spor's migrations make for @version, in an in-memory database. */
static GHashTable *
build_reference (int      version,
                 GError **error)
{
  g_autoptr(SporStore) memory = spor_store_new_memory (error);

  if (memory == NULL)
    return NULL;
  trust_own_schema (spor_store_get_db (memory));
  if (!run_migrations (memory, NULL, 0, version, error))
    return NULL;
  return spor_schema_read (memory, error);
}

gboolean
spor_store_write_reference (GString  *out,
                            GError  **error)
{
  for (int version = 1; version <= SPOR_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GHashTable) schema = build_reference (version, error);

      if (schema == NULL)
        return FALSE;
      spor_schema_write (schema, version, out);
    }
  return TRUE;
}

/* The schema for @version, once per process: from the text compiled in at build time
 * (making it takes milliseconds), or made here where that text is not linked in. */
static GHashTable *
reference_schema (int      version,
                  GError **error)
{
  G_LOCK_DEFINE_STATIC (references);
  static GHashTable *references[SPOR_STORE_SCHEMA_VERSION + 1];
  GHashTable *schema;

  G_LOCK (references);
  if (references[version] == NULL)
    {
      g_autoptr(GBytes) text = g_resources_lookup_data (REFERENCE_RESOURCE, 0, NULL);

      if (text != NULL)
        references[version] = spor_schema_parse (g_bytes_get_data (text, NULL), version);
      if (references[version] == NULL)
        references[version] = build_reference (version, error);
    }
  schema = references[version];
  G_UNLOCK (references);
  return schema;
}

gboolean
spor_store_make_old_file (const char  *path,
                          int          version,
                          GError     **error)
{
  g_autoptr(SporStore) memory = spor_store_new_memory (error);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (version >= 0 && version < SPOR_STORE_SCHEMA_VERSION, FALSE);
  if (memory == NULL)
    return FALSE;
  trust_own_schema (spor_store_get_db (memory));
  if (!run_migrations (memory, NULL, 0, version, error) ||
      (stmt = spor_store_prepare (memory, "VACUUM INTO ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (memory, error, rc, _("Creating the database"));
      return FALSE;
    }
  return g_chmod (path, 0600) == 0;
}

/* A copy of the database next to it, taken through SQLite so it is consistent. */
static gboolean
backup_copy (SporStore   *store,
             const char  *path,
             int          from_version,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", path, from_version, stamp);
  g_autofree char *shown = spor_printable (target);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean full;
  int fd, rc;

  fd = g_open (target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                   _("A backup copy could not be made before upgrading the database (%s): %s"),
                   shown, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", spor_store_get_db (store), "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_extended_errcode (dest);
    }
  full = rc != SQLITE_OK && disk_full (dest, target, rc);
  sqlite3_close_v2 (dest);
  if (rc == SQLITE_OK)
    return TRUE;
  g_unlink (target);
  if (full)
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                 _("There is not enough free disk space for a backup copy of the database "
                   "before it is upgraded (%s). Free some space on the disk and try again; "
                   "nothing was changed."), shown);
  else
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                 _("A backup copy could not be made before upgrading the database (%s): %s"),
                 shown, sqlite3_errstr (rc));
  return FALSE;
}

/* --- Opening -------------------------------------------------------------------------- */

static gboolean
refuse_newer (gint64    version,
              GError  **error)
{
  g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NEWER_VERSION,
               _("The database was made by a newer version of Spor (database version %d, "
                 "this Spor reads up to version %d). Update Spor to open it."),
               (int) version, SPOR_STORE_SCHEMA_VERSION);
  return FALSE;
}

/* What the file is, read without writing a byte: nothing may be written to a file that
 * is refused. *@has_content: it is a Spor database, not a new one. */
static gboolean
inspect (SporStore         *store,
         const char        *path,
         gboolean           existed,
         SporStoreOpening  *opening,
         gboolean          *has_content,
         GError           **error)
{
  g_autoptr(GHashTable) schema = NULL;
  GHashTable *reference;
  gint64 version = 0;

  if (!query_int (store, "PRAGMA user_version", &version, error) ||
      (schema = spor_schema_read (store, error)) == NULL)
    return FALSE;
  *has_content = g_hash_table_size (schema) > 0;
  opening->schema_version = (int) version;
  /* An empty file, or one whose making broke off before its first commit: a new one.
   * Spor sets a version only together with the schema. */
  if (!*has_content && version == 0)
    return TRUE;
  if (version <= 0 || !g_hash_table_contains (schema, "site"))
    {
      spor_schema_set_foreign_error (error);
      return FALSE;
    }
  if (version > SPOR_STORE_SCHEMA_VERSION)
    return refuse_newer (version, error);
  if ((reference = reference_schema ((int) version, error)) == NULL ||
      !spor_schema_compare (schema, reference, error))
    return FALSE;
  if (existed && !spor_store_file_held_open (path) && !spor_store_fingerprint_trusted (path))
    {
      opening->checked = TRUE;
      if (!quick_check (store, error))
        {
          spor_store_forget_fingerprint (path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_site (SporStore         *store,
           SporStoreOpening  *opening,
           GError           **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store, "SELECT uuid FROM site WHERE id = 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    opening->site_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (opening->site_uuid == NULL)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT,
                           _("The database has no site record."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_checked (SporStore         *store,
              const char        *path,
              gboolean           existed,
              sqlite3          **db,
              SporStoreOpening  *opening,
              GError           **error)
{
  g_autofree char *resolved = sqlite_path (path);
  gboolean has_content = FALSE;
  int rc;

  rc = sqlite3_open_v2 (resolved, db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      if (!explain_failure (store, path, rc, error))
        spor_store_set_error (store, error, rc, _("Opening the database"));
      return FALSE;
    }
  sqlite3_busy_timeout (*db, 5000);
  if (!spor_store_configure (store, error))
    return FALSE;
  /* made read-only since check_path() looked */
  if (sqlite3_db_readonly (*db, "main") == 1)
    return refuse_read_only (path, "", error);

  if (!inspect (store, path, existed, opening, &has_content, error))
    return FALSE;
  trust_own_schema (*db);
  /* the copy first: switching to the write-ahead log may already write to the file */
  if (opening->schema_version < SPOR_STORE_SCHEMA_VERSION && has_content &&
      !backup_copy (store, path, opening->schema_version, error))
    return FALSE;

  if (!spor_store_exec (store,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA secure_delete = ON;"
                        "PRAGMA temp_store = MEMORY;",
                        error))
    return fail_plainly (store, path, error);

  if (opening->schema_version < SPOR_STORE_SCHEMA_VERSION)
    {
      if (!run_migrations (store, path, opening->schema_version, SPOR_STORE_SCHEMA_VERSION,
                           error))
        return FALSE;
      opening->schema_version = SPOR_STORE_SCHEMA_VERSION;
    }
  if (!load_site (store, opening, error))
    return FALSE;
  spor_store_hold_file (path);
  return TRUE;
}

/* Removes what a failed creation left: the file was made moments ago by this call. */
static void
remove_new_file (sqlite3    **db,
                 const char  *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  /* statements the store still holds keep it open until they are finalized */
  sqlite3_close_v2 (*db);
  *db = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Bytes from the file (an object's name in SQLite's own message) may be in the message. */
static gboolean
fail_printably (GError **error)
{
  if (error != NULL && *error != NULL)
    {
      char *shown = spor_printable ((*error)->message);

      g_free ((*error)->message);
      (*error)->message = shown;
    }
  return FALSE;
}

gboolean
spor_store_open_file (SporStore         *store,
                      const char        *path,
                      sqlite3          **db,
                      SporStoreOpening  *opening,
                      GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean existed;
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *shown = spor_printable (dir);

      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                   _("The folder for the database could not be made (%s): %s"),
                   shown, g_strerror (saved));
      return FALSE;
    }
  if (!check_path (path, &existed, &st, error))
    return FALSE;
  if (!existed)
    {
      /* Made here so that it is private (0600) from its first byte. */
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO,
                       _("The database file could not be made: %s"), g_strerror (saved));
          return FALSE;
        }
      close (fd);
    }

  if (!open_checked (store, path, existed, db, opening, error))
    {
      if (!existed)
        remove_new_file (db, path);
      return fail_printably (error);
    }

  /* A database about people stays readable by its owner only. */
  if (existed && (st.st_mode & 077) != 0)
    g_chmod (path, 0600);
  return TRUE;
}

void
spor_store_close_file (sqlite3    *db,
                       const char *path,
                       gboolean    opened)
{
  /* Statistics are written only into a file that was accepted. */
  if (opened)
    {
      sqlite3_exec (db, "PRAGMA analysis_limit = 400; PRAGMA optimize", NULL, NULL, NULL);
      spor_store_release_file (path);
    }
  if (sqlite3_close (db) != SQLITE_OK)
    sqlite3_close_v2 (db);
  else if (opened)
    spor_store_remember_fingerprint (path);
}
