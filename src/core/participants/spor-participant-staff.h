/* spor-participant-staff.h — the staff linked to a participant in a role
 *
 * A participant's mentors, contact persons and others are participant_staff records
 * (SporParticipantStaff): one per staff member and role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The staff linked to a participant in @role (e.g. "mentor"), as staff ids. */
GArray   *spor_participant_staff_get_ids (SporStore   *store,
                                          gint64       participant_id,
                                          const char  *role,
                                          GError     **error);
/* Links exactly @staff_ids in @role to the participant (adds and removes), one transaction. */
gboolean  spor_participant_staff_set_ids (SporStore   *store,
                                          gint64       participant_id,
                                          const char  *role,
                                          GArray      *staff_ids,
                                          GError     **error);

G_END_DECLS
