/* test-people.c — the site's people and places: what is offered, deleted, exchanged, ordered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "spor-exchange.h"
#include "spor-people.h"
#include "spor-programme-organisations.h"
#include "spor-staff-roles.h"
#include "spor-store-open.h"
#include "spor-store-private.h"

static gint64
add_named (SporStore  *store,
           GType       type,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_entity_new (type);

  spor_entity_set_text (e, "name", name);
  if (type == SPOR_TYPE_ORGANISATION)
    spor_entity_set_text (e, "kind", "library");
  /* a new record's booleans start false: a new staff member or contact is made active */
  if (type == SPOR_TYPE_STAFF || type == SPOR_TYPE_CONTACT)
    spor_entity_set_bool (e, "active", TRUE);
  assert_ok (spor_store_insert (store, e, &error));
  return spor_entity_get_id (e);
}

static gboolean
has_id (GPtrArray *records,
        gint64     id)
{
  for (guint i = 0; i < records->len; i++)
    if (spor_entity_get_id (records->pdata[i]) == id)
      return TRUE;
  return FALSE;
}

static void
set_roles (SporStore          *store,
           gint64              id,
           const char * const *roles)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_staff_roles_set (store, id, roles, &error));
}

/* A deactivated staff member, or one whose last day has passed, is not offered; the one an
 * old record names still is, for that record. The role filter holds. */
/* A staff member or contact made without saying is active, as the schema's default: it
 * is stored so, read back so after a reopen, and offered in the pickers. */
static void
test_new_is_active (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(GError) error = NULL;
  GType types[] = { SPOR_TYPE_STAFF, SPOR_TYPE_CONTACT };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(SporStore) store = spor_store_open (path, &error);
      g_autoptr(SporEntity) e = spor_entity_new (types[i]);
      g_autoptr(GPtrArray) offered = NULL;
      gint64 id;

      g_assert_no_error (error);
      spor_entity_set_text (e, "name", "Nyansat Prøvesen");
      assert_ok (spor_store_insert (store, e, &error));
      id = spor_entity_get_id (e);
      g_clear_object (&store);

      store = spor_store_open (path, &error);
      g_assert_no_error (error);
      {
        g_autoptr(SporEntity) read = spor_store_get (store, types[i], id, &error);

        g_assert_no_error (error);
        g_assert_true (spor_entity_get_bool (read, "active"));
      }
      offered = spor_people_list_offered (store, types[i], NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (offered->len, ==, 1);
    }
}

static void
test_deactivated_not_offered (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offered = NULL, advisers = NULL, kept = NULL;
  g_autoptr(SporEntity) gone = NULL, ended = NULL;
  g_autofree char *yesterday = NULL, *today = spor_date_today ();
  gint64 anna = add_named (store, SPOR_TYPE_STAFF, "Anna Testsen");
  gint64 bo = add_named (store, SPOR_TYPE_STAFF, "Bo Prøvesen");
  gint64 carl = add_named (store, SPOR_TYPE_STAFF, "Carl Opdigtet");

  set_roles (store, anna, (const char *[]) { "adviser", "creative", NULL });
  set_roles (store, bo, (const char *[]) { "adviser", NULL });
  gone = spor_store_get (store, SPOR_TYPE_STAFF, bo, &error);
  spor_entity_set_bool (gone, "active", FALSE);
  assert_ok (spor_store_update (store, gone, &error));
  yesterday = spor_date_add_days (today, -1);
  ended = spor_store_get (store, SPOR_TYPE_STAFF, carl, &error);
  spor_entity_set_text (ended, "active_to", yesterday);
  assert_ok (spor_store_update (store, ended, &error));
  g_assert_false (spor_people_is_offered (ended, today));
  g_assert_true (spor_people_is_offered (ended, yesterday));

  offered = spor_people_list_offered (store, SPOR_TYPE_STAFF, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offered->len, ==, 1);
  g_assert_cmpint (spor_entity_get_id (offered->pdata[0]), ==, anna);

  advisers = spor_people_list_offered (store, SPOR_TYPE_STAFF, "adviser", bo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (advisers->len, ==, 2);
  g_assert_true (has_id (advisers, anna) && has_id (advisers, bo));

  /* kept even without the role: the form shows what the record names */
  kept = spor_people_list_offered (store, SPOR_TYPE_STAFF, "creative", carl, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_true (has_id (kept, anna) && has_id (kept, carl));
}

/* Search folds Danish letters and filters by role; roles are set exactly, and a value not
 * of the list is refused without a change. */
static void
test_search_and_roles (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL, mentors = NULL;
  g_auto(GStrv) roles = NULL;
  gint64 soren = add_named (store, SPOR_TYPE_STAFF, "Søren Opdigtet");

  add_named (store, SPOR_TYPE_STAFF, "Åse Prøvesen");
  set_roles (store, soren, (const char *[]) { "mentor", "volunteer", "mentor", NULL });
  found = spor_people_search (store, SPOR_TYPE_STAFF, "soren", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (spor_entity_get_id (found->pdata[0]), ==, soren);
  mentors = spor_people_search (store, SPOR_TYPE_STAFF, NULL, "mentor", &error);
  g_assert_cmpuint (mentors->len, ==, 1);

  roles = spor_staff_roles_get (store, soren, &error);
  g_assert_cmpstrv (roles, ((const char *[]) { "mentor", "volunteer", NULL }));
  g_assert_false (spor_staff_roles_set (store, soren, (const char *[]) { "adviser", "boss", NULL },
                                        &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“boss” is not a role of a staff member.");
  g_clear_pointer (&roles, g_strfreev);
  roles = spor_staff_roles_get (store, soren, NULL);
  g_assert_cmpuint (g_strv_length (roles), ==, 2);
  set_roles (store, soren, (const char *[]) { "adviser", NULL });
  g_clear_pointer (&roles, g_strfreev);
  roles = spor_staff_roles_get (store, soren, NULL);
  g_assert_cmpstrv (roles, ((const char *[]) { "adviser", NULL }));
}

/* A staff member someone refers to is not deleted: the message says what refers to them,
 * and after reopening the file everything is still there. Without references the delete
 * goes through, roles and competencies with it. */
static void
test_referred_not_deleted (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "spor.db", NULL);
  g_autoptr(SporStore) store = spor_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporEntity) competency = spor_entity_new (SPOR_TYPE_COMPETENCY);
  gint64 anna = add_named (store, SPOR_TYPE_STAFF, "Anna Testsen");
  gint64 free_one = add_named (store, SPOR_TYPE_STAFF, "Bo Prøvesen");
  g_autofree char *references = NULL;

  set_roles (store, anna, (const char *[]) { "mentor", NULL });
  spor_entity_set_text (participant, "name", "Dorte Deltager");
  spor_entity_set_int (participant, "contact_person_id", anna);
  assert_ok (spor_store_insert (store, participant, &error));

  g_assert_false (spor_people_delete_staff (store, anna, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "“Anna Testsen” cannot be deleted: other records refer to it: participant (1). "
                   "Deactivate it instead: it then stays on those records but is no longer "
                   "offered.");
  g_clear_error (&error);

  g_clear_object (&store);
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (store, "staff"), ==, 2);
  g_assert_cmpint (test_count_rows (store, "staff_roles"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, 0);

  /* its own roles and competencies do not keep it */
  set_roles (store, free_one, (const char *[]) { "volunteer", NULL });
  spor_entity_set_int (competency, "staff_id", free_one);
  spor_entity_set_text (competency, "subject", "Matematik");
  spor_entity_set_text (competency, "level", "upper_secondary");
  assert_ok (spor_store_insert (store, competency, &error));
  {
    g_autoptr(SporEntity) bo = spor_store_get (store, SPOR_TYPE_STAFF, free_one, &error);

    references = spor_people_describe_references (store, bo, &error);
    g_assert_no_error (error);
    g_assert_null (references);
  }
  assert_ok (spor_people_delete_staff (store, free_one, &error));
  g_assert_cmpint (test_count_rows (store, "staff"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "competencies"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "staff_roles"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, 3);
}

/* A location or organisation in use is not deleted either; the message says where. */
static void
test_places_in_use (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) contact = spor_entity_new (SPOR_TYPE_CONTACT);
  gint64 library = add_named (store, SPOR_TYPE_ORGANISATION, "Testby Bibliotek");
  gint64 contact_id;

  spor_entity_set_text (contact, "name", "Karin Kontakt");
  spor_entity_set_int (contact, "organisation_id", library);
  assert_ok (spor_store_insert (store, contact, &error));
  contact_id = spor_entity_get_id (contact);

  g_assert_false (spor_people_delete_organisation (store, library, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "“Testby Bibliotek” cannot be deleted: other records refer to it: external "
                   "contact (1). Choose another one there first.");
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "organisations"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "contacts"), ==, 1);

  assert_ok (spor_people_delete_contact (store, contact_id, &error));
  assert_ok (spor_people_delete_organisation (store, library, &error));
  g_assert_false (spor_people_delete_location (store, 4711, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
}

static char *
names_of (GPtrArray *records)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < records->len; i++)
    g_strv_builder_add (names, spor_entity_get_text (records->pdata[i], "name"));
  strv = g_strv_builder_end (names);
  return g_strjoinv (",", strv);
}

/* A programme's organisations keep the order given, a new order rewrites the positions,
 * one named twice is refused and changes nothing; the text falls back to the free text. */
static void
test_organisation_order (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  gint64 a = add_named (store, SPOR_TYPE_ORGANISATION, "Testby Bibliotek");
  gint64 b = add_named (store, SPOR_TYPE_ORGANISATION, "Kulturskolen Testby");
  gint64 c = add_named (store, SPOR_TYPE_ORGANISATION, "Styrket Prøve");
  gint64 id;
  g_autofree char *text = NULL;

  spor_entity_set_text (programme, "name", "Sy og prøv");
  spor_entity_set_text (programme, "organisations", "Gammel tekst");
  assert_ok (spor_store_insert (store, programme, &error));
  id = spor_entity_get_id (programme);

  text = spor_programme_organisations_dup_text (store, programme, &error);
  g_assert_cmpstr (text, ==, "Gammel tekst");
  g_clear_pointer (&text, g_free);

  assert_ok (spor_programme_organisations_set (store, id, (gint64[]) { c, a, b }, 3, &error));
  {
    g_autoptr(GPtrArray) list = spor_programme_organisations_list (store, id, &error);
    g_autofree char *names = names_of (list);

    g_assert_cmpstr (names, ==, "Styrket Prøve,Testby Bibliotek,Kulturskolen Testby");
  }
  assert_ok (spor_programme_organisations_set (store, id, (gint64[]) { b, c }, 2, &error));
  g_assert_false (spor_programme_organisations_set (store, id, (gint64[]) { a, a }, 2, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "An organisation is named twice among the programme's organisations.");
  g_clear_error (&error);
  text = spor_programme_organisations_dup_text (store, programme, &error);
  g_assert_cmpstr (text, ==, "Kulturskolen Testby\nStyrket Prøve");
  g_assert_cmpint (test_count_rows (store, "programme_organisations"), ==, 2);
}

/* A participant's referral contact, with the contact's organisation, comes through an
 * export and an import into another site's empty database. */
static void
test_referral_round_trip (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *file_path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) contact = spor_entity_new (SPOR_TYPE_CONTACT);
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporEntity) read = NULL, read_contact = NULL, read_org = NULL;
  g_autoptr(SporImportReport) report = NULL;
  SporExportOptions options = { NULL, NULL, FALSE };
  gint64 municipality = add_named (store, SPOR_TYPE_ORGANISATION, "Testby Kommune");

  spor_entity_set_text (contact, "name", "Karin Kontakt");
  spor_entity_set_text (contact, "title", "Sagsbehandler");
  spor_entity_set_int (contact, "organisation_id", municipality);
  assert_ok (spor_store_insert (store, contact, &error));
  spor_entity_set_text (participant, "name", "Dorte Deltager");
  spor_entity_set_bool (participant, "consent_sharing", TRUE);
  spor_entity_set_int (participant, "referral_contact_id", spor_entity_get_id (contact));
  assert_ok (spor_store_insert (store, participant, &error));

  assert_ok (spor_exchange_export (store, file, &options, NULL, NULL, NULL, &error));
  report = spor_exchange_import (other, file, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  read = spor_store_get_by_uuid (other, SPOR_TYPE_PARTICIPANT,
                                 spor_entity_get_uuid (participant), &error);
  g_assert_no_error (error);
  read_contact = spor_store_get (other, SPOR_TYPE_CONTACT,
                                 spor_entity_get_int (read, "referral_contact_id"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_uuid (read_contact), ==, spor_entity_get_uuid (contact));
  g_assert_cmpstr (spor_entity_get_text (read_contact, "title"), ==, "Sagsbehandler");
  read_org = spor_store_get (other, SPOR_TYPE_ORGANISATION,
                             spor_entity_get_int (read_contact, "organisation_id"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (read_org, "name"), ==, "Testby Kommune");
}

/* A version 2 file opens as the current version; a competency level of free text moves into the
 * description, one of the list stays. */
static void
test_migration_keeps_levels (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(SporStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL, *level = NULL;
  sqlite3 *db = NULL;

  assert_ok (spor_store_make_old_file (path, 2, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO staff (id, uuid, created_at, updated_at, name) VALUES (1, "
    "'00000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00.000000Z', "
    "'2026-01-01T00:00:00.000000Z', 'Anna Testsen');"
    "INSERT INTO competencies (uuid, created_at, updated_at, staff_id, subject, level, "
    "description) VALUES ('00000000-0000-4000-8000-000000000002', '2026-01-01T00:00:00.000000Z', "
    "'2026-01-01T00:00:00.000000Z', 1, 'Dansk', 'Gymnasieniveau', 'Stil og grammatik');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_store_get_schema_version (store), ==, SPOR_STORE_SCHEMA_VERSION);
  description = test_query_text (store, "SELECT description FROM competencies");
  level = test_query_text (store, "SELECT level FROM competencies");
  g_assert_cmpstr (description, ==, "Stil og grammatik (Gymnasieniveau)");
  g_assert_null (level);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/people/new-is-active", test_new_is_active);
  g_test_add_func ("/people/deactivated-not-offered", test_deactivated_not_offered);
  g_test_add_func ("/people/search-and-roles", test_search_and_roles);
  g_test_add_func ("/people/referred-not-deleted", test_referred_not_deleted);
  g_test_add_func ("/people/places-in-use", test_places_in_use);
  g_test_add_func ("/people/organisation-order", test_organisation_order);
  g_test_add_func ("/people/referral-round-trip", test_referral_round_trip);
  g_test_add_func ("/people/migration-keeps-levels", test_migration_keeps_levels);
  return g_test_run ();
}
