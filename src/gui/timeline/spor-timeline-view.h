/* spor-timeline-view.h — the Timeline page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"
#include "spor-timeline.h"

G_BEGIN_DECLS

#define SPOR_TYPE_TIMELINE_VIEW (spor_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (SporTimelineView, spor_timeline_view, SPOR, TIMELINE_VIEW, AdwBin)

GtkWidget *spor_timeline_view_new       (SporStore *store);
SporStore *spor_timeline_view_get_store (SporTimelineView *self);
void       spor_timeline_view_set_store (SporTimelineView *self,
                                         SporStore        *store);
/* Reads the database again, e.g. after another connection has written to it. */
void       spor_timeline_view_reload    (SporTimelineView *self);
/* Selects a programme and a cohort (0 = all of the programme's cohorts). */
void       spor_timeline_view_show      (SporTimelineView *self,
                                         gint64            programme_id,
                                         gint64            cohort_id);
SporTimeline *spor_timeline_view_get_timeline (SporTimelineView *self);

G_END_DECLS
