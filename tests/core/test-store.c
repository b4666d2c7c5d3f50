/* test-store.c — opening, migrating and refusing database files; transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "core-test-util.h"
#include "spor-store-open.h"
#include "spor-util.h"

static char *
pragma_text (SporStore  *store,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static guint
count_files_with_prefix (const char *dir,
                         const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
test_create (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "spor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (path, &error);
  g_autofree char *journal = NULL, *fk = NULL, *sync = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (spor_store_get_schema_version (store), ==, SPOR_STORE_SCHEMA_VERSION);
  g_assert_true (spor_uuid_is_valid (spor_store_get_site_uuid (store)));
  g_assert_cmpstr (spor_store_get_path (store), ==, path);

  /* private to its user, folder included */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *folder = g_path_get_dirname (path);
    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  journal = pragma_text (store, "PRAGMA journal_mode");
  fk = pragma_text (store, "PRAGMA foreign_keys");
  sync = pragma_text (store, "PRAGMA synchronous");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpstr (sync, ==, "2");

  /* a new file needs no backup */
  g_assert_cmpuint (count_files_with_prefix (dir, "spor.db.v"), ==, 0);
}

static void
test_default_path (void)
{
  g_autofree char *path = spor_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "spor", "spor.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_reopen (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = test_new_named (SPOR_TYPE_PROGRAMME, "Sy og design");
  g_autoptr(SporEntity) again = NULL;
  g_autofree char *uuid = NULL, *site = NULL;
  SporStore *store;

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  assert_ok (spor_store_set_site_name (store, "Syddjurs Bibliotek", &error));
  assert_ok (spor_store_insert (store, programme, &error));
  uuid = g_strdup (spor_entity_get_uuid (programme));
  site = g_strdup (spor_store_get_site_uuid (store));
  g_assert_finalize_object (store);

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  again = spor_store_get_by_uuid (store, SPOR_TYPE_PROGRAMME, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (again, "name"), ==, "Sy og design");
  g_assert_cmpstr (spor_store_get_site_uuid (store), ==, site);
  {
    g_autofree char *name = spor_store_dup_site_name (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "Syddjurs Bibliotek");
  }
  g_assert_cmpuint (count_files_with_prefix (dir, "spor.db.v"), ==, 0);
  g_assert_finalize_object (store);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A database of the previous schema version is copied, then upgraded. */
static void
test_migrate_with_backup (void)
{
  g_autofree char *dir = NULL, *path = NULL, *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *prefix = g_strdup_printf ("spor.db.v%d-", SPOR_STORE_SCHEMA_VERSION - 1);
  const char *name;
  sqlite3 *db = NULL;
  GStatBuf st;

  if (SPOR_STORE_SCHEMA_VERSION < 2)
    {
      /* Version 0 is the empty file: there is nothing to copy before the first layout. */
      g_test_skip ("no earlier schema version with content");
      return;
    }
  dir = test_make_tmp_dir ();
  path = g_build_filename (dir, "spor.db", NULL);
  assert_ok (spor_store_make_old_file (path, SPOR_STORE_SCHEMA_VERSION - 1, &error));

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_store_get_schema_version (store), ==, SPOR_STORE_SCHEMA_VERSION);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
      backup = g_build_filename (dir, name, NULL);
  g_assert_nonnull (backup);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* the backup is the database as it was */
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SPOR_STORE_SCHEMA_VERSION - 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* the migration is in the audit log */
  {
    g_autoptr(GPtrArray) audit = spor_store_list_audit (store, NULL, &error);
    g_autofree char *number = g_strdup_printf ("%d", SPOR_STORE_SCHEMA_VERSION);
    gboolean migrated = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      {
        SporAuditEntry *entry = g_ptr_array_index (audit, i);
        migrated |= g_strcmp0 (entry->action, "migrate") == 0 &&
                    g_strcmp0 (entry->fields, number) == 0;
      }
    g_assert_true (migrated);
  }
}

/* Opening @path must fail with @code and leave its bytes and its folder as they were. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  store = spor_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SPOR_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused: %s", error->message);

  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *prefix = g_strconcat (base, ".v", NULL);
    g_assert_cmpuint (count_files_with_prefix (dir, prefix), ==, 0);
  }
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Mødereferat, ikke en database.\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (path, 0644);
  assert_refused (path, SPOR_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_short_file (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "short.db", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "SQLite", -1, &error);
  g_assert_no_error (error);
  assert_refused (path, SPOR_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);

  /* every Spor database has its site table */
  make_raw_database (path, "CREATE TABLE site (id INTEGER PRIMARY KEY, uuid TEXT); "
                           "PRAGMA user_version = 99;");
  assert_refused (path, SPOR_STORE_ERROR_NEWER_VERSION);
  g_unlink (path);

  /* a number in user_version alone does not make a file Spor's */
  make_raw_database (path, "CREATE TABLE t (x); PRAGMA user_version = 99;");
  assert_refused (path, SPOR_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  SporStore *store;
  char *contents = NULL;
  gsize length = 0;
  gsize page = 4096, pages;

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Programme %u", i);
      g_autoptr(SporEntity) programme = test_new_named (SPOR_TYPE_PROGRAMME, name);

      assert_ok (spor_store_insert (store, programme, &error));
    }
  g_assert_finalize_object (store);

  /* Scribble over every page but the first (the header stays readable). */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  pages = length / page;
  g_assert_cmpuint (pages, >, 4);
  for (gsize p = 2; p < pages; p++)
    memset (contents + p * page + 8, 0x5a, 64);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  g_free (contents);
  g_chmod (path, 0600);

  assert_refused (path, SPOR_STORE_ERROR_CORRUPT);
}

static void
test_refuse_folder (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_IO);
}

static void
test_mode_tightened (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(GError) error = NULL;
  SporStore *store;
  GStatBuf st;

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_chmod (path, 0644);

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_finalize_object (store);
}

static void
test_foreign_keys (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporEntity) phase = spor_entity_new (SPOR_TYPE_PHASE);
  g_autoptr(SporEntity) programme = test_new_named (SPOR_TYPE_PROGRAMME, "Unge med Kant");
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (phase, "name", "Afklaring");
  spor_entity_set_int (phase, "position", 0);
  spor_entity_set_int (phase, "programme_id", 4242);
  g_assert_false (spor_store_insert (store, phase, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "phases"), ==, 0);
  g_assert_cmpint (spor_entity_get_id (phase), ==, 0);

  /* deleting a programme takes its phases with it, and each gets its tombstone and audit
   * entry, so that the deletion of both reaches other sites */
  g_assert_true (spor_store_insert (store, programme, &error));
  spor_entity_set_int (phase, "programme_id", spor_entity_get_id (programme));
  assert_ok (spor_store_insert (store, phase, &error));
  assert_ok (spor_store_delete (store, programme, &error));
  g_assert_cmpint (test_count_rows (store, "phases"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT entity FROM tombstones WHERE uuid = '%s'",
                                            spor_entity_get_uuid (phase));
    g_autofree char *kind = test_query_text (store, sql);
    g_autofree char *audit = NULL;

    g_assert_cmpstr (kind, ==, "phase");
    g_free (sql);
    sql = g_strdup_printf ("SELECT action FROM audit_log WHERE uuid = '%s' ORDER BY id DESC",
                           spor_entity_get_uuid (phase));
    audit = test_query_text (store, sql);
    g_assert_cmpstr (audit, ==, "delete");
  }
}

static void
test_failed_transaction (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporEntity) programme = test_new_named (SPOR_TYPE_PROGRAMME, "Aspiranterne");
  g_autoptr(SporEntity) bad = spor_entity_new (SPOR_TYPE_COHORT);
  g_autoptr(GError) error = NULL;
  gint64 audit_before = test_count_rows (store, "audit_log");

  g_assert_true (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, programme, &error));
  spor_entity_set_int (bad, "programme_id", spor_entity_get_id (programme));
  spor_entity_set_text (bad, "name", "Hold 1");
  spor_entity_set_text (bad, "start_date", "2026-02-30");
  g_assert_false (spor_store_insert (store, bad, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  spor_store_rollback (store);

  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "cohorts"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit_before);

  /* the store is usable afterwards */
  g_clear_error (&error);
  {
    g_autoptr(SporEntity) again = test_new_named (SPOR_TYPE_PROGRAMME, "Aspiranterne");
    assert_ok (spor_store_insert (store, again, &error));
  }
}

static void
test_database_checks_too (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  sqlite3 *db = spor_store_get_db (store);
  const char *bad[] = {
    "INSERT INTO programmes (uuid, created_at, updated_at, name) "
    "VALUES ('00000000-0000-7000-8000-000000000001', 'x', 'x', '   ')",
    "INSERT INTO programmes (uuid, created_at, updated_at, name, period_start) "
    "VALUES ('00000000-0000-7000-8000-000000000002', 'x', 'x', 'P', '2026-13-01')",
    "INSERT INTO programmes (uuid, created_at, updated_at, name, min_age, max_age) "
    "VALUES ('00000000-0000-7000-8000-000000000003', 'x', 'x', 'P', 30, 18)",
    "INSERT INTO participants (uuid, created_at, updated_at, name, status) "
    "VALUES ('00000000-0000-7000-8000-000000000004', 'x', 'x', 'A', 'lost')",
    "INSERT INTO participants (uuid, created_at, updated_at, name, cpr) "
    "VALUES ('00000000-0000-7000-8000-000000000005', 'x', 'x', 'A', '12345-6789')",
  };

  /* Even SQL that bypasses the store cannot store what the model forbids. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (sqlite3_exec (db, bad[i], NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 0);
}

static void
test_site_name (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (201, 'a');
  g_autofree char *name = NULL;

  assert_ok (spor_store_set_site_name (store, "  Ishøj Kommune  ", &error));
  g_assert_false (spor_store_set_site_name (store, too_long, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  name = spor_store_dup_site_name (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Ishøj Kommune");
}

static void
test_check_when_changed (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SporStore *store;

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (spor_store_was_checked (store));  /* new: nothing to check */
  g_assert_finalize_object (store);

  /* closed cleanly by Spor and unchanged since: no need to read it all */
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (spor_store_was_checked (store));
  g_assert_finalize_object (store);

  /* a file Spor has not seen (a copy from another machine) is checked */
  bytes = test_read_file (path);
  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  store = spor_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (spor_store_was_checked (store));
  g_assert_finalize_object (store);

  /* a second connection while the first is open (a worker thread's) is not checked again */
  {
    SporStore *first = spor_store_open (copy, &error);
    SporStore *second;

    g_assert_no_error (error);
    {
      sqlite3 *db = NULL;
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE site SET name = 'Korsør'", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);
    }
    second = spor_store_open (copy, &error);
    g_assert_no_error (error);
    g_assert_false (spor_store_was_checked (second));
    g_assert_finalize_object (second);
    g_assert_finalize_object (first);
  }

  /* changed behind Spor's back: checked again */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE site SET name = 'Ishøj'", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
  }
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (spor_store_was_checked (store));
  g_assert_finalize_object (store);
}

static void
test_busy (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = test_new_named (SPOR_TYPE_PROGRAMME, "Venter");

  other = spor_store_open (spor_store_get_path (store), &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (spor_store_get_db (other), 50);
  g_assert_true (spor_store_begin (store, &error));
  g_assert_false (spor_store_insert (other, programme, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_BUSY);
  spor_store_rollback (store);
}

static int
interrupt (void *data)
{
  return 1;
}

static void
add_phase (SporStore  *store,
           gint64      programme_id,
           const char *name,
           gint64      position)
{
  g_autoptr(SporEntity) phase = test_new_named (SPOR_TYPE_PHASE, name);
  g_autoptr(GError) error = NULL;

  spor_entity_set_int (phase, "programme_id", programme_id);
  spor_entity_set_int (phase, "position", position);
  assert_ok (spor_store_insert (store, phase, &error));
}

static char *
names_of (GPtrArray *records)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                            spor_entity_get_text (g_ptr_array_index (records, i), "name"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Only the records that belong to the one asked for, in the order asked for; none is an
 * empty list, and a read that fails says so and lists nothing. */
static void
test_list_by (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 aspiranterne = test_insert_named (store, SPOR_TYPE_PROGRAMME, "Aspiranterne");
  gint64 unge = test_insert_named (store, SPOR_TYPE_PROGRAMME, "Unge med Kant");
  gint64 empty = test_insert_named (store, SPOR_TYPE_PROGRAMME, "Tomt forløb");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) up = NULL;
  g_autoptr(GPtrArray) down = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *up_names = NULL;
  g_autofree char *down_names = NULL;

  add_phase (store, aspiranterne, "Storytelling", 1);
  add_phase (store, unge, "Afklaring", 0);
  add_phase (store, aspiranterne, "Praktik", 2);
  add_phase (store, aspiranterne, "Opstart", 0);

  up = spor_store_list_by (store, SPOR_TYPE_PHASE, "programme_id", aspiranterne, "position",
                           FALSE, &error);
  g_assert_no_error (error);
  up_names = names_of (up);
  g_assert_cmpstr (up_names, ==, "Opstart Storytelling Praktik");
  down = spor_store_list_by (store, SPOR_TYPE_PHASE, "programme_id", aspiranterne, "position",
                             TRUE, &error);
  g_assert_no_error (error);
  down_names = names_of (down);
  g_assert_cmpstr (down_names, ==, "Praktik Storytelling Opstart");
  none = spor_store_list_by (store, SPOR_TYPE_PHASE, "programme_id", empty, "position", FALSE,
                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  sqlite3_progress_handler (spor_store_get_db (store), 1, interrupt, NULL);
  g_assert_null (spor_store_list_by (store, SPOR_TYPE_PHASE, "programme_id", aspiranterne,
                                     "position", FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "interrupted"));
  g_clear_error (&error);
  sqlite3_progress_handler (spor_store_get_db (store), 0, NULL, NULL);
  g_assert_cmpint (test_count_rows (store, "phases"), ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/migrate-with-backup", test_migrate_with_backup);
  g_test_add_func ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/store/refuse/short-file", test_refuse_short_file);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer);
  g_test_add_func ("/store/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/refuse/folder", test_refuse_folder);
  g_test_add_func ("/store/mode-tightened", test_mode_tightened);
  g_test_add_func ("/store/foreign-keys", test_foreign_keys);
  g_test_add_func ("/store/list-by", test_list_by);
  g_test_add_func ("/store/failed-transaction", test_failed_transaction);
  g_test_add_func ("/store/database-checks", test_database_checks_too);
  g_test_add_func ("/store/site-name", test_site_name);
  g_test_add_func ("/store/busy", test_busy);
  g_test_add_func ("/store/check-when-changed", test_check_when_changed);

  return g_test_run ();
}
