/* spor-phase-row.h — a phase of a programme in the editor: its form and its buttons
 *
 * The row keeps the phase as it read it, so that a save over a change made elsewhere since
 * can be refused by the store. It knows whether the user has touched its fields since it
 * was filled; the editor asks before it builds the phases again.
 *
 * Signals: "changed" (the user changed a field), "move" (int: -1 up, 1 down), "remove",
 * "save".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PHASE_ROW (spor_phase_row_get_type ())
G_DECLARE_FINAL_TYPE (SporPhaseRow, spor_phase_row, SPOR, PHASE_ROW, AdwExpanderRow)

/* @phase is at @position (0 first) of @n_phases. */
GtkWidget  *spor_phase_row_new          (SporEntity   *phase,
                                         guint         position,
                                         guint         n_phases);
/* The phase as the row read it (and, after spor_phase_row_read_form(), as the form has it). */
SporEntity *spor_phase_row_get_phase    (SporPhaseRow *self);
guint       spor_phase_row_get_position (SporPhaseRow *self);
/* Fills the form with @phase and keeps it; the row is untouched again. */
void        spor_phase_row_set_phase    (SporPhaseRow *self,
                                         SporEntity   *phase);
gboolean    spor_phase_row_get_touched  (SporPhaseRow *self);
/* Copies the form into the phase the row keeps. FALSE, and nothing copied, when the name is
 * empty. */
gboolean    spor_phase_row_read_form    (SporPhaseRow *self);

G_END_DECLS
