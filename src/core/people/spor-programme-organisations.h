/* spor-programme-organisations.h — the partner organisations of a programme, in order
 *
 * A programme has several (programme_organisations, with a position); printed documents
 * name them in that order. A programme from before there were organisations has only the
 * free text of its "organisations" field: that is used when it has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The organisations of programme @programme_id (SporOrganisation), by position. */
GPtrArray *spor_programme_organisations_list     (SporStore    *store,
                                                  gint64        programme_id,
                                                  GError      **error);
/* Gives the programme exactly the organisations @ids (@n_ids of them, no id twice), in
 * that order, in one transaction. */
gboolean   spor_programme_organisations_set      (SporStore    *store,
                                                  gint64        programme_id,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  GError      **error);
/* The names of the programme's organisations, in order, one per line; the programme's own
 * "organisations" text when it has none; "" when neither. */
char      *spor_programme_organisations_dup_text (SporStore    *store,
                                                  SporEntity   *programme,
                                                  GError      **error);

G_END_DECLS
