/* test-rules-store.c — the store's promises at their edges: nested transactions after
 * partial writes, a rollback on every failure path (and a reopen after it), tombstones, the
 * audit log's field names, changed references, and the field checker's limits and messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"

static SporEntity *
programme (const char *name)
{
  SporEntity *p = spor_entity_new (SPOR_TYPE_PROGRAMME);

  spor_entity_set_text (p, "name", name);
  return p;
}

/* The audit entries of one record, as "action:fields action:fields …". */
static char *
audit_of (SporStore  *store,
          const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = spor_store_list_audit (store, uuid, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      SporAuditEntry *entry = entries->pdata[i];

      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "", entry->action,
                              entry->fields != NULL ? entry->fields : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_audit(store, uuid, expected) G_STMT_START { \
    g_autofree char *a_ = audit_of ((store), (uuid)); \
    g_assert_cmpstr (a_, ==, (expected)); \
  } G_STMT_END

static char *
name_of (SporStore *store,
         gint64     id)
{
  return rules_get_text (store, SPOR_TYPE_PROGRAMME, id, "name");
}

/* A savepoint rolled back after partial writes undoes exactly its own: the insert and the
 * update made in it, not what came before it in the outer transaction. */
static void
test_nested_savepoints (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) a = programme ("Aspiranterne");
  g_autoptr(SporEntity) b = programme ("Sy og design");
  g_autoptr(SporEntity) c = programme ("Unge med Kant");
  g_autoptr(SporEntity) x = programme ("Rulles tilbage");
  g_autoptr(SporEntity) y = programme ("Også tilbage");
  g_autofree char *a_uuid = NULL;
  g_autofree char *b_uuid = NULL;
  gint64 audit = test_count_rows (store, "audit_log");
  gint64 a_id;

  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, a, &error));
  a_id = spor_entity_get_id (a);
  a_uuid = g_strdup (spor_entity_get_uuid (a));
  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, b, &error));
  b_uuid = g_strdup (spor_entity_get_uuid (b));
  spor_entity_set_text (a, "name", "Aspiranterne, ændret");
  assert_ok (spor_store_update (store, a, &error));
  spor_store_rollback (store);
  {
    g_autofree char *name = name_of (store, a_id);
    g_assert_cmpstr (name, ==, "Aspiranterne");
  }
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
  assert_ok (spor_store_insert (store, c, &error));
  assert_ok (spor_store_commit (store, &error));

  /* three deep: the middle one rolled back takes the innermost, committed one, with it */
  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, x, &error));
  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, y, &error));
  assert_ok (spor_store_commit (store, &error));
  spor_store_rollback (store);
  assert_ok (spor_store_commit (store, &error));

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 2);
  {
    g_autofree char *name = name_of (store, a_id);
    g_assert_cmpstr (name, ==, "Aspiranterne");
  }
  assert_audit (store, a_uuid, "create:name,not_self_supporting");
  assert_audit (store, b_uuid, "");
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit + 2); /* a and c */
}

/* Each refused write rolls back its own transaction: the write after it is committed on
 * its own and there after a reopen; the refusal says why. */
static void
test_refused_writes_roll_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) cohort = spor_entity_new (SPOR_TYPE_COHORT);
  g_autoptr(SporEntity) kept = programme ("Aspiranterne");
  g_autoptr(SporEntity) stale = NULL;
  g_autoptr(SporEntity) gone = NULL;
  g_autoptr(SporEntity) late = programme ("Den Digitale Ressourcebank");
  gint64 id;

  /* an insert the database refuses */
  spor_entity_set_int (cohort, "programme_id", 4242);
  spor_entity_set_text (cohort, "name", "Hold 1");
  spor_entity_set_text (cohort, "start_date", "2026-01-05");
  g_assert_false (spor_store_insert (store, cohort, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "cohort: it refers to a record that does not exist");
  g_clear_error (&error);
  g_assert_cmpint (spor_entity_get_id (cohort), ==, 0);
  assert_ok (spor_store_insert (store, kept, &error));
  id = spor_entity_get_id (kept);

  /* an update of a copy that is out of date */
  stale = spor_store_get (store, SPOR_TYPE_PROGRAMME, id, &error);
  spor_entity_set_text (kept, "name", "Aspiranterne 2027");
  assert_ok (spor_store_update (store, kept, &error));
  spor_entity_set_text (stale, "name", "Gammel kopi");
  g_assert_false (spor_store_update (store, stale, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, "The record was changed elsewhere after it was opened here.");
  g_clear_error (&error);

  /* a deletion of what is gone already */
  gone = spor_store_get (store, SPOR_TYPE_PROGRAMME, id, &error);
  assert_ok (spor_store_delete (store, kept, &error));
  g_assert_false (spor_store_delete (store, gone, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no such programme record");
  g_clear_error (&error);
  assert_ok (spor_store_insert (store, late, &error));

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "cohorts"), ==, 0);
  {
    g_autofree char *name = name_of (store, spor_entity_get_id (late));
    g_assert_cmpstr (name, ==, "Den Digitale Ressourcebank");
  }
  {
    g_autofree char *tomb = test_query_text (store, "SELECT entity || ' ' || uuid FROM tombstones");
    g_autofree char *expected = g_strconcat ("programme ", spor_entity_get_uuid (kept), NULL);

    g_assert_cmpstr (tomb, ==, expected);
  }
  assert_audit (store, spor_entity_get_uuid (kept), "create:name,not_self_supporting update:name delete:");
}

/* The audit log names the fields a write set or changed, never more; a write that changes
 * nothing leaves no entry and no new time stamp. */
static void
test_audit_fields (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = programme ("Sy og design");
  g_autofree char *stamp = NULL;

  spor_entity_set_int (p, "min_age", 18);
  spor_entity_set_int (p, "capacity", 0);
  assert_ok (spor_store_insert (store, p, &error));
  spor_entity_set_int (p, "max_age", 29);
  spor_entity_set_text (p, "name", "Sy og design 2027");
  assert_ok (spor_store_update (store, p, &error));
  stamp = g_strdup (spor_entity_get_updated_at (p));
  /* the same values again */
  spor_entity_set_int (p, "max_age", 29);
  assert_ok (spor_store_update (store, p, &error));
  g_assert_cmpstr (spor_entity_get_updated_at (p), ==, stamp);
  /* an optional value taken away is a change */
  spor_entity_unset (p, "capacity");
  assert_ok (spor_store_update (store, p, &error));
  assert_audit (store, spor_entity_get_uuid (p),
                "create:name,min_age,capacity,not_self_supporting update:name,max_age update:capacity");
}

/* A changed reference alone is a change that is written. */
static void
test_changed_reference (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 prog = rules_add_programme (store, "Unge med Kant", -1, -1);
  gint64 spring = rules_add_cohort (store, prog, "2026-02-02", -1);
  gint64 autumn = rules_add_cohort (store, prog, "2026-08-03", -1);
  gint64 id = rules_add_participant (store, "Testa Testesen", "intake");
  g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);

  spor_entity_set_int (p, "cohort_id", spring);
  assert_ok (spor_store_update (store, p, &error));
  spor_entity_set_int (p, "cohort_id", autumn);
  assert_ok (spor_store_update (store, p, &error));
  rules_reopen (&store);
  {
    g_autoptr(SporEntity) again = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);

    g_assert_cmpint (spor_entity_get_int (again, "cohort_id"), ==, autumn);
    /* and none is a change too */
    spor_entity_set_int (again, "cohort_id", 0);
    assert_ok (spor_store_update (store, again, &error));
  }
  {
    g_autoptr(SporEntity) again = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);
    g_assert_false (spor_entity_is_set (again, "cohort_id"));
  }
  assert_audit (store, spor_entity_get_uuid (p),
                "create:name,status,consent_processing,consent_sharing,consent_photos "
                "update:cohort_id update:cohort_id update:cohort_id");
}

static void
assert_refused (SporEntity *entity,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_entity_validate (entity, &error));
  rules_assert_invalid (error, message);
}

static void
assert_fine (SporEntity *entity)
{
  g_autoptr(GError) error = NULL;

  assert_ok (spor_entity_validate (entity, &error));
}

/* The field checker at the limits of each kind of field */
static void
test_field_limits (void)
{
  g_autoptr(SporEntity) p = programme ("Sy og design");
  g_autoptr(SporEntity) a = spor_entity_new (SPOR_TYPE_AGREEMENT);

  spor_entity_set_int (p, "min_age", 0);
  spor_entity_set_int (p, "max_age", 120);
  spor_entity_set_int (p, "capacity", 0);
  assert_fine (p);
  spor_entity_set_int (p, "max_age", 121);
  assert_refused (p, "programme.max_age: the number is out of range (0 to 120)");
  spor_entity_set_int (p, "max_age", 120);
  spor_entity_set_int (p, "min_age", -1);
  assert_refused (p, "programme.min_age: the number is out of range (0 to 120)");
  spor_entity_set_int (p, "min_age", 0);
  spor_entity_set_int (p, "capacity", 100001);
  assert_refused (p, "programme.capacity: the number is out of range (0 to 100000)");
  spor_entity_set_int (p, "capacity", 100000);
  assert_fine (p);
  spor_entity_set_text (p, "name", " \t\n ");
  assert_refused (p, "programme.name: a value is required");
  spor_entity_set_text (p, "name", "Sy og design");
  spor_entity_set_text (p, "period_start", "2026-02-29");
  assert_refused (p, "programme.period_start: not a date (YYYY-MM-DD)");

  spor_entity_set_int (a, "participant_id", 1);
  spor_entity_set_int (a, "version", 1);
  spor_entity_set_text (a, "state", "draft");
  spor_entity_set_real (a, "weekly_hours", 0);
  assert_fine (a);
  spor_entity_set_real (a, "weekly_hours", 60);
  assert_fine (a);
  spor_entity_set_real (a, "weekly_hours", 60.25);
  assert_refused (a, "agreement.weekly_hours: the number is out of range (0 to 60)");
  spor_entity_set_real (a, "weekly_hours", -0.25);
  assert_refused (a, "agreement.weekly_hours: the number is out of range (0 to 60)");
  spor_entity_set_real (a, "weekly_hours", 37);
  assert_fine (a);

  g_assert_true (spor_time_is_valid ("00:00"));
  g_assert_true (spor_time_is_valid ("23:59"));
  g_assert_false (spor_time_is_valid ("24:00"));
  g_assert_false (spor_time_is_valid ("12:60"));
  g_assert_false (spor_time_is_valid ("9:00"));
  g_assert_true (spor_date_is_valid ("2028-02-29"));
  g_assert_false (spor_date_is_valid ("2026-02-29"));
  g_assert_false (spor_date_is_valid ("2026-1-05"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/store/nested-savepoints", test_nested_savepoints);
  g_test_add_func ("/rules/store/refused-writes-roll-back", test_refused_writes_roll_back);
  g_test_add_func ("/rules/store/audit-fields", test_audit_fields);
  g_test_add_func ("/rules/store/changed-reference", test_changed_reference);
  g_test_add_func ("/rules/store/field-limits", test_field_limits);

  return g_test_run ();
}
