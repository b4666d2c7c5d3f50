/* spor-programme-organisations.c — the partner organisations of a programme, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-entity.h"
#include "spor-programme-organisations.h"

static GPtrArray *
list_links (SporStore  *store,
            gint64      programme_id,
            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PROGRAMME_ORGANISATION);

  spor_query_where_int (query, "programme_id", programme_id);
  spor_query_order_by (query, "position", FALSE);
  return spor_store_list (store, query, error);
}

GPtrArray *
spor_programme_organisations_list (SporStore  *store,
                                   gint64      programme_id,
                                   GError    **error)
{
  g_autoptr(GPtrArray) links = list_links (store, programme_id, error);
  g_autoptr(GPtrArray) organisations = NULL;

  if (links == NULL)
    return NULL;
  organisations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "organisation_id");
      SporEntity *organisation = spor_store_get (store, SPOR_TYPE_ORGANISATION, id, error);

      if (organisation == NULL)
        return NULL;
      g_ptr_array_add (organisations, organisation);
    }
  return g_steal_pointer (&organisations);
}

static SporEntity *
find_link (GPtrArray *links,
           gint64     organisation_id)
{
  for (guint i = 0; i < links->len; i++)
    if (spor_entity_get_int (links->pdata[i], "organisation_id") == organisation_id)
      return links->pdata[i];
  return NULL;
}

/* Writes each position: the link of ids[i] gets position i */
static gboolean
place_links (SporStore     *store,
             gint64         programme_id,
             GPtrArray     *links,
             const gint64  *ids,
             guint          n_ids,
             GError       **error)
{
  for (guint i = 0; i < n_ids; i++)
    {
      SporEntity *link = find_link (links, ids[i]);
      g_autoptr(SporEntity) added = NULL;

      if (link != NULL && spor_entity_get_int (link, "position") == i)
        continue;
      if (link != NULL)
        {
          spor_entity_set_int (link, "position", i);
          if (!spor_store_update (store, link, error))
            return FALSE;
          continue;
        }
      added = spor_entity_new (SPOR_TYPE_PROGRAMME_ORGANISATION);
      spor_entity_set_int (added, "programme_id", programme_id);
      spor_entity_set_int (added, "organisation_id", ids[i]);
      spor_entity_set_int (added, "position", i);
      if (!spor_store_insert (store, added, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
spor_programme_organisations_set (SporStore     *store,
                                  gint64         programme_id,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  GError       **error)
{
  g_autoptr(GPtrArray) links = NULL;

  for (guint i = 0; i < n_ids; i++)
    for (guint j = 0; j < i; j++)
      if (ids[i] == ids[j])
        {
          g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                               _("An organisation is named twice among the programme's "
                                 "organisations."));
          return FALSE;
        }
  if (!spor_store_begin (store, error))
    return FALSE;
  if ((links = list_links (store, programme_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "organisation_id");
      gboolean kept = FALSE;

      for (guint j = 0; j < n_ids && !kept; j++)
        kept = ids[j] == id;
      if (!kept && !spor_store_delete (store, links->pdata[i], error))
        goto fail;
    }
  if (!place_links (store, programme_id, links, ids, n_ids, error) ||
      !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

char *
spor_programme_organisations_dup_text (SporStore   *store,
                                       SporEntity  *programme,
                                       GError     **error)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  organisations = spor_programme_organisations_list (store, spor_entity_get_id (programme), error);
  if (organisations == NULL)
    return NULL;
  for (guint i = 0; i < organisations->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            spor_entity_get_text (organisations->pdata[i], "name"));
  if (text->len == 0)
    g_string_append (text, spor_entity_get_text (programme, "organisations") ?: "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}
