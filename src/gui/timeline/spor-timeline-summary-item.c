/* spor-timeline-summary-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-timeline-summary-item.h"

struct _SporTimelineSummaryItem
{
  GtkBox    parent_instance;

  GtkLabel *title_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (SporTimelineSummaryItem, spor_timeline_summary_item, GTK_TYPE_BOX)

static void
spor_timeline_summary_item_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_TIMELINE_SUMMARY_ITEM);
  G_OBJECT_CLASS (spor_timeline_summary_item_parent_class)->dispose (object);
}

static void
spor_timeline_summary_item_class_init (SporTimelineSummaryItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_timeline_summary_item_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-timeline-summary-item.ui");
  gtk_widget_class_bind_template_child (widget_class, SporTimelineSummaryItem, title_label);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineSummaryItem, detail_label);
}

static void
spor_timeline_summary_item_init (SporTimelineSummaryItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_timeline_summary_item_new (const char *title,
                                const char *detail,
                                gboolean    warning)
{
  SporTimelineSummaryItem *self = g_object_new (SPOR_TYPE_TIMELINE_SUMMARY_ITEM, NULL);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "warning");
  return GTK_WIDGET (self);
}
