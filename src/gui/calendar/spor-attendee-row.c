/* spor-attendee-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attendee-row.h"
#include "spor-choice.h"

struct _SporAttendeeRow
{
  AdwActionRow   parent_instance;

  gint64         participant_id;
  gboolean       filling;

  GtkDropDown   *status_drop_down;
  GtkSpinButton *hours_spin;
};

G_DEFINE_FINAL_TYPE (SporAttendeeRow, spor_attendee_row, ADW_TYPE_ACTION_ROW)

enum {
  SIGNAL_STATUS_CHANGED,
  SIGNAL_HOURS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_status_changed (SporAttendeeRow *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[SIGNAL_STATUS_CHANGED], 0);
}

static void
on_hours_changed (SporAttendeeRow *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[SIGNAL_HOURS_CHANGED], 0);
}

static void
spor_attendee_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_ATTENDEE_ROW);
  G_OBJECT_CLASS (spor_attendee_row_parent_class)->dispose (object);
}

static void
spor_attendee_row_class_init (SporAttendeeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_attendee_row_dispose;

  signals[SIGNAL_STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
  signals[SIGNAL_HOURS_CHANGED] = g_signal_new ("hours-changed", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-attendee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAttendeeRow, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SporAttendeeRow, hours_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hours_changed);
}

static void
spor_attendee_row_init (SporAttendeeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_attendee_row_new (const SporAttendanceRow *attendance,
                       GListModel              *statuses,
                       double                   full_hours)
{
  SporAttendeeRow *self;
  g_autofree char *status_name = NULL;
  g_autofree char *hours_name = NULL;

  g_return_val_if_fail (attendance != NULL, NULL);

  self = g_object_new (SPOR_TYPE_ATTENDEE_ROW, NULL);
  self->participant_id = attendance->participant_id;
  self->filling = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), attendance->name);
  spor_choice_set_model (self->status_drop_down, statuses,
                         spor_attendance_status_to_string (attendance->status));
  /* sized for one decimal, as it always was, and showing two */
  gtk_spin_button_configure (self->hours_spin,
                             gtk_adjustment_new (0, 0, MAX (full_hours, 0.25), 0.25, 2.5, 0), 0.25, 1);
  gtk_spin_button_set_digits (self->hours_spin, 2);
  gtk_spin_button_set_value (self->hours_spin, attendance->hours > 0 ? attendance->hours : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_spin), attendance->status != SPOR_ATTENDANCE_UNKNOWN);
  self->filling = FALSE;

  /* Translators: accessible names; %s is a participant's name */
  status_name = g_strdup_printf (_("Attendance of %s"), attendance->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_name, -1);
  hours_name = g_strdup_printf (_("Hours attended by %s"), attendance->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hours_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hours_name, -1);
  return GTK_WIDGET (self);
}

gint64
spor_attendee_row_get_participant (SporAttendeeRow *self)
{
  g_return_val_if_fail (SPOR_IS_ATTENDEE_ROW (self), 0);
  return self->participant_id;
}

SporAttendanceStatus
spor_attendee_row_get_status (SporAttendeeRow *self)
{
  g_return_val_if_fail (SPOR_IS_ATTENDEE_ROW (self), SPOR_ATTENDANCE_UNKNOWN);
  return spor_attendance_status_from_string (spor_choice_get_selected (self->status_drop_down));
}

double
spor_attendee_row_get_hours (SporAttendeeRow *self)
{
  g_return_val_if_fail (SPOR_IS_ATTENDEE_ROW (self), 0);
  return gtk_spin_button_get_value (self->hours_spin);
}
