/* spor-rules.h — the record rules of each kind of record, for spor-entities.c
 *
 * Each adds a SporProblem (spor-check.h) for every rule the record breaks; @store may be
 * NULL, and then the rules that read other records are left out. They run whether or not
 * the fields passed their own checks (a form shows all problems at once), so a rule looks
 * only at values of the right form: a real date, a time, a CPR number that parses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-check.h"

G_BEGIN_DECLS

/* spor-rules.c: dates that come in pairs are in order (start before end) */
void spor_rules_dates           (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-participant.c */
void spor_participant_rules     (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-meetings.c */
void spor_meeting_rules         (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-programmes.c */
void spor_programme_rules       (SporEntity *entity, SporStore *store, GPtrArray *problems);
void spor_programme_goal_rules  (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-agreements.c */
void spor_agreement_rules       (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-blocks.c */
void spor_block_rules           (SporEntity *entity, SporStore *store, GPtrArray *problems);
/* spor-blocks-exceptions.c */
void spor_block_exception_rules (SporEntity *entity, SporStore *store, GPtrArray *problems);

/* For a rule that reads another record: record @id of @type, NULL when there is none (or no
 * store, or @id is 0). A read that fails adds a problem to @field with the reason: a
 * record that could not be checked is not written. */
gpointer spor_rules_get              (SporStore  *store,
                                      GType       type,
                                      gint64      id,
                                      GPtrArray  *problems,
                                      const char *field);
/* The programme of cohort @cohort_id, 0 if there is none (as spor_rules_get()). */
gint64   spor_rules_cohort_programme (SporStore  *store,
                                      gint64      cohort_id,
                                      GPtrArray  *problems);

G_END_DECLS
