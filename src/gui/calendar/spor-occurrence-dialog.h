/* spor-occurrence-dialog.h — one occurrence of a block: its participants' attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-blocks.h"

G_BEGIN_DECLS

#define SPOR_TYPE_OCCURRENCE_DIALOG (spor_occurrence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporOccurrenceDialog, spor_occurrence_dialog, SPOR, OCCURRENCE_DIALOG, AdwWindow)

/* Signals: "changed" (attendance or the occurrence changed), "edit-block", "delete-block"
 * and "export-block" (each with the block id). */
SporOccurrenceDialog *spor_occurrence_dialog_new              (SporStore            *store,
                                                               const SporOccurrence *occurrence);
/* Marks everyone not yet registered present, as the button does. */
gboolean              spor_occurrence_dialog_mark_all_present (SporOccurrenceDialog *self);

G_END_DECLS
