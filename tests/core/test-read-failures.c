/* test-read-failures.c — a read that fails says so: the record rules, the warnings, the
 * participant list, the week, the calendar file, the sample data and the site's name pass
 * on why, instead of going on as if there were nothing to read
 *
 * Reads are made to fail by a progress handler that interrupts every statement of the
 * store's connection, as a failing disk or a busy file would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "spor-blocks.h"
#include "spor-check.h"
#include "spor-exchange.h"
#include "spor-ical.h"
#include "spor-participants.h"
#include "spor-sample.h"
#include "spor-store-private.h"

static int
interrupt (void *data)
{
  return 1;
}

/* From now on every statement of @store fails (or, with @fail FALSE, none). */
static void
fail_reads (SporStore *store,
            gboolean   fail)
{
  sqlite3_progress_handler (spor_store_get_db (store), fail ? 1 : 0, fail ? interrupt : NULL,
                            NULL);
}

static gint64
add_programme (SporStore  *store,
               const char *name)
{
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PROGRAMME);

  spor_entity_set_text (p, "name", name);
  spor_entity_set_int (p, "min_age", 18);
  spor_entity_set_int (p, "max_age", 29);
  return test_insert (store, p);
}

static gint64
add_cohort (SporStore *store,
            gint64     programme_id)
{
  g_autoptr(SporEntity) c = spor_entity_new (SPOR_TYPE_COHORT);

  spor_entity_set_int (c, "programme_id", programme_id);
  spor_entity_set_text (c, "name", "Hold 1");
  spor_entity_set_text (c, "start_date", "2026-01-05");
  spor_entity_set_int (c, "capacity", 1);
  return test_insert (store, c);
}

/* The first problem of @problems on @field, or NULL */
static const char *
problem_on (GPtrArray  *problems,
            const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SporProblem *) problems->pdata[i])->field, field))
      return ((SporProblem *) problems->pdata[i])->message;
  return NULL;
}

/* A rule that reads another record and cannot: the record is not taken for checked. */
static void
test_rules (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 programme = add_programme (store, "Aspiranterne");
  gint64 other = add_programme (store, "Unge med Kant");
  gint64 cohort = add_cohort (store, programme);
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporEntity) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(SporEntity) exception = spor_entity_new (SPOR_TYPE_BLOCK_EXCEPTION);
  g_autoptr(GPtrArray) problems = NULL;

  spor_entity_set_text (participant, "name", "Xenia Prøvesen");
  spor_entity_set_int (participant, "programme_id", other);
  spor_entity_set_int (participant, "cohort_id", cohort);
  spor_entity_set_text (block, "title", "Værksted");
  spor_entity_set_int (block, "weekdays", 1);
  spor_entity_set_text (block, "start_time", "09:00");
  spor_entity_set_text (block, "end_time", "12:00");
  spor_entity_set_text (block, "period_start", "2026-01-05");
  test_insert (store, block);
  spor_entity_set_int (exception, "block_id", spor_entity_get_id (block));
  spor_entity_set_text (exception, "date", "2026-01-05");
  spor_entity_set_text (exception, "kind", "moved");
  spor_entity_set_text (exception, "new_date", "2026-01-06");
  spor_entity_set_text (exception, "new_start_time", "10:00");

  /* as it should be: the cohort is of another programme */
  problems = spor_check_record (participant, store);
  g_assert_cmpstr (problem_on (problems, "cohort_id"), ==, "The cohort belongs to another programme");
  g_clear_pointer (&problems, g_ptr_array_unref);

  fail_reads (store, TRUE);
  problems = spor_check_record (participant, store);
  g_assert_cmpstr (problem_on (problems, "cohort_id"), ==,
                   "The record could not be checked: cohort: interrupted");
  g_clear_pointer (&problems, g_ptr_array_unref);
  /* the exception's own start, and the block's end that it cannot read */
  problems = spor_check_record (exception, store);
  g_assert_cmpstr (problem_on (problems, "block_id"), ==,
                   "The record could not be checked: block: interrupted");
  g_clear_pointer (&problems, g_ptr_array_unref);
  fail_reads (store, FALSE);

  /* a cohort that does not exist is the database's to refuse, not a failed read */
  spor_entity_set_int (participant, "cohort_id", 4242);
  problems = spor_check_record (participant, store);
  g_assert_null (problem_on (problems, "cohort_id"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = spor_check_record (exception, store);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_warnings (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 programme = add_programme (store, "Aspiranterne");
  gint64 cohort = add_cohort (store, programme);
  g_autoptr(SporParticipant) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (SPOR_ENTITY (participant), "name", "Yrsa Afprøvning");
  spor_entity_set_text (SPOR_ENTITY (participant), "status", "active");
  spor_entity_set_int (SPOR_ENTITY (participant), "programme_id", programme);
  spor_entity_set_int (SPOR_ENTITY (participant), "cohort_id", cohort);
  assert_ok (spor_participant_save (store, participant, &error));

  warnings = spor_participant_warnings (store, participant, "2026-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  fail_reads (store, TRUE);
  warnings = spor_participant_warnings (store, participant, "2026-02-01", &error);
  fail_reads (store, FALSE);
  g_assert_null (warnings);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "programme: interrupted");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A list that cannot be read is empty and says why; it says so once, and again when it
 * can be read. */
static void
test_participant_list (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 programme = add_programme (store, "Aspiranterne");
  g_autoptr(SporParticipantList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipantItem) item = NULL;
  const char * const names[] = { "Zenia Zeta", "Ærling Test", "Åse Prøve" };
  guint notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

      spor_entity_set_text (SPOR_ENTITY (p), "name", names[i]);
      spor_entity_set_int (SPOR_ENTITY (p), "programme_id", programme);
      assert_ok (spor_participant_save (store, p, &error));
    }
  list = spor_participant_list_new (store);
  run_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_null (spor_participant_list_get_error (list));
  g_signal_connect (list, "notify::error", G_CALLBACK (count_notify), &notified);

  fail_reads (store, TRUE);
  spor_participant_list_set_search (list, "zenia");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_nonnull (spor_participant_list_get_error (list));
  g_assert_cmpstr (spor_participant_list_get_error (list)->message, ==,
                   "Searching participants: interrupted");
  g_assert_cmpuint (notified, ==, 1);
  /* the same failure again is no news */
  spor_participant_list_set_search (list, "zeni");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (spor_participant_list_refresh (list, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (notified, ==, 1);

  fail_reads (store, FALSE);
  spor_participant_list_set_search (list, "zenia");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (spor_participant_list_get_error (list));
  g_assert_cmpuint (notified, ==, 2);

  /* a row that cannot be read is shown empty; the list says why once idle */
  spor_participant_list_set_search (list, NULL);
  run_idle ();
  notified = 0;
  fail_reads (store, TRUE);
  item = g_list_model_get_item (G_LIST_MODEL (list), 2);
  fail_reads (store, FALSE);
  g_assert_cmpstr (spor_participant_item_get_name (item), ==, "");
  g_assert_cmpstr (spor_participant_list_get_error (list)->message, ==,
                   "Reading a participant: interrupted");
  g_assert_cmpuint (notified, ==, 0);
  run_idle ();
  g_assert_cmpuint (notified, ==, 1);
}

/* The week and the calendar file of a block whose details cannot be read */
static void
test_week_and_calendar (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporEntity) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(SporEntity) staff = spor_entity_new (SPOR_TYPE_STAFF);
  g_autoptr(SporEntity) substitute = spor_entity_new (SPOR_TYPE_STAFF);
  g_autoptr(SporWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  gint64 block_id;
  SporOccurrence *o;

  spor_entity_set_text (block, "title", "Syning og design");
  spor_entity_set_int (block, "weekdays", SPOR_WEEKDAY_BIT (2));
  spor_entity_set_text (block, "start_time", "09:00");
  spor_entity_set_text (block, "end_time", "12:00");
  spor_entity_set_text (block, "period_start", "2026-01-05");
  assert_ok (spor_blocks_save (store, SPOR_BLOCK (block), &error));
  block_id = spor_entity_get_id (block);
  spor_entity_set_text (staff, "name", "Vera Vejleder");
  spor_entity_set_text (substitute, "name", "Sune Stedfortræder");
  test_insert (store, staff);
  test_insert (store, substitute);
  assert_ok (spor_blocks_assign_staff (store, block_id, spor_entity_get_id (staff), "adviser", &error));
  assert_ok (spor_blocks_substitute_staff (store, block_id, "2026-01-06", spor_entity_get_id (staff),
                                           spor_entity_get_id (substitute), &error));

  /* the substitute, who is in no block, is named */
  week = spor_blocks_query_week (store, "2026-01-05", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->occurrences->len, ==, 1);
  o = g_ptr_array_index (week->occurrences, 0);
  g_assert_cmpstr (o->staff, ==, "Sune Stedfortræder (adviser)");
  g_clear_pointer (&week, spor_week_free);

  fail_reads (store, TRUE);
  week = spor_blocks_query_week (store, "2026-01-05", NULL, &error);
  g_assert_null (week);
  g_assert_cmpstr (error->message, ==, "week: interrupted");
  g_clear_error (&error);
  ics = spor_ical_export (store, NULL, NULL, &error);
  g_assert_null (ics);
  g_assert_cmpstr (error->message, ==, "blocks to export: interrupted");
  g_clear_error (&error);
  fail_reads (store, FALSE);
}

/* The site's name that cannot be read is not taken for no name. */
static void
test_site_name (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  assert_ok (spor_store_set_site_name (store, "Kulturværftet", &error));
  fail_reads (store, TRUE);
  name = spor_store_dup_site_name (store, &error);
  fail_reads (store, FALSE);
  g_assert_null (name);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Reading the site name: interrupted");
  g_clear_error (&error);
  name = spor_store_dup_site_name (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Kulturværftet");
}

/* Sample data into a database that cannot be read: refused with the reason, nothing
 * written (seen after opening the file again). */
static void
test_sample (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(SporStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  fail_reads (store, TRUE);
  g_assert_false (spor_sample_create (store, 20, 1, NULL, NULL, &error));
  fail_reads (store, FALSE);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "participant: interrupted");
  g_clear_error (&error);
  g_clear_object (&store);

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "staff"), ==, 0);
}

/* An import into a database that cannot be read: refused with the reason, nothing written */
static void
test_import (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *from_path = g_build_filename (dir, "from.db", NULL);
  g_autofree char *to_path = g_build_filename (dir, "to.db", NULL);
  g_autofree char *file_path = g_build_filename (dir, "exchange.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(SporStore) from = spor_store_open (from_path, NULL);
  g_autoptr(SporStore) to = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  assert_ok (spor_sample_create (from, 12, 3, NULL, NULL, &error));
  assert_ok (spor_exchange_export (from, file, NULL, NULL, NULL, NULL, &error));

  to = spor_store_open (to_path, &error);
  g_assert_no_error (error);
  fail_reads (to, TRUE);
  report = spor_exchange_import (to, file, TRUE, NULL, NULL, NULL, &error);
  fail_reads (to, FALSE);
  g_assert_null (report);
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The import failed: Looking whether the database is empty: interrupted");
  g_clear_error (&error);
  g_clear_object (&to);

  to = spor_store_open (to_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (to, "participants"), ==, 0);
  g_assert_cmpint (test_count_rows (to, "programmes"), ==, 0);
  /* and the same file goes in once the database can be read */
  report = spor_exchange_import (to, file, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (test_count_rows (to, "participants"), >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/read-failures/rules", test_rules);
  g_test_add_func ("/read-failures/warnings", test_warnings);
  g_test_add_func ("/read-failures/participant-list", test_participant_list);
  g_test_add_func ("/read-failures/week-and-calendar", test_week_and_calendar);
  g_test_add_func ("/read-failures/site-name", test_site_name);
  g_test_add_func ("/read-failures/sample", test_sample);
  g_test_add_func ("/read-failures/import", test_import);
  return g_test_run ();
}
