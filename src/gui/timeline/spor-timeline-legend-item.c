/* spor-timeline-legend-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-timeline.h"
#include "spor-timeline-legend-item.h"

struct _SporTimelineLegendItem
{
  GtkBox          parent_instance;

  guint           position;
  GtkDrawingArea *swatch;
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (SporTimelineLegendItem, spor_timeline_legend_item, GTK_TYPE_BOX)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  SporTimelineLegendItem *self = data;
  GdkRGBA colour;

  spor_timeline_phase_colour (self->position, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
spor_timeline_legend_item_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_TIMELINE_LEGEND_ITEM);
  G_OBJECT_CLASS (spor_timeline_legend_item_parent_class)->dispose (object);
}

static void
spor_timeline_legend_item_class_init (SporTimelineLegendItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_timeline_legend_item_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-timeline-legend-item.ui");
  gtk_widget_class_bind_template_child (widget_class, SporTimelineLegendItem, swatch);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineLegendItem, label);
}

static void
spor_timeline_legend_item_init (SporTimelineLegendItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
}

GtkWidget *
spor_timeline_legend_item_new (guint       position,
                               const char *name)
{
  SporTimelineLegendItem *self = g_object_new (SPOR_TYPE_TIMELINE_LEGEND_ITEM, NULL);

  self->position = position;
  gtk_label_set_label (self->label, name);
  return GTK_WIDGET (self);
}
