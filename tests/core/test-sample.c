/* test-sample.c — the sample-data generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "core-test-util.h"
#include "spor-sample.h"
#include "spor-store-private.h"

static void
test_counts (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  SporSampleCounts counts;

  assert_ok (spor_sample_create (store, 240, 7, &counts, NULL, &error));

  /* what it says it made is what the database holds */
  g_assert_cmpuint (counts.participants, ==, 240);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 240);
  g_assert_cmpuint (counts.programmes, ==, 4);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 4);
  g_assert_cmpint (test_count_rows (store, "phases"), ==, counts.phases);
  g_assert_cmpint (test_count_rows (store, "cohorts"), ==, counts.cohorts);
  g_assert_cmpint (test_count_rows (store, "staff"), ==, counts.staff);
  g_assert_cmpint (test_count_rows (store, "locations"), ==, counts.locations);
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, counts.blocks);
  g_assert_cmpint (test_count_rows (store, "agreements"), ==, counts.agreements);
  g_assert_cmpint (test_count_rows (store, "phase_progress"), ==, counts.phase_progress);
  g_assert_cmpint (test_count_rows (store, "meetings"), ==, counts.meetings);
  g_assert_cmpint (test_count_rows (store, "placements"), ==, counts.placements);
  g_assert_cmpint (test_count_rows (store, "attendance"), ==, (gint64) counts.attendance);
  g_assert_cmpuint (counts.attendance, >, 240 * 10);
  g_assert_cmpuint (counts.cohorts, >=, 4);

  /* plausible: everyone in a programme, every status met, waiting lists in order */
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM participants WHERE programme_id IS NULL", 0), ==, 0);
  g_assert_cmpint (test_query_int (store, "SELECT count(DISTINCT status) FROM participants", 0), >=, 5);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM participants WHERE status = 'waiting' "
                                     "AND (waiting_position IS NULL OR cohort_id IS NOT NULL)", 0), ==, 0);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM (SELECT programme_id, waiting_position "
                                     "FROM participants WHERE status = 'waiting' "
                                     "GROUP BY 1, 2 HAVING count(*) > 1)", 0), ==, 0);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM participants WHERE status = 'waiting'", 0), >, 0);
  /* attendance only on the block's weekdays, within its period, for its participants */
  g_assert_cmpint (test_query_int (store,
                              "SELECT count(*) FROM attendance a JOIN blocks b ON b.id = a.block_id "
                              "WHERE (b.weekdays >> ((CAST(strftime('%w', a.date) AS INTEGER) + 6) % 7)) & 1 = 0 "
                              "OR a.date < b.period_start OR a.date > b.period_end "
                              "OR a.date >= date('now', 'localtime')", 0), ==, 0);
  g_assert_cmpint (test_query_int (store,
                              "SELECT count(*) FROM attendance a LEFT JOIN block_participants bp "
                              "ON bp.block_id = a.block_id AND bp.participant_id = a.participant_id "
                              "WHERE bp.id IS NULL", 0), ==, 0);
  /* every block has its creative professional and adviser */
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM blocks b WHERE (SELECT count(*) FROM "
                                     "block_staff s WHERE s.block_id = b.id) < 2", 0), ==, 0);
  /* no address that could reach a real person */
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM participants "
                                     "WHERE email NOT LIKE '%@eksempel.invalid'", 0), ==, 0);
  /* ages within the programme's target range at the start */
  g_assert_cmpint (test_query_int (store,
                              "SELECT count(*) FROM participants p JOIN programmes g ON g.id = p.programme_id "
                              "WHERE p.start_date IS NOT NULL AND g.max_age IS NOT NULL AND "
                              "(CAST((julianday(p.start_date) - julianday(p.birth_date)) / 365.25 AS INTEGER) "
                              "NOT BETWEEN g.min_age AND g.max_age + 1)", 0), ==, 0);
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check", 0) , ==, 0);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 audit;

  g_assert_true (spor_sample_create (store, 20, 1, NULL, NULL, &error));
  audit = test_count_rows (store, "audit_log");
  g_assert_false (spor_sample_create (store, 20, 1, NULL, NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 20);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);
}

static void
test_refuses_zero (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_sample_create (store, 0, 1, NULL, NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (spor_sample_create (store, 2000, 1, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* all or nothing */
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "staff"), ==, 0);
}

static char *
names (SporStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  sqlite3_prepare_v2 (spor_store_get_db (store), "SELECT name FROM participants ORDER BY id",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

static void
test_same_seed_same_people (void)
{
  g_autoptr(SporStore) a = test_open_new_store ();
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *na = NULL, *nb = NULL;

  g_assert_true (spor_sample_create (a, 60, 42, NULL, NULL, &error));
  g_assert_true (spor_sample_create (b, 60, 42, NULL, NULL, &error));
  na = names (a);
  nb = names (b);
  g_assert_cmpstr (na, ==, nb);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/counts", test_counts);
  g_test_add_func ("/sample/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/sample/refuses-zero", test_refuses_zero);
  g_test_add_func ("/sample/cancel", test_cancel);
  g_test_add_func ("/sample/same-seed-same-people", test_same_seed_same_people);

  return g_test_run ();
}
