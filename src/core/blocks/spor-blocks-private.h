/* spor-blocks-private.h — what the files of src/core/blocks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-blocks.h"

G_BEGIN_DECLS

/* Checks that @date is a date the rule of block @block_id gives and returns the block. */
SporBlock *spor_blocks_occurrence_block (SporStore   *store,
                                         gint64       block_id,
                                         const char  *date,
                                         GError     **error);

/* Deletes every record of @list in one transaction */
gboolean   spor_blocks_delete_all       (SporStore   *store,
                                         GPtrArray   *list,
                                         GError     **error);

G_END_DECLS
