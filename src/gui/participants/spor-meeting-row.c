/* spor-meeting-row.c — one meeting on a participant's page, with Edit and Delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-values.h"
#include "spor-participants.h"

#include "spor-gui.h"
#include "spor-meeting-row.h"

struct _SporMeetingRow
{
  AdwActionRow  parent_instance;

  gint64        id;
  GtkButton    *edit_button;
  GtkButton    *delete_button;
};

G_DEFINE_FINAL_TYPE (SporMeetingRow, spor_meeting_row, ADW_TYPE_ACTION_ROW)

enum { SIGNAL_EDIT, SIGNAL_DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_edit_clicked (SporMeetingRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDIT], 0);
}

static void
on_delete_clicked (SporMeetingRow *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE], 0);
}

static void
spor_meeting_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_MEETING_ROW);
  G_OBJECT_CLASS (spor_meeting_row_parent_class)->dispose (object);
}

static void
spor_meeting_row_class_init (SporMeetingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_meeting_row_dispose;
  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporMeetingRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SporMeetingRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
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
  g_autofree char *edit = NULL;
  g_autofree char *delete = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_return_val_if_fail (SPOR_IS_ENTITY (meeting), NULL);

  self = g_object_new (SPOR_TYPE_MEETING_ROW, NULL);
  self->id = spor_entity_get_id (meeting);
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
  /* Translators: the accessible names of a meeting's buttons; %s is "date · kind" */
  edit = g_strdup_printf (_("Edit Meeting %s"), title);
  delete = g_strdup_printf (_("Delete Meeting %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete, -1);
  return GTK_WIDGET (self);
}

gint64
spor_meeting_row_get_id (SporMeetingRow *self)
{
  g_return_val_if_fail (SPOR_IS_MEETING_ROW (self), 0);
  return self->id;
}

const char *
spor_meeting_row_get_title (SporMeetingRow *self)
{
  g_return_val_if_fail (SPOR_IS_MEETING_ROW (self), NULL);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
}
