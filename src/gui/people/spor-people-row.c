/* spor-people-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-people-row.h"

struct _SporPeopleRow
{
  AdwActionRow  parent_instance;

  SporEntity   *record;
  GtkWidget    *inactive_label;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (SporPeopleRow, spor_people_row, ADW_TYPE_ACTION_ROW)

enum { SIGNAL_DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_delete_clicked (SporPeopleRow *self)
{
  g_signal_emit (self, signals[SIGNAL_DELETE], 0);
}

static void
spor_people_row_dispose (GObject *object)
{
  SporPeopleRow *self = SPOR_PEOPLE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PEOPLE_ROW);
  g_clear_object (&self->record);
  G_OBJECT_CLASS (spor_people_row_parent_class)->dispose (object);
}

static void
spor_people_row_class_init (SporPeopleRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_people_row_dispose;
  signals[SIGNAL_DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-people-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporPeopleRow, inactive_label);
  gtk_widget_class_bind_template_child (widget_class, SporPeopleRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
spor_people_row_init (SporPeopleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_people_row_new (SporEntity *record,
                     const char *subtitle,
                     gboolean    offered)
{
  SporPeopleRow *self = g_object_new (SPOR_TYPE_PEOPLE_ROW, NULL);
  const char *name = spor_entity_get_text (record, "name");
  g_autofree char *delete_label = NULL;

  self->record = g_object_ref (record);
  /* names are shown as they are, not as markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (self->inactive_label, !offered);
  /* TRANSLATORS: %s is the name of a staff member, contact, location or organisation */
  delete_label = g_strdup_printf (_("Delete %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  return GTK_WIDGET (self);
}

SporEntity *
spor_people_row_get_record (SporPeopleRow *self)
{
  g_return_val_if_fail (SPOR_IS_PEOPLE_ROW (self), NULL);
  return self->record;
}
