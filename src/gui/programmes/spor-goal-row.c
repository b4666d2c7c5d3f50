/* spor-goal-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-goal-row.h"

struct _SporGoalRow
{
  AdwActionRow  parent_instance;

  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (SporGoalRow, spor_goal_row, ADW_TYPE_ACTION_ROW)

static void
spor_goal_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_GOAL_ROW);
  G_OBJECT_CLASS (spor_goal_row_parent_class)->dispose (object);
}

static void
spor_goal_row_class_init (SporGoalRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_goal_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-goal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporGoalRow, remove_button);
}

static void
spor_goal_row_init (SporGoalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_goal_row_new (SporProgrammeGoal *goal)
{
  SporGoalRow *self;
  g_autofree char *target = NULL;

  g_return_val_if_fail (SPOR_IS_PROGRAMME_GOAL (goal), NULL);

  self = g_object_new (SPOR_TYPE_GOAL_ROW, NULL);
  target = spor_programme_goal_format_target (goal);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 spor_entity_get_text (SPOR_ENTITY (goal), "label"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x",
                                    spor_entity_get_id (SPOR_ENTITY (goal)));
  return GTK_WIDGET (self);
}
