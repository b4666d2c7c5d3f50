/* spor-agreements.h — individual start agreements and their versions
 *
 * A participant has one current agreement: the one with the highest version. A draft is
 * edited in place; a signed agreement never is: changing it starts version n + 1 as a draft
 * copied from it, and every earlier version stays readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The current agreement (a new reference), or NULL without error when there is none. */
SporAgreement *spor_agreement_get_current  (SporStore     *store,
                                            gint64         participant_id,
                                            GError       **error);
/* Every version, oldest first (SporAgreement). */
GPtrArray     *spor_agreement_list_versions (SporStore    *store,
                                            gint64         participant_id,
                                            GError       **error);
/* Saves a draft: a new record becomes the next version; an existing record must still be
 * a draft in the database. Refuses to change a signed version. */
gboolean       spor_agreement_save_draft   (SporStore     *store,
                                            SporAgreement *agreement,
                                            GError       **error);
/* Starts the next version as a draft copy of the current one (or an empty version 1), and
 * returns it; returns the current one when it is still a draft. */
SporAgreement *spor_agreement_start_version (SporStore    *store,
                                            gint64         participant_id,
                                            GError       **error);
/* Signs a draft: @date (YYYY-MM-DD) and the names of participant and adviser are required. */
gboolean       spor_agreement_sign         (SporStore     *store,
                                            SporAgreement *agreement,
                                            const char    *date,
                                            const char    *participant_name,
                                            const char    *adviser_name,
                                            GError       **error);

G_END_DECLS
