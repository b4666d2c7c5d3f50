/* core-test-util.h — temporary folders and files for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "spor-entity.h"
#include "spor-exchange.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* Checks that a call that reports through `error` succeeded, showing the error if not. */
#define assert_ok(call) G_STMT_START { \
    gboolean ok_ = (call); \
    g_assert_no_error (error); \
    g_assert_true (ok_); \
  } G_STMT_END

/* A new empty folder that is removed with everything in it at the end of the test. */
char      *test_make_tmp_dir   (void);
/* Removes @path with everything in it (links are removed, not followed). */
void       test_remove_tree    (const char *path);
/* A store on a new file in a new temporary folder. */
SporStore *test_open_new_store (void);
GBytes    *test_read_file      (const char *path);
/* A new record of @type called @name (its "name" field), not saved. */
SporEntity *test_new_named     (GType       type,
                                const char *name);
/* Inserts @record through the store: its id. */
gint64     test_insert         (SporStore  *store,
                                SporEntity *record);
/* Inserts a record of @type called @name (its "name" field) through the store: its id. */
gint64     test_insert_named   (SporStore  *store,
                                GType       type,
                                const char *name);
/* The integer in the first column of the first row of @sql, with @id bound to its
 * parameter when it has one. */
gint64     test_query_int      (SporStore  *store,
                                const char *sql,
                                gint64      id);
gint64     test_count_rows     (SporStore  *store,
                                const char *table);
/* The first column of the first row of a query, as text (NULL for no row or NULL). */
char      *test_query_text     (SporStore  *store,
                                const char *sql);
/* Binds to column @column of @stmt a value for @field that the database's checks accept
 * (@ids: the id of a record of each entity a reference may point to, by entity name). */
void       test_bind_plain     (sqlite3_stmt    *stmt,
                                int              column,
                                const SporField *field,
                                GHashTable      *ids);
/* What the import report says of @entity's records (the test fails when it says nothing). */
const SporImportCount *test_import_count (SporImportReport *report,
                                          const char       *entity);
/* The names in folder @dir, sorted and joined by spaces ("" for none) */
char      *test_list_dir       (const char *dir);

G_END_DECLS
