/* spor-export-dialog.c — export an exchange file: scope, anonymisation, file
 *
 * The export runs in the core's own thread on its own database connection
 * (spor_exchange_export_async) and writes a private file that takes the chosen name only
 * when complete (spor-private-file.h). Before it runs, the
 * dialog says how many participants a full file leaves out for want of consent to share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-exchange.h"
#include "spor-gui.h"
#include "spor-record-choices.h"
#include "spor-util.h"

#include "spor-export-dialog.h"

enum { SCOPE_ALL, SCOPE_PROGRAMME, SCOPE_COHORT };

struct _SporExportDialog
{
  AdwWindow             parent_instance;

  GtkButton            *export_button;
  AdwComboRow          *scope_row;
  AdwComboRow          *programme_row;
  AdwComboRow          *cohort_row;
  GtkSwitch            *anonymize_switch;
  GtkLabel             *held_back_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *error_label;

  SporStore            *store;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GFile                *exporting;   /* the file being written */
  guint64               n_held_back; /* by the last export */
};

G_DEFINE_FINAL_TYPE (SporExportDialog, spor_export_dialog, ADW_TYPE_WINDOW)

enum { EXPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_progress (double   fraction,
             gpointer user_data)
{
  SporExportDialog *self = user_data;

  /* after the dialog was closed the export is being cancelled: nothing to show it on */
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
set_working (SporExportDialog *self,
             gboolean          working)
{
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->programme_row), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cohort_row), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->anonymize_switch), !working);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SporExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->exporting);
  SporExportSummary summary = { 0 };

  if (!spor_exchange_export_finish (SPOR_STORE (source), result, &summary, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_working (self, FALSE);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  set_working (self, FALSE);
  self->n_held_back = summary.n_held_back;
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static const char *
selected_uuid (AdwComboRow *row)
{
  SporEntity *record = spor_record_choices_get_selected_record (row);

  return record != NULL ? spor_entity_get_uuid (record) : NULL;
}

/* The programme or cohort chosen, by UUID (NULL for everything) */
static void
chosen_scope (SporExportDialog  *self,
              const char       **programme_uuid,
              const char       **cohort_uuid)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);

  *programme_uuid = scope == SCOPE_PROGRAMME
                    ? selected_uuid (self->programme_row) : NULL;
  *cohort_uuid = scope == SCOPE_COHORT
                 ? selected_uuid (self->cohort_row) : NULL;
}

/* Says before the export how many participants it will leave out for want of consent. */
static void
update_held_back (SporExportDialog *self)
{
  SporExportOptions options = { NULL, NULL, gtk_switch_get_active (self->anonymize_switch) };
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  if (self->store == NULL)
    return;
  chosen_scope (self, &options.programme_uuid, &options.cohort_uuid);
  if (!spor_exchange_count_held_back (self->store, &options, &n, &error))
    n = 0;
  if (n > 0)
    {
      guint shown = (guint) MIN (n, G_MAXUINT);
      /* Translators: %u is a number of participants */
      g_autofree char *text = g_strdup_printf (ngettext (
          "%u participant without consent to share will be left out.",
          "%u participants without consent to share will be left out.", shown), shown);

      gtk_label_set_label (self->held_back_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->held_back_label), n > 0);
}

static void
on_choice_changed (SporExportDialog *self)
{
  update_held_back (self);
}

guint64
spor_export_dialog_get_n_held_back (SporExportDialog *self)
{
  g_return_val_if_fail (SPOR_IS_EXPORT_DIALOG (self), 0);
  return self->n_held_back;
}

void
spor_export_dialog_save_to (SporExportDialog *self,
                            GFile            *file)
{
  SporExportOptions options = { NULL, NULL, FALSE };

  g_return_if_fail (SPOR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  chosen_scope (self, &options.programme_uuid, &options.cohort_uuid);
  options.anonymize = gtk_switch_get_active (self->anonymize_switch);
  g_set_object (&self->exporting, file);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_working (self, TRUE);
  spor_exchange_export_async (self->store, file, &options, self->cancellable, on_progress, self,
                              on_export_done, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     SporExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      spor_export_dialog_save_to (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (SporExportDialog *self)
{
  g_autofree char *today = spor_date_today ();
  g_autofree char *name = NULL;

  if (gtk_switch_get_active (self->anonymize_switch))
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    name = g_strdup_printf (_("spor-anonymised-%s.json"), today);
  else
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    name = g_strdup_printf (_("spor-%s.json"), today);

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (SporExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_scope_changed (SporExportDialog *self)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);

  gtk_widget_set_visible (GTK_WIDGET (self->programme_row), scope == SCOPE_PROGRAMME);
  gtk_widget_set_visible (GTK_WIDGET (self->cohort_row), scope == SCOPE_COHORT);
  update_held_back (self);
}

/* A cohort in the scope's list: its name and, in brackets, its programme's (@names: the
 * programmes' names by id). */
static char *
cohort_label (SporEntity *cohort,
              GHashTable *names)
{
  gint64 programme_id;
  const char *programme;

  if (cohort == NULL)
    return NULL;
  programme_id = spor_entity_get_int (cohort, "programme_id");
  programme = g_hash_table_lookup (names, &programme_id);
  if (programme == NULL)
    return g_strdup (spor_entity_get_text (cohort, "name"));
  /* Translators: a cohort's name and, in brackets, its programme's */
  return g_strdup_printf (_("%s (%s)"), spor_entity_get_text (cohort, "name"), programme);
}

/* Lists the records of @query; says why not above the form when it cannot read them */
static GPtrArray *
list_or_say (SporExportDialog *self,
             SporQuery        *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = spor_store_list (self->store, query, &error);

  if (records == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  return records;
}

/* Programmes and cohorts are few: they are listed whole, by name. */
static void
fill_choices (SporExportDialog *self)
{
  g_autoptr(SporQuery) pq = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(SporQuery) cq = spor_query_new (SPOR_TYPE_COHORT);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GListModel) programme_records = NULL;
  g_autoptr(GListModel) cohort_records = NULL;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_string_list_append (scopes, _("Everything"));
  spor_query_order_by (pq, "name", FALSE);
  programmes = list_or_say (self, pq);
  spor_query_order_by (cq, "start_date", TRUE);
  cohorts = list_or_say (self, cq);
  if (programmes != NULL && programmes->len > 0)
    gtk_string_list_append (scopes, _("One programme"));
  if (cohorts != NULL && cohorts->len > 0)
    gtk_string_list_append (scopes, _("One cohort"));
  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    {
      gint64 id = spor_entity_get_id (g_ptr_array_index (programmes, i));

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup (spor_entity_get_text (g_ptr_array_index (programmes, i), "name")));
    }

  programme_records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, programmes, NULL);
  cohort_records = spor_record_choices_new (SPOR_TYPE_COHORT, cohorts, NULL);
  spor_record_choices_set_model (self->programme_row, programme_records, NULL, 0);
  spor_record_choices_set_model (self->cohort_row, cohort_records,
                                 gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                              G_CALLBACK (cohort_label), names,
                                                              (GClosureNotify) (void (*) (void)) g_hash_table_unref),
                                 0);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
}

static void
spor_export_dialog_dispose (GObject *object)
{
  SporExportDialog *self = SPOR_EXPORT_DIALOG (object);

  /* A running export is cancelled; its temporary file is dropped. */
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (spor_export_dialog_parent_class)->dispose (object);
}

static void
spor_export_dialog_finalize (GObject *object)
{
  SporExportDialog *self = SPOR_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->exporting);

  G_OBJECT_CLASS (spor_export_dialog_parent_class)->finalize (object);
}

static void
spor_export_dialog_class_init (SporExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_export_dialog_dispose;
  object_class->finalize = spor_export_dialog_finalize;

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, anonymize_switch);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, held_back_label);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SporExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spor_export_dialog_init (SporExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

SporExportDialog *
spor_export_dialog_new (GtkWindow *parent,
                        SporStore *store)
{
  SporExportDialog *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_choices (self);
  update_held_back (self);
  return self;
}
