/* spor-meeting-editor.h — adding or editing a meeting: its kind, day, staff and notes, and
 * for a group talk of the participant's cohort, who of the cohort took part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MEETING_EDITOR (spor_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporMeetingEditor, spor_meeting_editor, SPOR, MEETING_EDITOR, AdwWindow)

/* A new meeting with the participant @participant_id. */
GtkWidget *spor_meeting_editor_new      (GtkWindow          *parent,
                                         SporStore          *store,
                                         gint64              participant_id);
/* Meeting @meeting_id as stored, opened from the page of @participant_id; NULL and
 * @error when it cannot be read. */
GtkWidget *spor_meeting_editor_new_edit (GtkWindow          *parent,
                                         SporStore          *store,
                                         gint64              participant_id,
                                         gint64              meeting_id,
                                         GError            **error);
/* Saves as the Save button does; FALSE with the message shown when it cannot. */
gboolean   spor_meeting_editor_save     (SporMeetingEditor  *self);
/* For tests and the row checks: ticks staff member or participant @id in the lists. */
gboolean   spor_meeting_editor_set_staff       (SporMeetingEditor *self,
                                                gint64             staff_id,
                                                gboolean           active);
gboolean   spor_meeting_editor_set_took_part   (SporMeetingEditor *self,
                                                gint64             participant_id,
                                                gboolean           active);

G_END_DECLS
