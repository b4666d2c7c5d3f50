/* spor-check.h — the one checker of fields and records
 *
 * Every path that writes a record — a form, the store's insert and update, the import from
 * another site, the sample generator — asks the same questions here, so a rule that holds
 * for one holds for all:
 *
 *  - each field against its description in spor-entities.c: type, required, range, the
 *    format of e-mail addresses, phone numbers and CPR numbers, dates within 1900–2199,
 *    texts without control characters and of a sane length, names on one line;
 *  - the record's own rules, kept with their feature (spor-participant.c, spor-blocks.c,
 *    …) and reached through SporEntityInfo.check: dates in order, a CPR number that matches
 *    the birth date, a block that ends after it starts, a cohort of the participant's
 *    programme, …;
 *  - for records that come with their keys from elsewhere, the keys: a UUID, and time stamps
 *    where created_at is not after updated_at and neither is in the future.
 *
 * Warnings that do not stop a save (age outside the target range, a full cohort) are not
 * here: see spor_participant_warnings().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-entity.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* A problem (or a warning) with one field; @field is the column name, @message what the
 * user reads, @reason the same without the “participant.email: ” that names the field in
 * messages of the field checks (for a caller that names the place itself). */
typedef struct {
  char *field;
  char *message;
  char *reason;
} SporProblem;

void        spor_problem_free          (SporProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporProblem, spor_problem_free)

/* For the record rules in the feature files: adds a problem to @problems. */
void        spor_problems_add          (GPtrArray   *problems,
                                        const char  *field,
                                        const char  *message);

/* All problems of @entity, fields first, then its record's rules; an empty array when it
 * may be written. With @store (may be NULL) also the rules that look at other records. */
GPtrArray  *spor_check_record          (SporEntity  *entity,
                                        SporStore   *store);
/* The same, as SPOR_STORE_ERROR_INVALID with the first problem's message. */
gboolean    spor_check_record_error    (SporEntity  *entity,
                                        SporStore   *store,
                                        GError     **error);
/* Only the fields, without the record's rules. */
GPtrArray  *spor_check_fields          (SporEntity  *entity);

/* Puts values into the one form they are stored in (a CPR number as ten digits). Done by
 * the store before every write; a value that cannot be normalised is left for the check. */
void        spor_check_normalise       (SporEntity  *entity);

/* The keys of a record from elsewhere: @uuid a UUID, the time stamps real, created_at not
 * after updated_at, and neither later than @latest (clocks differ a little, but a time
 * stamp in the year 9999 would win every later merge). */
gboolean    spor_check_keys            (const char  *uuid,
                                        const char  *created_at,
                                        const char  *updated_at,
                                        const char  *latest,
                                        GError     **error);

/* Value formats. CPR numbers are accepted as DDMMYYXXXX or DDMMYY-XXXX; the birth date is
 * checked with the century the seventh digit gives. */
gboolean    spor_cpr_parse             (const char  *text,
                                        char       **digits,
                                        char       **birth_date,
                                        GError     **error);
/* "DDMMYY-xxxx" for ten digits, NULL otherwise. */
char       *spor_cpr_mask              (const char  *cpr);
gboolean    spor_email_is_valid        (const char  *text);
gboolean    spor_phone_is_valid        (const char  *text);
/* Whether @text is empty or only white space, no-break spaces included. */
gboolean    spor_text_is_blank         (const char  *text);

G_END_DECLS
