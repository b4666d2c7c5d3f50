/* spor-participants.h — everything about participants, for the callers that want it all
 *
 * An umbrella header: each part has its own header, named by its prefix, and callers may
 * include just that one.
 *
 *   spor-participant.h        a participant's record: checks, warnings, saving, erasure
 *   spor-participant-list.h   the lazy list of participants (SporParticipantList) and its query
 *   spor-participant-item.h   one row of that list (SporParticipantItem)
 *   spor-participant-staff.h  the staff linked to a participant in a role
 *   spor-waiting-list.h       a programme's waiting list
 *   spor-meetings.h           a participant's meetings
 *   spor-cohort.h             how full a cohort is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-cohort.h"
#include "spor-meetings.h"
#include "spor-participant.h"
#include "spor-participant-item.h"
#include "spor-participant-list.h"
#include "spor-participant-staff.h"
#include "spor-waiting-list.h"
