/* spor-phase-step-row.h — one of a participant's phases in the phase stepper: its state,
 * planned and actual dates, and whether it is overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-progress.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PHASE_STEP_ROW (spor_phase_step_row_get_type ())
G_DECLARE_FINAL_TYPE (SporPhaseStepRow, spor_phase_step_row, SPOR, PHASE_STEP_ROW, AdwActionRow)

/* @current: the phase the progress actions act on. */
GtkWidget *spor_phase_step_row_new (const SporPhaseStep *step,
                                    gboolean             current);

G_END_DECLS
