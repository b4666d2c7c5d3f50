/* spor-participant-attendance.h — a participant's planned and attended hours per week
 *
 * For the participant page: the attendance rate and each week's planned and attended
 * hours, compared with the weekly hours of the current start agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_ATTENDANCE (spor_participant_attendance_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantAttendance, spor_participant_attendance, SPOR, PARTICIPANT_ATTENDANCE, AdwBin)

GtkWidget *spor_participant_attendance_new             (void);
/* Shows the last 12 weeks of the participant's blocks up to today (or the blocks' end). */
void       spor_participant_attendance_set_participant (SporParticipantAttendance *self,
                                                        SporStore                 *store,
                                                        gint64                     participant_id);
/* The number of week rows shown, and the text of the rate row (for tests) */
guint       spor_participant_attendance_get_n_weeks    (SporParticipantAttendance *self);
const char *spor_participant_attendance_get_rate_text  (SporParticipantAttendance *self);

G_END_DECLS
