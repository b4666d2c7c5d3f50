/* spor-timeline-summary-item.h — a card of the Timeline's summary: the participants of the
 * programme or cohort, or of one of its phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPOR_TYPE_TIMELINE_SUMMARY_ITEM (spor_timeline_summary_item_get_type ())
G_DECLARE_FINAL_TYPE (SporTimelineSummaryItem, spor_timeline_summary_item, SPOR, TIMELINE_SUMMARY_ITEM,
                      GtkBox)

/* @warning: the detail says some are behind. */
GtkWidget *spor_timeline_summary_item_new (const char *title,
                                           const char *detail,
                                           gboolean    warning);

G_END_DECLS
