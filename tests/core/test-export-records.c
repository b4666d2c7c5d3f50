/* test-export-records.c — which records and fields an exchange file carries: no free
 * text in an anonymised file but the documented public fields, nothing of a participant
 * without consent to share in a full one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "core-test-util.h"
#include "spor-exchange.h"
#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-util.h"

static char *
contents_of (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_file (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* --- anonymised files keep no free text --------------------------------------------- */

/* The TEXT fields an anonymised file keeps, as docs/exchange-format.md lists them: names of
 * the programme, its parts and its places, and codes. */
static const char * const public_fields[] = {
  "programme.name", "programme.organisations", "programme.template", "programme.colour",
  "programme_goal.label", "phase.name", "cohort.name", "location.name",
  "location.organisation", NULL
};

/* A value for field @f of @info that is found nowhere else in an exchange file and that the
 * database's own checks accept (a CPR number is ten digits, a colour #rrggbb). */
static char *
marker (const SporEntityInfo *info,
        const SporField      *field,
        guint                 serial)
{
  if (g_str_equal (field->name, "cpr"))
    return g_strdup_printf ("010100%04u", 4000 + serial);
  if (g_str_equal (field->name, "colour"))
    return g_strdup_printf ("#%06x", 0xa00000 + serial);
  if (g_str_equal (field->name, "phone"))
    return g_strdup_printf ("+45 %08u", 70000000 + serial);
  if (g_str_equal (field->name, "email"))
    return g_strdup_printf ("zq%u.%s.%s@example.org", serial, info->name, field->name);
  return g_strdup_printf ("ZQ:%s.%s:QZ", info->name, field->name);
}

static void
bind_field (sqlite3_stmt         *stmt,
            int                   column,
            const SporEntityInfo *info,
            const SporField      *field,
            GHashTable           *ids,
            const char           *text)
{
  if (field->type == SPOR_FIELD_TEXT)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else if (field->type == SPOR_FIELD_BOOL)
    sqlite3_bind_int (stmt, column, 1); /* consent to share among them */
  else if (g_str_equal (field->name, "consent_withdrawn_date"))
    /* a withdrawn consent would keep the participant out of a full file */
    sqlite3_bind_null (stmt, column);
  else
    test_bind_plain (stmt, column, field, ids);
}

/* One record of every entity, every field set, every TEXT field to its marker (@markers:
 * "entity.field" → marker). Written with SQL of the test's own, so that no checker of the
 * store stands between the markers and the database. */
static void
fill_every_field (SporStore  *store,
                  GHashTable *markers)
{
  sqlite3 *db = spor_store_get_db (store);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const SporEntityInfo * const *infos;
  guint n_infos, serial = 0;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      const SporEntityInfo *info = infos[i];
      g_autoptr(GString) sql = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;
      char uuid[37];

      g_string_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at", info->table);
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append_printf (sql, ", %s", info->fields[f].name);
      g_string_append (sql, ") VALUES (?, '2026-01-05T10:00:00.000000Z', "
                            "'2026-01-05T10:00:00.000000Z'");
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      spor_uuid_fill (uuid);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      for (guint f = 0; f < info->n_fields; f++)
        {
          const SporField *field = &info->fields[f];
          g_autofree char *text = marker (info, field, serial++);

          if (field->type == SPOR_FIELD_TEXT)
            g_hash_table_insert (markers, g_strdup_printf ("%s.%s", info->name, field->name),
                                 g_strdup (text));
          bind_field (stmt, (int) f + 2, info, field, ids, text);
        }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s: %s", info->table, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      g_hash_table_insert (ids, (gpointer) info->name,
                           GSIZE_TO_POINTER ((gsize) sqlite3_last_insert_rowid (db)));
    }
}

static char *
export_text (SporStore  *store,
             const char *dir,
             gboolean    anonymize)
{
  g_autofree char *path = g_build_filename (dir, anonymize ? "anon.json" : "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SporExportOptions options = { NULL, NULL, anonymize };
  g_autoptr(GError) error = NULL;

  assert_ok (spor_exchange_export (store, file, &options, NULL, NULL, NULL, &error));
  return contents_of (path);
}

/* Every TEXT field of every entity, walked from the entity descriptions (so a field added
 * later is covered): an anonymised file keeps only the documented public ones; a full file
 * keeps them all. */
static void
test_anonymised_free_text (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GHashTable) markers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *full = NULL;
  g_autofree char *anon = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_public = 0, n_left_out = 0;

  fill_every_field (store, markers);
  full = export_text (store, dir, FALSE);
  anon = export_text (store, dir, TRUE);
  g_assert_nonnull (strstr (anon, "\"anonymized\": true"));

  g_hash_table_iter_init (&iter, markers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean public = g_strv_contains (public_fields, key);

      if (strstr (full, value) == NULL)
        g_error ("%s is missing from the full file", (char *) key);
      if (public && strstr (anon, value) == NULL)
        g_error ("%s, a public field, is missing from the anonymised file", (char *) key);
      if (!public && strstr (anon, value) != NULL)
        g_error ("%s is in the anonymised file", (char *) key);
      public ? n_public++ : n_left_out++;
    }
  g_assert_cmpuint (n_public, ==, g_strv_length ((char **) public_fields));
  g_assert_cmpuint (n_left_out, >, 40);

  /* The descriptions say the same: public fields are TEXT, not personal, and documented. */
  {
    const SporEntityInfo * const *infos;
    guint n_infos, n_flagged = 0;

    infos = spor_entity_infos (&n_infos);
    for (guint i = 0; i < n_infos; i++)
      for (guint f = 0; f < infos[i]->n_fields; f++)
        {
          const SporField *field = &infos[i]->fields[f];
          g_autofree char *name = g_strdup_printf ("%s.%s", infos[i]->name, field->name);

          if ((field->flags & SPOR_FIELD_PUBLIC) == 0)
            continue;
          n_flagged++;
          g_assert_cmpint (field->type, ==, SPOR_FIELD_TEXT);
          g_assert_cmpint (field->flags & (SPOR_FIELD_PERSONAL | SPOR_FIELD_SENSITIVE), ==, 0);
          g_assert_true (g_strv_contains (public_fields, name));
        }
    g_assert_cmpuint (n_flagged, ==, g_strv_length ((char **) public_fields));
  }
}

/* --- a full file holds nothing of a participant without consent to share -------------- */

/* Whether a participant row may be shared: the rule, written out once more on its own */
#define SHARED "(consent_sharing = 1 AND consent_withdrawn_date IS NULL)"
#define P_SHARED "(p.consent_sharing = 1 AND p.consent_withdrawn_date IS NULL)"

/* "table:id" of every record that belongs to a participant who may not be shared: the
 * participant, records referring to one, records referring to those, found row by row. */
static GHashTable *
held_records (SporStore *store)
{
  sqlite3 *db = spor_store_get_db (store);
  GHashTable *held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      const SporEntityInfo *info = infos[i];
      g_autoptr(GString) sql = g_string_new ("SELECT id");
      sqlite3_stmt *stmt = NULL;
      gboolean participant = g_str_equal (info->name, "participant");

      g_string_append (sql, participant ? ", NOT " SHARED : ", 0");
      for (guint f = 0; f < info->n_fields; f++)
        g_string_append_printf (sql, ", %s", info->fields[f].name);
      g_string_append_printf (sql, " FROM %s", info->table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gboolean is_held = sqlite3_column_int (stmt, 1) != 0;

          for (guint f = 0; f < info->n_fields && !is_held; f++)
            if (info->fields[f].type == SPOR_FIELD_REF &&
                sqlite3_column_type (stmt, 2 + (int) f) != SQLITE_NULL)
              {
                const SporEntityInfo *ref = spor_entity_info_lookup (info->fields[f].ref);
                g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, ref->table,
                                                        (gint64) sqlite3_column_int64 (stmt, 2 + (int) f));

                is_held = g_hash_table_contains (held, key);
              }
          if (is_held)
            g_hash_table_add (held, g_strdup_printf ("%s:%" G_GINT64_FORMAT, info->table,
                                                     (gint64) sqlite3_column_int64 (stmt, 0)));
        }
      sqlite3_finalize (stmt);
    }
  return held;
}

/* The UUIDs of the records of every table, "table:id" → uuid */
static GHashTable *
all_uuids (SporStore *store)
{
  sqlite3 *db = spor_store_get_db (store);
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const SporEntityInfo * const *infos;
  guint n_infos;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, uuid FROM %s", infos[i]->table);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (uuids,
                             g_strdup_printf ("%s:%" G_GINT64_FORMAT, infos[i]->table,
                                              (gint64) sqlite3_column_int64 (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
    }
  return uuids;
}

/* The UUIDs of the records in an exchange file */
static GHashTable *
file_uuids (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SporEntityInfo * const *infos;
  JsonObject *root;
  guint n_infos;

  assert_ok (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      JsonArray *records = json_object_get_array_member (root, infos[i]->table);

      for (guint r = 0; r < json_array_get_length (records); r++)
        g_hash_table_add (uuids, g_strdup (json_object_get_string_member (
                                   json_array_get_object_element (records, r), "uuid")));
    }
  return uuids;
}

static guint64
export_counted (SporStore               *store,
                const char              *path,
                const SporExportOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SporExportSummary summary = { 99999 };
  guint64 counted = 88888;

  assert_ok (spor_exchange_export_full (store, file, options, &summary, NULL, NULL, NULL,
                                        &error));
  /* what the dialog says before is what the export then does */
  assert_ok (spor_exchange_count_held_back (store, options, &counted, &error));
  g_assert_cmpuint (counted, ==, summary.n_held_back);
  return summary.n_held_back;
}

/* The file holds exactly the records that do not belong to a participant held back. */
static void
assert_holds_shared (SporStore  *store,
                     const char *path)
{
  g_autoptr(GHashTable) held = held_records (store);
  g_autoptr(GHashTable) uuids = all_uuids (store);
  g_autoptr(GHashTable) in_file = file_uuids (path);
  g_autofree char *text = contents_of (path);
  GHashTableIter iter;
  gpointer key, value;
  guint n_held = 0, n_shared = 0;

  g_hash_table_iter_init (&iter, uuids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (held, key))
        {
          if (strstr (text, value) != NULL)
            g_error ("%s belongs to a participant held back, but is in the file", (char *) key);
          n_held++;
        }
      else
        {
          if (!g_hash_table_contains (in_file, value))
            g_error ("%s is missing from the file", (char *) key);
          n_shared++;
        }
    }
  g_assert_cmpuint (n_held, >, 100);
  g_assert_cmpuint (n_shared, >, 100);
  g_assert_cmpuint (g_hash_table_size (in_file), ==, n_shared);
}

static void
test_consent_full (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = test_open_new_store ();
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "full.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) people = NULL;
  gint64 n_without;
  guint n_names = 0;

  assert_ok (spor_sample_create (store, 60, 1, NULL, NULL, &error));
  /* the sample draws its statuses against today, so its share of consent is counted, not known */
  n_without = test_query_int (store, "SELECT count(*) FROM participants WHERE NOT " SHARED, 0);
  g_assert_cmpint (n_without, >, 10);
  /* one who had agreed has withdrawn the consent since */
  {
    g_autofree char *uuid = test_query_text (store, "SELECT uuid FROM participants WHERE "
                                                    "consent_sharing = 1 LIMIT 1");
    g_autoptr(SporEntity) p = spor_store_get_by_uuid (store, SPOR_TYPE_PARTICIPANT, uuid, &error);

    spor_entity_set_text (p, "consent_withdrawn_date", "2026-10-01");
    assert_ok (spor_store_update (store, p, &error));
  }
  g_assert_cmpint (test_query_int (store, "SELECT count(*) FROM participants WHERE NOT " SHARED, 0), ==,
                   n_without + 1);
  n_without++;

  g_assert_cmpuint (export_counted (store, path, NULL), ==, (guint64) n_without);
  assert_holds_shared (store, path);
  text = contents_of (path);
  people = spor_store_list (store, q, &error);
  for (guint i = 0; i < people->len; i++)
    {
      SporEntity *p = g_ptr_array_index (people, i);
      gboolean shared = spor_entity_get_bool (p, "consent_sharing") &&
                        !spor_entity_is_set (p, "consent_withdrawn_date");

      g_assert_true ((strstr (text, spor_entity_get_text (p, "name")) != NULL) == shared);
      n_names++;
    }
  g_assert_cmpuint (n_names, ==, 60);

  /* the other site imports the file: every reference in it resolves */
  file = g_file_new_for_path (path);
  report = spor_exchange_import (other, file, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (test_count_rows (other, "participants"), ==, 60 - n_without);
  g_assert_cmpint (test_query_int (other, "SELECT count(*) FROM participants WHERE NOT " SHARED, 0), ==, 0);
}

/* A programme or cohort: what is held back is counted within it; an anonymised file holds
 * everyone, by pseudonym. */
static void
test_consent_scoped (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.json", NULL);
  g_autofree char *cohort = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  SporExportOptions options = { NULL, NULL, FALSE };
  gint64 n_without;

  assert_ok (spor_sample_create (store, 60, 1, NULL, NULL, &error));
  cohort = test_query_text (store, "SELECT c.uuid FROM cohorts c JOIN participants p ON "
                                   "p.cohort_id = c.id WHERE NOT " P_SHARED
                                   " GROUP BY c.id ORDER BY count(*) DESC LIMIT 1");
  sql = g_strdup_printf ("SELECT count(*) FROM participants p JOIN cohorts c ON "
                         "c.id = p.cohort_id WHERE c.uuid = '%s' AND NOT " P_SHARED, cohort);
  n_without = test_query_int (store, sql, 0);
  g_assert_cmpint (n_without, >, 0);
  g_assert_cmpint (n_without, <, 35);
  options.cohort_uuid = cohort;
  g_assert_cmpuint (export_counted (store, path, &options), ==, (guint64) n_without);
  {
    g_autoptr(GHashTable) held = held_records (store);
    g_autoptr(GHashTable) uuids = all_uuids (store);
    g_autofree char *text = contents_of (path);
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, uuids);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (g_hash_table_contains (held, key) && strstr (text, value) != NULL)
        g_error ("%s belongs to a participant held back, but is in the file", (char *) key);
  }

  /* anonymised: nobody is held back, everyone is there under a pseudonym */
  options.cohort_uuid = NULL;
  options.anonymize = TRUE;
  g_assert_cmpuint (export_counted (store, path, &options), ==, 0);
  {
    g_autoptr(GHashTable) in_file = file_uuids (path);
    const SporEntityInfo * const *infos;
    guint n_infos;
    gint64 n_records = 0;

    infos = spor_entity_infos (&n_infos);
    for (guint i = 0; i < n_infos; i++)
      n_records += test_count_rows (store, infos[i]->table);
    g_assert_cmpuint (g_hash_table_size (in_file), ==, n_records);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/anonymised-free-text", test_anonymised_free_text);
  g_test_add_func ("/export/consent-full", test_consent_full);
  g_test_add_func ("/export/consent-scoped", test_consent_scoped);

  return g_test_run ();
}
