/* spor-exchange-seen.c — the UUIDs an import has met so far
 *
 * A UUID may stand only once in an exchange file. Millions of them pass through a large
 * import, so they are not kept in memory: into a database that held records, each goes to a
 * scratch table of an attached temporary database (SQLite removes its file as soon as it
 * has opened it, so a killed import leaves nothing behind). Into an empty database, a Bloom
 * filter (10 bits per record, 7 probes in one 64-byte block, so one memory access: about
 * 1.5 % false alarms) finds a UUID maybe seen before, and only then a look into the tables
 * written so far decides; records not written (they belong to something deleted) still go
 * to the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "spor-exchange-private.h"
#include "spor-store-private.h"

#define BLOOM_PROBES 7
#define BLOOM_BLOCK_WORDS 8

struct _SporImportSeen
{
  SporStore *store;
  gboolean   attached;
  guint64   *bloom;
  guint64    bloom_mask;
  char      *written_sql;
};

static void
bloom_init (SporImportSeen *seen,
            goffset         size)
{
  /* an exchange file spends well over 100 bytes on a record */
  guint64 bits = MAX ((guint64) size / 100 * 10, (guint64) 1 << 20);
  guint64 blocks = 1;

  while (blocks * BLOOM_BLOCK_WORDS * 64 < bits && blocks < ((guint64) 32 << 20) / 64)
    blocks <<= 1;
  seen->bloom = g_new0 (guint64, blocks * BLOOM_BLOCK_WORDS);
  seen->bloom_mask = blocks - 1;
}

/* Sets the UUID's bits; TRUE if they were all set already (maybe seen before) */
static gboolean
bloom_add (SporImportSeen *seen,
           const char     *uuid)
{
  guint64 h1 = 14695981039346656037u, h2;
  guint64 *block;
  gboolean all = TRUE;

  for (const char *p = uuid; *p != '\0'; p++)
    h1 = (h1 ^ (guchar) *p) * 1099511628211u;
  /* a second, independent-looking hash from the first (SplitMix64's finaliser) */
  h2 = h1 ^ (h1 >> 30);
  h2 *= 0xbf58476d1ce4e5b9u;
  h2 ^= h2 >> 27;
  h2 *= 0x94d049bb133111ebu;
  h2 ^= h2 >> 31;
  block = &seen->bloom[(h1 & seen->bloom_mask) * BLOOM_BLOCK_WORDS];
  for (guint i = 0; i < BLOOM_PROBES; i++)
    {
      guint bit = (guint) (h2 >> (9 * i)) & 511;
      guint64 flag = (guint64) 1 << (bit % 64);

      all = all && (block[bit / 64] & flag) != 0;
      block[bit / 64] |= flag;
    }
  return all;
}

SporImportSeen *
spor_import_seen_new (SporStore *store,
                      gboolean   empty,
                      goffset    size,
                      GError   **error)
{
  g_autoptr(SporImportSeen) seen = g_new0 (SporImportSeen, 1);

  seen->store = store;
  /* A temporary database on disk (not in memory, where the store keeps its own temporary
   * tables): its pages beyond a small cache go to a file that is already unlinked. Its
   * journal stays in memory (SQLite's defensive mode does not allow none). */
  if (!spor_store_exec (store, "PRAGMA temp_store = FILE", error) ||
      !spor_store_exec (store, "ATTACH DATABASE '' AS exchange", error))
    return NULL;
  seen->attached = TRUE;
  if (!spor_store_exec (store, "PRAGMA exchange.journal_mode = MEMORY;"
                               "PRAGMA exchange.synchronous = OFF;"
                               "CREATE TABLE exchange.seen (uuid TEXT PRIMARY KEY) WITHOUT ROWID",
                        error))
    return NULL;
  if (empty)
    bloom_init (seen, size);
  return g_steal_pointer (&seen);
}

void
spor_import_seen_free (SporImportSeen *seen)
{
  if (seen == NULL)
    return;
  if (seen->attached)
    {
      /* The import has ended and has no one to tell; a scratch database left attached
       * would make the next import fail, and the log says why now. */
      spor_store_run_or_log (seen->store, "DETACH DATABASE exchange");
      spor_store_run_or_log (seen->store, "PRAGMA temp_store = MEMORY");
    }
  g_free (seen->bloom);
  g_free (seen->written_sql);
  g_free (seen);
}

/* Whether the import has written the UUID already, as a record, a tombstone or a record
 * left out */
static gboolean
written_before (SporImportSeen *seen,
                const char     *uuid,
                gboolean       *found,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (seen->written_sql == NULL)
    {
      const SporEntityInfo * const *infos;
      guint n_infos;
      GString *text = g_string_new ("SELECT 1 FROM tombstones WHERE uuid = ?1 "
                                    "UNION ALL SELECT 1 FROM exchange.seen WHERE uuid = ?1");

      /* table names from the compile-time entity descriptions only */
      infos = spor_entity_infos (&n_infos);
      for (guint i = 0; i < n_infos; i++)
        g_string_append_printf (text, " UNION ALL SELECT 1 FROM %s WHERE uuid = ?1",
                                infos[i]->table);
      g_string_append (text, " LIMIT 1");
      seen->written_sql = g_string_free (text, FALSE);
    }
  stmt = spor_store_prepare (seen->store, seen->written_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (seen->store, error, rc, _("Checking the file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
remember_uuid (SporImportSeen *seen,
               const char     *uuid,
               const char     *place,
               guint           line,
               GError        **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (seen->store, "INSERT INTO exchange.seen (uuid) "
                                                        "VALUES (?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      spor_exchange_refuse (error, place, line, _("the UUID %s appears twice in the file"), uuid);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (seen->store, error, rc, place);
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_import_seen_check (SporImportSeen *seen,
                        const char     *uuid,
                        gboolean        written,
                        const char     *place,
                        guint           line,
                        GError        **error)
{
  gboolean found = FALSE;

  if (seen->bloom == NULL)
    return remember_uuid (seen, uuid, place, line, error);
  if (bloom_add (seen, uuid))
    {
      if (!written_before (seen, uuid, &found, error))
        return FALSE;
      if (found)
        {
          spor_exchange_refuse (error, place, line, _("the UUID %s appears twice in the file"),
                                uuid);
          return FALSE;
        }
    }
  return written || remember_uuid (seen, uuid, place, line, error);
}
