/* spor-participant-page.h — the detail pane of one participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_PAGE (spor_participant_page_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantPage, spor_participant_page, SPOR, PARTICIPANT_PAGE, AdwBin)

/* Shows a participant; @participant_id 0 clears the page. Sensitive fields and the CPR
 * number are hidden again whenever the participant changes. */
void       spor_participant_page_set_participant  (SporParticipantPage *self,
                                                   SporStore           *store,
                                                   gint64               participant_id);
gint64     spor_participant_page_get_participant  (SporParticipantPage *self);
/* Reads the participant again. */
void       spor_participant_page_reload           (SporParticipantPage *self);
/* The empty box below the page's own sections, for the widgets of other areas. */
GtkBox    *spor_participant_page_get_sections_box (SporParticipantPage *self);

/* Carries out a meeting's deletion waiting for its Undo (SporView's flush_pending), adding
 * it to @failed when it fails. */
void       spor_participant_page_flush_pending    (SporParticipantPage *self,
                                                   GPtrArray           *failed);

G_END_DECLS
