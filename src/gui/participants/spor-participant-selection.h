/* spor-participant-selection.h — the selection of the participants list, kept by id
 *
 * GtkSingleSelection looks for its selected item among every added item when the list
 * changes; over a lazy list of 72,000 participants that reads every row. This model keeps
 * the selected participant's id instead, so a refresh costs nothing and the selection
 * survives searches and filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-participants.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_SELECTION (spor_participant_selection_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantSelection, spor_participant_selection, SPOR, PARTICIPANT_SELECTION, GObject)

SporParticipantSelection *spor_participant_selection_new             (SporParticipantList      *list);
gint64                    spor_participant_selection_get_selected_id (SporParticipantSelection *self);
/* 0 selects nothing. Notifies "selected-id" when it changes. */
void                      spor_participant_selection_set_selected_id (SporParticipantSelection *self,
                                                                      gint64                    id);

G_END_DECLS
