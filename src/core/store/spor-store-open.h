/* spor-store-open.h — opening and checking database files, for the store itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store-private.h"

G_BEGIN_DECLS

/* What opening a file found, for the store object to keep */
typedef struct
{
  int       schema_version;
  gboolean  checked;      /* PRAGMA quick_check ran */
  char     *site_uuid;    /* the caller's to free */
} SporStoreOpening;

/* spor-store-open.c */

/* Checks @path, opens it (making a new database when there is none), refuses what is not
 * an unchanged Spor database, migrates it. *@db is set as soon as the connection exists,
 * so that @store's statements and transactions work during the migration; on failure the
 * caller closes it. */
gboolean    spor_store_open_file          (SporStore         *store,
                                           const char        *path,
                                           sqlite3          **db,
                                           SporStoreOpening  *opening,
                                           GError           **error);
/* Closes a connection; @opened: spor_store_open_file() succeeded on it. */
void        spor_store_close_file         (sqlite3           *db,
                                           const char        *path,
                                           gboolean           opened);
/* The settings and SQL functions of every connection, @store's included. */
gboolean    spor_store_configure          (SporStore         *store,
                                           GError           **error);

/* For tests of migrations: writes a new database file @path of schema @version (older
 * than SPOR_STORE_SCHEMA_VERSION), as Spor of that version made it. */
gboolean    spor_store_make_old_file      (const char        *path,
                                           int                version,
                                           GError           **error);

/* spor-store-verified.c. Whether @path is as Spor last closed it cleanly (then it needs no
 * PRAGMA quick_check); remembering that when closing it, forgetting it when a check fails.
 * And the files this process holds open: a second connection to one needs no check. */
gboolean    spor_store_fingerprint_trusted  (const char        *path);
void        spor_store_remember_fingerprint (const char        *path);
void        spor_store_forget_fingerprint   (const char        *path);
gboolean    spor_store_file_held_open       (const char        *path);
void        spor_store_hold_file            (const char        *path);
void        spor_store_release_file         (const char        *path);

/* The schema Spor's migrations make for each version 1 … SPOR_STORE_SCHEMA_VERSION, made
 * in memory, as spor_schema_write() writes it: compiled into Spor at build time (see
 * spor-schema-reference.c) so that opening a file need not make it first. */
gboolean    spor_store_write_reference      (GString           *out,
                                             GError           **error);

/* spor-store.c: the SQL functions the schema's triggers call for the store (SQLite's code) */
int         spor_store_register_functions (SporStore         *store);
/* spor-store.c: a store on a private in-memory database, configured */
SporStore  *spor_store_new_memory         (GError           **error);

/* spor-store-schema.c: a schema as a table of its objects by name; comparing two */
GHashTable *spor_schema_read              (SporStore         *store,
                                           GError           **error);
gboolean    spor_schema_compare           (GHashTable        *file,
                                           GHashTable        *reference,
                                           GError           **error);
void        spor_schema_set_foreign_error (GError           **error);
/* A schema as lines of text, and back (NULL: nothing of @version, or not such text) */
void        spor_schema_write             (GHashTable        *schema,
                                           int                version,
                                           GString           *out);
GHashTable *spor_schema_parse             (const char        *text,
                                           int                version);
/* SQL text with comments left out and whitespace only where it separates two words */
char       *spor_schema_normalise         (const char        *sql);

G_END_DECLS
