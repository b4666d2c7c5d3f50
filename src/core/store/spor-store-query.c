/* spor-store-query.c — queries over one kind of record, and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "spor-check.h"
#include "spor-store-internal.h"
#include "spor-util.h"

/* Queries */

typedef enum { FILTER_INT, FILTER_TEXT, FILTER_NULL } FilterKind;

typedef struct
{
  int         field;
  FilterKind  kind;
  gint64      number;
  char       *text;
} Filter;

struct _SporQuery
{
  GType                 type;
  const SporEntityInfo *info;
  GArray               *filters;
  int                   order;     /* field index, -1 = id */
  gboolean              descending;
  guint                 offset;
  guint                 limit;     /* 0 = all */
  char                 *bad_field; /* a name that is not a field */
};

static void
filter_clear (gpointer data)
{
  g_free (((Filter *) data)->text);
}

SporQuery *
spor_query_new (GType entity_type)
{
  SporQuery *query = g_new0 (SporQuery, 1);

  query->type = entity_type;
  query->info = spor_entity_info_for_type (entity_type);
  g_return_val_if_fail (query->info != NULL, query);
  query->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (query->filters, filter_clear);
  query->order = -1;
  return query;
}

void
spor_query_free (SporQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->filters, g_array_unref);
  g_free (query->bad_field);
  g_free (query);
}

static int
query_field (SporQuery  *query,
             const char *field)
{
  int i = spor_entity_info_field_index (query->info, field);

  if (i < 0 && query->bad_field == NULL)
    query->bad_field = g_strdup (field);
  return i;
}

static void
add_filter (SporQuery  *query,
            const char *field,
            FilterKind  kind,
            gint64      number,
            const char *text)
{
  Filter filter = { query_field (query, field), kind, number, g_strdup (text) };

  if (filter.field < 0)
    {
      g_free (filter.text);
      return;
    }
  g_array_append_val (query->filters, filter);
}

void
spor_query_where_int (SporQuery  *query,
                      const char *field,
                      gint64      value)
{
  add_filter (query, field, FILTER_INT, value, NULL);
}

void
spor_query_where_text (SporQuery  *query,
                       const char *field,
                       const char *value)
{
  add_filter (query, field, value ? FILTER_TEXT : FILTER_NULL, 0, value);
}

void
spor_query_where_null (SporQuery  *query,
                       const char *field)
{
  add_filter (query, field, FILTER_NULL, 0, NULL);
}

void
spor_query_order_by (SporQuery  *query,
                     const char *field,
                     gboolean    descending)
{
  query->order = query_field (query, field);
  query->descending = descending;
}

void
spor_query_set_page (SporQuery *query,
                     guint      offset,
                     guint      limit)
{
  query->offset = offset;
  query->limit = limit;
}

/* The SQL of a query: identifiers from the field table, values as parameters. */
static char *
query_sql (SporStore *self,
           SporQuery *query,
           gboolean   count)
{
  const EntitySql *sql = spor_store_entity_sql (self, query->info);
  GString *s = g_string_new (count ? sql->count : sql->select);

  for (guint i = 0; i < query->filters->len; i++)
    {
      const Filter *f = &g_array_index (query->filters, Filter, i);

      g_string_append (s, i == 0 ? " WHERE " : " AND ");
      g_string_append (s, query->info->fields[f->field].name);
      g_string_append (s, f->kind == FILTER_NULL ? " IS NULL" : " = ?");
    }
  if (!count)
    {
      g_string_append (s, " ORDER BY ");
      if (query->order >= 0)
        {
          g_string_append (s, query->info->fields[query->order].name);
          g_string_append (s, query->descending ? " DESC, " : ", ");
        }
      g_string_append (s, query->descending ? "id DESC" : "id");
      if (query->limit > 0)
        g_string_append (s, " LIMIT ? OFFSET ?");
    }
  return g_string_free (s, FALSE);
}

static sqlite3_stmt *
prepare_query (SporStore *self,
               SporQuery *query,
               gboolean   count,
               GError   **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int n = 1;

  if (query->bad_field != NULL)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("%s has no field “%s”"), query->info->name, query->bad_field);
      return NULL;
    }
  sql = query_sql (self, query, count);
  stmt = spor_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < query->filters->len; i++)
    {
      const Filter *f = &g_array_index (query->filters, Filter, i);

      if (f->kind == FILTER_INT)
        sqlite3_bind_int64 (stmt, n++, f->number);
      else if (f->kind == FILTER_TEXT)
        sqlite3_bind_text (stmt, n++, f->text, -1, SQLITE_TRANSIENT);
    }
  if (!count && query->limit > 0)
    {
      sqlite3_bind_int64 (stmt, n++, query->limit);
      sqlite3_bind_int64 (stmt, n++, query->offset);
    }
  return stmt;
}

GPtrArray *
spor_store_list (SporStore *self,
                 SporQuery *query,
                 GError   **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->info != NULL, NULL);

  stmt = prepare_query (self, query, FALSE, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporEntity *entity = spor_entity_new (query->type);

      spor_store_read_row (stmt, entity);
      g_ptr_array_add (result, entity);
    }
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, query->info->name);
      return NULL;
    }
  return g_steal_pointer (&result);
}

GPtrArray *
spor_store_list_by (SporStore  *self,
                    GType       entity_type,
                    const char *field,
                    gint64      id,
                    const char *order,
                    gboolean    descending,
                    GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (entity_type);

  spor_query_where_int (query, field, id);
  spor_query_order_by (query, order, descending);
  return spor_store_list (self, query, error);
}

gint64
spor_store_count (SporStore *self,
                  SporQuery *query,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL && query->info != NULL, -1);

  stmt = prepare_query (self, query, TRUE, error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    spor_store_set_error (self, error, rc, query->info->name);
  spor_store_stmt_done (stmt);
  return n;
}

gint64
spor_store_count_all (SporStore *self,
                      GType      entity_type,
                      GError   **error)
{
  g_autoptr(SporQuery) query = spor_query_new (entity_type);

  return spor_store_count (self, query, error);
}

/* Audit */

void
spor_audit_entry_free (SporAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->entity);
  g_free (entry->uuid);
  g_free (entry->action);
  g_free (entry->fields);
  g_free (entry);
}

GPtrArray *
spor_store_list_audit (SporStore  *self,
                       const char *uuid,
                       GError    **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SPOR_IS_STORE (self), NULL);

  stmt = spor_store_prepare (self, uuid != NULL
                             ? "SELECT id, at, entity, uuid, action, fields FROM audit_log WHERE uuid = ? ORDER BY id"
                             : "SELECT id, at, entity, uuid, action, fields FROM audit_log ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SporAuditEntry *entry = g_new0 (SporAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->fields = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (result, entry);
    }
  spor_store_stmt_done (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (self, error, rc, _("The audit log"));
      return NULL;
    }
  return g_steal_pointer (&result);
}
