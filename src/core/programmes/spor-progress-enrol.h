/* spor-progress-enrol.h — enrolling a participant into a cohort: one row per phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* Enrols a participant into a cohort: sets the participant's programme and cohort, and
 * creates or refreshes one phase_progress row per phase of the cohort's programme, with
 * planned dates from the cohort's start date. Rows of phases already started or finished
 * keep their actual dates and state; calling it again changes nothing. Rows of phases of
 * another programme are removed. The participant's status becomes 'active' if it was
 * 'waiting' or 'intake' and the cohort has started, else stays; start_date is set to the
 * cohort's start when unset. One transaction. */
gboolean spor_progress_enrol        (SporStore        *store,
                                     gint64            participant_id,
                                     gint64            cohort_id,
                                     GError          **error);

/* Enrols every participant of a cohort again (spor_progress_enrol), so that their planned
 * dates follow the programme's phases and the cohort's start date after a change. Started
 * and finished phases keep their actual dates. One transaction; returns the number of
 * participants, -1 on error. */
gint64   spor_progress_replan_cohort (SporStore        *store,
                                      gint64            cohort_id,
                                      GError          **error);

G_END_DECLS
