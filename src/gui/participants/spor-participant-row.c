/* spor-participant-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-participant-row.h"

struct _SporParticipantRow
{
  GtkBox    parent_instance;

  GtkLabel *name_label;
  GtkLabel *detail_label;
  GtkLabel *status_label;
  char     *status_class;
};

G_DEFINE_FINAL_TYPE (SporParticipantRow, spor_participant_row, GTK_TYPE_BOX)

static void
spor_participant_row_dispose (GObject *object)
{
  SporParticipantRow *self = SPOR_PARTICIPANT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANT_ROW);
  g_clear_pointer (&self->status_class, g_free);
  G_OBJECT_CLASS (spor_participant_row_parent_class)->dispose (object);
}

static void
spor_participant_row_class_init (SporParticipantRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_participant_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporParticipantRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SporParticipantRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SporParticipantRow, status_label);
}

static void
spor_participant_row_init (SporParticipantRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_participant_row_new (void)
{
  return g_object_new (SPOR_TYPE_PARTICIPANT_ROW, NULL);
}

void
spor_participant_row_set_item (SporParticipantRow  *self,
                               SporParticipantItem *item)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *parts[3];
  const char *status;

  g_return_if_fail (SPOR_IS_PARTICIPANT_ROW (self));

  if (self->status_class != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
      g_clear_pointer (&self->status_class, g_free);
    }
  if (item == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_label_set_label (self->status_label, "");
      return;
    }

  status = spor_participant_item_get_status (item);
  parts[0] = spor_participant_item_get_programme_name (item);
  parts[1] = spor_participant_item_get_cohort_name (item);
  parts[2] = spor_participant_item_get_phase_name (item);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", parts[i]);
  if (detail->len == 0)
    g_string_append (detail, _("No programme"));
  if (spor_participant_item_get_waiting_position (item) > 0 && g_strcmp0 (status, "waiting") == 0)
    {
      /* Translators: a place on the waiting list */
      g_autofree char *place = g_strdup_printf (_("No. %d waiting"),
                                                (int) spor_participant_item_get_waiting_position (item));
      g_string_prepend (detail, " · ");
      g_string_prepend (detail, place);
    }

  gtk_label_set_label (self->name_label, spor_participant_item_get_name (item));
  gtk_label_set_label (self->detail_label, detail->str);
  gtk_label_set_label (self->status_label, spor_value_label (&spor_values_participant_status, status));
  self->status_class = g_strconcat ("status-", status, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}
