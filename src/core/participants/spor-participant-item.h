/* spor-participant-item.h — one row of the list of participants
 *
 * The few columns a row of SporParticipantList shows, read when the row asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_ITEM (spor_participant_item_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantItem, spor_participant_item, SPOR, PARTICIPANT_ITEM, GObject)

gint64      spor_participant_item_get_id             (SporParticipantItem *self);
const char *spor_participant_item_get_name           (SporParticipantItem *self);
const char *spor_participant_item_get_status         (SporParticipantItem *self);
const char *spor_participant_item_get_programme_name (SporParticipantItem *self); /* may be NULL */
const char *spor_participant_item_get_cohort_name    (SporParticipantItem *self); /* may be NULL */
const char *spor_participant_item_get_phase_name     (SporParticipantItem *self); /* may be NULL */
const char *spor_participant_item_get_start_date     (SporParticipantItem *self); /* may be NULL */
/* The place on the waiting list (0 = none) and the date added (may be NULL). */
gint64      spor_participant_item_get_waiting_position (SporParticipantItem *self);
const char *spor_participant_item_get_waiting_since  (SporParticipantItem *self);

/* The row of participant @id as it is in the store now: an empty row (name "") when the
 * participant is gone, and also, with @error set, when it could not be read. */
SporParticipantItem *spor_participant_item_load      (SporStore           *store,
                                                      gint64               id,
                                                      GError             **error);

G_END_DECLS
