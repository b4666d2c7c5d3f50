/* test-exchange.c — export, import, merging, anonymisation and refused files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core-test-util.h"
#include "spor-exchange.h"
#include "spor-meetings.h"
#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-util.h"

static char *
export_to (SporStore  *store,
           const char *dir,
           const char *name,
           gboolean    anonymize)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SporExportOptions options = { NULL, NULL, anonymize };

  assert_ok (spor_exchange_export (store, file, &options, NULL, NULL, NULL, &error));
  return path;
}

static SporImportReport *
import_from (SporStore  *store,
             const char *path,
             gboolean    apply)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SporImportReport *report = spor_exchange_import (store, file, apply, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The file without its exported_at line (the third): what must stay the same. */
static char *
records_of (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);

  g_assert_true (g_str_has_prefix (lines[2], "\"exported_at\""));
  g_free (lines[2]);
  lines[2] = g_strdup ("");
  g_free (lines[3]);
  lines[3] = g_strdup (""); /* the site differs between databases */
  return g_strjoinv ("\n", lines);
}

static SporStore *
sample_store (guint n)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = test_open_new_store ();

  assert_ok (spor_sample_create (store, n, 7, NULL, NULL, &error));
  return store;
}

/* The attendance a full file carries: participants without consent to share stay here,
 * with their attendance. */
static gint64
shared_attendance (SporStore *store)
{
  g_autofree char *n = test_query_text (store, "SELECT count(*) FROM attendance t JOIN "
                                               "participants p ON p.id = t.participant_id "
                                               "WHERE p.consent_sharing = 1 AND "
                                               "p.consent_withdrawn_date IS NULL");

  return g_ascii_strtoll (n, NULL, 10);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (12);
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autofree char *first = export_to (a, dir, "a.json", FALSE);
  g_autoptr(SporImportReport) report = import_from (b, first, TRUE);
  g_autofree char *second = export_to (b, dir, "b.json", FALSE);
  g_autofree char *ra = records_of (first);
  g_autofree char *rb = records_of (second);
  SporImportCount totals;

  spor_import_report_get_totals (report, &totals);
  g_assert_cmpuint (totals.n_new, >, 100);
  g_assert_cmpuint (totals.n_updated + totals.n_conflicts + totals.n_deleted, ==, 0);
  g_assert_cmpstr (ra, ==, rb);
  g_assert_cmpint (test_count_rows (b, "attendance"), ==, shared_attendance (a));
}

static void
test_idempotent (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (6);
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autofree char *path = export_to (a, dir, "a.json", FALSE);
  g_autoptr(SporImportReport) first = import_from (b, path, TRUE);
  g_autoptr(SporImportReport) second = NULL;
  gint64 audit = test_count_rows (b, "audit_log");
  SporImportCount totals;

  second = import_from (b, path, TRUE);
  spor_import_report_get_totals (second, &totals);
  g_assert_cmpuint (totals.n_new + totals.n_updated + totals.n_conflicts + totals.n_deleted, ==, 0);
  g_assert_cmpuint (totals.n_unchanged, >, 0);
  /* only the one line that says an import ran */
  g_assert_cmpint (test_count_rows (b, "audit_log"), ==, audit + 1);
}

/* Into an empty database every record is new: one audit entry per kind of record, all at the
 * time of the import; into one with records, an entry for each record the import changes. */
static void
test_audit (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (6);
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autofree char *first = export_to (a, dir, "1.json", FALSE);
  g_autofree char *second = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *times = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *programme = NULL;
  g_autoptr(SporImportReport) r1 = NULL;
  g_autoptr(SporImportReport) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = NULL;
  gint64 audit = test_count_rows (b, "audit_log");
  guint n_counts, n_kinds = 0;
  const SporImportCount *counts;

  r1 = import_from (b, first, TRUE);
  counts = spor_import_report_get_counts (r1, &n_counts);
  for (guint i = 0; i < n_counts; i++)
    n_kinds += counts[i].n_new > 0;
  g_assert_cmpuint (n_kinds, >, 10);
  /* one per kind, and the one that says an import ran */
  g_assert_cmpint (test_count_rows (b, "audit_log"), ==, audit + n_kinds + 1);
  kinds = test_query_text (b, "SELECT count(DISTINCT entity) FROM audit_log "
                              "WHERE action = 'import' AND uuid IS NULL");
  g_assert_cmpint (g_ascii_strtoll (kinds, NULL, 10), ==, n_kinds + 1);
  times = test_query_text (b, "SELECT count(DISTINCT at) FROM audit_log WHERE action = 'import'");
  g_assert_cmpstr (times, ==, "1");
  /* back to the write-ahead log after writing straight into the file */
  mode = test_query_text (b, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (test_count_rows (b, "attendance"), ==, shared_attendance (a));

  /* a change at the other site: audited record by record */
  programme = test_query_text (a, "SELECT uuid FROM programmes LIMIT 1");
  p = spor_store_get_by_uuid (a, SPOR_TYPE_PROGRAMME, programme, &error);
  g_assert_nonnull (p);
  spor_entity_set_text (p, "name", "Kulturvejen, ny udgave");
  assert_ok (spor_store_update (a, p, &error));
  second = export_to (a, dir, "2.json", FALSE);
  audit = test_count_rows (b, "audit_log");
  r2 = import_from (b, second, TRUE);
  g_assert_cmpuint (test_import_count (r2, "programme")->n_updated, ==, 1);
  g_assert_cmpint (test_count_rows (b, "audit_log"), ==, audit + 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT entity FROM audit_log WHERE uuid = '%s' "
                                            "AND action = 'import'", spor_entity_get_uuid (p));

    changed = test_query_text (b, sql);
  }
  g_assert_cmpstr (changed, ==, "programme");
}

static SporEntity *
new_programme (SporStore  *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  SporEntity *p = spor_entity_new (SPOR_TYPE_PROGRAMME);

  spor_entity_set_text (p, "name", name);
  assert_ok (spor_store_insert (store, p, &error));
  return p;
}

static char *
name_in (SporStore  *store,
         const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = spor_store_get_by_uuid (store, SPOR_TYPE_PROGRAMME, uuid, &error);

  if (p == NULL)
    return NULL;
  return g_strdup (spor_entity_get_text (p, "name"));
}

static void
test_merge_cases (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = test_open_new_store ();
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autoptr(SporEntity) p = new_programme (a, "Kulturvejen");
  g_autoptr(GError) error = NULL;
  const char *uuid = spor_entity_get_uuid (p);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  /* new → added, with the same UUID and time stamps */
  path = export_to (a, dir, "1.json", FALSE);
  {
    g_autoptr(SporImportReport) r = import_from (b, path, TRUE);
    g_autoptr(SporEntity) copy = spor_store_get_by_uuid (b, SPOR_TYPE_PROGRAMME, uuid, &error);

    g_assert_cmpuint (test_import_count (r, "programme")->n_new, ==, 1);
    g_assert_nonnull (copy);
    g_assert_cmpstr (spor_entity_get_updated_at (copy), ==, spor_entity_get_updated_at (p));
    g_assert_cmpstr (spor_entity_get_created_at (copy), ==, spor_entity_get_created_at (p));
  }

  /* newer in the file → replaces */
  spor_entity_set_text (p, "name", "Kulturvejen 2");
  assert_ok (spor_store_update (a, p, &error));
  g_clear_pointer (&path, g_free);
  path = export_to (a, dir, "2.json", FALSE);
  {
    g_autoptr(SporImportReport) preview = import_from (b, path, FALSE);

    g_assert_cmpuint (test_import_count (preview, "programme")->n_updated, ==, 1);
    name = name_in (b, uuid);
    g_assert_cmpstr (name, ==, "Kulturvejen"); /* the preview wrote nothing */
    g_clear_pointer (&name, g_free);
  }
  {
    g_autoptr(SporImportReport) r = import_from (b, path, TRUE);

    g_assert_cmpuint (test_import_count (r, "programme")->n_updated, ==, 1);
    name = name_in (b, uuid);
    g_assert_cmpstr (name, ==, "Kulturvejen 2");
    g_clear_pointer (&name, g_free);
  }

  /* newer here → kept, reported as a conflict */
  {
    g_autoptr(SporEntity) local = spor_store_get_by_uuid (b, SPOR_TYPE_PROGRAMME, uuid, &error);
    g_autoptr(SporImportReport) r = NULL;
    SporImportConflict *c;

    spor_entity_set_text (local, "name", "Kulturvejen lokal");
    assert_ok (spor_store_update (b, local, &error));
    r = import_from (b, path, TRUE);
    g_assert_cmpuint (test_import_count (r, "programme")->n_conflicts, ==, 1);
    g_assert_cmpuint (spor_import_report_get_conflicts (r)->len, ==, 1);
    c = g_ptr_array_index (spor_import_report_get_conflicts (r), 0);
    g_assert_cmpstr (c->uuid, ==, uuid);
    g_assert_cmpstr (c->label, ==, "Kulturvejen lokal");
    g_assert_nonnull (c->file_updated_at);
    name = name_in (b, uuid);
    g_assert_cmpstr (name, ==, "Kulturvejen lokal");
    g_clear_pointer (&name, g_free);
  }

  /* tombstone → deleted, and stays deleted */
  assert_ok (spor_store_delete (a, p, &error));
  g_clear_pointer (&path, g_free);
  path = export_to (a, dir, "3.json", FALSE);
  {
    g_autoptr(SporImportReport) r = import_from (b, path, TRUE);
    g_autoptr(SporImportReport) again = NULL;

    g_assert_cmpuint (test_import_count (r, "programme")->n_deleted, ==, 1);
    name = name_in (b, uuid);
    g_assert_null (name);
    g_assert_cmpint (test_count_rows (b, "tombstones"), ==, 1);
    again = import_from (b, path, TRUE);
    g_assert_cmpuint (test_import_count (again, "programme")->n_deleted, ==, 0);
  }

  /* an older file with the record, after the deletion: not brought back */
  {
    g_autofree char *old = g_build_filename (dir, "1.json", NULL);
    g_autoptr(SporImportReport) r = import_from (b, old, TRUE);

    g_assert_cmpuint (test_import_count (r, "programme")->n_new, ==, 0);
    g_assert_cmpuint (test_import_count (r, "programme")->n_conflicts, ==, 1);
    name = name_in (b, uuid);
    g_assert_null (name);
  }
}

static gint64
add_named (SporStore  *store,
           GType       type,
           const char *name,
           const char *field,
           gint64      value)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, "name", name);
  if (field != NULL)
    spor_entity_set_int (e, field, value);
  if (type == SPOR_TYPE_COHORT)
    spor_entity_set_text (e, "start_date", "2026-09-01");
  if (type == SPOR_TYPE_PARTICIPANT)
    {
      spor_entity_set_text (e, "status", "active");
      spor_entity_set_bool (e, "consent_processing", TRUE);
      spor_entity_set_bool (e, "consent_sharing", TRUE);
      spor_entity_set_text (e, "consent_date", "2026-09-01");
    }
  assert_ok (spor_store_insert (store, e, &error));
  return spor_entity_get_id (e);
}

static gint64
id_by_uuid (SporStore  *store,
            GType       type,
            const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_store_get_by_uuid (store, type, uuid, &error);

  g_assert_no_error (error);
  return spor_entity_get_id (e);
}

/* A group talk with two staff and two participants travels whole; a staff member taken off
 * it travels as the link's tombstone; the anonymised file has the links, and no names or
 * notes */
static void
test_meetings (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = test_open_new_store ();
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autoptr(SporMeeting) talk = spor_entity_new (SPOR_TYPE_MEETING);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) took_part = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autofree char *anon = NULL;
  g_autofree char *second = NULL;
  g_autofree char *ada_uuid = NULL;
  gint64 cohort, ada, bo, mette, rasmus;

  cohort = add_named (a, SPOR_TYPE_COHORT, "Hold efterår",
                      "programme_id", add_named (a, SPOR_TYPE_PROGRAMME, "Aspiranterne", NULL, 0));
  ada = add_named (a, SPOR_TYPE_PARTICIPANT, "Ada Opdigtet", "cohort_id", cohort);
  bo = add_named (a, SPOR_TYPE_PARTICIPANT, "Bo Eksempel", "cohort_id", cohort);
  mette = add_named (a, SPOR_TYPE_STAFF, "Mette Mentorsen", NULL, 0);
  rasmus = add_named (a, SPOR_TYPE_STAFF, "Rasmus Rådgiversen", NULL, 0);
  g_array_append_val (staff, mette);
  g_array_append_val (staff, rasmus);
  g_array_append_val (took_part, ada);
  g_array_append_val (took_part, bo);
  spor_entity_set_int (SPOR_ENTITY (talk), "cohort_id", cohort);
  spor_entity_set_text (SPOR_ENTITY (talk), "kind", "group_talk");
  spor_entity_set_text (SPOR_ENTITY (talk), "date", "2026-10-05");
  spor_entity_set_text (SPOR_ENTITY (talk), "notes", "Samtale om praktikpladser");
  assert_ok (spor_meetings_save (a, talk, staff, took_part, &error));

  full = export_to (a, dir, "fuld.json", FALSE);
  {
    g_autoptr(SporImportReport) r = import_from (b, full, TRUE);

    g_assert_cmpint (test_count_rows (b, "meetings"), ==, 1);
    g_assert_cmpint (test_count_rows (b, "meeting_staff"), ==, 2);
    g_assert_cmpint (test_count_rows (b, "meeting_participants"), ==, 2);
  }
  {
    g_autoptr(SporParticipant) p = spor_store_get (a, SPOR_TYPE_PARTICIPANT, bo, &error);
    g_autoptr(GPtrArray) of_bo = NULL;

    of_bo = spor_meetings_list (b, id_by_uuid (b, SPOR_TYPE_PARTICIPANT, spor_entity_get_uuid (SPOR_ENTITY (p))), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (of_bo->len, ==, 1);
    g_assert_cmpstr (spor_entity_get_text (of_bo->pdata[0], "notes"), ==, "Samtale om praktikpladser");
  }

  /* Rasmus is taken off the talk: the change travels */
  g_array_set_size (staff, 1);
  assert_ok (spor_meetings_save (a, talk, staff, took_part, &error));
  second = export_to (a, dir, "anden.json", FALSE);
  {
    g_autoptr(SporImportReport) r = import_from (b, second, TRUE);
    g_autoptr(SporMeeting) there = spor_store_get_by_uuid (b, SPOR_TYPE_MEETING,
                                                           spor_entity_get_uuid (SPOR_ENTITY (talk)), &error);
    g_autoptr(GArray) left = spor_meetings_get_staff (b, spor_entity_get_id (SPOR_ENTITY (there)), &error);
    g_autofree char *mette_uuid = test_query_text (a, "SELECT uuid FROM staff WHERE name = 'Mette Mentorsen'");

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpint (g_array_index (left, gint64, 0), ==,
                     id_by_uuid (b, SPOR_TYPE_STAFF, mette_uuid));
  }

  anon = export_to (a, dir, "anonym.json", TRUE);
  {
    g_autoptr(GBytes) bytes = test_read_file (anon);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "\"meeting_staff\""));
    g_assert_nonnull (strstr (text, "\"meeting_participants\""));
    g_assert_nonnull (strstr (text, "group_talk"));
    g_assert_null (strstr (text, "Samtale om"));
    g_assert_null (strstr (text, "Mette Mentorsen"));
    g_assert_null (strstr (text, "Ada Opdigtet"));
    ada_uuid = test_query_text (a, "SELECT uuid FROM participants WHERE name = 'Ada Opdigtet'");
    g_assert_null (strstr (text, ada_uuid));
  }
}

static void
test_anonymized (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (15);
  g_autofree char *path = export_to (a, dir, "anon.json", TRUE);
  g_autofree char *again = export_to (a, dir, "anon2.json", TRUE);
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *ra = records_of (path);
  g_autofree char *rb = records_of (again);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) people = spor_store_list (a, q, &error);
  const char *checked[] = { "name", "cpr", "email", "phone", "address", "notes", "needs",
                            "exit_reason" };
  guint n_checked = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 15);
  g_assert_cmpstr (ra, ==, rb); /* stable pseudonyms */
  g_assert_nonnull (strstr (text, "\"anonymized\": true"));
  g_assert_nonnull (strstr (text, "\"birth_year\":"));
  g_assert_null (strstr (text, "\"birth_date\""));
  for (guint i = 0; i < people->len; i++)
    {
      SporEntity *p = g_ptr_array_index (people, i);

      g_assert_null (strstr (text, spor_entity_get_uuid (p)));
      for (guint f = 0; f < G_N_ELEMENTS (checked); f++)
        {
          const char *value = spor_entity_get_text (p, checked[f]);

          if (value != NULL && strlen (value) >= 4)
            {
              g_assert_null (strstr (text, value));
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 30);

  /* staff names and notes of every kind of record stay out too */
  {
    g_autoptr(SporQuery) sq = spor_query_new (SPOR_TYPE_STAFF);
    g_autoptr(GPtrArray) staff = spor_store_list (a, sq, &error);
    g_autoptr(SporQuery) mq = spor_query_new (SPOR_TYPE_MEETING);
    g_autoptr(GPtrArray) meetings = spor_store_list (a, mq, &error);

    for (guint i = 0; i < staff->len; i++)
      g_assert_null (strstr (text, spor_entity_get_text (g_ptr_array_index (staff, i), "name")));
    for (guint i = 0; i < meetings->len; i++)
      {
        const char *notes = spor_entity_get_text (g_ptr_array_index (meetings, i), "notes");

        if (notes != NULL && strlen (notes) > 8)
          g_assert_null (strstr (text, notes));
      }
  }

  /* an anonymised file is refused by the importer */
  {
    g_autoptr(SporStore) b = test_open_new_store ();
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(SporImportReport) r = spor_exchange_import (b, file, TRUE, NULL, NULL, NULL, &error);

    g_assert_null (r);
    g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
  }
}

static void
test_scoped (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (30);
  g_autoptr(SporStore) b = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_COHORT);
  g_autoptr(GPtrArray) cohorts = spor_store_list (a, q, &error);
  SporEntity *cohort = g_ptr_array_index (cohorts, 0);
  g_autofree char *path = g_build_filename (dir, "cohort.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SporExportOptions options = { NULL, spor_entity_get_uuid (cohort), FALSE };
  g_autoptr(SporImportReport) r = NULL;
  g_autoptr(SporQuery) pq = spor_query_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GPtrArray) people = NULL;

  assert_ok (spor_exchange_export (a, file, &options, NULL, NULL, NULL, &error));
  /* the file stands alone: everything it refers to is in it */
  r = import_from (b, path, TRUE);
  g_assert_cmpint (test_count_rows (b, "cohorts"), >=, 1);
  g_assert_cmpint (test_count_rows (b, "programmes"), ==, 1);
  g_assert_cmpint (test_count_rows (b, "participants"), <, test_count_rows (a, "participants"));
  people = spor_store_list (b, pq, &error);
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpint (spor_entity_get_int (g_ptr_array_index (people, i), "cohort_id"), !=, 0);

  /* an unknown programme */
  options.cohort_uuid = NULL;
  options.programme_uuid = "00000000-0000-4000-8000-000000000000";
  g_assert_false (spor_exchange_export (a, file, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_NOT_FOUND);
}

static void
test_failed_export_keeps_file (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) a = sample_store (3);
  g_autofree char *path = g_build_filename (dir, "keep.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *missing = g_build_filename (dir, "gone", "x.json", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);

  g_file_set_contents (path, "earlier", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (spor_exchange_export (a, file, NULL, cancellable, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "earlier", 7);

  /* a vanished folder */
  g_assert_false (spor_exchange_export (a, nowhere, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *n;
    guint count = 0;

    while ((n = g_dir_read_name (d)) != NULL)
      count++;
    g_assert_cmpuint (count, ==, 1); /* no temporary file left */
  }
}

typedef struct { const char *what; const char *text; const char *message; } BadFile;

#define HEAD "{\"format\": \"spor-exchange\",\n\"version\": 1,\n\"exported_at\": \"2026-01-05T10:00:00.000000Z\",\n\"site\": {\"id\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"Test\"},\n\"anonymized\": false,\n"
#define PROG(uuid, extra) "{\"uuid\":\"" uuid "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"name\":\"Forløb\"" extra "}"
#define U1 "22222222-2222-4222-8222-222222222222"
#define U2 "33333333-3333-4333-8333-333333333333"
#define U3 "44444444-4444-4444-8444-444444444444"
#define STAMPS "\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\""
#define PART(uuid, extra) "{\"uuid\":\"" uuid "\"," STAMPS ",\"name\":\"Testa Testesen\",\"status\":\"waiting\"" extra "}"
#define BLOCK(uuid, extra) "{\"uuid\":\"" uuid "\"," STAMPS ",\"title\":\"Syværksted\",\"kind\":\"weekly\",\"weekdays\":1,\"start_time\":\"09:00\",\"end_time\":\"12:00\"" extra "}"

static const BadFile bad_files[] = {
  { "empty", "", "empty" },
  { "not json", "hello", "not a JSON object" },
  { "truncated", HEAD "\"programmes\": [\n" PROG (U1, ""), "truncated" },
  { "invalid utf-8", HEAD "\"programmes\": [\n" PROG (U1, ",\"description\":\"\xff\xfe\"") "]}", "programmes[0]: invalid UTF-8 (line 7)" },
  { "wrong format", "{\"format\": \"other\", \"version\": 1}", "format: not" },
  { "newer version", "{\"format\": \"spor-exchange\", \"version\": 2}", "newer Spor" },
  { "no header", "{\"programmes\": []}", "format: missing" },
  { "wrong type", HEAD "\"programmes\": [\n" PROG (U1, ",\"capacity\":\"ten\"") "]}", "programmes[0].capacity: not a whole number (line 7)" },
  { "missing field", HEAD "\"programmes\": [\n{\"uuid\":\"" U1 "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\"}]}", "programmes[0].name: missing (line 7)" },
  { "bad date", HEAD "\"programmes\": [\n" PROG (U1, "") ",\n" PROG (U2, ",\"period_start\":\"2026-02-30\"") "]}", "programmes[1].period_start: not a date (YYYY-MM-DD) (line 8)" },
  { "out of range", HEAD "\"programmes\": [\n" PROG (U1, ",\"min_age\":500") "]}", "programmes[0].min_age: the number is out of range (0 to 120)" },
  { "bad enum", HEAD "\"programmes\": [" PROG (U1, "") "],\n\"phases\": [{\"uuid\":\"" U2 "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"programme\":\"" U1 "\",\"position\":0,\"name\":\"A\",\"duration_unit\":\"years\",\"track\":\"sequential\"}]}", "phases[0].duration_unit: “years” is not one of the allowed values" },
  { "duplicate uuid", HEAD "\"programmes\": [\n" PROG (U1, "") ",\n" PROG (U1, "") "]}", "appears twice" },
  { "uuid in two tables", HEAD "\"programmes\": [\n" PROG (U1, "") "],\n\"locations\": [{\"uuid\":\"" U1 "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"name\":\"Værksted\"}]}", "locations[0]: the UUID " U1 " appears twice" },
  { "uuid of a tombstone", HEAD "\"programmes\": [\n" PROG (U1, "") "],\n\"tombstones\": [{\"entity\":\"programme\",\"uuid\":\"" U1 "\",\"deleted_at\":\"2026-01-05T10:00:00.000000Z\"}]}", "appears twice" },
  { "dangling reference", HEAD "\"cohorts\": [{\"uuid\":\"" U2 "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"programme\":\"" U1 "\",\"name\":\"Hold\",\"start_date\":\"2026-01-05\"}]}", "cohorts[0].programme: refers to a programme that is neither in the file nor in this database" },
  { "deep nesting", HEAD "\"programmes\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", "nested too deeply" },
  { "unknown field", HEAD "\"programmes\": [\n" PROG (U1, ",\"secret\":1") "]}", "programmes[0].secret: not a field" },
  { "bad uuid", HEAD "\"programmes\": [\n{\"uuid\":\"x\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"name\":\"A\"}]}", "programmes[0].uuid: not a UUID" },
  { "not an object", HEAD "\"programmes\": [1]}", "programmes[0]: not an object" },
  { "trailing data", HEAD "\"programmes\": []} x", "more after the end" },
  { "database rule", HEAD "\"programmes\": [\n" PROG (U1, ",\"min_age\":30,\"max_age\":20") "]}", "programmes[0].min_age: The lowest age is above the highest. (line 7)" },
  { "duplicate member", HEAD "\"programmes\": [\n" PROG (U1, ",\"name\":\"B\"") "]}", "programmes[0].name: appears twice" },
  { "bad escape", HEAD "\"programmes\": [\n" PROG (U1, ",\"description\":\"\\q\"") "]}", "programmes[0]: not valid JSON (line 7)" },
  { "lone surrogate", HEAD "\"programmes\": [\n" PROG (U1, ",\"description\":\"\\ud800\"") "]}", "programmes[0]: not valid JSON" },
  { "nested value", HEAD "\"programmes\": [\n" PROG (U1, ",\"description\":{\"a\":[1]}") "]}", "programmes[0].description: not a text" },
  { "huge number", HEAD "\"programmes\": [\n" PROG (U1, ",\"capacity\":99999999999999999999999") "]}", "programmes[0].capacity: not a whole number" },
  { "fraction for a whole number", HEAD "\"programmes\": [\n" PROG (U1, ",\"capacity\":1.5") "]}", "programmes[0].capacity: not a whole number" },
  { "bad number", HEAD "\"programmes\": [\n" PROG (U1, ",\"capacity\":01") "]}", "programmes[0]: not valid JSON" },
  { "bad tombstone", HEAD "\"tombstones\": [{\"entity\":\"nobody\",\"uuid\":\"" U1 "\",\"deleted_at\":\"2026-01-05T10:00:00.000000Z\"}]}", "tombstones[0].entity" },
  /* the rules the forms keep hold for a file too */
  { "name of no-break spaces", HEAD "\"participants\": [\n{\"uuid\":\"" U1 "\"," STAMPS ",\"name\":\"\u00a0\u00a0\",\"status\":\"waiting\"}]}", "participants[0].name: a value is required (line 7)" },
  { "cpr that is no date", HEAD "\"participants\": [\n" PART (U1, ",\"cpr\":\"3102991234\"") "]}", "participants[0].cpr: The first six digits of a CPR number are a real date of birth (DDMMYY) (line 7)" },
  { "cpr of another birth date", HEAD "\"participants\": [\n" PART (U1, ",\"cpr\":\"0101901234\",\"birth_date\":\"1990-01-02\"") "]}", "participants[0].cpr: The CPR number does not match the date of birth (line 7)" },
  { "junk e-mail", HEAD "\"participants\": [\n" PART (U1, ",\"email\":\"anna@@\"") "]}", "participants[0].email: Not an e-mail address (name@example.org) (line 7)" },
  { "junk phone", HEAD "\"participants\": [\n" PART (U1, ",\"phone\":\"ring mig\"") "]}", "participants[0].phone: Not a phone number (8 digits, + for abroad) (line 7)" },
  { "cohort of another programme", HEAD "\"programmes\": [" PROG (U1, "") "," PROG (U2, "") "],\n\"cohorts\": [{\"uuid\":\"" U3 "\"," STAMPS ",\"programme\":\"" U2 "\",\"name\":\"Hold\",\"start_date\":\"2026-01-05\"}],\n\"participants\": [\n" PART ("55555555-5555-4555-8555-555555555555", ",\"programme\":\"" U1 "\",\"cohort\":\"" U3 "\"") "]}", "participants[0].cohort: The cohort belongs to another programme (line 9)" },
  { "updated in the year 9999", HEAD "\"programmes\": [\n{\"uuid\":\"" U1 "\",\"created_at\":\"2026-01-05T10:00:00.000000Z\",\"updated_at\":\"9999-01-01T00:00:00.000000Z\",\"name\":\"A\"}]}", "programmes[0]: updated_at: in the future" },
  { "created after updated", HEAD "\"programmes\": [\n{\"uuid\":\"" U1 "\",\"created_at\":\"2026-01-06T10:00:00.000000Z\",\"updated_at\":\"2026-01-05T10:00:00.000000Z\",\"name\":\"A\"}]}", "programmes[0]: created_at: later than updated_at (line 7)" },
  { "site member twice", "{\"format\": \"spor-exchange\",\n\"version\": 1,\n\"site\": {\"id\": \"11111111-1111-4111-8111-111111111111\", \"id\": \"" U1 "\"}}", "site.id: appears twice (line 3)" },
  { "tombstone member twice", HEAD "\"tombstones\": [{\"entity\":\"programme\",\"uuid\":\"" U1 "\",\"uuid\":\"" U2 "\",\"deleted_at\":\"2026-01-05T10:00:00.000000Z\"}]}", "tombstones[0].uuid: appears twice" },
  { "control character in a name", HEAD "\"programmes\": [\n{\"uuid\":\"" U1 "\"," STAMPS ",\"name\":\"A\\u001b[31mB\"}]}", "programmes[0].name: a line break or control character is not allowed here (line 7)" },
  { "terminal escape in a member name", HEAD "\"programmes\": [\n" PROG (U1, ",\"\\u001b[2J\":1") "]}", "programmes[0].\\x1b[2J: not a field of programme (line 7)" },
  { "period from year 1", HEAD "\"blocks\": [\n" BLOCK (U1, ",\"period_start\":\"0001-01-01\",\"period_end\":\"9999-12-31\"") "]}", "blocks[0].period_start: the date is not between the years 1900 and 2199 (line 7)" },
  { "period of fifty years", HEAD "\"blocks\": [\n" BLOCK (U1, ",\"period_start\":\"2026-01-05\",\"period_end\":\"2076-01-05\"") "]}", "blocks[0].period_end: A period of a block is at most 10 years. (line 7)" },
  { "colour in capitals", HEAD "\"programmes\": [\n" PROG (U1, ",\"colour\":\"#ABCDEF\"") "]}", "programmes[0].colour: not a colour (#rrggbb) (line 7)" },
};

/* Refused by a database with records and by an empty one (which an import fills by another
 * path): nothing written either way. */
static void
assert_refuses_all (SporStore  *store,
                    const char *dir)
{
  g_autofree char *before_path = export_to (store, dir, "before.json", FALSE);
  g_autofree char *before = records_of (before_path);
  g_autofree char *mode = NULL;
  gint64 audit = test_count_rows (store, "audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SporImportReport) r = NULL;
      g_autofree char *after_path = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", bad_files[i].what);
      g_file_set_contents (path, bad_files[i].text, -1, &error);
      g_assert_no_error (error);
      /* a record of the "bad" file that is fine on its own is written first: the rollback
       * has to undo it */
      r = spor_exchange_import (store, file, TRUE, NULL, NULL, NULL, &error);
      g_assert_null (r);
      g_assert_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED);
      if (strstr (error->message, bad_files[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", bad_files[i].what, error->message,
                 bad_files[i].message);
      after_path = export_to (store, dir, "after.json", FALSE);
      after = records_of (after_path);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);
    }
  mode = test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
}

static void
test_refused (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(SporStore) store = sample_store (5);
  g_autoptr(SporStore) empty = test_open_new_store ();

  assert_refuses_all (store, dir);
  assert_refuses_all (empty, dir);
  g_assert_cmpint (test_count_rows (empty, "programmes"), ==, 0);
  g_assert_cmpint (test_count_rows (empty, "tombstones"), ==, 0);
}

static void
test_schema_file (void)
{
  g_autofree char *schema = spor_exchange_build_schema ();
  g_autofree char *path = g_build_filename (SPOR_SOURCE_ROOT, "data", "spor-exchange.schema.json",
                                            NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SPOR_UPDATE_SCHEMA") != NULL)
    {
      g_file_set_contents (path, schema, -1, &error);
      g_assert_no_error (error);
    }
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (contents, schema) != 0)
    g_error ("data/spor-exchange.schema.json is out of date with the entity descriptions; "
             "run this test with SPOR_UPDATE_SCHEMA=1 to remake it");
}

static void
test_pseudonym (void)
{
  guint8 key[32] = { 1, 2, 3 };
  char a[37], b[37], c[37];

  spor_exchange_pseudonym (key, "participant", "22222222-2222-4222-8222-222222222222", a);
  spor_exchange_pseudonym (key, "participant", "22222222-2222-4222-8222-222222222222", b);
  key[0] = 9;
  spor_exchange_pseudonym (key, "participant", "22222222-2222-4222-8222-222222222222", c);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (spor_uuid_is_valid (a));
}

int
main (int argc, char **argv)
{
  /* Only local files here: without GIO's loadable modules (gvfs and the like), whose
   * one-time allocations LeakSanitizer would report under build-aux/test. */
  g_setenv ("GIO_MODULE_DIR", "/nonexistent", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exchange/round-trip", test_round_trip);
  g_test_add_func ("/exchange/idempotent", test_idempotent);
  g_test_add_func ("/exchange/audit", test_audit);
  g_test_add_func ("/exchange/meetings", test_meetings);
  g_test_add_func ("/exchange/merge", test_merge_cases);
  g_test_add_func ("/exchange/anonymized", test_anonymized);
  g_test_add_func ("/exchange/scoped", test_scoped);
  g_test_add_func ("/exchange/failed-export", test_failed_export_keeps_file);
  g_test_add_func ("/exchange/refused", test_refused);
  g_test_add_func ("/exchange/pseudonym", test_pseudonym);
  g_test_add_func ("/exchange/schema-file", test_schema_file);
  return g_test_run ();
}
