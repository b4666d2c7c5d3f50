/* spor-blocks-occurrences.h — the occurrences a block's rule gives, exceptions applied
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

#include "spor-store.h"

G_BEGIN_DECLS

/* ISO weekdays as bits, as stored in blocks.weekdays */
#define SPOR_WEEKDAY_BIT(iso_weekday) (1u << ((iso_weekday) - 1))

typedef struct {
  gint64     block_id;
  char      *block_uuid;
  char      *title;
  char      *kind;            /* "weekly" or "once" */
  gint64     programme_id;    /* 0 = none */
  char      *colour;          /* the programme's "#rrggbb", or NULL */
  gint64     location_id;     /* 0 = none */
  char      *location;        /* the location's name, or NULL */
  char      *date;            /* the date the rule gives (YYYY-MM-DD): the occurrence's key */
  char      *actual_date;     /* where it happens: differs from date when moved */
  char      *start_time;      /* HH:MM, after any move */
  char      *end_time;
  GDateTime *start;           /* in Europe/Copenhagen */
  GDateTime *end;
  gboolean   cancelled;
  gboolean   moved;
  char      *reason;          /* of the cancellation or move, or NULL */

  /* Filled by the week query, not by spor_blocks_expand() */
  gint       capacity;        /* -1 = no limit */
  guint      n_participants;
  guint      n_registered;    /* attendance rows of this occurrence */
  char      *staff;           /* "Name (role), …" after substitutions, or NULL */
  guint      problems;        /* SporBlockProblem bits */
  char      *problem_text;    /* one translated sentence per problem, newline-separated */
  GArray    *staff_ids;       /* gint64, after substitutions */
  GArray    *participant_ids; /* gint64 */
} SporOccurrence;

void            spor_occurrence_free        (SporOccurrence *occurrence);
SporOccurrence *spor_occurrence_copy        (const SporOccurrence *occurrence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporOccurrence, spor_occurrence_free)
/* For g_ptr_array_sort(): by start, then end, then block */
int             spor_occurrence_compare     (gconstpointer   a,
                                             gconstpointer   b);

/* The occurrences of @block whose actual date lies in [@from, @to] (YYYY-MM-DD), in time
 * order, with @exceptions (SporBlockException of this block, may be NULL) applied.
 * Cancelled occurrences are included with cancelled = TRUE. */
GPtrArray *spor_blocks_expand               (SporBlock     *block,
                                             GPtrArray     *exceptions,
                                             const char    *from,
                                             const char    *to);
/* Whether @date is a date the rule of @block gives (before exceptions). */
gboolean   spor_blocks_has_date             (SporBlock     *block,
                                             const char    *date);

/* The occurrence of @block_id on @date (a date its rule gives), exceptions applied; without
 * the week query's staffing and problems. */
SporOccurrence *spor_blocks_get_occurrence  (SporStore     *store,
                                             gint64         block_id,
                                             const char    *date,
                                             GError       **error);
/* Its length in hours */
double     spor_occurrence_hours            (const SporOccurrence *occurrence);

G_END_DECLS
