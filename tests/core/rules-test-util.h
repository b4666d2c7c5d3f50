/* rules-test-util.h — shared set-up for the tests of the core's rules (test-rules-*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core-test-util.h"

G_BEGIN_DECLS

/* Closes the store and opens its file again, as the next start of Spor would: what was not
 * committed is gone. The old store must have no other references. */
void    rules_reopen            (SporStore  **store);

/* New records, saved through the store; each returns the new record's id. */
gint64  rules_add_programme     (SporStore   *store,
                                 const char  *name,
                                 int          min_age,   /* -1 = none */
                                 int          max_age);  /* -1 = none */
gint64  rules_add_cohort        (SporStore   *store,
                                 gint64       programme_id,
                                 const char  *start_date,
                                 int          capacity); /* -1 = no limit */
/* A participant with @status, in no programme, saved with spor_store_insert(). */
gint64  rules_add_participant   (SporStore   *store,
                                 const char  *name,
                                 const char  *status);
gint64  rules_add_staff         (SporStore   *store,
                                 const char  *name);
gint64  rules_add_phase         (SporStore   *store,
                                 gint64       programme_id,
                                 const char  *name,
                                 int          duration,
                                 const char  *unit,
                                 const char  *track);
/* A weekly block; @to may be NULL. */
gint64  rules_add_weekly_block  (SporStore   *store,
                                 const char  *title,
                                 guint        weekdays,
                                 const char  *start_time,
                                 const char  *end_time,
                                 const char  *from,
                                 const char  *to);

/* One text field of a stored record, or NULL. */
char   *rules_get_text          (SporStore   *store,
                                 GType        type,
                                 gint64       id,
                                 const char  *field);

/* Asserts that @error is an INVALID store error that says exactly @message. */
#define rules_assert_invalid(err, text) G_STMT_START { \
    g_assert_error ((err), SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID); \
    g_assert_cmpstr ((err)->message, ==, (text)); \
  } G_STMT_END

G_END_DECLS
