/* test-import-dialog.c — the import preview and the export dialog on temporary databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "spor-exchange.h"
#include "spor-export-dialog.h"
#include "spor-import-dialog.h"
#include "spor-sample.h"
#include "spor-store.h"

#include "gui-test-util.h"

typedef struct {
  char      *dir;
  SporStore *source;  /* a sample database, exported to source.json */
  SporStore *target;  /* empty */
  GFile     *file;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *json = NULL;

  f->dir = g_dir_make_tmp ("spor-gui-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  a = g_build_filename (f->dir, "a.db", NULL);
  b = g_build_filename (f->dir, "b.db", NULL);
  json = g_build_filename (f->dir, "source.json", NULL);
  f->source = spor_store_open (a, &error);
  g_assert_no_error (error);
  g_assert_true (spor_sample_create (f->source, 8, 3, NULL, NULL, &error));
  g_assert_true (spor_store_set_site_name (f->source, "Kulturhuset Test", &error));
  f->target = spor_store_open (b, &error);
  g_assert_no_error (error);
  f->file = g_file_new_for_path (json);
  g_assert_true (spor_exchange_export (f->source, f->file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->file);
  g_assert_finalize_object (f->source);
  g_assert_finalize_object (f->target);
  gui_remove_tree (f->dir);
  g_free (f->dir);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition done,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static gboolean
not_working (gpointer data)
{
  return g_strcmp0 (spor_import_dialog_get_page (data), "working") != 0;
}

static gboolean
finished (gpointer data)
{
  const char *page = spor_import_dialog_get_page (data);

  return g_strcmp0 (page, "done") == 0 || g_strcmp0 (page, "error") == 0;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

/* The subtitle of the row named @table in the counts list, or NULL. */
static const char *
count_subtitle (SporImportDialog *dialog,
                const char       *table)
{
  GtkWidget *list = child (dialog, SPOR_TYPE_IMPORT_DIALOG, "counts_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), table) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
on_signal (gpointer  instance,
           gboolean *flag)
{
  *flag = TRUE;
}

static void
on_exported (gpointer  instance,
             GFile    *file,
             gboolean *flag)
{
  g_assert_true (G_IS_FILE (file));
  *flag = TRUE;
}

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
test_preview_and_apply (Fixture       *f,
                        gconstpointer  data)
{
  SporImportDialog *dialog = spor_import_dialog_new (NULL, f->target);
  GtkWidget *apply = child (dialog, SPOR_TYPE_IMPORT_DIALOG, "apply_button");
  gboolean imported = FALSE;
  const char *subtitle;
  gint64 shared;

  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_signal), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (spor_import_dialog_get_page (dialog), ==, "choose");
  g_assert_false (gtk_widget_get_sensitive (apply));

  spor_import_dialog_load_file (dialog, f->file);
  wait_for (not_working, dialog);
  g_assert_cmpstr (spor_import_dialog_get_page (dialog), ==, "preview");
  subtitle = count_subtitle (dialog, "participants");
  g_assert_nonnull (subtitle);
  /* the full file leaves out participants without consent to share */
  {
    g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_PARTICIPANT);
    g_autofree char *expected = NULL;

    spor_query_where_int (q, "consent_sharing", 1);
    shared = spor_store_count (f->source, q, NULL);
    g_assert_cmpint (shared, >, 0);
    g_assert_cmpint (shared, <, 8);
    expected = g_strdup_printf ("%" G_GINT64_FORMAT " new", shared);
    g_assert_cmpstr (subtitle, ==, expected);
  }
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_assert_false (gtk_widget_get_visible (child (dialog, SPOR_TYPE_IMPORT_DIALOG, "conflicts_group")));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              child (dialog, SPOR_TYPE_IMPORT_DIALOG, "summary_group")),
                            "Kulturhuset Test"));
  /* the preview wrote nothing */
  g_assert_cmpint (spor_store_count_all (f->target, SPOR_TYPE_PARTICIPANT, NULL), ==, 0);

  g_signal_emit_by_name (apply, "clicked");
  wait_for (finished, dialog);
  g_assert_cmpstr (spor_import_dialog_get_page (dialog), ==, "done");
  g_assert_true (imported);
  g_assert_cmpint (spor_store_count_all (f->target, SPOR_TYPE_PARTICIPANT, NULL), ==, shared);

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (dialog);
}

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporImportReport) first = spor_exchange_import (f->target, f->file, TRUE, NULL,
                                                            NULL, NULL, &error);
  g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) programmes = NULL;
  SporEntity *programme;
  SporImportDialog *dialog;
  GtkWidget *conflicts;

  g_assert_no_error (error);
  /* changed here after the export: the file's copy is older */
  programmes = spor_store_list (f->target, q, &error);
  programme = g_ptr_array_index (programmes, 0);
  spor_entity_set_text (programme, "name", "Lokalt navn");
  g_assert_true (spor_store_update (f->target, programme, &error));

  dialog = spor_import_dialog_new (NULL, f->target);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spor_import_dialog_load_file (dialog, f->file);
  wait_for (not_working, dialog);
  g_assert_cmpstr (spor_import_dialog_get_page (dialog), ==, "preview");
  conflicts = child (dialog, SPOR_TYPE_IMPORT_DIALOG, "conflicts_list");
  g_assert_true (gtk_widget_get_visible (child (dialog, SPOR_TYPE_IMPORT_DIALOG, "conflicts_group")));
  g_assert_cmpuint (n_children (conflicts), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_widget_get_first_child (conflicts))), ==,
                   "Lokalt navn");
  g_assert_nonnull (strstr (count_subtitle (dialog, "programmes"), "1 conflict"));
  /* nothing to apply: everything else is unchanged */
  g_assert_false (gtk_widget_get_sensitive (child (dialog, SPOR_TYPE_IMPORT_DIALOG, "apply_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (dialog);
}

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SporImportDialog *dialog;
  AdwStatusPage *page;

  g_file_set_contents (path, "{\"format\": \"spor-exchange\", \"version\": 7}", -1, &error);
  g_assert_no_error (error);
  dialog = spor_import_dialog_new (NULL, f->target);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spor_import_dialog_load_file (dialog, bad);
  wait_for (not_working, dialog);
  g_assert_cmpstr (spor_import_dialog_get_page (dialog), ==, "error");
  page = child (dialog, SPOR_TYPE_IMPORT_DIALOG, "error_page");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "newer Spor"));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, SPOR_TYPE_IMPORT_DIALOG, "apply_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (dialog);
}

static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SporExportDialog *dialog = spor_export_dialog_new (NULL, f->source);
  AdwComboRow *scope = child (dialog, SPOR_TYPE_EXPORT_DIALOG, "scope_row");
  gboolean exported = FALSE;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  /* everything, a programme, a cohort */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope)), ==, 3);
  g_assert_false (gtk_widget_get_visible (child (dialog, SPOR_TYPE_EXPORT_DIALOG, "programme_row")));
  adw_combo_row_set_selected (scope, 1);
  g_assert_true (gtk_widget_get_visible (child (dialog, SPOR_TYPE_EXPORT_DIALOG, "programme_row")));
  gtk_switch_set_active (child (dialog, SPOR_TYPE_EXPORT_DIALOG, "anonymize_switch"), TRUE);

  spor_export_dialog_save_to (dialog, out);
  while (!exported)
    g_main_context_iteration (NULL, TRUE);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"anonymized\": true"));
  g_assert_nonnull (strstr (contents, "\"kind\": \"programme\""));

  settle ();
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/import-dialog/preview-and-apply", test_preview_and_apply);
  ADD ("/gui/import-dialog/conflicts", test_conflicts);
  ADD ("/gui/import-dialog/bad-file", test_bad_file);
  ADD ("/gui/export-dialog/export", test_export_dialog);

  return g_test_run ();
}
