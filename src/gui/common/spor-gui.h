/* spor-gui.h — small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* A count with the locale's digit grouping, e.g. "72.000" in Danish. */
char     *spor_gui_format_count       (gint64         count);

/* Counts the records of one type; on failure returns -1 and sets @error. */
gint64    spor_gui_count              (SporStore     *store,
                                       GType          entity_type,
                                       GError       **error);

/* Counts the records of one type whose text @field equals @value. */
gint64    spor_gui_count_where        (SporStore     *store,
                                       GType          entity_type,
                                       const char    *field,
                                       const char    *value,
                                       GError       **error);

/* A YYYY-MM-DD date in the locale's format (24-11-2026 in Danish); @iso as it is when it is
 * not a real date, "" for NULL. */
char     *spor_gui_format_date        (const char    *iso);
/* A date typed as YYYY-MM-DD or in the locale's format, as YYYY-MM-DD; spaces around it do
 * not count. NULL when it is not a date (an empty text is none). */
char     *spor_gui_parse_date         (const char    *text);

/* A time stamp (ISO 8601, as the store writes them) as a date in the locale's format and a
 * 24-hour local time; @timestamp as it is when it is not one, "" for NULL. */
char     *spor_gui_format_timestamp   (const char    *timestamp);

/* A toast whose title is @text shown literally (toast titles are markup). */
AdwToast *spor_gui_toast_new          (const char    *text);
/* Dismisses a toast made by spor_gui_toast_new(), or, while it may still be sliding in,
 * as soon as it is in: libadwaita 1.2 crashes when a toast's hiding ends before its
 * showing does (for example one shown in place of another and dismissed at once). */
void      spor_gui_toast_dismiss      (AdwToast      *toast);
/* Shows @toast (taking it) on the toast overlay of @widget's window: each window has one
 * overlay, the nearest AdwToastOverlay above @widget, and its views and panes send their
 * messages there. A widget outside such a window is a mistake of the caller: it is said
 * once with a warning, and the toast is dropped. */
void      spor_gui_add_toast          (GtkWidget     *widget,
                                       AdwToast      *toast);
/* The same for a toast that shows @text literally (spor_gui_toast_new()). */
void      spor_gui_show_toast         (GtkWidget     *widget,
                                       const char    *text);

/* Puts a status page into the state "this view could not read the database". */
void      spor_gui_status_page_show_error (AdwStatusPage *page,
                                           const GError  *error);

/* Fills a view from the database now if it is on screen, else the next time it is shown
 * (its "map"): views that are not looked at cost nothing at start-up or after a change. */
typedef void (*SporGuiLoadFunc) (GtkWidget *view);
void      spor_gui_load_when_shown    (GtkWidget       *view,
                                       SporGuiLoadFunc  load);
/* Fills @view now if a load is still waiting for it to be shown: for a caller that is about
 * to use what the load reads. */
void      spor_gui_load_if_waiting    (GtkWidget       *view);

G_END_DECLS
