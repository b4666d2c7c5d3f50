/* spor-store-migrations.c — the steps that make each version of the schema
 *
 * Version 1 is schema-1.sql; every later version is a step of its own here, never an edit
 * of an older one: a database of every older version must open and migrate. The caller
 * (spor-store-open.c) runs each step in a transaction with its audit entry, after a
 * backup copy of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-entity-private.h"
#include "spor-store-internal.h"
#include "spor-util.h"
#include "spor-uuid.h"

static gboolean
migrate_to_1 (SporStore *store,
              GError   **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uuid = spor_uuid_new ();
  g_autofree char *now = spor_timestamp_now ();
  sqlite3_stmt *stmt;
  int rc;

  schema = g_resources_lookup_data ("/dk/kulturspor/Spor/core/schema-1.sql", 0, error);
  if (schema == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  if (!spor_store_exec (store, sql, error))
    return FALSE;

  stmt = spor_store_prepare (store, "INSERT INTO site (id, uuid, name, secret, created_at, "
                                    "updated_at) VALUES (1, ?, '', randomblob(32), ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Creating the database"));
      return FALSE;
    }
  return TRUE;
}

/* The tables (and entities) that version 3 adds: version 2 gives them no trigger, as they
 * do not exist yet; version 3 makes them with theirs. */
static const char * const v3_tables[][2] = {
  { "meeting_staff", "meeting_staff" },
  { "meeting_participants", "meeting_participant" },
};

/* The trigger that writes the tombstone and audit entry of each deleted row of @table
 * (identifiers from the compile-time tables only) */
static void
append_tombstone_trigger (GString    *sql,
                          const char *table,
                          const char *entity,
                          const char *action)
{
  g_string_append_printf (sql,
    "CREATE TRIGGER %s_tombstone AFTER DELETE ON %s BEGIN\n"
    "  INSERT INTO tombstones (entity, uuid, deleted_at)\n"
    "    VALUES ('%s', old.uuid, spor_deleted ('%s', old.updated_at))\n"
    "    ON CONFLICT (uuid) DO UPDATE SET entity = excluded.entity,\n"
    "                                     deleted_at = excluded.deleted_at;\n"
    "  INSERT INTO audit_log (at, entity, uuid, action)\n"
    "    VALUES (spor_now (), '%s', old.uuid, '%s');\n"
    "END;\n",
    table, table, entity, entity, entity, action);
}

/* The tables (and entities) that version 4 adds, with their triggers: the site's people
 * and places (schema-4.sql) */
static const char * const v4_tables[][2] = {
  { "organisations", "organisation" },
  { "programme_organisations", "programme_organisation" },
  { "contacts", "contact" },
};

static gboolean
added_after_2 (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (v3_tables); i++)
    if (g_str_equal (v3_tables[i][0], table))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (v4_tables); i++)
    if (g_str_equal (v4_tables[i][0], table))
      return TRUE;
  return FALSE;
}

/* Version 2: no record disappears without a tombstone. A trigger on every table of
 * records writes the tombstone and the audit entry of each deleted row, also of the rows a
 * deletion takes with it through ON DELETE CASCADE; spor_deleted() gives the time (and
 * counts, see spor-store.c). A participant is only ever erased. */
static gboolean
migrate_to_2 (SporStore *store,
              GError   **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos;
  g_autoptr(GString) sql = g_string_new (NULL);

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (!added_after_2 (infos[i]->table))
      append_tombstone_trigger (sql, infos[i]->table, infos[i]->name,
                                g_str_equal (infos[i]->name, "participant") ? "erase" : "delete");
  return spor_store_exec (store, sql->str, error);
}

/* Version 3: a meeting has several staff, and a meeting of a cohort's group names the
 * participants who took part; each link leaves a tombstone when deleted, as in version 2. */
static gboolean
migrate_to_3 (SporStore *store,
              GError   **error)
{
  g_autoptr(GString) sql = g_string_new (
    "CREATE TABLE meeting_staff (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
    "  created_at  TEXT NOT NULL,\n"
    "  updated_at  TEXT NOT NULL,\n"
    "  meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,\n"
    "  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,\n"
    "  UNIQUE (meeting_id, staff_id)\n"
    ");\n"
    "CREATE INDEX meeting_staff_staff ON meeting_staff (staff_id);\n"
    "CREATE TABLE meeting_participants (\n"
    "  id              INTEGER PRIMARY KEY,\n"
    "  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
    "  created_at      TEXT NOT NULL,\n"
    "  updated_at      TEXT NOT NULL,\n"
    "  meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,\n"
    "  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,\n"
    "  UNIQUE (meeting_id, participant_id)\n"
    ");\n"
    "CREATE INDEX meeting_participants_participant ON meeting_participants (participant_id);\n");

  for (guint i = 0; i < G_N_ELEMENTS (v3_tables); i++)
    append_tombstone_trigger (sql, v3_tables[i][0], v3_tables[i][1], "delete");
  return spor_store_exec (store, sql->str, error);
}

/* Version 4: organisations, external contacts and the fields that refer to them. */
static gboolean
migrate_to_4 (SporStore *store,
              GError   **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GString) sql = NULL;

  schema = g_resources_lookup_data ("/dk/kulturspor/Spor/core/schema-4.sql", 0, error);
  if (schema == NULL)
    return FALSE;
  sql = g_string_new_len (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  for (guint i = 0; i < G_N_ELEMENTS (v4_tables); i++)
    append_tombstone_trigger (sql, v4_tables[i][0], v4_tables[i][1], "delete");
  return spor_store_exec (store, sql->str, error);
}

typedef gboolean (*Migration) (SporStore *store, GError **error);


/* migrations[n] takes a database from version n to n + 1. The schema check compares a
 * file of version n with what migrations[0] … migrations[n - 1] make in an empty database,
 * so a migration must make the same schema whatever the data. */
static const Migration migrations[SPOR_STORE_SCHEMA_VERSION] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
};

gboolean
spor_store_migrate_step (SporStore  *store,
                         int         version,
                         GError    **error)
{
  g_return_val_if_fail (version >= 0 && version < SPOR_STORE_SCHEMA_VERSION, FALSE);

  return migrations[version] (store, error);
}
