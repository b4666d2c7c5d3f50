/* spor-week-grid.h — a week of occurrences drawn as a grid of days and hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-blocks.h"

G_BEGIN_DECLS

#define SPOR_TYPE_WEEK_GRID (spor_week_grid_get_type ())
G_DECLARE_FINAL_TYPE (SporWeekGrid, spor_week_grid, SPOR, WEEK_GRID, GtkWidget)

GtkWidget            *spor_week_grid_new               (void);
/* Shows @week (copied); @today (YYYY-MM-DD, NULL = the real today) is marked. */
void                  spor_week_grid_set_week          (SporWeekGrid *self,
                                                        SporWeek     *week,
                                                        const char   *today);
/* The hours shown, e.g. 7 and 20 (the default): rows from 07:00 to 20:00. */
void                  spor_week_grid_set_hours         (SporWeekGrid *self,
                                                        guint         first,
                                                        guint         last);
guint                 spor_week_grid_get_n_occurrences (SporWeekGrid *self);
const SporOccurrence *spor_week_grid_get_occurrence    (SporWeekGrid *self,
                                                        guint         index);
/* Where occurrence @index is drawn, in widget coordinates; FALSE when it is not drawn. */
gboolean              spor_week_grid_get_occurrence_area (SporWeekGrid    *self,
                                                        guint            index,
                                                        graphene_rect_t *area);
/* The area of a day column (0 = Monday) and the y of a time of day in minutes. */
void                  spor_week_grid_get_day_area      (SporWeekGrid    *self,
                                                        guint            day,
                                                        graphene_rect_t *area);
double                spor_week_grid_y_for_minutes     (SporWeekGrid    *self,
                                                        int              minutes);
/* The selected occurrence (keyboard focus), or -1 */
int                   spor_week_grid_get_selected      (SporWeekGrid *self);
void                  spor_week_grid_select            (SporWeekGrid *self,
                                                        int           index);

G_END_DECLS
