/* spor-meeting-editor.h — adds a meeting to a participant's log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MEETING_EDITOR (spor_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporMeetingEditor, spor_meeting_editor, SPOR, MEETING_EDITOR, AdwWindow)

/* Emits "saved" after the meeting was added, then closes. */
GtkWidget *spor_meeting_editor_new (GtkWindow *parent,
                                    SporStore *store,
                                    gint64     participant_id);

G_END_DECLS
