/* test-store-changes.c — what the store announces, and writes of records read earlier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "core-test-util.h"
#include "spor-store-private.h"

typedef struct
{
  char             *entity;
  gint64            id;
  SporChangeAction  action;
} Seen;

static void
seen_clear (gpointer data)
{
  g_free (((Seen *) data)->entity);
}

static void
on_changed (SporStore        *store,
            const char       *entity,
            gint64            id,
            SporChangeAction  action,
            GArray           *seen)
{
  Seen s = { g_strdup (entity), id, action };

  g_array_append_val (seen, s);
}

static GArray *
watch (SporStore *store)
{
  GArray *seen = g_array_new (FALSE, TRUE, sizeof (Seen));

  g_array_set_clear_func (seen, seen_clear);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), seen);
  return seen;
}

static void
assert_seen (GArray           *seen,
             guint             index,
             const char       *entity,
             gint64            id,
             SporChangeAction  action)
{
  const Seen *s;

  g_assert_cmpuint (index, <, seen->len);
  s = &g_array_index (seen, Seen, index);
  g_assert_cmpstr (s->entity, ==, entity);
  g_assert_cmpint (s->id, ==, id);
  g_assert_cmpint (s->action, ==, action);
}

/* One notification per record written, after the commit, in the order of the writes */
static void
test_after_commit (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GArray) seen = watch (store);
  g_autoptr(SporEntity) a = test_new_named (SPOR_TYPE_PROGRAMME, "Aspiranterne");
  g_autoptr(SporEntity) b = test_new_named (SPOR_TYPE_PROGRAMME, "Sy og design");
  g_autoptr(GError) error = NULL;

  assert_ok (spor_store_insert (store, a, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  assert_seen (seen, 0, "programme", spor_entity_get_id (a), SPOR_CHANGE_CREATED);

  /* inside a transaction nothing is announced until the outermost commit */
  assert_ok (spor_store_begin (store, &error));
  spor_entity_set_text (a, "description", "Seks måneder");
  assert_ok (spor_store_update (store, a, &error));
  assert_ok (spor_store_insert (store, b, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  assert_ok (spor_store_commit (store, &error));
  g_assert_cmpuint (seen->len, ==, 3);
  assert_seen (seen, 1, "programme", spor_entity_get_id (a), SPOR_CHANGE_UPDATED);
  assert_seen (seen, 2, "programme", spor_entity_get_id (b), SPOR_CHANGE_CREATED);

  /* an update that changes nothing is no change */
  assert_ok (spor_store_update (store, a, &error));
  g_assert_cmpuint (seen->len, ==, 3);

  {
    gint64 id = spor_entity_get_id (b);

    assert_ok (spor_store_delete (store, b, &error));
    g_assert_cmpuint (seen->len, ==, 4);
    assert_seen (seen, 3, "programme", id, SPOR_CHANGE_DELETED);
  }
}

/* A rolled back transaction announces nothing, also what an inner savepoint had kept. */
static void
test_rollback (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GArray) seen = watch (store);
  g_autoptr(SporEntity) a = test_new_named (SPOR_TYPE_PROGRAMME, "Unge med Kant");
  g_autoptr(SporEntity) b = test_new_named (SPOR_TYPE_PROGRAMME, "Den Digitale Ressourcebank");
  g_autoptr(GError) error = NULL;

  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, a, &error));  /* a savepoint inside, released */
  assert_ok (spor_store_begin (store, &error));
  assert_ok (spor_store_insert (store, b, &error));
  spor_store_rollback (store);                       /* the inner savepoint only */
  assert_ok (spor_store_commit (store, &error));
  /* b was written in the savepoint that was rolled back: only a is announced, as only a
   * is in the database */
  g_assert_cmpuint (seen->len, ==, 1);
  assert_seen (seen, 0, "programme", spor_entity_get_id (a), SPOR_CHANGE_CREATED);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
  g_array_set_size (seen, 0);

  assert_ok (spor_store_begin (store, &error));
  {
    g_autoptr(SporEntity) c = test_new_named (SPOR_TYPE_PROGRAMME, "Rullet tilbage");
    assert_ok (spor_store_insert (store, c, &error));
  }
  spor_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_cmpint (test_count_rows (store, "programmes"), ==, 1);
}

/* Hundreds of writes in one transaction are one notification that many things changed. */
static void
test_many (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GArray) seen = watch (store);
  g_autoptr(GError) error = NULL;

  assert_ok (spor_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Forløb %u", i);
      g_autoptr(SporEntity) p = test_new_named (SPOR_TYPE_PROGRAMME, name);
      assert_ok (spor_store_insert (store, p, &error));
    }
  assert_ok (spor_store_commit (store, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  assert_seen (seen, 0, NULL, 0, SPOR_CHANGE_MANY);
}

/* A commit by another connection (a worker thread, another program) is seen by polling. */
static void
test_poll (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = NULL;
  g_autoptr(GArray) seen = watch (store);
  g_autoptr(SporEntity) mine = test_new_named (SPOR_TYPE_PROGRAMME, "Mit");
  g_autoptr(SporEntity) theirs = test_new_named (SPOR_TYPE_PROGRAMME, "Deres");
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_store_poll (store));
  /* the store's own writes are announced by the store, not found again by polling */
  assert_ok (spor_store_insert (store, mine, &error));
  g_assert_false (spor_store_poll (store));
  g_assert_cmpuint (seen->len, ==, 1);

  other = spor_store_open (spor_store_get_path (store), &error);
  g_assert_no_error (error);
  assert_ok (spor_store_insert (other, theirs, &error));
  g_assert_true (spor_store_poll (store));
  g_assert_cmpuint (seen->len, ==, 2);
  assert_seen (seen, 1, NULL, 0, SPOR_CHANGE_MANY);
  g_assert_false (spor_store_poll (store));
  g_assert_cmpuint (seen->len, ==, 2);
}

/* A record read before someone else saved it is not written over the newer copy. */
static void
test_stale_update (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = NULL;
  g_autoptr(SporEntity) created = test_new_named (SPOR_TYPE_PROGRAMME, "Sy og design");
  g_autoptr(SporEntity) form = NULL;
  g_autoptr(SporEntity) elsewhere = NULL;
  g_autoptr(SporEntity) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit_before = NULL, *audit_after = NULL;

  assert_ok (spor_store_insert (store, created, &error));
  form = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_id (created), &error);
  g_assert_no_error (error);

  /* another connection (an import, another window) changes it meanwhile */
  other = spor_store_open (spor_store_get_path (store), &error);
  g_assert_no_error (error);
  elsewhere = spor_store_get (other, SPOR_TYPE_PROGRAMME, spor_entity_get_id (created), &error);
  g_assert_no_error (error);
  spor_entity_set_text (elsewhere, "description", "Fra importen");
  assert_ok (spor_store_update (other, elsewhere, &error));

  audit_before = test_query_text (store, "SELECT count(*) FROM audit_log");
  spor_entity_set_text (form, "description", "Fra formularen");
  g_assert_false (spor_store_update (store, form, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==,
                   "The record was changed elsewhere after it was opened here.");
  g_clear_error (&error);

  /* nothing was written: the newer copy and the audit log are as they were, also after
   * reopening the file */
  {
    g_autofree char *path = g_strdup (spor_store_get_path (store));

    g_clear_object (&other);
    g_clear_object (&store);
    store = spor_store_open (path, &error);
    g_assert_no_error (error);
  }
  stored = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spor_entity_get_text (stored, "description"), ==, "Fra importen");
  audit_after = test_query_text (store, "SELECT count(*) FROM audit_log");
  g_assert_cmpstr (audit_after, ==, audit_before);

  /* the user chose to keep their own: the newer copy's time stamp, then the write */
  spor_entity_set_keys (form, spor_entity_get_id (form), spor_entity_get_uuid (form),
                        spor_entity_get_created_at (form), spor_entity_get_updated_at (stored));
  assert_ok (spor_store_update (store, form, &error));
  g_clear_object (&stored);
  stored = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_id (created), &error);
  g_assert_cmpstr (spor_entity_get_text (stored, "description"), ==, "Fra formularen");
  g_assert_cmpstr (spor_entity_get_updated_at (stored), ==, spor_entity_get_updated_at (form));

  /* a record written twice from the same object stays the caller's own */
  spor_entity_set_text (form, "description", "Igen");
  assert_ok (spor_store_update (store, form, &error));
}

/* A read transaction (an export's) sees one state and does not hold back other writers. */
static void
test_read_transaction (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporStore) other = NULL;
  g_autoptr(SporEntity) first = test_new_named (SPOR_TYPE_PROGRAMME, "Før eksporten");
  g_autoptr(SporEntity) during = test_new_named (SPOR_TYPE_PROGRAMME, "Under eksporten");
  g_autoptr(GError) error = NULL;

  assert_ok (spor_store_insert (store, first, &error));
  other = spor_store_open (spor_store_get_path (store), &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (spor_store_get_db (other), 50);

  assert_ok (spor_store_begin_read (store, &error));
  g_assert_cmpint (spor_store_count_all (store, SPOR_TYPE_PROGRAMME, &error), ==, 1);
  assert_ok (spor_store_insert (other, during, &error));
  /* the snapshot stays what it was */
  g_assert_cmpint (spor_store_count_all (store, SPOR_TYPE_PROGRAMME, &error), ==, 1);
  spor_store_rollback (store);
  g_assert_cmpint (spor_store_count_all (store, SPOR_TYPE_PROGRAMME, &error), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-changes/after-commit", test_after_commit);
  g_test_add_func ("/store-changes/rollback", test_rollback);
  g_test_add_func ("/store-changes/many", test_many);
  g_test_add_func ("/store-changes/poll", test_poll);
  g_test_add_func ("/store-changes/stale-update", test_stale_update);
  g_test_add_func ("/store-changes/read-transaction", test_read_transaction);

  return g_test_run ();
}
