/* spor-preferences-window.h — settings that belong to one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PREFERENCES_WINDOW (spor_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SporPreferencesWindow, spor_preferences_window, SPOR, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *spor_preferences_window_new       (SporStore             *store);
SporStore *spor_preferences_window_get_store (SporPreferencesWindow *self);

G_END_DECLS
