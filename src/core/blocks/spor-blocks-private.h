/* spor-blocks-private.h — what the files of src/core/blocks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

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

/* The columns of a block exception that spor_blocks_read_exception() reads, in its order */
#define SPOR_BLOCKS_EXCEPTION_COLUMNS \
  "id, uuid, created_at, updated_at, date, kind, new_date, new_start_time, new_end_time, " \
  "staff_id, substitute_id, reason"
/* The exception of block @block_id in the row of @stmt, SPOR_BLOCKS_EXCEPTION_COLUMNS from
 * column @first on */
SporEntity *spor_blocks_read_exception  (sqlite3_stmt *stmt,
                                         int           first,
                                         gint64        block_id);

G_END_DECLS
