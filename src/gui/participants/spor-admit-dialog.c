/* spor-admit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-participants.h"

#include "spor-admit-dialog.h"
#include "spor-record-choices.h"

struct _SporAdmitDialog
{
  AdwMessageDialog  parent_instance;

  GtkDropDown      *cohort_drop_down;
};

G_DEFINE_FINAL_TYPE (SporAdmitDialog, spor_admit_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A cohort as the drop-down shows it (@labels: by id) */
static char *
cohort_label (SporEntity *cohort,
              GHashTable *labels)
{
  gint64 id;

  if (cohort == NULL)
    return NULL;
  id = spor_entity_get_id (cohort);
  return g_strdup (g_hash_table_lookup (labels, &id));
}

/* Each cohort's name and, when it has a capacity, the places taken, by id; NULL and
 * @error when the places cannot be counted. */
static GHashTable *
make_labels (SporStore  *store,
             GPtrArray  *cohorts,
             GError    **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < cohorts->len; i++)
    {
      SporEntity *cohort = g_ptr_array_index (cohorts, i);
      gint64 id = spor_entity_get_id (cohort), taken = 0, capacity = -1;
      char *label;

      if (!spor_cohort_occupancy (store, id, &taken, &capacity, error))
        return NULL;
      if (capacity >= 0)
        /* Translators: cohort name, places taken, places */
        label = g_strdup_printf (ngettext ("%s (%d of %d place taken)", "%s (%d of %d places taken)",
                                           (gulong) capacity),
                                 spor_entity_get_text (cohort, "name"), (int) taken, (int) capacity);
      else
        label = g_strdup (spor_entity_get_text (cohort, "name"));
      g_hash_table_insert (labels, g_memdup2 (&id, sizeof id), label);
    }
  return g_steal_pointer (&labels);
}

static void
spor_admit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_ADMIT_DIALOG);
  G_OBJECT_CLASS (spor_admit_dialog_parent_class)->dispose (object);
}

static void
spor_admit_dialog_class_init (SporAdmitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_admit_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-admit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAdmitDialog, cohort_drop_down);
}

static void
spor_admit_dialog_init (SporAdmitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"), "admit", _("_Admit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "admit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "admit");
}

SporAdmitDialog *
spor_admit_dialog_new (GtkWindow  *parent,
                       SporStore  *store,
                       GPtrArray  *cohorts,
                       GError    **error)
{
  SporAdmitDialog *self;
  g_autoptr(GListModel) records = NULL;
  GHashTable *labels;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (cohorts != NULL, NULL);

  if ((labels = make_labels (store, cohorts, error)) == NULL)
    return NULL;
  self = g_object_new (SPOR_TYPE_ADMIT_DIALOG, "transient-for", parent, NULL);
  records = spor_record_choices_new (SPOR_TYPE_COHORT, cohorts, NULL);
  spor_record_choices_set_model (self->cohort_drop_down, records,
                                 gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                              G_CALLBACK (cohort_label), labels,
                                                              (GClosureNotify) (void (*) (void)) g_hash_table_unref),
                                 0);
  return self;
}

gint64
spor_admit_dialog_get_cohort (SporAdmitDialog *self)
{
  g_return_val_if_fail (SPOR_IS_ADMIT_DIALOG (self), 0);
  return spor_record_choices_get_selected (self->cohort_drop_down);
}
