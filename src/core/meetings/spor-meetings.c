/* spor-meetings.c — a participant's meetings: coaching, talks, evaluations, follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-meetings.h"
#include "spor-rules.h"

/* The record rules of a meeting: it is with a participant or with a cohort's group. */
void
spor_meeting_rules (SporEntity *entity,
                    SporStore  *store,
                    GPtrArray  *problems)
{
  if (spor_entity_get_int (entity, "participant_id") <= 0 &&
      spor_entity_get_int (entity, "cohort_id") <= 0)
    spor_problems_add (problems, "participant_id",
                       _("A meeting is with a participant or with a cohort"));
}

GPtrArray *
spor_meetings_list (SporStore  *store,
                    gint64      participant_id,
                    GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_MEETING);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_order_by (query, "date", TRUE);
  return spor_store_list (store, query, error);
}

gboolean
spor_meetings_add (SporStore   *store,
                   gint64       participant_id,
                   const char  *kind,
                   const char  *date,
                   gint64       staff_id,
                   const char  *notes,
                   GError     **error)
{
  g_autoptr(SporMeeting) meeting = NULL;

  if (!spor_value_list_contains (&spor_values_meeting_kind, kind))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Choose the kind of meeting"));
      return FALSE;
    }
  if (date == NULL || !spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Not a real date"));
      return FALSE;
    }
  meeting = spor_entity_new (SPOR_TYPE_MEETING);
  spor_entity_set_int (SPOR_ENTITY (meeting), "participant_id", participant_id);
  spor_entity_set_text (SPOR_ENTITY (meeting), "kind", kind);
  spor_entity_set_text (SPOR_ENTITY (meeting), "date", date);
  if (staff_id > 0)
    spor_entity_set_int (SPOR_ENTITY (meeting), "staff_id", staff_id);
  if (notes != NULL && *notes != '\0')
    spor_entity_set_text (SPOR_ENTITY (meeting), "notes", notes);
  return spor_store_insert (store, SPOR_ENTITY (meeting), error);
}
