/* spor-attention-detail-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-attention-detail-row.h"

struct _SporAttentionDetailRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *label;
};

G_DEFINE_FINAL_TYPE (SporAttentionDetailRow, spor_attention_detail_row, GTK_TYPE_LIST_BOX_ROW)

static void
spor_attention_detail_row_dispose (GObject *object)
{
  /* the label is the row's child: the row lets go of it once */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_ATTENTION_DETAIL_ROW);
  G_OBJECT_CLASS (spor_attention_detail_row_parent_class)->dispose (object);
}

static void
spor_attention_detail_row_class_init (SporAttentionDetailRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_attention_detail_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-attention-detail-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SporAttentionDetailRow, label);
}

static void
spor_attention_detail_row_init (SporAttentionDetailRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
spor_attention_detail_row_new (const char *problems)
{
  SporAttentionDetailRow *self = g_object_new (SPOR_TYPE_ATTENTION_DETAIL_ROW, NULL);

  gtk_label_set_label (self->label, problems);
  return GTK_WIDGET (self);
}
