/* spor-calendar-view.h — the Calendar page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_CALENDAR_VIEW (spor_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (SporCalendarView, spor_calendar_view, SPOR, CALENDAR_VIEW, AdwBin)

GtkWidget *spor_calendar_view_new       (SporStore *store);
SporStore *spor_calendar_view_get_store (SporCalendarView *self);
void       spor_calendar_view_set_store (SporCalendarView *self,
                                         SporStore        *store);
/* Reads the database again, e.g. after another connection has written to it. */
void       spor_calendar_view_reload    (SporCalendarView *self);

G_END_DECLS
