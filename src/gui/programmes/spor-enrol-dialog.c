/* spor-enrol-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-programmes.h"

#include "spor-candidate-row.h"
#include "spor-enrol-dialog.h"

/* How many participants a search shows */
#define MAX_CANDIDATES 30

struct _SporEnrolDialog
{
  AdwMessageDialog  parent_instance;

  SporStore        *store;
  gint64            programme_id;
  gint64            cohort_id;

  GtkSearchEntry   *search_entry;
  GtkListBox       *candidate_list;
  AdwActionRow     *no_candidates_row;
};

G_DEFINE_FINAL_TYPE (SporEnrolDialog, spor_enrol_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { SIGNAL_ENROL, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fill (SporEnrolDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  GtkWidget *row;

  /* all but the template's "No participants found" */
  while ((row = gtk_widget_get_next_sibling (GTK_WIDGET (self->no_candidates_row))) != NULL)
    gtk_list_box_remove (self->candidate_list, row);
  candidates = spor_programmes_find_candidates (self->store, self->programme_id,
                                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                MAX_CANDIDATES, &error);
  if (candidates == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_candidates_row),
                                     _("Could Not Read the Database"));
      adw_action_row_set_subtitle (self->no_candidates_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->no_candidates_row), TRUE);
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_candidates_row), _("No participants found"));
  adw_action_row_set_subtitle (self->no_candidates_row, "");
  for (guint i = 0; i < candidates->len; i++)
    gtk_list_box_append (self->candidate_list, spor_candidate_row_new (g_ptr_array_index (candidates, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->no_candidates_row), candidates->len == 0);
}

static void
on_search_changed (SporEnrolDialog *self)
{
  fill (self);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_ENROL], 0, g_variant_get_int64 (parameter));
}

static void
spor_enrol_dialog_dispose (GObject *object)
{
  SporEnrolDialog *self = SPOR_ENROL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_ENROL_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_enrol_dialog_parent_class)->dispose (object);
}

static void
spor_enrol_dialog_class_init (SporEnrolDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_enrol_dialog_dispose;

  signals[SIGNAL_ENROL] = g_signal_new ("enrol", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-enrol-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporEnrolDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SporEnrolDialog, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, SporEnrolDialog, no_candidates_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_install_action (widget_class, "enrol.participant", "x", enrol_action);
}

static void
spor_enrol_dialog_init (SporEnrolDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "close", _("_Close"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
}

SporEnrolDialog *
spor_enrol_dialog_new (GtkWindow *parent,
                       SporStore *store,
                       gint64     programme_id,
                       gint64     cohort_id)
{
  SporEnrolDialog *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_ENROL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->programme_id = programme_id;
  self->cohort_id = cohort_id;
  fill (self);
  return self;
}

gint64
spor_enrol_dialog_get_cohort_id (SporEnrolDialog *self)
{
  g_return_val_if_fail (SPOR_IS_ENROL_DIALOG (self), 0);
  return self->cohort_id;
}
