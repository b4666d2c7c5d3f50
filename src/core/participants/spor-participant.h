/* spor-participant.h — a participant's record: its checks and warnings, saving, erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-check.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* The errors that stop a save (required name, real dates, CPR, e-mail, phone, date order):
 * spor_check_record() without the rules that read other records; an empty array when there
 * are none. */
GPtrArray  *spor_participant_check                       (SporParticipant *participant);
/* The programme's rules, as warnings that do not stop a save: age outside the target
 * range, self-supporting in a "not self-supporting" programme, cohort above capacity.
 * @today may be NULL. */
GPtrArray  *spor_participant_warnings                    (SporStore       *store,
                                                          SporParticipant *participant,
                                                          const char      *today,
                                                          GError         **error);
/* Checks, normalises the CPR number, inserts or updates in one transaction; a new cohort
 * enrols the participant into it (phase progress). On a failed check the error names the
 * first problem and nothing is written. */
gboolean    spor_participant_save                        (SporStore       *store,
                                                          SporParticipant *participant,
                                                          GError         **error);

/* True erasure: the participant and every row linked to them are deleted, the search
 * index is rewritten so the old text is gone from its shadow tables, a tombstone lets the
 * deletion travel, and the audit log records "erase" with the UUID only. */
gboolean    spor_participant_erase                       (SporStore   *store,
                                                          gint64       participant_id,
                                                          GError     **error);

G_END_DECLS
