/* spor-exchange-consent.c — the participants a full exchange file holds back
 *
 * A full export carries nothing of a participant who has not consented to sharing with
 * other sites (consent_sharing not set, or consent_withdrawn_date set): not the
 * participant, and no record that refers to them, directly or through another record (a
 * match refers to a need, which refers to the participant). Why they are left out rather
 * than pseudonymised is in docs/exchange-format.md.
 *
 * Which entities can belong to a participant follows from the entity descriptions. Those
 * that other records refer to (participants, needs) are marked in temp.exchange_held
 * inside the export's transaction; the others (attendance, with millions of rows) are
 * tested through their references as they are read. The SQL is assembled only from the
 * descriptions' table and column names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-exchange-private.h"
#include "spor-store-private.h"

static gboolean
is_participant (const SporEntityInfo *info)
{
  return g_str_equal (info->name, "participant");
}

/* Whether a record of @info can belong to a participant */
static gboolean
holdable (const SporEntityInfo *info)
{
  if (is_participant (info))
    return TRUE;
  for (guint f = 0; f < info->n_fields; f++)
    if (info->fields[f].type == SPOR_FIELD_REF &&
        holdable (spor_entity_info_lookup (info->fields[f].ref)))
      return TRUE;
  return FALSE;
}

/* Whether records of another entity refer to records of @info */
static gboolean
referred_to (const SporEntityInfo *info)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    for (guint f = 0; f < infos[i]->n_fields; f++)
      if (infos[i]->fields[f].type == SPOR_FIELD_REF &&
          g_str_equal (infos[i]->fields[f].ref, info->name))
        return TRUE;
  return FALSE;
}

/* Whether held-back records of @info are listed in temp.exchange_held */
static gboolean
marked (const SporEntityInfo *info)
{
  return holdable (info) && referred_to (info);
}

/* The condition "record t of @info is held back", from its own consent and references,
 * without looking at its own mark. */
static void
append_own_condition (GString              *sql,
                      const SporEntityInfo *info)
{
  gboolean any = FALSE;

  g_string_append_c (sql, '(');
  if (is_participant (info))
    {
      g_string_append (sql, "t.consent_sharing IS NOT 1 OR t.consent_withdrawn_date IS NOT NULL");
      any = TRUE;
    }
  for (guint f = 0; f < info->n_fields; f++)
    {
      const SporField *field = &info->fields[f];
      const SporEntityInfo *ref;

      if (field->type != SPOR_FIELD_REF)
        continue;
      ref = spor_entity_info_lookup (field->ref);
      if (!holdable (ref))
        continue;
      /* table and column names from the compile-time entity descriptions only */
      g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM temp.exchange_held h "
                                   "WHERE h.tbl = '%s' AND h.id = t.%s)",
                              any ? " OR " : "", ref->table, field->name);
      any = TRUE;
    }
  g_string_append (sql, any ? ")" : "0)");
}

void
spor_exchange_append_held (GString              *sql,
                           const SporEntityInfo *info)
{
  if (!holdable (info))
    g_string_append (sql, "0");
  else if (marked (info))
    /* the table name from the compile-time entity descriptions only */
    g_string_append_printf (sql, "EXISTS (SELECT 1 FROM temp.exchange_held h "
                                 "WHERE h.tbl = '%s' AND h.id = t.id)", info->table);
  else
    append_own_condition (sql, info);
}

gboolean
spor_exchange_mark_held (SporStore  *store,
                         GError    **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  if (!spor_store_exec (store, "CREATE TEMP TABLE IF NOT EXISTS exchange_held "
                               "(tbl TEXT NOT NULL, id INTEGER NOT NULL, "
                               "PRIMARY KEY (tbl, id)) WITHOUT ROWID", error) ||
      !spor_store_exec (store, "DELETE FROM temp.exchange_held", error))
    return FALSE;

  /* In dependency order: a record's references are marked before it. */
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autoptr(GString) sql = NULL;

      if (!marked (infos[i]))
        continue;
      sql = g_string_new (NULL);
      g_string_printf (sql, "INSERT INTO temp.exchange_held (tbl, id) SELECT '%s', t.id "
                            "FROM %s t WHERE ", infos[i]->table, infos[i]->table);
      append_own_condition (sql, infos[i]);
      if (!spor_store_exec (store, sql->str, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
spor_exchange_count_held (SporStore  *store,
                          gboolean    scoped,
                          guint64    *n_held,
                          GError    **error)
{
  const char *sql = scoped
    ? "SELECT count(*) FROM temp.exchange_scope s JOIN temp.exchange_held h "
      "ON h.tbl = s.tbl AND h.id = s.id WHERE s.tbl = 'participants'"
    : "SELECT count(*) FROM temp.exchange_held WHERE tbl = 'participants'";
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_held = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      spor_store_set_error (store, error, rc, "participants");
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_exchange_drop_held (SporStore  *store,
                         GError    **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autoptr(GString) sql = NULL;

      if (!holdable (infos[i]))
        continue;
      sql = g_string_new (NULL);
      g_string_printf (sql, "DELETE FROM temp.exchange_scope WHERE tbl = '%s' AND id IN "
                            "(SELECT t.id FROM %s t WHERE ", infos[i]->table, infos[i]->table);
      spor_exchange_append_held (sql, infos[i]);
      g_string_append_c (sql, ')');
      if (!spor_store_exec (store, sql->str, error))
        return FALSE;
    }
  return TRUE;
}
