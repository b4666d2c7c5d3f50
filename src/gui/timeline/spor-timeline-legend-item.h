/* spor-timeline-legend-item.h — a phase in the Timeline's legend: its colour and name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPOR_TYPE_TIMELINE_LEGEND_ITEM (spor_timeline_legend_item_get_type ())
G_DECLARE_FINAL_TYPE (SporTimelineLegendItem, spor_timeline_legend_item, SPOR, TIMELINE_LEGEND_ITEM,
                      GtkBox)

/* @position: the phase's position, which gives its colour (spor_timeline_phase_colour()). */
GtkWidget *spor_timeline_legend_item_new (guint       position,
                                          const char *name);

G_END_DECLS
