/* spor-participant-staff.c — the staff linked to a participant in a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-participant-staff.h"

static GPtrArray *
list_links (SporStore   *store,
            gint64       participant_id,
            const char  *role,
            GError     **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PARTICIPANT_STAFF);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_where_text (query, "role", role);
  return spor_store_list (store, query, error);
}

GArray *
spor_participant_staff_get_ids (SporStore   *store,
                                gint64       participant_id,
                                const char  *role,
                                GError     **error)
{
  g_autoptr(GPtrArray) links = list_links (store, participant_id, role, error);
  GArray *ids;

  if (links == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "staff_id");
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gboolean
spor_participant_staff_set_ids (SporStore   *store,
                                gint64       participant_id,
                                const char  *role,
                                GArray      *staff_ids,
                                GError     **error)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!spor_store_begin (store, error))
    return FALSE;
  links = list_links (store, participant_id, role, error);
  if (links == NULL)
    goto fail;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 staff_id = spor_entity_get_int (links->pdata[i], "staff_id");
      if (!contains_id (staff_ids, staff_id))
        {
          if (!spor_store_delete (store, links->pdata[i], error))
            goto fail;
        }
      else
        g_array_append_val (present, staff_id);
    }
  for (guint i = 0; staff_ids != NULL && i < staff_ids->len; i++)
    {
      gint64 staff_id = g_array_index (staff_ids, gint64, i);
      g_autoptr(SporParticipantStaff) link = NULL;

      if (contains_id (present, staff_id))
        continue;
      link = spor_entity_new (SPOR_TYPE_PARTICIPANT_STAFF);
      spor_entity_set_int (SPOR_ENTITY (link), "participant_id", participant_id);
      spor_entity_set_int (SPOR_ENTITY (link), "staff_id", staff_id);
      spor_entity_set_text (SPOR_ENTITY (link), "role", role);
      if (!spor_store_insert (store, SPOR_ENTITY (link), error))
        goto fail;
      g_array_append_val (present, staff_id);
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}
