/* spor-participant-list.h — the list of participants: a lazy GListModel over SQL
 *
 * SporParticipantList is a lazy GListModel over SQL: a refresh asks SQLite for the row ids
 * that match the search, the filters and the sort, and items (SporParticipantItem, the few
 * columns a list row shows) are read only when a row asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spor-core-enums.h"
#include "spor-participant-item.h"
#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_PARTICIPANT_SORT_NAME,
  SPOR_PARTICIPANT_SORT_START_DATE, /* newest start first, no start date last */
  SPOR_PARTICIPANT_SORT_STATUS,     /* in the order of spor_values_participant_status */
  SPOR_PARTICIPANT_SORT_WAITING,    /* place on the waiting list, then the date added */
} SporParticipantSort;

#define SPOR_TYPE_PARTICIPANT_LIST (spor_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantList, spor_participant_list, SPOR, PARTICIPANT_LIST, GObject)

SporParticipantList *spor_participant_list_new           (SporStore *store);
SporStore  *spor_participant_list_get_store              (SporParticipantList *self);
/* Each setter refreshes the list (one items-changed) when the value changes. */
void        spor_participant_list_set_search             (SporParticipantList *self,
                                                          const char          *search);
const char *spor_participant_list_get_search             (SporParticipantList *self);
void        spor_participant_list_set_programme          (SporParticipantList *self,
                                                          gint64               programme_id);
void        spor_participant_list_set_cohort             (SporParticipantList *self,
                                                          gint64               cohort_id);
void        spor_participant_list_set_status             (SporParticipantList *self,
                                                          const char          *status);
void        spor_participant_list_set_sort               (SporParticipantList *self,
                                                          SporParticipantSort  sort);
/* Reads the ids again; FALSE with @error when the query failed (the list is then empty). */
gboolean    spor_participant_list_refresh                (SporParticipantList *self,
                                                          GError             **error);
/* Why the list could not be read, or NULL: the error of the last refresh (by a setter,
 * spor_participant_list_refresh() or on its own when idle), or of a row that could not be
 * read (shown empty). A GListModel cannot fail, so a view asks here, and follows the
 * "error" property (GError, notified when it changes; for a row, once idle). */
const GError *spor_participant_list_get_error            (SporParticipantList *self);
/* The position of a participant in the list, or G_MAXUINT. */
guint       spor_participant_list_find                   (SporParticipantList *self,
                                                          gint64               participant_id);
gint64      spor_participant_list_get_id                 (SporParticipantList *self,
                                                          guint                position);
/* How many participants the list holds, including those it has not yet announced as
 * items (a long list announces its first screenful, then the rest when idle). */
guint       spor_participant_list_get_count              (SporParticipantList *self);
/* Leaves a participant out of the list (while their erasure waits for its undo window to
 * pass) or lets them back in; refreshes. */
void        spor_participant_list_set_hidden             (SporParticipantList *self,
                                                          gint64               participant_id,
                                                          gboolean             hidden);

/* The query behind the list, for paging without a model: at most @limit ids from @offset
 * (limit 0 = all). @search may be NULL; @status NULL or a status; ids 0 = any. */
GArray     *spor_participant_list_query_ids              (SporStore           *store,
                                                          const char          *search,
                                                          gint64               programme_id,
                                                          gint64               cohort_id,
                                                          const char          *status,
                                                          SporParticipantSort  sort,
                                                          guint                offset,
                                                          guint                limit,
                                                          GError             **error);
/* The FTS5 query for a typed search (each word folded, quoted, prefix), or NULL when the
 * text has no word. */
char       *spor_participant_list_match_expression       (const char          *search);

G_END_DECLS
