/* spor-blocks.h — work blocks, their occurrences, exceptions and the week's problems
 *
 * A block is weekly (one or more ISO weekdays within a period) or once (its period_start is
 * its day). Occurrences are derived from the rule in local time, Europe/Copenhagen: a block
 * at 09:00 stays at 09:00 on both sides of a change to or from summer time. An occurrence is
 * known by its block and the date the rule gives it; exceptions for that date cancel it,
 * move it (another date and/or time) or put a substitute in for one staff member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-core-enums.h"
#include "spor-blocks-exceptions.h"
#include "spor-blocks-occurrences.h"
#include "spor-blocks-staffing.h"
#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_PROBLEM_MISSING_ROLE        = 1 << 0, /* fewer staff of a role than required */
  SPOR_PROBLEM_STAFF_DOUBLE        = 1 << 1, /* a staff member in two overlapping blocks */
  SPOR_PROBLEM_PARTICIPANT_DOUBLE  = 1 << 2, /* a participant in two overlapping blocks */
  SPOR_PROBLEM_OVER_CAPACITY       = 1 << 3, /* more participants than the capacity */
} SporBlockProblem;

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

/* The week query */
typedef struct {
  gint64 programme_id;  /* 0 = all */
  gint64 location_id;
  gint64 staff_id;
} SporWeekFilter;

typedef struct {
  char      *monday;       /* YYYY-MM-DD */
  GPtrArray *occurrences;  /* SporOccurrence, by start; cancelled ones included */
  guint      n_problems;   /* occurrences with at least one problem */
} SporWeek;

void       spor_week_free                   (SporWeek      *week);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporWeek, spor_week_free)

/* The Monday of the ISO week that holds @date, as YYYY-MM-DD. */
char      *spor_blocks_week_start           (const char    *date);
/* All occurrences of the week starting @monday with staffing, participants, attendance
 * counts and problems. */
SporWeek  *spor_blocks_query_week           (SporStore     *store,
                                             const char    *monday,
                                             const SporWeekFilter *filter,
                                             GError       **error);

G_END_DECLS
