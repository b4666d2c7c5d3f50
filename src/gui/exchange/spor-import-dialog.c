/* spor-import-dialog.c — import an exchange file: preview, then apply
 *
 * Both the preview and the import run in the core's own thread on their own database
 * connection (spor_exchange_import_async); the preview is the whole import inside a
 * transaction that is rolled back, so it checks and counts exactly what Apply will do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-exchange.h"
#include "spor-gui.h"

#include "spor-import-conflict-row.h"
#include "spor-import-count-row.h"
#include "spor-import-dialog.h"

struct _SporImportDialog
{
  AdwWindow             parent_instance;

  GtkButton            *cancel_button;
  GtkButton            *apply_button;
  GtkStack             *stack;
  GtkLabel             *working_label;
  GtkProgressBar       *progress_bar;
  AdwPreferencesGroup  *summary_group;
  GtkListBox           *counts_list;
  AdwPreferencesGroup  *conflicts_group;
  GtkListBox           *conflicts_list;
  AdwStatusPage        *error_page;
  AdwStatusPage        *done_page;

  SporStore            *store;
  GFile                *file;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              applying;  /* the running job is the import itself, not the preview */
};

G_DEFINE_FINAL_TYPE (SporImportDialog, spor_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_progress (double   fraction,
             gpointer user_data)
{
  SporImportDialog *self = user_data;

  /* after the dialog was closed the job is being cancelled: nothing to show it on */
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_report (SporImportDialog *self,
             SporImportReport *report)
{
  const SporImportCount *counts;
  GPtrArray *conflicts = spor_import_report_get_conflicts (report);
  SporImportCount totals;
  g_autofree char *when = spor_gui_format_timestamp (spor_import_report_get_exported_at (report));
  const char *site = spor_import_report_get_site_name (report);
  g_autofree char *description = NULL;
  guint n_counts;

  clear_list (self->counts_list);
  clear_list (self->conflicts_list);
  counts = spor_import_report_get_counts (report, &n_counts);
  for (guint i = 0; i < n_counts; i++)
    {
      const SporImportCount *c = &counts[i];

      if (c->n_new + c->n_updated + c->n_unchanged + c->n_conflicts + c->n_deleted > 0)
        gtk_list_box_append (self->counts_list, spor_import_count_row_new (c));
    }

  spor_import_report_get_totals (report, &totals);
  {
    g_autofree char *all = spor_import_count_row_format (&totals);

    if (site != NULL && *site != '\0')
      /* Translators: a site's name, a date and time, then a summary such as
       * “3 new · 2 updated · 40 unchanged” */
      description = g_strdup_printf (_("From %s, exported %s. In all: %s."), site, when, all);
    else
      /* Translators: a date and time, then a summary such as “3 new · 40 unchanged” */
      description = g_strdup_printf (_("Exported %s. In all: %s."), when, all);
  }
  if (spor_import_report_is_from_this_site (report))
    {
      char *both = g_strconcat (description, " ", _("The file was exported from this very database."),
                                NULL);

      g_free (description);
      description = both;
    }
  adw_preferences_group_set_description (self->summary_group, description);

  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (self->conflicts_list, spor_import_conflict_row_new (g_ptr_array_index (conflicts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts->len > 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button),
                            totals.n_new + totals.n_updated + totals.n_deleted > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_error (SporImportDialog *self,
            const GError     *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SporImportDialog) self = user_data;
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* an applied import makes the store announce it: this window's views read again */
  report = spor_exchange_import_finish (SPOR_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  if (!self->applying)
    {
      show_report (self, report);
      return;
    }

  {
    SporImportCount t;
    g_autofree char *summary = NULL;
    g_autofree char *text = NULL;

    spor_import_report_get_totals (report, &t);
    summary = spor_import_count_row_format (&t);
    /* Translators: a summary of records such as “3 new · 2 updated · 1 deleted” */
    text = g_strdup_printf (_("Imported: %s."), summary);
    adw_status_page_set_description (self->done_page, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "done");
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
start (SporImportDialog *self,
       gboolean          apply)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->applying = apply;

  gtk_label_set_label (self->working_label, apply ? _("Importing…") : _("Reading the file…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "working");
  spor_exchange_import_async (self->store, self->file, apply, self->cancellable, on_progress,
                              self, on_import_done, g_object_ref (self));
}

void
spor_import_dialog_load_file (SporImportDialog *self,
                              GFile            *file)
{
  g_return_if_fail (SPOR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  start (self, FALSE);
}

void
spor_import_dialog_apply (SporImportDialog *self)
{
  g_return_if_fail (SPOR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->file != NULL);

  start (self, TRUE);
}

const char *
spor_import_dialog_get_page (SporImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     SporImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      spor_import_dialog_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (SporImportDialog *self)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (json, _("Exchange files"));
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_apply_clicked (SporImportDialog *self)
{
  spor_import_dialog_apply (self);
}

static void
on_cancel_clicked (SporImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
spor_import_dialog_dispose (GObject *object)
{
  SporImportDialog *self = SPOR_IMPORT_DIALOG (object);

  /* A running import is cancelled; its transaction rolls back in the thread. */
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (spor_import_dialog_parent_class)->dispose (object);
}

static void
spor_import_dialog_finalize (GObject *object)
{
  SporImportDialog *self = SPOR_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_import_dialog_parent_class)->finalize (object);
}

static void
spor_import_dialog_class_init (SporImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_import_dialog_dispose;
  object_class->finalize = spor_import_dialog_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, counts_list);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SporImportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_import_dialog_init (SporImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

SporImportDialog *
spor_import_dialog_new (GtkWindow *parent,
                        SporStore *store)
{
  SporImportDialog *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
