/* test-jobs.c — work in a thread of its own: export, import, the week, the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "spor-blocks.h"
#include "spor-exchange.h"
#include "spor-sample.h"
#include "spor-store-private.h"

typedef struct
{
  GAsyncResult *result;
  GThread      *progress_thread;
  guint         n_progress;
  double        last_progress;
  guint         n_many;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->result = g_object_ref (result);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Wait *w = user_data;

  w->progress_thread = g_thread_self ();
  w->n_progress++;
  g_assert_cmpfloat (fraction, >=, w->last_progress);
  w->last_progress = fraction;
}

static void
on_changed (SporStore        *store,
            const char       *entity,
            gint64            id,
            SporChangeAction  action,
            Wait             *w)
{
  if (action == SPOR_CHANGE_MANY)
    w->n_many++;
}

static GAsyncResult *
wait_for (Wait *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return w->result;
}

static void
wait_clear (Wait *w)
{
  g_clear_object (&w->result);
}

/* The sample, then an export and an import, each in its own thread: the results come in
 * the main context, and a job that wrote makes the store say so. */
static void
test_sample_export_import (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "x.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) report = NULL;
  SporSampleCounts counts = { 0 };
  SporExportSummary summary = { 0 };
  SporImportCount totals;
  Wait w = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &w);
  spor_sample_create_async (store, 30, 3, NULL, on_done, &w);
  assert_ok (spor_sample_create_finish (store, wait_for (&w), &counts, &error));
  g_assert_cmpuint (counts.participants, ==, 30);
  g_assert_cmpint (test_count_rows (store, "participants"), ==, 30);
  g_assert_cmpuint (w.n_many, ==, 1);
  wait_clear (&w);

  /* a second sample is refused, and says why */
  spor_sample_create_async (store, 30, 3, NULL, on_done, &w);
  g_assert_false (spor_sample_create_finish (store, wait_for (&w), NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  wait_clear (&w);

  w.n_many = 0;
  spor_exchange_export_async (store, file, NULL, NULL, on_progress, &w, on_done, &w);
  assert_ok (spor_exchange_export_finish (store, wait_for (&w), &summary, &error));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpuint (w.n_many, ==, 0);  /* an export writes nothing */
  {
    g_autofree char *sharing = test_query_text (store,
      "SELECT count(*) FROM participants WHERE consent_sharing = 1 "
      "AND consent_withdrawn_date IS NULL");

    g_assert_cmpuint (summary.n_held_back, ==,
                      test_count_rows (store, "participants") - g_ascii_strtoll (sharing, NULL, 10));
  }
  /* progress, if told, was told in this thread */
  g_assert_true (w.n_progress == 0 || w.progress_thread == g_thread_self ());
  wait_clear (&w);

  g_signal_connect (other, "changed", G_CALLBACK (on_changed), &w);
  spor_exchange_import_async (other, file, FALSE, NULL, NULL, NULL, on_done, &w);
  report = spor_exchange_import_finish (other, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (w.n_many, ==, 0);  /* a preview writes nothing */
  g_assert_cmpint (test_count_rows (other, "participants"), ==, 0);
  g_clear_pointer (&report, spor_import_report_free);
  wait_clear (&w);

  spor_exchange_import_async (other, file, TRUE, NULL, NULL, NULL, on_done, &w);
  report = spor_exchange_import_finish (other, wait_for (&w), &error);
  g_assert_no_error (error);
  spor_import_report_get_totals (report, &totals);
  g_assert_cmpuint (totals.n_new, >, 0);
  g_assert_cmpuint (w.n_many, ==, 1);
  g_assert_cmpint (test_count_rows (other, "participants"), >, 0);
  wait_clear (&w);
}

/* The week from a thread is the week read here; a cancelled job says so. */
static void
test_week (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *monday = NULL;
  SporWeek *here, *there;
  Wait w = { 0 };

  assert_ok (spor_sample_create (store, 20, 5, NULL, NULL, &error));
  monday = test_query_text (store, "SELECT date(max(date), '-6 days', 'weekday 1') FROM attendance");
  here = spor_blocks_query_week (store, monday, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (here->occurrences->len, >, 0);

  spor_blocks_query_week_async (store, monday, NULL, NULL, on_done, &w);
  there = spor_blocks_query_week_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->occurrences->len, ==, here->occurrences->len);
  g_assert_cmpuint (there->n_problems, ==, here->n_problems);
  g_assert_cmpstr (there->monday, ==, here->monday);
  spor_week_free (there);
  wait_clear (&w);

  g_cancellable_cancel (cancelled);
  spor_blocks_query_week_async (store, monday, NULL, cancelled, on_done, &w);
  g_assert_null (spor_blocks_query_week_finish (store, wait_for (&w), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  wait_clear (&w);
  spor_week_free (here);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jobs/sample-export-import", test_sample_export_import);
  g_test_add_func ("/jobs/week", test_week);

  return g_test_run ();
}
