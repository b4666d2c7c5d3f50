/* spor-participant-attendance.c — a participant's planned and attended hours per week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spor-attendance.h"
#include "spor-blocks.h"
#include "spor-util.h"

#include "spor-attendance-week-row.h"
#include "spor-gui.h"
#include "spor-participant-attendance.h"

#define N_WEEKS 12

struct _SporParticipantAttendance
{
  AdwBin        parent_instance;

  guint         n_weeks;
  char         *rate_text;

  AdwActionRow *rate_row;
  AdwActionRow *agreement_row;
  GtkListBox   *week_list;
};

G_DEFINE_FINAL_TYPE (SporParticipantAttendance, spor_participant_attendance, ADW_TYPE_BIN)

static void
clear (SporParticipantAttendance *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_list))) != NULL)
    gtk_list_box_remove (self->week_list, child);
  self->n_weeks = 0;
  g_clear_pointer (&self->rate_text, g_free);
}

void
spor_participant_attendance_set_participant (SporParticipantAttendance *self,
                                             SporStore                 *store,
                                             gint64                     participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = spor_date_today ();
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  double agreement = -1, rate;
  gboolean has_agreement = FALSE;

  g_return_if_fail (SPOR_IS_PARTICIPANT_ATTENDANCE (self));

  clear (self);
  if (store == NULL || participant_id <= 0 ||
      !spor_attendance_block_period (store, participant_id, &from, &to, &error))
    {
      self->rate_text = g_strdup (error != NULL ? error->message : _("Not in any work block"));
      adw_action_row_set_subtitle (self->rate_row, self->rate_text);
      adw_action_row_set_subtitle (self->agreement_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->week_list), FALSE);
      return;
    }

  /* The last weeks of the blocks, up to today */
  last = g_strdup (to != NULL && strcmp (to, today) < 0 ? to : today);
  if (strcmp (last, from) < 0)
    {
      g_free (last);
      last = g_strdup (from);
    }
  {
    first = spor_date_add_days (last, -(N_WEEKS - 1) * 7);
    if (first == NULL || strcmp (first, from) < 0)
      {
        g_free (first);
        first = g_strdup (from);
      }
  }

  weeks = spor_attendance_weeks (store, participant_id, first, last, &error);
  if (weeks != NULL)
    has_agreement = spor_attendance_agreement_hours (store, participant_id, &agreement, &error);
  if (error != NULL)
    {
      self->rate_text = g_strdup (error->message);
      adw_action_row_set_subtitle (self->rate_row, self->rate_text);
      return;
    }

  rate = spor_attendance_rate (weeks);
  if (rate < 0)
    self->rate_text = g_strdup (_("No hours planned in these weeks"));
  else
    {
      double planned = 0, attended = 0;
      g_autofree char *p = NULL, *a = NULL;

      for (guint i = 0; i < weeks->len; i++)
        {
          planned += g_array_index (weeks, SporAttendanceWeek, i).planned_hours;
          attended += g_array_index (weeks, SporAttendanceWeek, i).attended_hours;
        }
      p = spor_attendance_week_row_format_hours (planned);
      a = spor_attendance_week_row_format_hours (attended);
      /* Translators: "82 % — 49.0 h of 60.0 h planned in 12 weeks" */
      self->rate_text = g_strdup_printf (ngettext ("%.0f %% — %s of %s planned in %u week",
                                                   "%.0f %% — %s of %s planned in %u weeks", weeks->len),
                                         rate * 100, a, p, weeks->len);
    }
  adw_action_row_set_subtitle (self->rate_row, self->rate_text);
  if (has_agreement)
    {
      g_autofree char *h = spor_attendance_week_row_format_hours (agreement);
      /* Translators: %s is a number of hours */
      g_autofree char *text = g_strdup_printf (_("%s a week agreed"), h);

      adw_action_row_set_subtitle (self->agreement_row, text);
    }
  else
    adw_action_row_set_subtitle (self->agreement_row, _("No weekly hours agreed"));

  /* Newest week first */
  for (guint i = weeks->len; i > 0; i--)
    {
      gtk_list_box_append (self->week_list,
                           spor_attendance_week_row_new (&g_array_index (weeks, SporAttendanceWeek, i - 1),
                                                         has_agreement ? agreement : -1));
      self->n_weeks++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->week_list), self->n_weeks > 0);
}

guint
spor_participant_attendance_get_n_weeks (SporParticipantAttendance *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_ATTENDANCE (self), 0);

  return self->n_weeks;
}

const char *
spor_participant_attendance_get_rate_text (SporParticipantAttendance *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_ATTENDANCE (self), NULL);

  return self->rate_text;
}

static void
spor_participant_attendance_dispose (GObject *object)
{
  SporParticipantAttendance *self = SPOR_PARTICIPANT_ATTENDANCE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANT_ATTENDANCE);
  g_clear_pointer (&self->rate_text, g_free);
  G_OBJECT_CLASS (spor_participant_attendance_parent_class)->dispose (object);
}

static void
spor_participant_attendance_class_init (SporParticipantAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_participant_attendance_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participant-attendance.ui");
  gtk_widget_class_bind_template_child (widget_class, SporParticipantAttendance, rate_row);
  gtk_widget_class_bind_template_child (widget_class, SporParticipantAttendance, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, SporParticipantAttendance, week_list);
}

static void
spor_participant_attendance_init (SporParticipantAttendance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_participant_attendance_new (void)
{
  return g_object_new (SPOR_TYPE_PARTICIPANT_ATTENDANCE, NULL);
}
