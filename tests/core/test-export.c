/* test-export.c — what an export may write, and where: never the database, nothing half
 * written, 0600
 *
 * Failures are real ones, in a child process: a file size limit (RLIMIT_FSIZE with SIGXFSZ
 * ignored) makes a write fail half-way, and SIGKILL ends an export while it writes. The
 * folder must then hold what it held before, and the database all it held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "spor-exchange.h"
#include "spor-ical.h"
#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-util.h"

#define DB_VARIABLE  "SPOR_TEST_EXPORT_DB"
#define OUT_VARIABLE "SPOR_TEST_EXPORT_TARGET"

static char *
contents_of (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_file (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The records of an exchange file, without the line that says when it was written */
static char *
records_of (const char *path)
{
  g_autofree char *text = contents_of (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_prefix (lines[2], "\"exported_at\""));
  g_free (lines[2]);
  lines[2] = g_strdup ("");
  return g_strjoinv ("\n", lines);
}

static char *
export_records (SporStore  *store,
                const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "check.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *records;

  assert_ok (spor_exchange_export (store, file, NULL, NULL, NULL, NULL, &error));
  records = records_of (path);
  g_unlink (path);
  return records;
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* A sample database in a folder of its own, and a folder "out" beside it for exports */
typedef struct {
  char      *dir;
  char      *out;
  char      *db;
  SporStore *store;
} Site;

static void
site_open (Site  *site,
           guint  n_participants)
{
  g_autoptr(GError) error = NULL;

  site->dir = test_make_tmp_dir ();
  site->out = g_build_filename (site->dir, "out", NULL);
  site->db = g_build_filename (site->dir, "spor.db", NULL);
  g_assert_cmpint (g_mkdir (site->out, 0700), ==, 0);
  site->store = spor_store_open (site->db, &error);
  g_assert_no_error (error);
  assert_ok (spor_sample_create (site->store, n_participants, 5, NULL, NULL, &error));
}

/* Closes and opens the database again: what a failed export must not have changed */
static void
site_reopen (Site *site)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&site->store);
  site->store = spor_store_open (site->db, &error);
  g_assert_no_error (error);
}

static void
site_clear (Site *site)
{
  g_clear_object (&site->store);
  g_free (site->dir);
  g_free (site->out);
  g_free (site->db);
}

/* The database's own file and SQLite's files beside it are refused as targets of both
 * exports, however they are named; the database keeps everything. */
static void
test_database_refused (void)
{
  Site site = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *soft = NULL;
  g_autofree char *dotdot = NULL;
  g_autofree char *names = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 participants;

  site_open (&site, 6);
  participants = test_count_rows (site.store, "participants");
  before = export_records (site.store, site.out);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    g_ptr_array_add (targets, g_strconcat (site.db, suffixes[i], NULL));
  soft = g_build_filename (site.out, "link.json", NULL);
  g_assert_cmpint (symlink (site.db, soft), ==, 0);
  g_ptr_array_add (targets, g_strdup (soft));
  dotdot = g_build_filename (site.out, "..", "spor.db", NULL);
  g_ptr_array_add (targets, g_strdup (dotdot));

  for (guint i = 0; i < targets->len; i++)
    {
      const char *target = g_ptr_array_index (targets, i);
      g_autoptr(GFile) file = g_file_new_for_path (target);
      guint n = 99;

      g_assert_false (spor_exchange_export (site.store, file, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
      g_clear_error (&error);
      g_assert_false (spor_ical_export_file (site.store, NULL, target, &n, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
      g_clear_error (&error);
    }

  site_reopen (&site);
  g_assert_cmpint (test_count_rows (site.store, "participants"), ==, participants);
  after = export_records (site.store, site.out);
  g_assert_cmpstr (after, ==, before);
  names = test_list_dir (site.out);
  g_assert_cmpstr (names, ==, "link.json");
  site_clear (&site);
}

/* Every export file is readable by its owner only, whatever the umask, also when it
 * replaces a file that was readable by others. */
static void
test_private_modes (void)
{
  Site site = { 0 };
  g_autofree char *json = NULL;
  g_autofree char *ics = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  mode_t umask_before = umask (022);
  guint n = 0;

  site_open (&site, 4);
  json = g_build_filename (site.out, "spor.json", NULL);
  ics = g_build_filename (site.out, "blokke.ics", NULL);
  file = g_file_new_for_path (json);
  for (guint round = 0; round < 2; round++)
    {
      assert_ok (spor_exchange_export (site.store, file, NULL, NULL, NULL, NULL, &error));
      assert_ok (spor_ical_export_file (site.store, NULL, ics, &n, &error));
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (mode_of (json), ==, 0600);
      g_assert_cmpuint (mode_of (ics), ==, 0600);
      /* the second round replaces files others could read */
      g_assert_cmpint (g_chmod (json, 0644), ==, 0);
      g_assert_cmpint (g_chmod (ics, 0644), ==, 0);
    }
  umask (umask_before);
  site_clear (&site);
}

static void
cancel_half_way (double   fraction,
                 gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way (the dialog closed): nothing left, an earlier file as it was. */
static void
test_exchange_cancelled (void)
{
  Site site = { 0 };
  g_autofree char *old = NULL;

  site_open (&site, 30);
  old = g_build_filename (site.out, "old.json", NULL);
  g_assert_true (g_file_set_contents (old, "earlier", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *target = g_build_filename (site.out, i == 0 ? "new.json" : "old.json",
                                                  NULL);
      g_autoptr(GFile) file = g_file_new_for_path (target);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;
      g_autofree char *kept = NULL;

      g_assert_false (spor_exchange_export (site.store, file, NULL, cancellable,
                                            cancel_half_way, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      names = test_list_dir (site.out);
      g_assert_cmpstr (names, ==, "old.json");
      kept = contents_of (old);
      g_assert_cmpstr (kept, ==, "earlier");
    }
  site_clear (&site);
}

/* --- failures in a child process ------------------------------------------------------ */

typedef enum { EXPORT_EXCHANGE, EXPORT_ICS } ExportKind;

/* Called after each kind of record: by 0.9 most of the file has been written out */
static void
kill_late (double   fraction,
           gpointer user_data)
{
  if (fraction >= 0.9)
    {
      g_print ("writing\n");
      fflush (stdout);
      raise (SIGKILL);
    }
}

/* In the child: opens the database of DB_VARIABLE and exports to OUT_VARIABLE, under a
 * file size limit (@limited) or killed while it writes. */
static void
child_export (ExportKind kind,
              gboolean   limited)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (g_getenv (DB_VARIABLE), &error);
  const char *target = g_getenv (OUT_VARIABLE);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  gboolean ok;

  g_assert_no_error (error);
  if (limited)
    {
      /* below the size of either file, above what opening the database writes */
      rlim_t size = kind == EXPORT_EXCHANGE ? 48 * 1024 : 2 * 1024;
      struct rlimit limit = { size, size };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }
  if (kind == EXPORT_EXCHANGE)
    ok = spor_exchange_export (store, file, NULL, NULL, limited ? NULL : kill_late, NULL,
                               &error);
  else
    ok = spor_ical_export_file (store, NULL, target, NULL, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_print ("refused: %s\n", error->message);
}

/* Runs the export in a child, into a new file and over an existing one, and checks that
 * the folder and the database are as they were. */
static void
run_failing_export (ExportKind kind,
                    gboolean   limited)
{
  Site site = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *old = NULL;

  site_open (&site, kind == EXPORT_EXCHANGE ? 120 : 40);
  before = export_records (site.store, site.out);
  old = g_build_filename (site.out, "old.json", NULL);
  g_assert_true (g_file_set_contents (old, "earlier", -1, NULL));
  g_setenv (DB_VARIABLE, site.db, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *target = g_build_filename (site.out, i == 0 ? "new.json" : "old.json",
                                                  NULL);
      g_autofree char *names = NULL;
      g_autofree char *kept = NULL;

      g_setenv (OUT_VARIABLE, target, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      if (limited)
        {
          g_test_trap_assert_passed ();
          g_test_trap_assert_stdout ("*refused: *");
        }
      else
        {
          g_test_trap_assert_failed ();
          g_test_trap_assert_stdout ("*writing*");
        }
      names = test_list_dir (site.out);
      g_assert_cmpstr (names, ==, "old.json");
      kept = contents_of (old);
      g_assert_cmpstr (kept, ==, "earlier");
    }
  site_reopen (&site);
  {
    g_autofree char *after = export_records (site.store, site.out);

    g_assert_cmpstr (after, ==, before);
  }
  site_clear (&site);
}

static void
test_exchange_over_limit (void)
{
  if (g_test_subprocess ())
    child_export (EXPORT_EXCHANGE, TRUE);
  else
    run_failing_export (EXPORT_EXCHANGE, TRUE);
}

static void
test_exchange_killed (void)
{
  if (g_test_subprocess ())
    child_export (EXPORT_EXCHANGE, FALSE);
  else
    run_failing_export (EXPORT_EXCHANGE, FALSE);
}

static void
test_ics_over_limit (void)
{
  if (g_test_subprocess ())
    child_export (EXPORT_ICS, TRUE);
  else
    run_failing_export (EXPORT_ICS, TRUE);
}

/* --- a calendar of any stored block, in bounded time and memory ----------------------- */

#define ABSURD_VARIABLE "SPOR_TEST_ABSURD_DB"
#define N_CANCELLED     12000

/* Rows written with the test's own SQL: the store refuses such periods, an old database or
 * an import might not have. */
static gint64
insert_block (sqlite3    *db,
              const char *title,
              const char *kind,
              const char *from,
              const char *to)
{
  sqlite3_stmt *stmt = NULL;
  char uuid[37];

  spor_uuid_fill (uuid);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "INSERT INTO blocks (uuid, created_at, updated_at, title, kind, weekdays, start_time, "
      "end_time, period_start, period_end) VALUES (?, '2026-01-05T10:00:00.000000Z', "
      "'2026-01-05T10:00:00.000000Z', ?, ?, 127, '09:00', '10:00', ?, ?)", -1, &stmt, NULL),
      ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, to, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
insert_exception (sqlite3_stmt *stmt,
                  gint64        block_id,
                  const char   *date,
                  const char   *kind,
                  const char   *new_date)
{
  char uuid[37];

  spor_uuid_fill (uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, block_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, new_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, new_date != NULL ? "11:00" : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_date != NULL ? "12:00" : NULL, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* Blocks on every day from year 1 to 9999, one without an end, one-off blocks at both ends
 * of the calendar, and more cancelled days than a calendar gets. */
static void
fill_absurd (SporStore *store)
{
  sqlite3 *db = spor_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 ancient, endless;
  GDate d;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "INSERT INTO block_exceptions (uuid, created_at, updated_at, block_id, date, kind, "
      "new_date, new_start_time, new_end_time) VALUES (?, '2026-01-05T10:00:00.000000Z', "
      "'2026-01-05T10:00:00.000000Z', ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  ancient = insert_block (db, "Altid", "weekly", "0001-01-01", "9999-12-31");
  endless = insert_block (db, "Uden ende", "weekly", "0001-01-01", NULL);
  insert_block (db, "Første dag", "once", "0001-01-01", NULL);
  insert_block (db, "Sidste dag", "once", "9999-12-31", NULL);
  g_date_set_dmy (&d, 2, 1, 1);
  for (guint i = 0; i < N_CANCELLED; i++, g_date_add_days (&d, 1))
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d),
                                               (guint) g_date_get_month (&d), g_date_get_day (&d));

      insert_exception (stmt, ancient, date, "cancelled", NULL);
    }
  insert_exception (stmt, endless, "2900-06-01", "moved", "2900-06-03");
  insert_exception (stmt, endless, "9000-06-01", "moved", "9000-06-03");
  insert_exception (stmt, endless, "0001-01-01", "cancelled", NULL);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  guint n = 0;

  for (const char *p = strstr (text, prefix); p != NULL; p = strstr (p + 1, prefix))
    if (p == text || p[-1] == '\n')
      n++;
  return n;
}

/* In the child: the export under a memory limit, within the parent's time limit */
static void
child_absurd (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) store = spor_store_open (g_getenv (ABSURD_VARIABLE), &error);
  g_autofree char *text = NULL;
  guint n = 0;

#ifndef __SANITIZE_ADDRESS__
  {
    /* the export of such a period once took 4 GB */
    struct rlimit limit = { 768 * 1024 * 1024, 768 * 1024 * 1024 };

    g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
  }
#endif
  g_assert_no_error (error);
  text = spor_ical_export (store, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  /* the rule is written, not expanded; the calendar ends with the year 3000, the last
   * libical writes (UNTIL is the end of that day in Copenhagen, in UTC) */
  g_assert_nonnull (strstr (text, "UNTIL=30001231T225959Z"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Copenhagen:00010101T090000"));
  g_assert_null (strstr (text, "Sidste dag"));
  g_assert_null (strstr (text, "00000000T000000"));
  /* the earliest changes of a block, up to the bound; the endless block's within the
   * calendar */
  g_assert_cmpuint (count_lines (text, "EXDATE"), ==, 10000 + 1);
  g_assert_nonnull (strstr (text, "EXDATE;TZID=Europe/Copenhagen:00010102T090000"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=Europe/Copenhagen:00010101T090000"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=Europe/Copenhagen:29000601T090000"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Copenhagen:29000603T110000"));
  g_assert_null (strstr (text, "9000060"));
  g_assert_cmpuint (count_lines (text, "BEGIN:VEVENT"), ==, 3 + 1);
  g_assert_cmpuint (count_lines (text, "STATUS:CANCELLED"), ==, 0);
  g_print ("exported\n");
}

static void
test_ics_absurd_period (void)
{
  g_autoptr(SporStore) store = NULL;
  g_autofree char *path = NULL;
  gint64 started;

  if (g_test_subprocess ())
    {
      child_absurd ();
      return;
    }
  store = test_open_new_store ();
  path = g_strdup (spor_store_get_path (store));
  fill_absurd (store);
  g_setenv (ABSURD_VARIABLE, path, TRUE);
  started = g_get_monotonic_time ();
  /* once 50 s; the bound is loose for a busy machine and a sanitizer build */
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*exported*");
  g_test_message ("exported in %.1f s", (g_get_monotonic_time () - started) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/database-refused", test_database_refused);
  g_test_add_func ("/export/private-modes", test_private_modes);
  g_test_add_func ("/export/exchange-cancelled", test_exchange_cancelled);
  g_test_add_func ("/export/exchange-over-limit", test_exchange_over_limit);
  g_test_add_func ("/export/exchange-killed", test_exchange_killed);
  g_test_add_func ("/export/ics-over-limit", test_ics_over_limit);
  g_test_add_func ("/export/ics-absurd-period", test_ics_absurd_period);

  return g_test_run ();
}
