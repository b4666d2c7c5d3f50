/* spor-timeline.h — participants' phases on a time axis
 *
 * One row per participant (name and status), a bar per phase (planned as an outline,
 * actual filled), milestones and today's line. The widget is GtkScrollable: put it in a
 * GtkScrolledWindow. Rows are virtualised: only the rows on screen are read from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_TIMELINE_ZOOM_WEEKS,
  SPOR_TIMELINE_ZOOM_MONTHS,
  SPOR_TIMELINE_ZOOM_PERIOD,  /* the whole period fits the width */
} SporTimelineZoom;

#define SPOR_TYPE_TIMELINE (spor_timeline_get_type ())
G_DECLARE_FINAL_TYPE (SporTimeline, spor_timeline, SPOR, TIMELINE, GtkWidget)

GtkWidget       *spor_timeline_new             (void);
/* Shows a cohort (@cohort_id > 0) or a whole programme; @store NULL clears. */
void             spor_timeline_set_source      (SporTimeline    *self,
                                                SporStore       *store,
                                                gint64           programme_id,
                                                gint64           cohort_id);
void             spor_timeline_set_zoom        (SporTimeline    *self,
                                                SporTimelineZoom zoom);
SporTimelineZoom spor_timeline_get_zoom        (SporTimeline    *self);
/* The day drawn as today, YYYY-MM-DD; NULL = the local date. */
void             spor_timeline_set_today       (SporTimeline    *self,
                                                const char      *today);
guint            spor_timeline_get_n_rows      (SporTimeline    *self);
gint64           spor_timeline_get_participant (SporTimeline    *self,
                                                guint            row);
int              spor_timeline_get_selected    (SporTimeline    *self);
void             spor_timeline_select          (SporTimeline    *self,
                                                guint            row,
                                                int              bar);
/* How many rows have been read from the store since the source was set. */
guint            spor_timeline_get_n_loaded    (SporTimeline    *self);
/* Where bar @bar of row @row is drawn, in widget coordinates (for tests and a11y). */
gboolean         spor_timeline_get_bar_area    (SporTimeline    *self,
                                                guint            row,
                                                guint            bar,
                                                graphene_rect_t *area);
/* "Storytelling, planned 14 February to 13 March 2026, active, overdue" — the text an
 * assistive technology reads for a bar; @bar -1 describes the row and its milestones. */
char            *spor_timeline_describe        (SporTimeline    *self,
                                                guint            row,
                                                int              bar);
/* The colour of the phase at @position, shared with the legend. */
void             spor_timeline_phase_colour    (guint            position,
                                                GdkRGBA         *colour);

G_END_DECLS
