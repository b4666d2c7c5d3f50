/* test-store-files.c — the database file's edges: locks, foreign and altered files, file
 * kinds, links, permissions, a full disk, the verified-state folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "core-test-util.h"
#include "spor-store-open.h"
#include "spor-util.h"

/* A folder as it is: every entry's name, mode and, for an ordinary file, a checksum of its
 * bytes. Nothing but ordinary files is read, so a FIFO in the folder cannot block. */
static GHashTable *
snapshot (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = NULL;
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      if (S_ISREG (st.st_mode))
        {
          g_autoptr(GBytes) bytes = test_read_file (path);
          sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
        }
      g_hash_table_insert (files, g_strdup (name),
                           g_strdup_printf ("%o %s", (guint) st.st_mode, sum ? sum : "-"));
    }
  return files;
}

static void
assert_same_snapshot (GHashTable *before,
                      GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_test_message ("after: %s %s", (char *) name, (char *) value);
      g_assert_cmpstr (g_hash_table_lookup (before, name), ==, value);
    }
  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
}

/* Opening @path must fail with @code and leave @path's folder (and @other, when given)
 * exactly as it was: the same files, bytes and modes, no -wal, -shm or backup beside.
 * Returns the message the user sees. */
static char *
open_refused (const char *path,
              const char *other,
              int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GHashTable) before = snapshot (dir);
  g_autoptr(GHashTable) other_before = other != NULL ? snapshot (other) : NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, SPOR_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  after = snapshot (dir);
  assert_same_snapshot (before, after);
  if (other != NULL)
    {
      g_autoptr(GHashTable) other_after = snapshot (other);
      assert_same_snapshot (other_before, other_after);
    }
  return g_strdup (error->message);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A closed Spor database with one programme in it */
static char *
make_spor_file (const char *dir,
                const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  g_assert_no_error (error);
  test_insert_named (store, SPOR_TYPE_PROGRAMME, "Den Digitale Ressourcebank");
  g_assert_finalize_object (store);
  return path;
}

static void
assert_opens (const char *path,
              gint64      programmes)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, programmes);
  g_assert_finalize_object (store);
}

/* TRUE in the child process that runs the rest of the test; in the test process, runs that
 * child (killed after @seconds) and checks that it passed. */
static gboolean
in_child (guint seconds)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* Opening @path must be refused with @expected, and change nothing beside it (or in
 * @other) */
static void
assert_refused_with (const char *path,
                     const char *other,
                     int         code,
                     const char *expected)
{
  g_autofree char *message = open_refused (path, other, code);

  g_assert_cmpstr (message, ==, expected);
}

/* --- locks ---------------------------------------------------------------------------- */

/* In another process: the database file is locked by the test process (F_GETLK sees its
 * lock), and a connection that opens, reads and closes the file leaves the write-ahead log
 * where it is, because it knows it is not the last user. */
static void
probe_locks (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  /* This is a fresh process: its own descriptor does not touch the other's locks. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_GETLK, &lock), ==, 0);
  close (fd);
  g_assert_cmpint (lock.l_type, !=, F_UNLCK);
  g_assert_cmpint (lock.l_pid, ==, getppid ());

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM programmes", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_second_store_keeps_locks (void)
{
  g_autofree char *dir = NULL, *path = NULL, *wal = NULL;
  g_autoptr(GError) error = NULL;
  SporStore *first, *second;

  if (g_test_subprocess ())
    {
      probe_locks (g_getenv ("SPOR_TEST_DATABASE"));
      return;
    }

  dir = test_make_tmp_dir ();
  path = g_build_filename (dir, "spor.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  first = spor_store_open (path, &error);
  g_assert_no_error (error);
  test_insert_named (first, SPOR_TYPE_PROGRAMME, "Aspiranterne");

  /* a worker thread's connection, as the Calendar opens one */
  second = spor_store_open (path, &error);
  g_assert_no_error (error);

  g_setenv ("SPOR_TEST_DATABASE", path, TRUE);
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("SPOR_TEST_DATABASE");

  /* the log the window writes into is still the file's, so nothing written now is lost */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  test_insert_named (first, SPOR_TYPE_PROGRAMME, "Sy og design");
  g_assert_finalize_object (second);
  g_assert_finalize_object (first);

  first = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (first, "programmes"), ==, 2);
  g_assert_finalize_object (first);
}

/* --- files that are not Spor's ------------------------------------------------------ */

static void
test_foreign_sqlite (void)
{
  static const char *const databases[] = {
    /* another program's database, rollback journal */
    "CREATE TABLE kontakter (navn TEXT, telefon TEXT);"
    "INSERT INTO kontakter VALUES ('Bente Mose', '99 88 77 66');",
    /* in write-ahead-log mode */
    "PRAGMA journal_mode = WAL; CREATE TABLE noter (tekst TEXT);"
    "INSERT INTO noter VALUES ('Mødereferat');",
    /* with a version number of its own, as many programs set */
    "CREATE TABLE kalender (dato TEXT); PRAGMA user_version = 1;",
    /* with a table called site that is not Spor's */
    "CREATE TABLE site (id INTEGER PRIMARY KEY, url TEXT); PRAGMA user_version = 1;",
    /* with a version number and nothing else */
    "PRAGMA user_version = 1; VACUUM;",
  };
  g_autofree char *dir = test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (databases); i++)
    {
      g_autofree char *name = g_strdup_printf ("andet-program-%u.sqlite", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *message = NULL;

      run_sql (path, databases[i]);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      message = open_refused (path, NULL, SPOR_STORE_ERROR_NOT_DATABASE);
      g_assert_cmpstr (message, ==, "The file is an SQLite database of another program, not a "
                                    "Spor database. Spor leaves it as it is.");
    }
}

static void
test_empty_file_is_new (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "tom.db", NULL);
  g_autofree char *broken_off = g_build_filename (dir, "afbrudt.db", NULL);
  g_autoptr(GError) error = NULL;
  SporStore *store;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_store_get_schema_version (store), ==, SPOR_STORE_SCHEMA_VERSION);
  test_insert_named (store, SPOR_TYPE_PROGRAMME, "Unge med Kant");
  g_assert_finalize_object (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_opens (path, 1);

  /* an SQLite file with nothing in it yet, as a making that broke off leaves it */
  run_sql (broken_off, "PRAGMA journal_mode = WAL;");
  assert_opens (broken_off, 0);
}

/* --- altered Spor databases ---------------------------------------------------------- */

static void
test_altered (void)
{
  static const struct { const char *sql, *difference; } cases[] = {
    { "CREATE TRIGGER keep_participants BEFORE DELETE ON participants "
      "BEGIN SELECT RAISE(IGNORE); END;",
      "it has a trigger “keep_participants” that Spor did not make" },
    { "CREATE TABLE kept (name TEXT, cpr TEXT);"
      "CREATE TRIGGER copy_deleted AFTER DELETE ON participants "
      "BEGIN INSERT INTO kept VALUES (old.name, old.cpr); END;",
      "it has a trigger “copy_deleted” that Spor did not make" },
    { "DROP TRIGGER participants_fts_delete;"
      "CREATE TRIGGER participants_fts_delete AFTER DELETE ON participants BEGIN SELECT 1; END;",
      "Spor's trigger “participants_fts_delete” has been changed" },
    { "CREATE VIEW everyone AS SELECT name, cpr FROM participants;",
      "it has a view “everyone” that Spor did not make" },
    { "CREATE INDEX participants_by_cpr ON participants (cpr);",
      "it has an index “participants_by_cpr” that Spor did not make" },
    { "CREATE TABLE notes (x);",
      "it has a table “notes” that Spor did not make" },
    { "DROP INDEX attendance_participant;",
      "Spor's index “attendance_participant” is missing" },
    { "ALTER TABLE participants ADD COLUMN hidden TEXT;",
      "Spor's table “participants” has been changed" },
    { "CREATE TABLE \"x\x1b[2Jy\" (z);",
      "it has a table “x\\x1b[2Jy” that Spor did not make" },
  };
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *original = make_spor_file (dir, "original.db");
  g_autoptr(GBytes) bytes = test_read_file (original);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("altered-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *message = NULL, *expected = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), &error));
      run_sql (path, cases[i].sql);
      message = open_refused (path, NULL, SPOR_STORE_ERROR_ALTERED);
      expected = g_strdup_printf ("The database has been altered outside Spor (%s), so Spor "
                                  "does not open it: a change made outside Spor can keep or "
                                  "copy data that Spor deletes. Open a backup copy instead, or "
                                  "ask your IT support for help.", cases[i].difference);
      g_assert_cmpstr (message, ==, expected);
      g_assert_null (strchr (message, '\x1b'));
    }
  assert_opens (original, 1);
}

/* SQLite's own message about a schema it cannot read names the object: escaped too. */
static void
test_malformed_schema (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_spor_file (dir, "spor.db");
  g_autofree char *message = NULL;

  run_sql (path, "PRAGMA writable_schema = ON;"
                 "INSERT INTO sqlite_schema VALUES ('table', 'x\x1b[2J', 'x\x1b[2J', 0, "
                 "'CREATE TABLE x\x1b[2J (');");
  message = open_refused (path, NULL, SPOR_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (message, "Reading the database: the database file is "
                                            "damaged (malformed database schema (x\\x1b[2J)"));
  g_assert_null (strchr (message, '\x1b'));
}

/* Whitespace and comments are not part of the schema; SQLite's statistics tables are. */
static void
test_altered_only_in_form (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_spor_file (dir, "spor.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  SporStore *store;

  run_sql (path, "DROP TRIGGER participants_fts_delete;"
                 "CREATE TRIGGER participants_fts_delete\n"
                 "    AFTER DELETE ON participants\n"
                 "BEGIN -- the search index follows\n"
                 "  DELETE FROM participants_fts /* by row */ WHERE rowid = old.id ;\n"
                 "END;"
                 "ANALYZE;");
  store = spor_store_open (path, &error);
  g_assert_no_error (error);

  /* the trigger still does its work */
  spor_entity_set_text (participant, "name", "Søren Kjærgaard");
  assert_ok (spor_store_insert (store, participant, &error));
  g_assert_cmpint (test_count_rows (store, "participants_fts"), ==, 1);
  assert_ok (spor_store_delete (store, participant, &error));
  g_assert_cmpint (test_count_rows (store, "participants_fts"), ==, 0);
  g_assert_finalize_object (store);
}

static void
test_normalise (void)
{
  static const char *const cases[][2] = {
    { "CREATE TABLE t (\n  a TEXT, -- a comment\n  b INTEGER /* another */ )",
      "CREATE TABLE t(a TEXT,b INTEGER)" },
    { "CHECK (x = 'two  spaces' OR x = '-- no comment' OR x = 'it''s')",
      "CHECK(x = 'two  spaces' OR x = '-- no comment' OR x = 'it''s')" },
    { "SELECT \"a  b\" ,\n [c  d],`e  f`", "SELECT \"a  b\",[c  d],`e  f`" },
    { "a - -b", "a - -b" },
    { "  ", "" },
    { "'unterminated  ", "'unterminated  " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = spor_schema_normalise (cases[i][0]);
      g_assert_cmpstr (normal, ==, cases[i][1]);
    }
}

/* The schema compiled into Spor is the one its migrations make, for every version. */
static void
test_reference_current (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) built_in = g_resources_lookup_data ("/dk/kulturspor/Spor/core/"
                                                        "schema-reference.txt", 0, &error);
  g_autoptr(GString) made = g_string_new (NULL);

  g_assert_no_error (error);
  assert_ok (spor_store_write_reference (made, &error));
  g_assert_cmpstr (g_bytes_get_data (built_in, NULL), ==, made->str);
  for (int version = 1; version <= SPOR_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GHashTable) schema = spor_schema_parse (made->str, version);

      g_assert_nonnull (schema);
      g_assert_true (g_hash_table_contains (schema, "site"));
    }
}

/* --- SQLite's defences --------------------------------------------------------------- */

static void
fold_without_flags (sqlite3_context *ctx,
                    int              argc,
                    sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, "x", -1, SQLITE_STATIC);
}

static void
test_defensive (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  sqlite3 *db = spor_store_get_db (store);
  int on = -1;
  g_autofree char *log = NULL;

  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on), ==, SQLITE_OK);
  g_assert_cmpint (on, ==, 1);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &on), ==, SQLITE_OK);
  g_assert_cmpint (on, ==, 1);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, -1, &on), ==,
                   SQLITE_OK);
  g_assert_cmpint (on, ==, 0);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &on), ==, SQLITE_OK);
  /* see trust_own_schema(): only once the schema is known to be Spor's, and only where
   * SQLite's FTS5 is not yet marked innocuous */
  g_assert_cmpint (on, ==, sqlite3_libversion_number () < 3044000);

  /* plain SQL changes neither the schema nor the search index's shadow tables */
  sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE sqlite_schema SET sql = 'x' WHERE name = 'site'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM participants_fts_data", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "table participants_fts_data may not be modified");

  /* spor_fold() and spor_contact() may run in a trigger of an untrusted schema */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA trusted_schema = OFF;"
                                     "ATTACH ':memory:' AS probe;"
                                     "CREATE TABLE probe.t (x); CREATE TABLE probe.log (y);"
                                     "CREATE TRIGGER probe.fold AFTER INSERT ON t BEGIN "
                                     "INSERT INTO log VALUES (spor_fold (new.x) || ' ' || "
                                     "spor_contact (NULL, new.x)); END;"
                                     "INSERT INTO probe.t VALUES ('Åse');",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
  log = test_query_text (store, "SELECT y FROM probe.log");
  g_assert_cmpstr (log, ==, "aase ase Åse");
  /* which holds because they are marked innocuous: without the flag SQLite refuses */
  g_assert_cmpint (sqlite3_create_function_v2 (db, "spor_fold", 1, SQLITE_UTF8, NULL,
                                               fold_without_flags, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO probe.t VALUES ('Bo')", NULL, NULL, NULL), ==,
                   SQLITE_ERROR);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "unsafe use of spor_fold()");
}

/* --- files that are not ordinary, links ---------------------------------------------- */

static void
test_not_ordinary (void)
{
  g_autofree char *dir = NULL, *fifo = NULL, *socket_path = NULL, *expected = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  /* In a child process: a blocking open() of the FIFO would hang it, not the suite. */
  if (!in_child (20))
    return;

  dir = test_make_tmp_dir ();
  fifo = g_build_filename (dir, "spor.db", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expected = g_strdup_printf ("%s is a named pipe, not a database file; Spor opens only "
                              "ordinary files.", fifo);
  assert_refused_with (fifo, NULL, SPOR_STORE_ERROR_IO, expected);
  g_clear_pointer (&expected, g_free);

  socket_path = g_build_filename (dir, "spor.sock", NULL);
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  expected = g_strdup_printf ("%s is a socket, not a database file; Spor opens only ordinary "
                              "files.", socket_path);
  assert_refused_with (socket_path, NULL, SPOR_STORE_ERROR_IO, expected);

  {
    g_autoptr(SporStore) store = spor_store_open ("/dev/null", &error);

    g_assert_null (store);
    g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO);
    g_assert_cmpstr (error->message, ==, "/dev/null is a device, not a database file; Spor "
                                         "opens only ordinary files.");
    g_assert_false (g_file_test ("/dev/null-wal", G_FILE_TEST_EXISTS));
  }
}

/* @link (shown in the message as @shown, when not as it is), pointing to @target, is
 * refused as a link, and nothing changes beside it or in @other. */
static void
assert_link_refused (const char *link,
                     const char *shown,
                     const char *target,
                     const char *other)
{
  g_autofree char *expected = NULL;

  g_assert_cmpint (symlink (target, link), ==, 0);
  expected = g_strdup_printf ("%s is a symbolic link; Spor opens only the file itself, not a "
                              "link to it. Open the file it points to instead: %s",
                              shown != NULL ? shown : link, target);
  assert_refused_with (link, other, SPOR_STORE_ERROR_IO, expected);
}

static void
test_symlink (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *links = g_build_filename (dir, "links", NULL);
  g_autofree char *target = NULL, *link = NULL, *dangling = NULL, *evil = NULL, *shown = NULL;

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (links, 0700), ==, 0);
  target = make_spor_file (elsewhere, "spor.db");

  link = g_build_filename (links, "spor.db", NULL);
  assert_link_refused (link, NULL, target, elsewhere);

  /* a link to nothing: no database is made through it */
  dangling = g_build_filename (links, "new.db", NULL);
  assert_link_refused (dangling, NULL, "../elsewhere/new.db", elsewhere);

  /* terminal control bytes in the names are written out, not passed on */
  evil = g_build_filename (links, "a\x1b]0;title\x07.db", NULL);
  shown = g_build_filename (links, "a\\x1b]0;title\\x07.db", NULL);
  {
    g_autofree char *message = NULL;

    g_assert_cmpint (symlink ("\x1b[2J", evil), ==, 0);
    message = open_refused (evil, NULL, SPOR_STORE_ERROR_IO);
    g_assert_true (g_str_has_prefix (message, shown));
    g_assert_true (g_str_has_suffix (message, "instead: \\x1b[2J"));
    g_assert_null (strchr (message, '\x1b'));
    g_assert_null (strchr (message, '\x07'));
  }
  /* a link among the folders of the path is no link in place of the file */
  {
    g_autofree char *folder_link = g_build_filename (dir, "via", NULL);
    g_autofree char *via = g_build_filename (folder_link, "spor.db", NULL);
    g_autoptr(GError) error = NULL;
    SporStore *store;

    g_assert_cmpint (symlink (elsewhere, folder_link), ==, 0);
    store = spor_store_open (via, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (spor_store_get_path (store), ==, via);
    g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
    g_assert_finalize_object (store);
  }
}

/* --- permissions and a full disk ----------------------------------------------------- */

/* Permissions do not bind root: a child process that tests them runs as nobody. */
static void
drop_root (void)
{
  if (geteuid () != 0)
    return;
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    g_error ("cannot leave root: %s", g_strerror (errno));
}

static void
assert_read_only_refused (const char *path,
                          const char *file,
                          const char *expected_format)
{
  g_autofree char *expected = g_strdup_printf (expected_format, file);

  assert_refused_with (path, NULL, SPOR_STORE_ERROR_IO, expected);
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL, *path = NULL, *shm = NULL, *wal = NULL;
  g_autoptr(GError) error = NULL;

  if (!in_child (60))
    return;
  drop_root ();
  dir = test_make_tmp_dir ();
  path = make_spor_file (dir, "spor.db");
  shm = g_strconcat (path, "-shm", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  /* the file itself: refused before SQLite would leave a read-only -wal and -shm */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_read_only_refused (path, path,
                            "The database file %s is read-only, so Spor cannot work in it. "
                            "Make it writable for your user (for example with “chmod u+w”) "
                            "and open it again.");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  assert_opens (path, 1);

  /* a read-only -shm left behind keeps the mended file unusable: the message names it */
  {
    g_autofree char *zeros = g_malloc0 (32768);

    g_assert_true (g_file_set_contents (shm, zeros, 32768, &error));
    g_assert_cmpint (g_chmod (shm, 0400), ==, 0);
  }
  assert_read_only_refused (path, shm,
                            "The database's shared-memory file %s is read-only, so the database "
                            "cannot be used. Make that file writable for your user (for "
                            "example with “chmod u+w”), or delete it while no program has the "
                            "database open.");
  g_assert_cmpint (g_chmod (shm, 0600), ==, 0);
  assert_opens (path, 1);

  g_assert_true (g_file_set_contents (wal, "", 0, &error));
  g_assert_cmpint (g_chmod (wal, 0400), ==, 0);
  assert_read_only_refused (path, wal,
                            "The database's write-ahead log %s is read-only, so the database "
                            "cannot be used. Make that file writable for your user (for example "
                            "with “chmod u+w”); do not delete it, it may hold the latest "
                            "changes.");
  g_assert_cmpint (g_chmod (wal, 0600), ==, 0);
  assert_opens (path, 1);

  /* a folder where the working files cannot be made */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  assert_read_only_refused (path, dir,
                            "The folder %s cannot be written, so Spor cannot make the "
                            "database's working files (-wal and -shm) there. Make the folder "
                            "writable for your user, or move the database into a folder that "
                            "is.");
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  assert_opens (path, 1);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = NULL, *path = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = NULL;
  struct rlimit limit;

  if (!in_child (60))
    return;
  dir = test_make_tmp_dir ();
  path = g_build_filename (dir, "spor.db", NULL);

  /* No file may grow past 128 KiB: a new database needs more. A write past the limit
   * fails (EFBIG) as on a full disk, instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  {
    struct rlimit small = { .rlim_cur = 128 * 1024, .rlim_max = limit.rlim_max };
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  }
  store = spor_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO);
  expected = g_strdup_printf ("There is not enough free disk space to write the database %s. "
                              "Free some space on the disk and try again; nothing was changed.",
                              path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* the half-made file is gone, and with room again the database is made */
  {
    g_autoptr(GHashTable) left = snapshot (dir);
    g_assert_cmpuint (g_hash_table_size (left), ==, 0);
  }
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  test_insert_named (store, SPOR_TYPE_PROGRAMME, "Aspiranterne");
}

/* Upgrading a database needs room for its backup copy first. */
static void
test_full_disk_migrating (void)
{
  g_autofree char *dir = NULL, *path = NULL, *expected = NULL, *message = NULL;
  struct rlimit limit;
  GStatBuf st;

  if (SPOR_STORE_SCHEMA_VERSION < 2)
    {
      g_test_skip ("no earlier schema version to upgrade from");
      return;
    }
  if (!in_child (60))
    return;
  dir = test_make_tmp_dir ();
  path = g_build_filename (dir, "spor.db", NULL);
  {
    g_autoptr(GError) error = NULL;
    assert_ok (spor_store_make_old_file (path, SPOR_STORE_SCHEMA_VERSION - 1, &error));
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  /* room for less than half a copy */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  {
    struct rlimit small = { .rlim_cur = (rlim_t) st.st_size / 2, .rlim_max = limit.rlim_max };
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  }
  message = open_refused (path, NULL, SPOR_STORE_ERROR_IO);
  g_assert_true (g_str_has_prefix (message, "There is not enough free disk space for a backup "
                                            "copy of the database before it is upgraded ("));
  g_assert_true (g_str_has_suffix (message, "). Free some space on the disk and try again; "
                                            "nothing was changed."));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SporStore) store = spor_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (spor_store_get_schema_version (store), ==, SPOR_STORE_SCHEMA_VERSION);
  }
}

/* --- messages ------------------------------------------------------------------------ */

static void
test_printable (void)
{
  static const char *const cases[][2] = {
    { "/home/åse/Forløb.db", "/home/åse/Forløb.db" },
    { "a\x1b[31mb", "a\\x1b[31mb" },
    { "line\nnext\ttab\rback", "line\\x0anext\\x09tab\\x0dback" },
    { "del\x7f", "del\\x7f" },
    { "csi\xc2\x9b" "1m", "csi\\u009b1m" },               /* C1 control, as UTF-8 */
    { "rlo\xe2\x80\xae" "txt.exe", "rlo\\u202etxt.exe" },   /* right-to-left override */
    { "iso\xe2\x81\xa6", "iso\\u2066" },
    { "bad\xff\xfe", "bad\\xff\\xfe" },
    { "cut\xc3", "cut\\xc3" },
    { "over\xc0\xaf", "over\\xc0\\xaf" },
    { "back\\slash", "back\\slash" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = spor_printable (cases[i][0]);

      g_assert_cmpstr (shown, ==, cases[i][1]);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
    }
  {
    g_autofree char *none = spor_printable (NULL);
    g_autofree char *nul = spor_printable_len ("a\0b", 3);

    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (nul, ==, "a\\x00b");
  }
}

static void
test_is_database_file (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autofree char *symbolic = g_build_filename (dir, "link.db", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.db", NULL);
  g_autofree char *spelt = g_build_filename (dir, ".", "spor.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *other = g_build_filename (dir, "eksport.json", NULL);
  g_autofree char *new_file = g_build_filename (dir, "ny.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (path, &error);

  g_assert_no_error (error);
  test_insert_named (store, SPOR_TYPE_PROGRAMME, "Aspiranterne");
  g_assert_cmpint (symlink (path, symbolic), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_true (g_file_set_contents (other, "{}", -1, &error));

  g_assert_true (spor_store_is_database_file (store, path));
  g_assert_true (spor_store_is_database_file (store, spelt));
  g_assert_true (spor_store_is_database_file (store, symbolic));
  g_assert_true (spor_store_is_database_file (store, hard));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (spor_store_is_database_file (store, wal));
  g_assert_true (spor_store_is_database_file (store, shm));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (spor_store_is_database_file (store, journal));
  g_assert_false (spor_store_is_database_file (store, other));
  g_assert_false (spor_store_is_database_file (store, new_file));
  g_assert_false (spor_store_is_database_file (store, dir));
}

/* --- the verified-state folder ------------------------------------------------------- */

static char *
entry_path (const char *database)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, database, -1);

  return g_build_filename (g_get_user_state_dir (), "spor", "verified", name, NULL);
}

static void
test_verified_pruned (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *kept = make_spor_file (dir, "kept.db");
  g_autofree char *deleted = make_spor_file (dir, "deleted.db");
  g_autofree char *changed = make_spor_file (dir, "changed.db");
  g_autofree char *stamp = g_build_filename (g_get_user_state_dir (), "spor", "verified",
                                             ".pruned", NULL);
  g_autofree char *kept_entry = entry_path (kept);
  g_autofree char *deleted_entry = entry_path (deleted);
  g_autofree char *changed_entry = entry_path (changed);
  struct utimbuf old = { 0 };
  g_autofree char *trigger = NULL;

  g_assert_true (g_file_test (deleted_entry, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (deleted), ==, 0);
  run_sql (changed, "UPDATE site SET name = 'Helsingør'");

  /* pruned at most once a day: within the day, nothing goes */
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  trigger = make_spor_file (dir, "trigger.db");
  g_assert_true (g_file_test (deleted_entry, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (changed_entry, G_FILE_TEST_EXISTS));

  /* a day later, writing an entry removes those that can no longer match */
  old.actime = old.modtime = time (NULL) - 25 * 60 * 60;
  g_assert_cmpint (g_utime (stamp, &old), ==, 0);
  assert_opens (trigger, 1);
  g_assert_false (g_file_test (deleted_entry, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (changed_entry, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_entry, G_FILE_TEST_EXISTS));

  /* the kept one still spares its file the full check */
  {
    g_autoptr(GError) error = NULL;
    SporStore *store = spor_store_open (kept, &error);

    g_assert_no_error (error);
    g_assert_false (spor_store_was_checked (store));
    g_assert_finalize_object (store);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *state = NULL;
  int status;

  /* A state folder of this test's own: the pruning test counts what is in it. The child
   * processes some tests run use their parent's. */
  if (g_getenv ("SPOR_TEST_STATE") == NULL)
    {
      state = g_dir_make_tmp ("spor-test-state-XXXXXX", NULL);
      g_assert_nonnull (state);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
      g_setenv ("SPOR_TEST_STATE", state, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-files/locks/second-store", test_second_store_keeps_locks);
  g_test_add_func ("/store-files/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store-files/empty-file-is-new", test_empty_file_is_new);
  g_test_add_func ("/store-files/altered", test_altered);
  g_test_add_func ("/store-files/altered-only-in-form", test_altered_only_in_form);
  g_test_add_func ("/store-files/malformed-schema", test_malformed_schema);
  g_test_add_func ("/store-files/normalise", test_normalise);
  g_test_add_func ("/store-files/reference-current", test_reference_current);
  g_test_add_func ("/store-files/defensive", test_defensive);
  g_test_add_func ("/store-files/not-ordinary", test_not_ordinary);
  g_test_add_func ("/store-files/symlink", test_symlink);
  g_test_add_func ("/store-files/read-only", test_read_only);
  g_test_add_func ("/store-files/full-disk", test_full_disk);
  g_test_add_func ("/store-files/full-disk-migrating", test_full_disk_migrating);
  g_test_add_func ("/store-files/printable", test_printable);
  g_test_add_func ("/store-files/is-database-file", test_is_database_file);
  g_test_add_func ("/store-files/verified-pruned", test_verified_pruned);

  status = g_test_run ();
  if (state != NULL)
    test_remove_tree (state);
  return status;
}
