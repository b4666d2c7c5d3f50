/* spor-participants-view.h — the Participants page of the main window (a SporView)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANTS_VIEW (spor_participants_view_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantsView, spor_participants_view, SPOR, PARTICIPANTS_VIEW, AdwBin)

GtkWidget *spor_participants_view_new       (SporStore *store);
SporStore *spor_participants_view_get_store (SporParticipantsView *self);
void       spor_participants_view_set_store (SporParticipantsView *self,
                                             SporStore            *store);
/* Reads the database again, e.g. after another connection has written to it. */
void       spor_participants_view_reload    (SporParticipantsView *self);
/* Selects and shows one participant; clears search and filters when they hide them. */
void       spor_participants_view_show_participant (SporParticipantsView *self,
                                                    gint64                participant_id);
/* The participant shown in the detail pane, 0 for none. */
gint64     spor_participants_view_get_selected     (SporParticipantsView *self);

G_END_DECLS
