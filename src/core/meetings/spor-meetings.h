/* spor-meetings.h — meetings: coaching, talks, evaluations, follow-up and aftercare
 *
 * A meeting is with one participant, or with a cohort's group (a group talk) and then
 * names the participants of the cohort who took part (meeting_participants). It has any
 * number of staff (meeting_staff); its staff_id is the first of them, kept for the readers
 * of files of older versions. A participant who has completed or left can still have
 * meetings: the follow-up and aftercare (efterværn) talks come after the exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The meetings of a participant, newest first (SporMeeting): their own and the cohort
 * meetings they took part in. */
GPtrArray *spor_meetings_list              (SporStore    *store,
                                            gint64        participant_id,
                                            GError      **error);
/* The meetings of a cohort's group, newest first (SporMeeting). */
GPtrArray *spor_meetings_list_cohort       (SporStore    *store,
                                            gint64        cohort_id,
                                            GError      **error);
/* Adds a meeting of @kind (one of spor_values_meeting_kind) on @date with the participant,
 * after checking kind and date; @staff_id 0 = none, @notes NULL or "" = none. */
gboolean   spor_meetings_add               (SporStore    *store,
                                            gint64        participant_id,
                                            const char   *kind,
                                            const char   *date,
                                            gint64        staff_id,
                                            const char   *notes,
                                            GError      **error);
/* Inserts @meeting (id 0) or updates it, with its staff @staff_ids and, for a meeting of a
 * cohort, the participants who took part (@participant_ids, each of that cohort; none for
 * a meeting with one participant), in one transaction: on any failure nothing changes.
 * The arrays (gint64) may be NULL for none. */
gboolean   spor_meetings_save              (SporStore    *store,
                                            SporMeeting  *meeting,
                                            GArray       *staff_ids,
                                            GArray       *participant_ids,
                                            GError      **error);
/* Deletes the meeting with its links; a meeting that is gone already counts as deleted
 * (a SporDeleteFunc for SporPendingDelete). */
gboolean   spor_meetings_delete            (SporStore    *store,
                                            gint64        meeting_id,
                                            GError      **error);
/* The staff of a meeting, and the participants of a cohort meeting, as ids (gint64) in
 * the order they were saved */
GArray    *spor_meetings_get_staff         (SporStore    *store,
                                            gint64        meeting_id,
                                            GError      **error);
GArray    *spor_meetings_get_participants  (SporStore    *store,
                                            gint64        meeting_id,
                                            GError      **error);

G_END_DECLS
