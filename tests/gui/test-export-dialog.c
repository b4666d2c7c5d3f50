/* test-export-dialog.c — the export dialog: what it says about consent, and a target it
 * refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "spor-export-dialog.h"
#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-store.h"

#include "gui-test-util.h"

typedef struct {
  char      *dir;
  char      *db;
  SporStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("spor-gui-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "spor.db", NULL);
  f->store = spor_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (spor_sample_create (f->store, 20, 3, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gui_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static gpointer
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, SPOR_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Participants without consent to share, of all or of the cohort @cohort_uuid */
static gint64
count_without_consent (SporStore  *store,
                       const char *cohort_uuid)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store),
                                       "SELECT count(*) FROM participants p "
                                       "LEFT JOIN cohorts c ON c.id = p.cohort_id "
                                       "WHERE NOT (p.consent_sharing = 1 AND "
                                       "p.consent_withdrawn_date IS NULL) "
                                       "AND (?1 IS NULL OR c.uuid = ?1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (cohort_uuid != NULL)
    sqlite3_bind_text (stmt, 1, cohort_uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
will_be_left_out (gint64 n)
{
  return g_strdup_printf (n == 1 ? "%u participant without consent to share will be left out."
                                 : "%u participants without consent to share will be left out.",
                          (guint) n);
}

static void
on_exported (SporExportDialog *dialog,
             GFile            *file,
             gboolean         *flag)
{
  *flag = TRUE;
}

/* Before the export, the dialog says how many participants the file will leave out: for
 * everything, for one cohort, and none for an anonymised file. */
static void
test_says_how_many (Fixture       *f,
                    gconstpointer  data)
{
  SporExportDialog *dialog = spor_export_dialog_new (NULL, f->store);
  GtkLabel *label = child (dialog, "held_back_label");
  AdwComboRow *scope = child (dialog, "scope_row");
  AdwComboRow *cohort = child (dialog, "cohort_row");
  gint64 all = count_without_consent (f->store, NULL);
  g_autofree char *expected = will_be_left_out (all);
  g_autofree char *first_cohort = NULL;
  gboolean found = FALSE;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (all, >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  /* an anonymised file holds everyone by pseudonym */
  gtk_switch_set_active (child (dialog, "anonymize_switch"), TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  gtk_switch_set_active (child (dialog, "anonymize_switch"), FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));

  /* each cohort: its own participants without consent */
  adw_combo_row_set_selected (scope, 2);
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (cohort)); i++)
    {
      g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_COHORT);
      g_autoptr(GPtrArray) cohorts = NULL;
      g_autofree char *text = NULL;
      gint64 n;

      spor_query_order_by (q, "start_date", TRUE);
      cohorts = spor_store_list (f->store, q, NULL);
      adw_combo_row_set_selected (cohort, i);
      n = count_without_consent (f->store,
                                 spor_entity_get_uuid (g_ptr_array_index (cohorts, i)));
      g_assert_cmpint (n, <, all);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)) == (n > 0));
      if (n == 0)
        continue;
      text = will_be_left_out (n);
      g_assert_cmpstr (gtk_label_get_label (label), ==, text);
      found = TRUE;
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (dialog);
}

/* After the export, the dialog knows how many it left out; the file is 0600. */
static void
test_export_counts (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  SporExportDialog *dialog = spor_export_dialog_new (NULL, f->store);
  gboolean exported = FALSE;
  GStatBuf st;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  spor_export_dialog_save_to (dialog, out);
  while (!exported)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (spor_export_dialog_get_n_held_back (dialog), ==,
                    count_without_consent (f->store, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  settle ();
  g_assert_finalize_object (dialog);
}

static gboolean
error_shown (SporExportDialog *dialog)
{
  return gtk_widget_get_visible (GTK_WIDGET (child (dialog, "error_label")));
}

/* The database chosen in the file chooser: refused with a message, nothing changed. */
static void
test_database_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) db = g_file_new_for_path (f->db);
  SporExportDialog *dialog = spor_export_dialog_new (NULL, f->store);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gint64 participants = spor_store_count_all (f->store, SPOR_TYPE_PARTICIPANT, NULL);
  gboolean exported = FALSE;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  spor_export_dialog_save_to (dialog, db);
  while (!error_shown (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (error_shown (dialog));
  g_assert_false (exported);
  g_assert_nonnull (strstr (gtk_label_get_label (child (dialog, "error_label")),
                            "is the database Spor is working on"));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "export_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (dialog);

  /* reopened, the database has everything */
  {
    g_autoptr(GError) error = NULL;

    g_clear_object (&f->store);
    f->store = spor_store_open (f->db, &error);
    g_assert_no_error (error);
    g_assert_cmpint (spor_store_count_all (f->store, SPOR_TYPE_PARTICIPANT, NULL), ==,
                     participants);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/export-dialog/says-how-many", test_says_how_many);
  ADD ("/gui/export-dialog/export-counts", test_export_counts);
  ADD ("/gui/export-dialog/database-refused", test_database_refused);

  return g_test_run ();
}
