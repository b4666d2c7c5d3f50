/* spor-programmes-view.h — the Programmes page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PROGRAMMES_VIEW (spor_programmes_view_get_type ())
G_DECLARE_FINAL_TYPE (SporProgrammesView, spor_programmes_view, SPOR, PROGRAMMES_VIEW, AdwBin)

GtkWidget *spor_programmes_view_new       (SporStore *store);
SporStore *spor_programmes_view_get_store (SporProgrammesView *self);
void       spor_programmes_view_set_store (SporProgrammesView *self,
                                           SporStore          *store);
/* Reads the database again, e.g. after another connection has written to it. */
void       spor_programmes_view_reload    (SporProgrammesView *self);
/* Signal ::show-cohort (gint64 programme_id, gint64 cohort_id) asks the window to select the
 * cohort in the Timeline view (spor_timeline_view_show); the view then activates
 * win.view 'timeline'. */

/* The programme open in the editor; 0 when none. */
gint64     spor_programmes_view_get_programme (SporProgrammesView *self);

G_END_DECLS
