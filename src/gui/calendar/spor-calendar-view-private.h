/* spor-calendar-view-private.h — what spor-calendar-view.c shares with spor-calendar-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-calendar-view.h"
#include "spor-view.h"

G_BEGIN_DECLS

struct _SporCalendarView
{
  AdwBin           parent_instance;

  SporStore       *store;
  char            *monday;         /* the week shown, YYYY-MM-DD */
  SporWeekFilter   filter;
  GPtrArray       *pending;        /* SporPendingDelete: blocks hidden until deleted */
  GCancellable    *cancellable;
  SporWeek        *week;
  gboolean         filling;

  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkLabel        *week_label;
  GtkMenuButton   *date_button;
  GtkCalendar     *date_picker;
  GtkDropDown     *programme_filter;
  GtkDropDown     *location_filter;
  GtkDropDown     *staff_filter;
  AdwFlap         *flap;
  SporWeekGrid    *week_grid;
  GtkLabel        *attention_title;
  GtkStack        *attention_stack;
  GtkListBox      *attention_list;
};

void     spor_calendar_view_fill_filters  (SporCalendarView *self);
void     spor_calendar_view_show_week     (SporCalendarView *self);

/* spor-calendar-edit.c: creating, editing and deleting blocks */
void     spor_calendar_view_open_editor   (SporCalendarView *self,
                                           gint64            block_id,
                                           const char       *date,
                                           const char       *start,
                                           const char       *end);
/* Whether the block waits for its deletion to become final (and is not shown) */
gboolean spor_calendar_view_is_hidden     (SporCalendarView *self,
                                           gint64            block_id);
/* SporView's flush_pending */
void     spor_calendar_view_flush_pending (SporView         *view,
                                           GPtrArray        *failed);
/* Carries out what is still pending when there is no window left to ask in */
void     spor_calendar_view_drop_pending  (SporCalendarView *self);

G_END_DECLS
