/* spor-attendee-row.h — a participant of an occurrence: their attendance and hours
 *
 * Signals "status-changed" and "hours-changed": the user chose a status or typed hours;
 * the occurrence dialog writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-attendance.h"

G_BEGIN_DECLS

#define SPOR_TYPE_ATTENDEE_ROW (spor_attendee_row_get_type ())
G_DECLARE_FINAL_TYPE (SporAttendeeRow, spor_attendee_row, SPOR, ATTENDEE_ROW, AdwActionRow)

/* @statuses: the attendance states (spor_choice_lists_attendance()); @full_hours: the
 * occurrence's length. */
GtkWidget           *spor_attendee_row_new            (const SporAttendanceRow *attendance,
                                                       GListModel              *statuses,
                                                       double                   full_hours);
gint64               spor_attendee_row_get_participant (SporAttendeeRow        *self);
SporAttendanceStatus spor_attendee_row_get_status      (SporAttendeeRow        *self);
double               spor_attendee_row_get_hours       (SporAttendeeRow        *self);

G_END_DECLS
