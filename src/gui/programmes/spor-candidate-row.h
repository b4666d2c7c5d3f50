/* spor-candidate-row.h — a participant who can be enrolled in a cohort, with Enrol
 *
 * Enrol activates "enrol.participant" with the participant's id (x).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-programmes.h"

G_BEGIN_DECLS

#define SPOR_TYPE_CANDIDATE_ROW (spor_candidate_row_get_type ())
G_DECLARE_FINAL_TYPE (SporCandidateRow, spor_candidate_row, SPOR, CANDIDATE_ROW, AdwActionRow)

GtkWidget *spor_candidate_row_new (const SporCandidate *candidate);

G_END_DECLS
