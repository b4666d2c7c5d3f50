/* spor-window.h — the main window: one database, four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_WINDOW (spor_window_get_type ())
G_DECLARE_FINAL_TYPE (SporWindow, spor_window, SPOR, WINDOW, AdwApplicationWindow)

/* The number of invented participants "Explore with Sample Data" creates. */
#define SPOR_WINDOW_SAMPLE_PARTICIPANTS 60

SporWindow *spor_window_new           (GtkApplication *application,
                                       SporStore      *store);
SporStore  *spor_window_get_store     (SporWindow     *self);

/* "participants", "calendar", "timeline" or "programmes" */
void        spor_window_show_view     (SporWindow     *self,
                                       const char     *name);
void        spor_window_add_toast     (SporWindow     *self,
                                       AdwToast       *toast);

G_END_DECLS
