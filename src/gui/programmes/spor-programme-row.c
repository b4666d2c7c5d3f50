/* spor-programme-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-programme-row.h"

struct _SporProgrammeRow
{
  GtkListBoxRow  parent_instance;

  gint64         id;
  GtkLabel      *name_label;
};

G_DEFINE_FINAL_TYPE (SporProgrammeRow, spor_programme_row, GTK_TYPE_LIST_BOX_ROW)

static void
spor_programme_row_dispose (GObject *object)
{
  /* the label is the row's child: the row lets go of it once */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_PROGRAMME_ROW);
  G_OBJECT_CLASS (spor_programme_row_parent_class)->dispose (object);
}

static void
spor_programme_row_class_init (SporProgrammeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_programme_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-programme-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporProgrammeRow, name_label);
}

static void
spor_programme_row_init (SporProgrammeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_programme_row_new (SporEntity *programme)
{
  SporProgrammeRow *self;

  g_return_val_if_fail (SPOR_IS_ENTITY (programme), NULL);

  self = g_object_new (SPOR_TYPE_PROGRAMME_ROW, NULL);
  self->id = spor_entity_get_id (programme);
  gtk_label_set_label (self->name_label, spor_entity_get_text (programme, "name"));
  return GTK_WIDGET (self);
}

gint64
spor_programme_row_get_id (SporProgrammeRow *self)
{
  g_return_val_if_fail (SPOR_IS_PROGRAMME_ROW (self), 0);
  return self->id;
}
