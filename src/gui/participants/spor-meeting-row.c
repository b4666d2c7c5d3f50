/* spor-meeting-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-values.h"
#include "spor-participants.h"

#include "spor-gui.h"
#include "spor-meeting-row.h"

struct _SporMeetingRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SporMeetingRow, spor_meeting_row, ADW_TYPE_ACTION_ROW)

static void
spor_meeting_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_MEETING_ROW);
  G_OBJECT_CLASS (spor_meeting_row_parent_class)->dispose (object);
}

static void
spor_meeting_row_class_init (SporMeetingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = spor_meeting_row_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/dk/kulturspor/Spor/spor-meeting-row.ui");
}

static void
spor_meeting_row_init (SporMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_meeting_row_new (SporEntity *meeting,
                      const char *staff)
{
  SporMeetingRow *self;
  const char *notes;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_return_val_if_fail (SPOR_IS_ENTITY (meeting), NULL);

  self = g_object_new (SPOR_TYPE_MEETING_ROW, NULL);
  notes = spor_entity_get_text (meeting, "notes");
  date = spor_gui_format_date (spor_entity_get_text (meeting, "date"));
  title = g_strdup_printf ("%s · %s", date, spor_value_label (&spor_values_meeting_kind, spor_entity_get_text (meeting, "kind")));
  if (staff != NULL)
    g_string_append (subtitle, staff);
  if (notes != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " — " : "", notes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (subtitle->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  return GTK_WIDGET (self);
}
