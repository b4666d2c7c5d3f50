/* spor-store-schema.c — is a database's schema the one Spor made?
 *
 * A database file can be changed by any program that can write it. A trigger added to it
 * (RAISE(IGNORE) on delete, or one that copies deleted rows into a table of its own) would
 * make an erasure report success while the data stays. So before Spor writes to a file it
 * compares every object of the file's schema (tables, indexes, triggers, views) with the
 * schema that Spor's own migrations produce for the file's version, and refuses the file
 * on any difference. Whitespace and comments in the SQL text do not count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-store-open.h"
#include "spor-util.h"

typedef struct
{
  char *type;   /* table, index, trigger, view */
  char *table;  /* the table it belongs to */
  char *sql;    /* normalised; "" for an index SQLite makes itself */
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *object = data;

  g_free (object->type);
  g_free (object->table);
  g_free (object->sql);
  g_free (object);
}

static gboolean
is_tight (char c)
{
  return c == '(' || c == ')' || c == ',' || c == ';';
}

/* Copies a quoted identifier or string literal starting at @p (its closing quote doubled
 * stands for the quote itself) and returns what follows it. */
static const char *
copy_quoted (GString    *out,
             const char *p)
{
  char close = *p == '[' ? ']' : *p;

  g_string_append_c (out, *p++);
  while (*p != '\0')
    {
      g_string_append_c (out, *p);
      if (*p++ == close)
        {
          if (close == ']' || *p != close)
            return p;
          g_string_append_c (out, *p++);
        }
    }
  return p;
}

char *
spor_schema_normalise (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  const char *p = sql != NULL ? sql : "";

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }
      if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          p = end != NULL ? end : p + strlen (p);
          space = TRUE;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          p = end != NULL ? end + 2 : p + strlen (p);
          space = TRUE;
          continue;
        }
      /* one space between two words, none next to brackets, commas and semicolons */
      if (space && out->len > 0 && !is_tight (out->str[out->len - 1]) && !is_tight (*p))
        g_string_append_c (out, ' ');
      space = FALSE;
      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        p = copy_quoted (out, p);
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

GHashTable *
spor_schema_read (SporStore  *store,
                  GError    **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        schema_object_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (spor_store_get_db (store),
                               "SELECT type, name, tbl_name, sql FROM main.sqlite_schema",
                               -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaObject *object = g_new0 (SchemaObject, 1);
      const char *name = column_text (stmt, 1);

      object->type = g_strdup (column_text (stmt, 0));
      object->table = g_strdup (column_text (stmt, 2));
      object->sql = spor_schema_normalise (column_text (stmt, 3));
      /* SQLite itself never makes two objects of one name: a crafted file may. */
      if (g_hash_table_contains (schema, name))
        {
          g_free (object->sql);
          object->sql = g_strdup ("(twice)");
        }
      g_hash_table_insert (schema, g_strdup (name), object);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Reading the database"));
      return NULL;
    }
  return g_steal_pointer (&schema);
}

/* SQLite's own statistics tables, made by ANALYZE and PRAGMA optimize on any database
 * (which of them depends on how SQLite was built). Nothing can be attached to them. */
static gboolean
is_statistics (const char   *name,
               SchemaObject *object)
{
  static const char *const known[][2] = {
    { "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)" },
    { "sqlite_stat3", "CREATE TABLE sqlite_stat3(tbl,idx,neq,nlt,ndlt,sample)" },
    { "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (name, known[i][0]) == 0)
      return strcmp (object->type, "table") == 0 && strcmp (object->sql, known[i][1]) == 0;
  return FALSE;
}

/* Triggers first: they are what can act behind Spor's back. */
static int
type_rank (const char *type)
{
  static const char *const order[] = { "trigger", "view", "table", "index" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (strcmp (type, order[i]) == 0)
      return (int) i;
  return G_N_ELEMENTS (order);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      schema)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;
  SchemaObject *ox = g_hash_table_lookup (schema, x);
  SchemaObject *oy = g_hash_table_lookup (schema, y);
  int rank = type_rank (ox->type) - type_rank (oy->type);

  return rank != 0 ? rank : strcmp (x, y);
}

/* The names of @schema's objects, triggers first, then by name: the first difference
 * found is the one reported, the same on every run. */
static GPtrArray *
sorted_names (GHashTable *schema)
{
  GPtrArray *names = g_ptr_array_sized_new (g_hash_table_size (schema));
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, schema);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort_with_data (names, compare_names, schema);
  return names;
}

/* The reference as text: one line per object, "version TAB type TAB name TAB table TAB
 * SQL", each field escaped (g_strescape) so that no tab or line break is in it. */
void
spor_schema_write (GHashTable *schema,
                   int         version,
                   GString    *out)
{
  g_autoptr(GPtrArray) names = sorted_names (schema);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      SchemaObject *object = g_hash_table_lookup (schema, name);
      const char *fields[] = { object->type, name, object->table, object->sql };

      g_string_append_printf (out, "%d", version);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *escaped = g_strescape (fields[f], NULL);

          g_string_append_printf (out, "\t%s", escaped);
        }
      g_string_append_c (out, '\n');
    }
}

GHashTable *
spor_schema_parse (const char *text,
                   int         version)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        schema_object_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%d\t", version);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      SchemaObject *object;

      if (!g_str_has_prefix (lines[i], prefix))
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 5)
        return NULL;
      object = g_new0 (SchemaObject, 1);
      object->type = g_strcompress (fields[1]);
      object->table = g_strcompress (fields[3]);
      object->sql = g_strcompress (fields[4]);
      g_hash_table_insert (schema, g_strcompress (fields[2]), object);
    }
  return g_hash_table_size (schema) > 0 ? g_steal_pointer (&schema) : NULL;
}

static const char *
type_noun (const char *type)
{
  if (strcmp (type, "table") == 0)
    return _("table");
  if (strcmp (type, "index") == 0)
    return _("index");
  if (strcmp (type, "trigger") == 0)
    return _("trigger");
  if (strcmp (type, "view") == 0)
    return _("view");
  return type;
}

static char *
describe_unknown (const char   *name,
                  SchemaObject *object)
{
  g_autofree char *shown = spor_printable (name);
  g_autofree char *type = spor_printable (object->type);

  if (strcmp (object->type, "trigger") == 0)
    return g_strdup_printf (_("it has a trigger “%s” that Spor did not make"), shown);
  if (strcmp (object->type, "view") == 0)
    return g_strdup_printf (_("it has a view “%s” that Spor did not make"), shown);
  if (strcmp (object->type, "index") == 0)
    return g_strdup_printf (_("it has an index “%s” that Spor did not make"), shown);
  if (strcmp (object->type, "table") == 0)
    return g_strdup_printf (_("it has a table “%s” that Spor did not make"), shown);
  /* Translators: the first %s is a kind of schema object as SQLite names it */
  return g_strdup_printf (_("it has an object of the kind “%s”, “%s”, that Spor did not make"),
                          type, shown);
}

static char *
find_difference (GHashTable *file,
                 GHashTable *reference)
{
  g_autoptr(GPtrArray) names = sorted_names (file);
  g_autoptr(GPtrArray) expected = sorted_names (reference);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      SchemaObject *found = g_hash_table_lookup (file, name);
      SchemaObject *own = g_hash_table_lookup (reference, name);
      g_autofree char *shown = spor_printable (name);

      if (own == NULL && !is_statistics (name, found))
        return describe_unknown (name, found);
      if (own != NULL && (strcmp (found->type, own->type) != 0 ||
                          strcmp (found->table, own->table) != 0 ||
                          strcmp (found->sql, own->sql) != 0))
        /* Translators: the first %s is "table", "index", "trigger" or "view", translated */
        return g_strdup_printf (_("Spor's %s “%s” has been changed"), type_noun (own->type),
                                shown);
    }
  for (guint i = 0; i < expected->len; i++)
    {
      const char *name = g_ptr_array_index (expected, i);
      SchemaObject *own = g_hash_table_lookup (reference, name);

      if (!g_hash_table_contains (file, name))
        /* Translators: the first %s is "table", "index", "trigger" or "view", translated */
        return g_strdup_printf (_("Spor's %s “%s” is missing"), type_noun (own->type),
                                name);
    }
  return NULL;
}

gboolean
spor_schema_compare (GHashTable  *file,
                     GHashTable  *reference,
                     GError     **error)
{
  SchemaObject *site = g_hash_table_lookup (file, "site");
  SchemaObject *own_site = g_hash_table_lookup (reference, "site");
  g_autofree char *difference = NULL;

  /* Every Spor database has the same site table: without it, the file is not Spor's. */
  if (site == NULL || own_site == NULL || strcmp (site->sql, own_site->sql) != 0)
    {
      spor_schema_set_foreign_error (error);
      return FALSE;
    }
  difference = find_difference (file, reference);
  if (difference == NULL)
    return TRUE;
  /* Translators: %s says what differs, e.g. “it has a trigger “keep” that Spor did not make” */
  g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_ALTERED,
               _("The database has been altered outside Spor (%s), so Spor does not open it: "
                 "a change made outside Spor can keep or copy data that Spor deletes. Open a "
                 "backup copy instead, or ask your IT support for help."),
               difference);
  return FALSE;
}

void
spor_schema_set_foreign_error (GError **error)
{
  g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_DATABASE,
                       _("The file is an SQLite database of another program, not a Spor "
                         "database. Spor leaves it as it is."));
}
