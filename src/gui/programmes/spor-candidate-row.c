/* spor-candidate-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-values.h"
#include "spor-participants.h"

#include "spor-accessible-names.h"
#include "spor-candidate-row.h"

struct _SporCandidateRow
{
  AdwActionRow  parent_instance;

  GtkButton    *enrol_button;
};

G_DEFINE_FINAL_TYPE (SporCandidateRow, spor_candidate_row, ADW_TYPE_ACTION_ROW)

static void
spor_candidate_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_CANDIDATE_ROW);
  G_OBJECT_CLASS (spor_candidate_row_parent_class)->dispose (object);
}

static void
spor_candidate_row_class_init (SporCandidateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_candidate_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-candidate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporCandidateRow, enrol_button);
}

static void
spor_candidate_row_init (SporCandidateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_candidate_row_new (const SporCandidate *candidate)
{
  SporCandidateRow *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (candidate != NULL, NULL);

  self = g_object_new (SPOR_TYPE_CANDIDATE_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), candidate->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               spor_value_label (&spor_values_participant_status, candidate->status));
  label = g_strdup_printf (_("Enrol %s"), candidate->name);
  spor_accessible_names_set_label (GTK_WIDGET (self->enrol_button), label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->enrol_button), "x", candidate->id);
  return GTK_WIDGET (self);
}
