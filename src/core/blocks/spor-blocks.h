/* spor-blocks.h — work blocks: checking, saving and deleting one; and the other block files
 *
 * This header also includes the headers of the other parts of the work blocks, so that a
 * caller that includes it has them all; each may be included alone:
 *
 *   spor-blocks-occurrences.h  the occurrences a block's rule gives (SporOccurrence)
 *   spor-blocks-exceptions.h   cancelling, moving and staffing one occurrence
 *   spor-blocks-staffing.h     who a block needs and who is in it; Undo (SporBlockState)
 *   spor-blocks-week.h         the week query: occurrences, staffing and problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-blocks-exceptions.h"
#include "spor-blocks-occurrences.h"
#include "spor-blocks-staffing.h"
#include "spor-blocks-week.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* Whether the block's fields make a valid rule; the message says what to fix. */
gboolean   spor_blocks_validate             (SporBlock     *block,
                                             GError       **error);

/* Inserts or updates @block after validating it; one transaction, audited. */
gboolean   spor_blocks_save                 (SporStore     *store,
                                             SporBlock     *block,
                                             GError       **error);
/* Deletes the block and, by cascade, its requirements, staff, participants, exceptions
 * and attendance. */
gboolean   spor_blocks_delete               (SporStore     *store,
                                             gint64         block_id,
                                             GError       **error);

G_END_DECLS
