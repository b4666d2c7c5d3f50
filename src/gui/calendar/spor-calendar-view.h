/* spor-calendar-view.h — the Calendar page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-blocks.h"
#include "spor-ical.h"
#include "spor-store.h"
#include "spor-week-grid.h"

G_BEGIN_DECLS

#define SPOR_TYPE_CALENDAR_VIEW (spor_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (SporCalendarView, spor_calendar_view, SPOR, CALENDAR_VIEW, AdwBin)

GtkWidget *spor_calendar_view_new       (SporStore *store);
SporStore *spor_calendar_view_get_store (SporCalendarView *self);
void       spor_calendar_view_set_store (SporCalendarView *self,
                                         SporStore        *store);
/* Reads the database again, e.g. after another connection has written to it. */
void       spor_calendar_view_reload    (SporCalendarView *self);

/* Shows the week that holds @date (YYYY-MM-DD), read on a thread. */
void        spor_calendar_view_go_to          (SporCalendarView     *self,
                                               const char           *date);
/* The Monday of the week shown */
const char *spor_calendar_view_get_week       (SporCalendarView     *self);
/* Reads the week shown at once, on the calling thread */
gboolean    spor_calendar_view_load_week_now  (SporCalendarView     *self);
void        spor_calendar_view_set_filter     (SporCalendarView     *self,
                                               const SporWeekFilter *filter);
SporWeekGrid *spor_calendar_view_get_week_grid (SporCalendarView    *self);
void        spor_calendar_view_open_occurrence (SporCalendarView    *self,
                                               const SporOccurrence *occurrence);
/* Hides the block and deletes it when its toast goes without Undo */
void        spor_calendar_view_delete_block   (SporCalendarView     *self,
                                               gint64                block_id);
/* Asks for a file and writes the selected blocks there as iCalendar */
void        spor_calendar_view_export         (SporCalendarView     *self,
                                               const SporIcalSelection *selection,
                                               const char           *suggested_name);
/* "Week 48 · 23–29 November 2026" for the week starting @monday */
char       *spor_calendar_view_format_week    (const char           *monday);

G_END_DECLS
