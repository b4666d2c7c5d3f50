/* spor-people.c — the site's people and places: what is offered, searched and deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-entity.h"
#include "spor-people.h"
#include "spor-store-private.h"

static gboolean
has_field (const SporEntityInfo *info,
           const char           *name)
{
  return spor_entity_info_find_field (info, name) != NULL;
}

gboolean
spor_people_is_offered (SporEntity *record,
                        const char *today)
{
  const SporEntityInfo *info = spor_entity_get_info (record);
  const char *last;

  if (has_field (info, "active") && !spor_entity_get_bool (record, "active"))
    return FALSE;
  last = has_field (info, "active_to") ? spor_entity_get_text (record, "active_to") : NULL;
  return last == NULL || today == NULL || strcmp (last, today) >= 0;
}

/* The records of @type with the ids @stmt gives, in that order */
static GPtrArray *
load_ids (SporStore     *store,
          GType          type,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GArray) ids = spor_store_collect_ids (store, stmt, _("Reading the list"), error);
  g_autoptr(GPtrArray) records = NULL;

  if (ids == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      SporEntity *record = spor_store_get (store, type, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

GPtrArray *
spor_people_search (SporStore   *store,
                    GType        type,
                    const char  *text,
                    const char  *role,
                    GError     **error)
{
  const SporEntityInfo *info = spor_entity_info_for_type (type);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (info != NULL && has_field (info, "name"), NULL);

  /* the table name comes from the compile-time entity tables; the text and role are bound */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE (?1 IS NULL OR instr (spor_fold (name), "
                         "spor_fold (?1)) > 0) %s ORDER BY %s name COLLATE NOCASE, id",
                         info->table,
                         type == SPOR_TYPE_STAFF
                           ? "AND (?2 IS NULL OR id IN (SELECT staff_id FROM staff_roles "
                             "WHERE role = ?2))" : "",
                         has_field (info, "active") ? "active DESC," : "");
  if ((stmt = spor_store_prepare (store, sql, error)) == NULL)
    return NULL;
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (role != NULL && type == SPOR_TYPE_STAFF)
    sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  return load_ids (store, type, stmt, error);
}

GPtrArray *
spor_people_list_offered (SporStore   *store,
                          GType        type,
                          const char  *role,
                          gint64       keep_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) all = spor_people_search (store, type, NULL, role, error);
  g_autofree char *today = spor_date_today ();
  GPtrArray *offered;
  gboolean kept = keep_id == 0;

  if (all == NULL)
    return NULL;
  offered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      SporEntity *record = all->pdata[i];
      gboolean keep = spor_entity_get_id (record) == keep_id;

      if (keep || spor_people_is_offered (record, today))
        g_ptr_array_add (offered, g_object_ref (record));
      kept = kept || keep;
    }
  if (!kept)
    {
      /* the record an old form names, even when it no longer has the role */
      SporEntity *record = spor_store_get (store, type, keep_id, NULL);

      if (record != NULL)
        g_ptr_array_add (offered, record);
    }
  return offered;
}

/* A record's own parts go with it: they are not references that keep it */
static gboolean
is_own_part (const SporEntityInfo *referring,
             const SporEntityInfo *referred)
{
  return g_str_equal (referred->name, "staff") &&
         (g_str_equal (referring->name, "staff_role") ||
          g_str_equal (referring->name, "competency"));
}

static gboolean
append_references (SporStore            *store,
                   const SporEntityInfo *info,
                   const SporEntityInfo *referred,
                   gint64                id,
                   GString              *out,
                   GError              **error)
{
  for (guint f = 0; f < info->n_fields; f++)
    {
      const SporField *field = &info->fields[f];
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      gint64 count;

      if (field->type != SPOR_FIELD_REF || !g_str_equal (field->ref, referred->name))
        continue;
      /* identifiers from the compile-time entity tables only */
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", info->table, field->name);
      if ((stmt = spor_store_prepare (store, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      count = spor_store_collect_count (store, stmt, _("Looking for references"), error);
      if (count < 0)
        return FALSE;
      if (count == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      /* TRANSLATORS: a kind of record and how many of them, in a list: "participant (2)" */
      g_string_append_printf (out, ngettext ("%s (%d)", "%s (%d)", (gulong) count), _(info->label),
                              (int) MIN (count, G_MAXINT));
    }
  return TRUE;
}

char *
spor_people_describe_references (SporStore   *store,
                                 SporEntity  *record,
                                 GError     **error)
{
  const SporEntityInfo *referred = spor_entity_get_info (record);
  const SporEntityInfo * const *infos;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (!is_own_part (infos[i], referred) &&
        !append_references (store, infos[i], referred, spor_entity_get_id (record), out, error))
      return NULL;
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

gboolean
spor_people_check_deletable (SporStore   *store,
                             SporEntity  *record,
                             GError     **error)
{
  g_autofree char *references = NULL;
  GError *local = NULL;
  const char *name = spor_entity_get_text (record, "name");

  references = spor_people_describe_references (store, record, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (references == NULL)
    return TRUE;
  if (spor_entity_info_find_field (spor_entity_get_info (record), "active") != NULL)
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT,
                 _("“%s” cannot be deleted: other records refer to it: %s. Deactivate it "
                   "instead: it then stays on those records but is no longer offered."),
                 name, references);
  else
    g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT,
                 _("“%s” cannot be deleted: other records refer to it: %s. Choose "
                   "another one there first."), name, references);
  return FALSE;
}

gboolean
spor_people_delete (SporStore   *store,
                    GType        type,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(SporEntity) record = NULL;

  if (!spor_store_begin (store, error))
    return FALSE;
  if ((record = spor_store_get (store, type, id, error)) == NULL ||
      !spor_people_check_deletable (store, record, error) ||
      !spor_store_delete (store, record, error) || !spor_store_commit (store, error))
    {
      spor_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_people_delete_staff (SporStore *store, gint64 id, GError **error)
{
  return spor_people_delete (store, SPOR_TYPE_STAFF, id, error);
}

gboolean
spor_people_delete_contact (SporStore *store, gint64 id, GError **error)
{
  return spor_people_delete (store, SPOR_TYPE_CONTACT, id, error);
}

gboolean
spor_people_delete_location (SporStore *store, gint64 id, GError **error)
{
  return spor_people_delete (store, SPOR_TYPE_LOCATION, id, error);
}

gboolean
spor_people_delete_organisation (SporStore *store, gint64 id, GError **error)
{
  return spor_people_delete (store, SPOR_TYPE_ORGANISATION, id, error);
}
