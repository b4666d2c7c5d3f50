/* spor-staff-roles.c — the roles of a staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-entity.h"
#include "spor-staff-roles.h"

static GPtrArray *
list_links (SporStore  *store,
            gint64      staff_id,
            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_STAFF_ROLE);

  spor_query_where_int (query, "staff_id", staff_id);
  return spor_store_list (store, query, error);
}

char **
spor_staff_roles_get (SporStore  *store,
                      gint64      staff_id,
                      GError    **error)
{
  g_autoptr(GPtrArray) links = list_links (store, staff_id, error);
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  guint n = spor_value_list_get_n_values (&spor_values_role);

  if (links == NULL)
    return NULL;
  for (guint v = 0; v < n; v++)
    for (guint i = 0; i < links->len; i++)
      if (g_strcmp0 (spor_entity_get_text (links->pdata[i], "role"),
                     spor_value_list_get_value (&spor_values_role, v)) == 0)
        g_strv_builder_add (roles, spor_value_list_get_value (&spor_values_role, v));
  return g_strv_builder_end (roles);
}

gboolean
spor_staff_roles_set (SporStore          *store,
                      gint64              staff_id,
                      const char * const *roles,
                      GError            **error)
{
  g_autoptr(GPtrArray) links = NULL;

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    if (!spor_value_list_contains (&spor_values_role, roles[i]))
      {
        g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                     _("“%s” is not a role of a staff member."), roles[i]);
        return FALSE;
      }
  if (!spor_store_begin (store, error))
    return FALSE;
  if ((links = list_links (store, staff_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < links->len; i++)
    if (roles == NULL || !g_strv_contains (roles, spor_entity_get_text (links->pdata[i], "role")))
      if (!spor_store_delete (store, links->pdata[i], error))
        goto fail;
  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      g_autoptr(SporEntity) link = NULL;
      gboolean present = FALSE;

      for (guint j = 0; j < links->len && !present; j++)
        present = g_strcmp0 (spor_entity_get_text (links->pdata[j], "role"), roles[i]) == 0;
      for (guint j = 0; j < i && !present; j++)
        present = g_str_equal (roles[j], roles[i]);
      if (present)
        continue;
      link = spor_entity_new (SPOR_TYPE_STAFF_ROLE);
      spor_entity_set_int (link, "staff_id", staff_id);
      spor_entity_set_text (link, "role", roles[i]);
      if (!spor_store_insert (store, link, error))
        goto fail;
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}
