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
/* Requirements as role → count (GINT_TO_POINTER), staff as a list of "staff_id role" */
GHashTable *spor_blocks_get_requirements    (SporStore     *store,
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
