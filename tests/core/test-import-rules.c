/* test-import-rules.c — what an import may and may not do to the records already here:
 * tombstones and what goes with them, erasures that leave no trace, UUIDs that name the
 * same or another record, files from this very site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core-test-util.h"
#include "spor-exchange.h"
#include "spor-participants.h"
#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-util.h"

#define HEAD "{\"format\": \"spor-exchange\",\n\"version\": 1,\n" \
             "\"site\": {\"id\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"Anden enhed\"},\n"

static char *
write_file (const char *dir,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "in.json", NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static SporImportReport *
import_text (SporStore   *store,
             const char  *dir,
             const char  *text,
             gboolean     apply,
             GError     **error)
{
  g_autofree char *path = write_file (dir, text);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return spor_exchange_import (store, file, apply, NULL, NULL, NULL, error);
}

static SporStore *
sample_store (void)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = test_open_new_store ();

  assert_ok (spor_sample_create (store, 40, 11, NULL, NULL, &error));
  return store;
}

static SporEntity *
first_programme (SporStore *store)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = spor_store_list (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  return g_object_ref (g_ptr_array_index (list, 0));
}

/* What deleting a programme takes with it, counted here straight from the tables */
typedef struct
{
  const char *entity;
  const char *sql;
} Dependent;

static const Dependent dependents[] = {
  { "programme", "SELECT count(*) FROM programmes WHERE id = ?1" },
  { "programme_goal", "SELECT count(*) FROM programme_goals WHERE programme_id = ?1" },
  { "programme_organisation",
    "SELECT count(*) FROM programme_organisations WHERE programme_id = ?1" },
  { "phase", "SELECT count(*) FROM phases WHERE programme_id = ?1" },
  { "cohort", "SELECT count(*) FROM cohorts WHERE programme_id = ?1" },
  { "phase_progress", "SELECT count(*) FROM phase_progress WHERE phase_id IN "
                      "(SELECT id FROM phases WHERE programme_id = ?1)" },
  { "block", "SELECT count(*) FROM blocks WHERE programme_id = ?1" },
  { "block_requirement", "SELECT count(*) FROM block_requirements WHERE block_id IN "
                         "(SELECT id FROM blocks WHERE programme_id = ?1)" },
  { "block_staff", "SELECT count(*) FROM block_staff WHERE block_id IN "
                   "(SELECT id FROM blocks WHERE programme_id = ?1)" },
  { "block_participant", "SELECT count(*) FROM block_participants WHERE block_id IN "
                         "(SELECT id FROM blocks WHERE programme_id = ?1)" },
  { "attendance", "SELECT count(*) FROM attendance WHERE block_id IN "
                  "(SELECT id FROM blocks WHERE programme_id = ?1)" },
  { "meeting", "SELECT count(*) FROM meetings WHERE cohort_id IN "
               "(SELECT id FROM cohorts WHERE programme_id = ?1)" },
};

static char *
tombstone_file (const char *entity,
                const char *uuid,
                const char *deleted_at)
{
  return g_strdup_printf (HEAD "\"tombstones\": [{\"entity\":\"%s\",\"uuid\":\"%s\","
                          "\"deleted_at\":\"%s\"}]}", entity, uuid, deleted_at);
}

/* A tombstone older than what it would delete here is a conflict: nothing is deleted. */
static void
test_old_tombstone (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = sample_store ();
  g_autoptr(SporEntity) programme = first_programme (store);
  g_autofree char *text = tombstone_file ("programme", spor_entity_get_uuid (programme),
                                          "2000-01-01T00:00:00Z");
  g_autofree char *path = g_strdup (spor_store_get_path (store));
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (dependents)];
  gint64 tombstones = test_count_rows (store, "tombstones");
  SporImportCount totals;
  GPtrArray *conflicts;

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    before[i] = test_query_int (store, dependents[i].sql, spor_entity_get_id (programme));
  g_assert_cmpint (before[3], >, 0);   /* cohorts */
  g_assert_cmpint (before[9], >, 0);   /* attendance */

  report = import_text (store, dir, text, TRUE, &error);
  g_assert_no_error (error);
  spor_import_report_get_totals (report, &totals);
  g_assert_cmpuint (totals.n_deleted, ==, 0);
  g_assert_cmpuint (test_import_count (report, "programme")->n_conflicts, ==, 1);
  conflicts = spor_import_report_get_conflicts (report);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (((SporImportConflict *) conflicts->pdata[0])->deleted_in_file);
  g_assert_cmpstr (((SporImportConflict *) conflicts->pdata[0])->uuid, ==,
                   spor_entity_get_uuid (programme));
  {
    g_autofree char *summary = spor_import_report_format (report);
    g_assert_nonnull (strstr (summary, "deleted in the file 2000-01-01T00:00:00Z, changed here since"));
  }

  /* nothing is gone, also after reopening the file */
  g_clear_object (&store);
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    g_assert_cmpint (test_query_int (store, dependents[i].sql, spor_entity_get_id (programme)), ==,
                     before[i]);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, tombstones);
}

/* A newer tombstone deletes the programme and everything that goes with it, and each record
 * that goes gets its tombstone and is counted, in the preview as in the import. */
static void
test_tombstone_spreads (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = sample_store ();
  g_autoptr(SporEntity) programme = first_programme (store);
  g_autofree char *now = spor_timestamp_now ();
  g_autofree char *text = tombstone_file ("programme", spor_entity_get_uuid (programme), now);
  gint64 expected[G_N_ELEMENTS (dependents)], total = 0;
  gint64 tombstones = test_count_rows (store, "tombstones");
  gint64 audit_deletes;

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      expected[i] = test_query_int (store, dependents[i].sql, spor_entity_get_id (programme));
      total += expected[i];
    }

  for (int apply = 0; apply <= 1; apply++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SporImportReport) report = import_text (store, dir, text, apply, &error);
      SporImportCount totals;

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
        {
          g_test_message ("%s", dependents[i].entity);
          g_assert_cmpuint (test_import_count (report, dependents[i].entity)->n_deleted, ==, expected[i]);
        }
      spor_import_report_get_totals (report, &totals);
      g_assert_cmpuint (totals.n_deleted, ==, total);
      g_assert_cmpuint (totals.n_conflicts, ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    g_assert_cmpint (test_query_int (store, dependents[i].sql, spor_entity_get_id (programme)), ==, 0);
  /* every record that went has its tombstone, the programme's with the file's time */
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, tombstones + total);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted_at FROM tombstones WHERE uuid = '%s'",
                                            spor_entity_get_uuid (programme));
    g_autofree char *deleted_at = test_query_text (store, sql);

    g_assert_cmpstr (deleted_at, ==, now);
  }
  audit_deletes = test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'delete' "
                                    "AND ?1 = ?1", 0);
  g_assert_cmpint (audit_deletes, ==, total);
  /* the participants of the programme stay (without it) */
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 40);
}

static gboolean
bytes_contain (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static gboolean
files_contain (const char *path,
               const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return bytes_contain (path, needle) || bytes_contain (wal, needle);
}

static gint64
add_person (SporStore  *store,
            const char *name)
{
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  spor_entity_set_text (SPOR_ENTITY (p), "phone", "+45 99 12 34 56");
  {
    g_autofree char *note = g_strdup_printf ("Note om helbred for %s", name);
    spor_entity_set_text (SPOR_ENTITY (p), "notes", note);
  }
  assert_ok (spor_participant_save (store, p, &error));
  return spor_entity_get_id (SPOR_ENTITY (p));
}

/* An erasure that comes by import leaves no trace in the files, as a local one does, while
 * another connection (the window's) has the file open; a reader that holds the log only
 * delays the last step. */
static void
test_erasure_by_import (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) window = NULL;
  g_autoptr(SporEntity) person = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (spor_store_get_path (store));
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  /* enough rows that the search index has segments of its own */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Testa Nummer%u", i);
      add_person (store, name);
    }
  id = add_person (store, "Testa Sporløsdottir");
  person = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);
  g_assert_no_error (error);
  window = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (files_contain (path, "Sporløsdottir"));

  now = spor_timestamp_now ();
  text = tombstone_file ("participant", spor_entity_get_uuid (person), now);
  report = import_text (store, dir, text, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_import_count (report, "participant")->n_deleted, ==, 1);
  g_assert_false (spor_store_erase_pending (store));
  g_assert_false (files_contain (path, "Sporløsdottir"));
  g_assert_false (files_contain (path, "helbred for Testa Sporløsdottir"));
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 50);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT action FROM audit_log WHERE uuid = '%s' "
                                            "ORDER BY id DESC", spor_entity_get_uuid (person));
    g_autofree char *action = test_query_text (store, sql);

    g_assert_cmpstr (action, ==, "erase");
  }

  /* a reader keeps the log busy: the erasure is done, and the log is emptied once the
   * reader has finished */
  id = add_person (store, "Testa Læserdottir");
  g_assert_cmpint (sqlite3_exec (spor_store_get_db (window),
                                 "BEGIN; SELECT count(*) FROM participants;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (spor_store_get_db (store), 10);
  assert_ok (spor_participant_erase (store, id, &error));
  g_assert_true (spor_store_erase_pending (store));
  g_assert_cmpint (sqlite3_exec (spor_store_get_db (window), "COMMIT", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  spor_store_poll (store);
  g_assert_false (spor_store_erase_pending (store));
  g_assert_false (files_contain (path, "Læserdottir"));
}

/* A crafted trigger that keeps the row makes the erasure fail, not report success. */
static void
test_erasure_checked (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (store, "Testa Fastholdt");
  gint64 tombstones = test_count_rows (store, "tombstones");
  gint64 audit = test_count_rows (store, "audit_log");

  g_assert_cmpint (sqlite3_exec (spor_store_get_db (store),
                                 "CREATE TRIGGER keep BEFORE DELETE ON participants "
                                 "BEGIN SELECT RAISE (IGNORE); END", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (spor_participant_erase (store, id, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==,
                   "The erasure did not remove everything; the database file has been changed "
                   "outside Spor. Nothing was erased.");
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, tombstones);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);
}

/* A UUID in capitals names the same record: the import updates it, makes no second one. */
static void
test_upper_case_uuid (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(SporEntity) stored = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autofree char *upper = NULL, *text = NULL, *later = NULL;

  spor_entity_set_text (programme, "name", "Sy og design");
  assert_ok (spor_store_insert (store, programme, &error));
  upper = g_ascii_strup (spor_entity_get_uuid (programme), -1);
  later = spor_timestamp_now ();
  text = g_strdup_printf (HEAD "\"programmes\": [{\"uuid\":\"%s\",\"created_at\":\"%s\","
                          "\"updated_at\":\"%s\",\"name\":\"Sy og design 2027\"}]}",
                          upper, spor_entity_get_created_at (programme), later);
  report = import_text (store, dir, text, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_import_count (report, "programme")->n_updated, ==, 1);
  g_assert_cmpuint (test_import_count (report, "programme")->n_new, ==, 0);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
  stored = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_id (programme), &error);
  g_assert_cmpstr (spor_entity_get_text (stored, "name"), ==, "Sy og design 2027");
  g_assert_cmpstr (spor_entity_get_uuid (stored), ==, spor_entity_get_uuid (programme));
}

static void
assert_refused (SporStore  *store,
                const char *dir,
                const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) report = NULL;
  gint64 audit = test_count_rows (store, "audit_log");
  gint64 tombstones = test_count_rows (store, "tombstones");
  gint64 programmes = test_count_rows (store, "programmes");
  gint64 locations = test_count_rows (store, "locations");

  report = import_text (store, dir, text, TRUE, &error);
  g_assert_null (report);
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, tombstones);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, programmes);
  g_assert_cmpint (test_count_rows (store, "locations"), ==, locations);
}

/* One UUID for records of two kinds, and a tombstone that names the wrong kind */
static void
test_uuid_of_another_kind (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  g_autofree char *record = NULL, *tombstone = NULL, *message = NULL;
  const char *uuid;

  spor_entity_set_text (programme, "name", "Unge med Kant");
  assert_ok (spor_store_insert (store, programme, &error));
  uuid = spor_entity_get_uuid (programme);

  record = g_strdup_printf (HEAD "\"locations\": [\n{\"uuid\":\"%s\","
                            "\"created_at\":\"2026-01-05T10:00:00Z\","
                            "\"updated_at\":\"2026-01-05T10:00:00Z\",\"name\":\"Værksted\"}]}",
                            uuid);
  assert_refused (store, dir, record,
                  "locations[0]: uuid: here the UUID belongs to a record of another kind "
                  "(“programme”) (line 5)");

  message = spor_timestamp_now ();
  tombstone = tombstone_file ("location", uuid, message);
  assert_refused (store, dir, tombstone,
                  "tombstones[0]: entity: here the UUID belongs to a record of the kind "
                  "“programme”, the file says “location” (line 4)");
}

/* A file exported from this very database is said to be so. */
static void
test_from_this_site (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "own.json", NULL);
  g_autoptr(SporStore) store = sample_store ();
  g_autoptr(SporStore) other = test_open_new_store ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) own = NULL, foreign = NULL;
  g_autofree char *summary = NULL;
  SporExportOptions options = { NULL, NULL, FALSE };

  assert_ok (spor_exchange_export (store, file, &options, NULL, NULL, NULL, &error));
  own = spor_exchange_import (store, file, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (spor_import_report_is_from_this_site (own));
  summary = spor_import_report_format (own);
  g_assert_true (g_str_has_prefix (summary, "note: the file was exported from this site\n"));
  foreign = spor_exchange_import (other, file, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (spor_import_report_is_from_this_site (foreign));
}

/* The database itself given as the file to import: refused without opening it (closing a
 * descriptor of it would drop the locks of this process's connections). */
static void
test_import_of_the_database (void)
{
  g_autoptr(SporStore) store = sample_store ();
  g_autoptr(GFile) file = g_file_new_for_path (spor_store_get_path (store));
  g_autofree char *wal_path = g_strconcat (spor_store_get_path (store), "-wal", NULL);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) report = NULL;

  report = spor_exchange_import (store, file, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "This is the database itself, not an exchange file.");
  g_clear_error (&error);
  report = spor_exchange_import (store, wal, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
}

/* A byte order mark at the start (as some editors on Windows write) is no reason to refuse
 * a file; one anywhere else is. */
static void
test_byte_order_mark (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) report = NULL;
  const char *body = "{\"format\": \"spor-exchange\", \"version\": 1, \"programmes\": ["
                     "{\"uuid\":\"22222222-2222-4222-8222-222222222222\","
                     "\"created_at\":\"2026-01-05T10:00:00Z\",\"updated_at\":\"2026-01-05T10:00:00Z\","
                     "\"name\":\"Forløb\"}]}";
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", body, NULL);
  g_autofree char *bom_inside = g_strconcat ("{\xef\xbb\xbf", body + 1, NULL);

  report = import_text (store, dir, with_bom, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_import_count (report, "programme")->n_new, ==, 1);

  g_clear_pointer (&report, spor_import_report_free);
  report = import_text (store, dir, bom_inside, TRUE, &error);
  g_assert_null (report);
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "a member name was expected (line 1)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-rules/old-tombstone", test_old_tombstone);
  g_test_add_func ("/import-rules/tombstone-spreads", test_tombstone_spreads);
  g_test_add_func ("/import-rules/erasure-by-import", test_erasure_by_import);
  g_test_add_func ("/import-rules/erasure-checked", test_erasure_checked);
  g_test_add_func ("/import-rules/upper-case-uuid", test_upper_case_uuid);
  g_test_add_func ("/import-rules/uuid-of-another-kind", test_uuid_of_another_kind);
  g_test_add_func ("/import-rules/from-this-site", test_from_this_site);
  g_test_add_func ("/import-rules/import-of-the-database", test_import_of_the_database);
  g_test_add_func ("/import-rules/byte-order-mark", test_byte_order_mark);

  return g_test_run ();
}
