/* spor-cohort-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-accessible-names.h"
#include "spor-cohort-row.h"
#include "spor-gui.h"

struct _SporCohortRow
{
  AdwActionRow  parent_instance;

  GtkButton    *enrol_button;
  GtkButton    *replan_button;
  GtkButton    *timeline_button;
};

G_DEFINE_FINAL_TYPE (SporCohortRow, spor_cohort_row, ADW_TYPE_ACTION_ROW)

static void
spor_cohort_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_COHORT_ROW);
  G_OBJECT_CLASS (spor_cohort_row_parent_class)->dispose (object);
}

static void
spor_cohort_row_class_init (SporCohortRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_cohort_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-cohort-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporCohortRow, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, SporCohortRow, replan_button);
  gtk_widget_class_bind_template_child (widget_class, SporCohortRow, timeline_button);
}

static void
spor_cohort_row_init (SporCohortRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_cohort_row_new (SporEntity *cohort,
                     gint64      enrolled)
{
  SporCohortRow *self;
  const char *name;
  gint64 id;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SPOR_IS_ENTITY (cohort), NULL);

  self = g_object_new (SPOR_TYPE_COHORT_ROW, NULL);
  name = spor_entity_get_text (cohort, "name");
  id = spor_entity_get_id (cohort);
  from = spor_gui_format_date (spor_entity_get_text (cohort, "start_date"));
  to = spor_gui_format_date (spor_entity_get_text (cohort, "end_date"));
  if (enrolled < 0)
    /* how many are enrolled could not be counted: the dates only */
    subtitle = g_strdup_printf (_("%s – %s"), from, to);
  else if (spor_entity_is_set (cohort, "capacity"))
    /* Translators: a cohort: dates, then "5 of 12 enrolled" */
    subtitle = g_strdup_printf (_("%s – %s · %ld of %ld enrolled"), from, to, (long) enrolled,
                                (long) spor_entity_get_int (cohort, "capacity"));
  else
    /* Translators: a cohort: dates, then "5 enrolled" */
    subtitle = g_strdup_printf (ngettext ("%s – %s · %ld enrolled", "%s – %s · %ld enrolled", (gulong) enrolled),
                                from, to, (long) enrolled);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  label = g_strdup_printf (_("Enrol a Participant in %s"), name);
  spor_accessible_names_set_label (GTK_WIDGET (self->enrol_button), label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->enrol_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->replan_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->timeline_button), "x", id);
  return GTK_WIDGET (self);
}
