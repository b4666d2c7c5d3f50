/* core-test-util.c — temporary folders and files for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "spor-exchange.h"
#include "spor-store-private.h"

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        GStatBuf st;

        /* a link is removed, not followed */
        if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
          test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tree_and_free (gpointer path)
{
  test_remove_tree (path);
  g_free (path);
}

char *
test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("spor-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_and_free, g_strdup (dir));
  return dir;
}

SporStore *
test_open_new_store (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

SporEntity *
test_new_named (GType       type,
                const char *name)
{
  SporEntity *record = spor_entity_new (type);

  spor_entity_set_text (record, "name", name);
  return record;
}

gint64
test_insert (SporStore  *store,
             SporEntity *record)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_store_insert (store, record, &error));
  return spor_entity_get_id (record);
}

gint64
test_insert_named (SporStore  *store,
                   GType       type,
                   const char *name)
{
  g_autoptr(SporEntity) record = test_new_named (type, name);

  return test_insert (store, record);
}

gint64
test_query_int (SporStore  *store,
                const char *sql,
                gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

gint64
test_count_rows (SporStore  *store,
                 const char *table)
{
  /* Tests only: the table name comes from the test itself. */
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM ", table, NULL);

  return test_query_int (store, sql, 0);
}

char *
test_query_text (SporStore  *store,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

void
test_bind_plain (sqlite3_stmt    *stmt,
                 int              column,
                 const SporField *field,
                 GHashTable      *ids)
{
  switch (field->type)
    {
    case SPOR_FIELD_INT:
      sqlite3_bind_int64 (stmt, column, (field->flags & SPOR_FIELD_RANGE)
                                        ? (gint64) CLAMP (1, field->min, field->max) : 1);
      break;
    case SPOR_FIELD_REAL:
      sqlite3_bind_double (stmt, column, 1.5);
      break;
    case SPOR_FIELD_BOOL:
      sqlite3_bind_int (stmt, column, 0);
      break;
    case SPOR_FIELD_DATE:
      sqlite3_bind_text (stmt, column, "2026-01-05", -1, SQLITE_STATIC);
      break;
    case SPOR_FIELD_TIME:
      sqlite3_bind_text (stmt, column, strstr (field->name, "end") ? "12:00" : "09:00", -1,
                         SQLITE_STATIC);
      break;
    case SPOR_FIELD_ENUM:
      sqlite3_bind_text (stmt, column, spor_value_list_get_value (field->values, 0), -1,
                         SQLITE_STATIC);
      break;
    case SPOR_FIELD_REF:
      sqlite3_bind_int64 (stmt, column, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, field->ref)));
      break;
    case SPOR_FIELD_TEXT:
    default:
      /* only the required texts (names, titles) and those with a format need a value */
      if (field->format == SPOR_FORMAT_COLOUR)
        sqlite3_bind_text (stmt, column, "#336699", -1, SQLITE_STATIC);
      else if (field->format != SPOR_FORMAT_NONE)
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_text (stmt, column, "Testværdi", -1, SQLITE_STATIC);
      break;
    }
}

const SporImportCount *
test_import_count (SporImportReport *report,
                   const char       *entity)
{
  guint n;
  const SporImportCount *counts = spor_import_report_get_counts (report, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (counts[i].entity, entity))
      return &counts[i];
  g_assert_not_reached ();
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
