/* spor-participant-editor.h — the form for a new or an existing participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_EDITOR (spor_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantEditor, spor_participant_editor, SPOR, PARTICIPANT_EDITOR, AdwWindow)

/* @participant_id 0 makes a new participant. Emits "saved" (gint64 id) after a save, then
 * closes; a failed save keeps the form as it is and says why on the fields. */
GtkWidget *spor_participant_editor_new  (GtkWindow             *parent,
                                         SporStore             *store,
                                         gint64                 participant_id);
/* Saves as the Save button does; TRUE when saved. */
gboolean   spor_participant_editor_save (SporParticipantEditor *self);

G_END_DECLS
