/* spor-mentor-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-mentor-row.h"

struct _SporMentorRow
{
  AdwActionRow  parent_instance;

  gint64        staff_id;
  GtkSwitch    *mentor_switch;
};

G_DEFINE_FINAL_TYPE (SporMentorRow, spor_mentor_row, ADW_TYPE_ACTION_ROW)

static void
spor_mentor_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_MENTOR_ROW);
  G_OBJECT_CLASS (spor_mentor_row_parent_class)->dispose (object);
}

static void
spor_mentor_row_class_init (SporMentorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_mentor_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-mentor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporMentorRow, mentor_switch);
}

static void
spor_mentor_row_init (SporMentorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_mentor_row_new (SporEntity *staff,
                     gboolean    active)
{
  SporMentorRow *self;
  const char *name;

  g_return_val_if_fail (SPOR_IS_ENTITY (staff), NULL);

  self = g_object_new (SPOR_TYPE_MENTOR_ROW, NULL);
  name = spor_entity_get_text (staff, "name");
  self->staff_id = spor_entity_get_id (staff);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  gtk_switch_set_active (self->mentor_switch, active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mentor_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  return GTK_WIDGET (self);
}

gint64
spor_mentor_row_get_staff_id (SporMentorRow *self)
{
  g_return_val_if_fail (SPOR_IS_MENTOR_ROW (self), 0);
  return self->staff_id;
}

gboolean
spor_mentor_row_get_active (SporMentorRow *self)
{
  g_return_val_if_fail (SPOR_IS_MENTOR_ROW (self), FALSE);
  return gtk_switch_get_active (self->mentor_switch);
}
