/* spor-blocks-staffing.h — who a block needs and who is in it, and putting it back for Undo
 *
 * A block requires a number of staff of each role (SporBlockRequirement), has its staff
 * (SporBlockStaff, each in a role) and its participants (SporBlockParticipant).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* A block as it is now, with its staffing requirement, its staff and its participants:
 * what an Undo of an edit puts back. Reference counted. */
typedef struct _SporBlockState SporBlockState;

GType           spor_block_state_get_type   (void) G_GNUC_CONST;
#define SPOR_TYPE_BLOCK_STATE (spor_block_state_get_type ())
SporBlockState *spor_block_state_ref        (SporBlockState *state);
void            spor_block_state_unref      (SporBlockState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporBlockState, spor_block_state_unref)

SporBlockState *spor_blocks_get_state       (SporStore      *store,
                                             gint64          block_id,
                                             GError        **error);
/* Puts the block, its requirement, staff and participants back as in @state, in one
 * transaction; fails (changing nothing) when the block is gone. */
gboolean        spor_blocks_restore_state   (SporStore      *store,
                                             SporBlockState *state,
                                             GError        **error);
/* Requires @count staff of @role (0 removes the requirement). */
gboolean   spor_blocks_set_requirement      (SporStore     *store,
                                             gint64         block_id,
                                             const char    *role,
                                             guint          count,
                                             GError       **error);
gboolean   spor_blocks_assign_staff         (SporStore     *store,
                                             gint64         block_id,
                                             gint64         staff_id,
                                             const char    *role,
                                             GError       **error);
gboolean   spor_blocks_unassign_staff       (SporStore     *store,
                                             gint64         block_id,
                                             gint64         staff_id,
                                             GError       **error);
gboolean   spor_blocks_add_participant      (SporStore     *store,
                                             gint64         block_id,
                                             gint64         participant_id,
                                             GError       **error);
gboolean   spor_blocks_remove_participant   (SporStore     *store,
                                             gint64         block_id,
                                             gint64         participant_id,
                                             GError       **error);
/* The staffing required, as role → count (GINT_TO_POINTER) */
GHashTable *spor_blocks_get_requirements    (SporStore     *store,
                                             gint64         block_id,
                                             GError       **error);

G_END_DECLS
