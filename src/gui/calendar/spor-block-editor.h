/* spor-block-editor.h — a window to create or edit a work block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_BLOCK_EDITOR (spor_block_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporBlockEditor, spor_block_editor, SPOR, BLOCK_EDITOR, AdwWindow)

/* @block_id 0 makes a new block. Emits "saved" (block id, created, the block as it was
 * before, or NULL when created) and closes once the block is saved. */
SporBlockEditor *spor_block_editor_new          (SporStore       *store,
                                                 gint64           block_id);
/* For a new block: its day (YYYY-MM-DD), times (HH:MM) and programme (0 = none) */
void             spor_block_editor_set_defaults (SporBlockEditor *self,
                                                 const char      *date,
                                                 const char      *start_time,
                                                 const char      *end_time,
                                                 gint64           programme_id);
/* Saves as the Save button does; FALSE with the message shown when the input is wrong. */
gboolean         spor_block_editor_save         (SporBlockEditor *self);

/* Adds the participants of the chosen cohort that the block does not have yet, as the
 * "Add the Cohort’s Participants" button does; returns how many. */
guint            spor_block_editor_add_cohort   (SporBlockEditor *self);

G_END_DECLS
