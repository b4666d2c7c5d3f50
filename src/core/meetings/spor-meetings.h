/* spor-meetings.h — a participant's meetings: coaching, talks, evaluations, follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The meetings of a participant, newest first (SporMeeting). */
GPtrArray *spor_meetings_list (SporStore   *store,
                               gint64       participant_id,
                               GError     **error);
/* Adds a meeting of @kind (one of spor_values_meeting_kind) on @date with the participant,
 * after checking kind and date; @staff_id 0 = none, @notes NULL or "" = none. */
gboolean   spor_meetings_add  (SporStore   *store,
                               gint64       participant_id,
                               const char  *kind,
                               const char  *date,
                               gint64       staff_id,
                               const char  *notes,
                               GError     **error);

G_END_DECLS
