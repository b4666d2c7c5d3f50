/* spor-timeline-private.h — what the timeline's files share
 *
 * SporTimeline is one widget in three files: spor-timeline.c (rows, texts, input, source,
 * the GObject), spor-timeline-layout.c (days and pixels, bars' places, scrolling, size) and
 * spor-timeline-draw.c (drawing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-progress-rows.h"
#include "spor-progress.h"
#include "spor-timeline.h"

G_BEGIN_DECLS

#define NAME_WIDTH_MAX 220
#define NAME_WIDTH_MIN 110
#define HEADER_HEIGHT 44
#define ROW_HEIGHT    38
#define BAR_INSET     7
#define CACHE_LIMIT   600

struct _SporTimeline
{
  GtkWidget         parent_instance;

  SporStore        *store;
  gint64            programme_id;
  gint64            cohort_id;
  GArray           *ids;        /* participant ids, in row order */
  GHashTable       *rows;       /* participant id → SporProgressRow */
  guint             n_loaded;
  char             *today;      /* NULL: the local date */

  guint32           first_day;  /* julian day at x = 0 of the chart */
  guint32           last_day;
  SporTimelineZoom  zoom;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  gboolean          scroll_to_today;  /* once the width is known */
  int               selected;   /* row, -1 none */
  int               focus_bar;  /* bar of the selected row, -1 the row itself */

  /* One invisible child per row on screen, for assistive technologies: each names its
   * participant and describes the row's phases and milestones. */
  GPtrArray        *row_widgets;
};

/* spor-timeline.c */
SporProgressRow *spor_timeline_get_row               (SporTimeline    *self,
                                                      guint            row);
void             spor_timeline_update_accessible     (SporTimeline    *self);

/* spor-timeline-layout.c */
int              spor_timeline_name_width            (SporTimeline    *self);
guint32          spor_timeline_julian_of             (const char      *iso);
guint32          spor_timeline_today_julian          (SporTimeline    *self);
int              spor_timeline_chart_width           (SporTimeline    *self);
double           spor_timeline_px_per_day            (SporTimeline    *self);
double           spor_timeline_day_x                 (SporTimeline    *self,
                                                      guint32          day);
double           spor_timeline_row_y                 (SporTimeline    *self,
                                                      guint            row);
gboolean         spor_timeline_bar_area              (SporTimeline    *self,
                                                      SporProgressRow *data,
                                                      guint            row,
                                                      guint            index,
                                                      graphene_rect_t *area);
void             spor_timeline_configure_adjustments (SporTimeline    *self);
void             spor_timeline_adjustment_changed    (SporTimeline    *self);
void             spor_timeline_set_adjustment        (SporTimeline    *self,
                                                      GtkAdjustment  **slot,
                                                      GtkAdjustment   *adjustment);
void             spor_timeline_scroll_to_row         (SporTimeline    *self,
                                                      guint            row);
void             spor_timeline_scroll_to_day         (SporTimeline    *self,
                                                      guint32          day);
void             spor_timeline_measure               (GtkWidget       *widget,
                                                      GtkOrientation   orientation,
                                                      int              for_size,
                                                      int             *minimum,
                                                      int             *natural,
                                                      int             *minimum_baseline,
                                                      int             *natural_baseline);
void             spor_timeline_size_allocate         (GtkWidget       *widget,
                                                      int              width,
                                                      int              height,
                                                      int              baseline);

/* spor-timeline-draw.c */
void             spor_timeline_snapshot              (GtkWidget       *widget,
                                                      GtkSnapshot     *snapshot);

G_END_DECLS
