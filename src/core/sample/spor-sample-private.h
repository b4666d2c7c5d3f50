/* spor-sample-private.h — what the files of the sample generator share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-phase-plan.h"
#include "spor-sample.h"
#include "spor-store-private.h"

G_BEGIN_DECLS

#define SPOR_SAMPLE_N_ORGANISATIONS 10

typedef struct
{
  const char *key;
  const char *municipality;
  const char *block_title;
  const char *location;
  const char *location_address;
  guint       share;      /* per cent of the participants */
  guint       cohort_size;
  guint       weekdays;   /* bits, Monday = 1 */
  const char *start_time;
  const char *end_time;
  const char *second_title; /* a weekly group talk or open workshop, or NULL */
  guint       second_weekday;
} ProgrammePlan;

/* A programme's phases: their ids, and their plans in the same order */
typedef struct
{
  GArray *ids;    /* gint64 */
  GArray *plans;  /* SporPhasePlan */
} Phases;

typedef struct
{
  SporStore        *store;
  GRand            *rand;
  SporSampleCounts *counts;
  GCancellable     *cancellable;
  const char       *now;
  GDate             today;
  guint32           today_j;
  char              uuid[37];
  /* the day strings of a wide range, so that no row formats a date */
  guint32           first_day;
  guint32           n_days;
  char            (*days)[11];
  GArray           *staff;        /* gint64 ids */
  GArray           *volunteers;   /* gint64 competency ids */
  gint64            organisations[SPOR_SAMPLE_N_ORGANISATIONS];
  GHashTable       *records;      /* GType → the SporEntity filled anew for each record */
} Sample;

typedef struct
{
  gint64  id;
  gint64  block_ids[2];
  guint   n_blocks;
  guint32 start;
  guint32 course_end;  /* last day of the blocks */
} CohortInfo;

#define PICK(s, array) ((array)[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])
#define PICK_WEIGHTED(s, list, weights) \
  spor_sample_pick_weighted ((s), (list), (weights), G_N_ELEMENTS (weights))

/* The record of @type to fill next: one object per kind, emptied for each record. */
SporEntity *spor_sample_record         (Sample              *s,
                                        GType                type);
/* Writes the record through the store; @id (may be NULL) gets its key. */
gboolean    spor_sample_put            (Sample              *s,
                                        SporEntity          *e,
                                        gint64              *id,
                                        GError             **error);
void        spor_sample_set_day        (Sample              *s,
                                        SporEntity          *e,
                                        const char          *field,
                                        guint32              julian);
/* A value of @list, each as often as its weight in @weights, one weight per value of the
 * list, in its order (a list that grows makes this fail until its weights do too) */
const char *spor_sample_pick_weighted  (Sample              *s,
                                        const SporValueList *list,
                                        const guint         *weights,
                                        guint                n_weights);
/* Any value of @list, all equally often */
const char *spor_sample_pick_any       (Sample              *s,
                                        const SporValueList *list);
/* Invented names, addresses that cannot reach anyone and numbers no one has */
char       *spor_sample_invent_name    (Sample              *s);
char       *spor_sample_invent_email   (const char          *name,
                                        guint                n);
char       *spor_sample_invent_phone   (Sample              *s);
/* The staff member of @role (one of the staff roles) in turn @index */
gint64      spor_sample_staff_at       (Sample              *s,
                                        guint                index,
                                        const char          *role);
/* spor-sample-people.c: the organisations and external contacts (before the staff); the
 * organisation a staff member of @role in turn @index works for; the partners of the
 * programme made from template @programme_key */
gboolean    spor_sample_create_people  (Sample              *s,
                                        GError             **error);
gint64      spor_sample_organisation_for (Sample            *s,
                                        const char          *role,
                                        guint                index);
gboolean    spor_sample_link_organisations (Sample          *s,
                                        const char          *programme_key,
                                        gint64               programme_id,
                                        GError             **error);
/* Planned phase dates from a start (spor-phase-plan.h); the first day after them */
guint32     spor_sample_plan_phases    (const Phases        *phases,
                                        guint32              start,
                                        guint32             *starts,
                                        guint32             *ends);

/* spor-sample-participant.c: a participant of @cohort (NULL: on the waiting list, at
 * @waiting_position) and everything of theirs */
gboolean    spor_sample_create_participant (Sample              *s,
                                            const ProgrammePlan *plan,
                                            gint64               programme_id,
                                            SporEntity          *programme,
                                            const Phases        *phases,
                                            const CohortInfo    *cohort,
                                            guint                waiting_position,
                                            guint                serial,
                                            GError             **error);

G_END_DECLS
