/* spor-attendance-week-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attendance-week-row.h"

struct _SporAttendanceWeekRow
{
  AdwActionRow  parent_instance;

  GtkLevelBar  *level_bar;
};

G_DEFINE_FINAL_TYPE (SporAttendanceWeekRow, spor_attendance_week_row, ADW_TYPE_ACTION_ROW)

static void
spor_attendance_week_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_ATTENDANCE_WEEK_ROW);
  G_OBJECT_CLASS (spor_attendance_week_row_parent_class)->dispose (object);
}

static void
spor_attendance_week_row_class_init (SporAttendanceWeekRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_attendance_week_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-attendance-week-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAttendanceWeekRow, level_bar);
}

static void
spor_attendance_week_row_init (SporAttendanceWeekRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

char *
spor_attendance_week_row_format_hours (double hours)
{
  /* Translators: a number of hours, e.g. "5.5 h" */
  return g_strdup_printf (_("%.1f h"), hours);
}

GtkWidget *
spor_attendance_week_row_new (const SporAttendanceWeek *week,
                              double                    agreed)
{
  SporAttendanceWeekRow *self;
  g_autofree char *title = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *subtitle = NULL;
  double target = agreed > 0 ? agreed : week->planned_hours;

  g_return_val_if_fail (week != NULL, NULL);

  self = g_object_new (SPOR_TYPE_ATTENDANCE_WEEK_ROW, NULL);
  title = g_strdup_printf (_("Week %u, %d"), week->iso_week, week->iso_year);
  planned = spor_attendance_week_row_format_hours (week->planned_hours);
  attended = spor_attendance_week_row_format_hours (week->attended_hours);
  if (agreed >= 0 && week->planned_hours + 1e-9 < agreed)
    {
      g_autofree char *hours = spor_attendance_week_row_format_hours (agreed);

      /* Translators: attended, planned and agreed hours of a week */
      subtitle = g_strdup_printf (_("Attended %s of %s planned — fewer than the %s agreed"),
                                  attended, planned, hours);
    }
  else
    /* Translators: attended and planned hours of a week */
    subtitle = g_strdup_printf (_("Attended %s of %s planned"), attended, planned);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_level_bar_set_value (self->level_bar, target > 0 ? CLAMP (week->attended_hours / target, 0, 1) : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  subtitle, -1);
  return GTK_WIDGET (self);
}
