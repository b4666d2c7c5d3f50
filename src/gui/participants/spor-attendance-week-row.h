/* spor-attendance-week-row.h — a week of a participant's attendance: hours attended of
 * those planned, against the hours agreed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-attendance.h"

G_BEGIN_DECLS

#define SPOR_TYPE_ATTENDANCE_WEEK_ROW (spor_attendance_week_row_get_type ())
G_DECLARE_FINAL_TYPE (SporAttendanceWeekRow, spor_attendance_week_row, SPOR, ATTENDANCE_WEEK_ROW,
                      AdwActionRow)

/* @agreed: the weekly hours of the start agreement, or -1 when there are none. */
GtkWidget *spor_attendance_week_row_new (const SporAttendanceWeek *week,
                                         double                    agreed);
/* "5.5 h" */
char      *spor_attendance_week_row_format_hours (double hours);

G_END_DECLS
