/* spor-meeting-row.h — a meeting on the participant page: its date and kind, the staff
 * member and the notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MEETING_ROW (spor_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (SporMeetingRow, spor_meeting_row, SPOR, MEETING_ROW, AdwActionRow)

/* @staff: the name of the meeting's staff member, or NULL. */
GtkWidget *spor_meeting_row_new (SporEntity *meeting,
                                 const char *staff);

G_END_DECLS
