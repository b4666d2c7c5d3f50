/* spor-meeting-row.h — one meeting on a participant's page, with Edit and Delete
 *
 * Signals "edit" and "delete" (no arguments): the buttons were pressed; the page opens the
 * editor, or hides the row and deletes with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MEETING_ROW (spor_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (SporMeetingRow, spor_meeting_row, SPOR, MEETING_ROW, AdwActionRow)

/* @staff: the names of its staff, or NULL */
GtkWidget *spor_meeting_row_new        (SporEntity     *meeting,
                                        const char     *staff);
gint64     spor_meeting_row_get_id     (SporMeetingRow *self);
/* "Date · kind", what the user knows the meeting by */
const char *spor_meeting_row_get_title (SporMeetingRow *self);

G_END_DECLS
