/* spor-meetings.c — meetings: coaching, talks, evaluations, follow-up and aftercare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-meetings.h"
#include "spor-rules.h"
#include "spor-store-private.h"

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

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  SporEntity *x = *(SporEntity **) a, *y = *(SporEntity **) b;
  int by_date = g_strcmp0 (spor_entity_get_text (y, "date"), spor_entity_get_text (x, "date"));

  if (by_date != 0)
    return by_date;
  return spor_entity_get_id (y) < spor_entity_get_id (x) ? -1 : spor_entity_get_id (y) > spor_entity_get_id (x);
}

GPtrArray *
spor_meetings_list (SporStore  *store,
                    gint64      participant_id,
                    GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_MEETING);
  g_autoptr(SporQuery) taken = spor_query_new (SPOR_TYPE_MEETING_PARTICIPANT);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) links = NULL;

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_order_by (query, "date", TRUE);
  spor_query_where_int (taken, "participant_id", participant_id);
  if ((meetings = spor_store_list (store, query, error)) == NULL ||
      (links = spor_store_list (store, taken, error)) == NULL)
    return NULL;
  /* the group talks of the cohort that the participant took part in */
  for (guint i = 0; i < links->len; i++)
    {
      SporMeeting *m = spor_store_get (store, SPOR_TYPE_MEETING,
                                       spor_entity_get_int (links->pdata[i], "meeting_id"), error);
      if (m == NULL)
        return NULL;
      g_ptr_array_add (meetings, m);
    }
  if (links->len > 0)
    g_ptr_array_sort (meetings, newest_first);
  return g_steal_pointer (&meetings);
}

GPtrArray *
spor_meetings_list_cohort (SporStore  *store,
                           gint64      cohort_id,
                           GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_MEETING);

  spor_query_where_int (query, "cohort_id", cohort_id);
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
  g_autoptr(SporMeeting) meeting = spor_entity_new (SPOR_TYPE_MEETING);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));

  spor_entity_set_int (SPOR_ENTITY (meeting), "participant_id", participant_id);
  spor_entity_set_text (SPOR_ENTITY (meeting), "kind", kind);
  spor_entity_set_text (SPOR_ENTITY (meeting), "date", date);
  if (notes != NULL && *notes != '\0')
    spor_entity_set_text (SPOR_ENTITY (meeting), "notes", notes);
  if (staff_id > 0)
    g_array_append_val (staff, staff_id);
  return spor_meetings_save (store, meeting, staff, NULL, error);
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The links of @type (meeting_id, @field) of @meeting_id become @ids: those no longer
 * there are deleted, new ones inserted, the rest kept (with their UUIDs, for exchange). */
static gboolean
set_links (SporStore  *store,
           GType       type,
           const char *field,
           gint64      meeting_id,
           GArray     *ids,
           GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));

  spor_query_where_int (query, "meeting_id", meeting_id);
  if ((links = spor_store_list (store, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], field);

      if (!has_id (ids, id) || has_id (kept, id))
        {
          if (!spor_store_delete (store, links->pdata[i], error))
            return FALSE;
        }
      else
        g_array_append_val (kept, id);
    }
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SporEntity) link = NULL;

      if (has_id (kept, id))
        continue;
      link = spor_entity_new (type);
      spor_entity_set_int (link, "meeting_id", meeting_id);
      spor_entity_set_int (link, field, id);
      if (!spor_store_insert (store, link, error))
        return FALSE;
      g_array_append_val (kept, id);
    }
  return TRUE;
}

/* Each of @participant_ids is a participant of @cohort_id */
static gboolean
check_participants (SporStore  *store,
                    SporEntity *meeting,
                    GArray     *participant_ids,
                    GError    **error)
{
  gint64 cohort = spor_entity_get_int (meeting, "cohort_id");

  if (participant_ids == NULL || participant_ids->len == 0)
    return TRUE;
  if (cohort <= 0 || spor_entity_get_int (meeting, "participant_id") > 0)
    return spor_store_invalid (error, _("Only a meeting of a cohort's group has participants who took part."));
  for (guint i = 0; i < participant_ids->len; i++)
    {
      g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                     g_array_index (participant_ids, gint64, i), error);
      if (p == NULL)
        return FALSE;
      if (spor_entity_get_int (SPOR_ENTITY (p), "cohort_id") != cohort)
        return spor_store_invalid (error, _("Only participants of the cohort can take part in its meeting."));
    }
  return TRUE;
}

gboolean
spor_meetings_save (SporStore    *store,
                    SporMeeting  *meeting,
                    GArray       *staff_ids,
                    GArray       *participant_ids,
                    GError      **error)
{
  SporEntity *m = SPOR_ENTITY (meeting);
  const char *kind = spor_entity_get_text (m, "kind");
  const char *date = spor_entity_get_text (m, "date");

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);

  if (!spor_value_list_contains (&spor_values_meeting_kind, kind))
    return spor_store_invalid (error, _("Choose the kind of meeting"));
  if (date == NULL || !spor_date_is_valid (date))
    return spor_store_invalid (error, _("Not a real date"));
  if (!spor_store_begin (store, error))
    return FALSE;
  if (!check_participants (store, m, participant_ids, error))
    return spor_store_fail (store);
  if (staff_ids != NULL && staff_ids->len > 0)
    spor_entity_set_int (m, "staff_id", g_array_index (staff_ids, gint64, 0));
  else
    spor_entity_unset (m, "staff_id");
  if (!(spor_entity_get_id (m) > 0 ? spor_store_update (store, m, error)
                                   : spor_store_insert (store, m, error)) ||
      !set_links (store, SPOR_TYPE_MEETING_STAFF, "staff_id", spor_entity_get_id (m), staff_ids, error) ||
      !set_links (store, SPOR_TYPE_MEETING_PARTICIPANT, "participant_id", spor_entity_get_id (m),
                  participant_ids, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error);
}

gboolean
spor_meetings_delete (SporStore  *store,
                      gint64      meeting_id,
                      GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(SporMeeting) meeting = spor_store_get (store, SPOR_TYPE_MEETING, meeting_id, &local);

  if (meeting == NULL)
    {
      if (g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* the links go with it (ON DELETE CASCADE), each with its tombstone */
  return spor_store_delete (store, SPOR_ENTITY (meeting), error);
}

static GArray *
link_ids (SporStore  *store,
          GType       type,
          const char *field,
          gint64      meeting_id,
          GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) links = NULL;
  GArray *ids;

  spor_query_where_int (query, "meeting_id", meeting_id);
  if ((links = spor_store_list (store, query, error)) == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], field);

      g_array_append_val (ids, id);
    }
  return ids;
}

GArray *
spor_meetings_get_staff (SporStore  *store,
                         gint64      meeting_id,
                         GError    **error)
{
  return link_ids (store, SPOR_TYPE_MEETING_STAFF, "staff_id", meeting_id, error);
}

GArray *
spor_meetings_get_participants (SporStore  *store,
                                gint64      meeting_id,
                                GError    **error)
{
  return link_ids (store, SPOR_TYPE_MEETING_PARTICIPANT, "participant_id", meeting_id, error);
}
