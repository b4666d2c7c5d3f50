/* spor-phase-stepper.h — a participant's phases, top to bottom, and the progress actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PHASE_STEPPER (spor_phase_stepper_get_type ())
G_DECLARE_FINAL_TYPE (SporPhaseStepper, spor_phase_stepper, SPOR, PHASE_STEPPER, AdwBin)

GtkWidget *spor_phase_stepper_new             (void);
/* Shows @participant_id's phases from @store; @store NULL clears. Emits ::changed after
 * every change the stepper writes, so that the hosting page can refresh. */
void       spor_phase_stepper_set_participant (SporPhaseStepper *self,
                                               SporStore        *store,
                                               gint64            participant_id);
gint64     spor_phase_stepper_get_participant (SporPhaseStepper *self);
/* The day taken as today, YYYY-MM-DD (for tests); NULL = the local date. */
void       spor_phase_stepper_set_today       (SporPhaseStepper *self,
                                               const char       *today);
/* Reads the participant's phases again. */
void       spor_phase_stepper_reload          (SporPhaseStepper *self);

G_END_DECLS
