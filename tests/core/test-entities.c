/* test-entities.c — create, read, update, delete and audit every kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "core-test-util.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* A text no audit entry may ever contain */
#define MARKER "Ærøskøbing-hemmelighed"

/* Fills every field of @entity with a valid value; references point at @ids. */
static void
fill (SporEntity *entity,
      GHashTable *ids)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SporField *f = &info->fields[i];

      switch (f->type)
        {
        case SPOR_FIELD_TEXT:
          if (strcmp (f->name, "colour") == 0)
            spor_entity_set_text (entity, f->name, "#336699");
          else if (f->format == SPOR_FORMAT_CPR)
            spor_entity_set_text (entity, f->name, "1501269999");
          else if (f->format == SPOR_FORMAT_EMAIL)
            spor_entity_set_text (entity, f->name, MARKER "@example.org");
          else if (f->format == SPOR_FORMAT_PHONE)
            spor_entity_set_text (entity, f->name, "+45 12 34 56 78");
          else
            spor_entity_set_text (entity, f->name, MARKER);
          break;
        case SPOR_FIELD_DATE:
          spor_entity_set_text (entity, f->name, "2026-01-15");
          break;
        case SPOR_FIELD_TIME:
          spor_entity_set_text (entity, f->name,
                                g_str_has_prefix (f->name, "end") || strstr (f->name, "_end") ? "12:00" : "09:00");
          break;
        case SPOR_FIELD_ENUM:
          /* the first value is always allowed on its own (a draft, a weekly block, …) */
          spor_entity_set_text (entity, f->name, spor_value_list_get_value (f->values, 0));
          break;
        case SPOR_FIELD_BOOL:
          spor_entity_set_bool (entity, f->name, TRUE);
          break;
        case SPOR_FIELD_INT:
          spor_entity_set_int (entity, f->name, MAX ((gint64) f->min, 1) + (strcmp (f->name, "weekdays") == 0 ? 9 : 0));
          break;
        case SPOR_FIELD_REAL:
          spor_entity_set_real (entity, f->name, 6.5);
          break;
        case SPOR_FIELD_REF:
          {
            gint64 *id = g_hash_table_lookup (ids, f->ref);

            g_assert_nonnull (id);
            spor_entity_set_int (entity, f->name, *id);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
assert_same (SporEntity *a,
             SporEntity *b)
{
  const SporEntityInfo *info = spor_entity_get_info (a);

  g_assert_cmpint (spor_entity_get_id (a), ==, spor_entity_get_id (b));
  g_assert_cmpstr (spor_entity_get_uuid (a), ==, spor_entity_get_uuid (b));
  for (guint i = 0; i < info->n_fields; i++)
    {
      GValue va = G_VALUE_INIT, vb = G_VALUE_INIT;
      GParamSpec *pspec = SPOR_ENTITY_GET_CLASS (a)->field_pspecs[i];

      /* through the GObject properties, as a view would bind them */
      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (G_OBJECT (a), pspec->name, &va);
      g_object_get_property (G_OBJECT (b), pspec->name, &vb);
      g_assert_cmpint (g_param_values_cmp (pspec, &va, &vb), ==, 0);
      g_value_unset (&va);
      g_value_unset (&vb);
    }
}

static void
assert_audit_has_no_values (SporStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = spor_store_list_audit (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      SporAuditEntry *e = g_ptr_array_index (audit, i);

      g_assert_null (strstr (e->fields ? e->fields : "", MARKER));
      g_assert_null (strstr (e->fields ? e->fields : "", "2026-01-15"));
    }
}

static const char *
last_action (SporStore  *store,
             const char *uuid,
             char      **fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = spor_store_list_audit (store, uuid, &error);
  SporAuditEntry *last;

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >, 0);
  last = g_ptr_array_index (audit, audit->len - 1);
  if (fields != NULL)
    *fields = g_strdup (last->fields);
  return g_intern_string (last->action);
}

/* Every field table matches its table's columns, in order. */
static void
test_fields_match_schema (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  guint n;
  const SporEntityInfo * const *infos = spor_entity_infos (&n);

  g_assert_cmpuint (n, >=, 24);
  for (guint e = 0; e < n; e++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store),
                                           "SELECT name FROM pragma_table_info(?) ORDER BY cid",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, infos[e]->table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      g_test_message ("%s: %u columns", infos[e]->table, columns->len);
      g_assert_cmpuint (columns->len, ==, infos[e]->n_fields + 4);
      g_assert_cmpstr (g_ptr_array_index (columns, 0), ==, "id");
      g_assert_cmpstr (g_ptr_array_index (columns, 1), ==, "uuid");
      g_assert_cmpstr (g_ptr_array_index (columns, 2), ==, "created_at");
      g_assert_cmpstr (g_ptr_array_index (columns, 3), ==, "updated_at");
      for (guint i = 0; i < infos[e]->n_fields; i++)
        g_assert_cmpstr (g_ptr_array_index (columns, i + 4), ==, infos[e]->fields[i].name);

      /* references name an entity that comes earlier */
      for (guint i = 0; i < infos[e]->n_fields; i++)
        if (infos[e]->fields[i].type == SPOR_FIELD_REF)
          {
            const SporEntityInfo *target = spor_entity_info_lookup (infos[e]->fields[i].ref);
            gboolean earlier = FALSE;

            g_assert_nonnull (target);
            for (guint k = 0; k < e; k++)
              earlier |= infos[k] == target;
            g_assert_true (earlier || target == infos[e]);
          }
      g_assert_true (spor_entity_info_for_type (infos[e]->get_type ()) == infos[e]);
    }
}

static void
test_crud_every_entity (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;
  const SporEntityInfo * const *infos = spor_entity_infos (&n);

  for (guint e = 0; e < n; e++)
    {
      const SporEntityInfo *info = infos[e];
      g_autoptr(SporEntity) entity = spor_entity_new (info->get_type ());
      g_autoptr(SporEntity) loaded = NULL;
      g_autoptr(SporQuery) query = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *fields = NULL;

      g_test_message ("entity %s", info->name);
      fill (entity, ids);

      /* create */
      assert_ok (spor_store_insert (store, entity, &error));
      g_assert_cmpint (spor_entity_get_id (entity), >, 0);
      g_assert_true (spor_uuid_is_valid (spor_entity_get_uuid (entity)));
      g_assert_nonnull (spor_entity_get_created_at (entity));
      g_assert_cmpstr (last_action (store, spor_entity_get_uuid (entity), &fields), ==, "create");
      g_assert_nonnull (strstr (fields, info->fields[info->n_fields - 1].name));
      g_hash_table_insert (ids, (gpointer) info->name,
                           g_memdup2 (&(gint64) { spor_entity_get_id (entity) }, sizeof (gint64)));

      /* read */
      loaded = spor_store_get (store, info->get_type (), spor_entity_get_id (entity), &error);
      g_assert_no_error (error);
      assert_same (entity, loaded);
      g_clear_object (&loaded);
      loaded = spor_store_get_by_uuid (store, info->get_type (), spor_entity_get_uuid (entity), &error);
      g_assert_no_error (error);
      assert_same (entity, loaded);

      /* list by a query on the first field */
      query = spor_query_new (info->get_type ());
      if (info->fields[0].type == SPOR_FIELD_REF)
        spor_query_where_int (query, info->fields[0].name, spor_entity_get_int (entity, info->fields[0].name));
      list = spor_store_list (store, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_cmpint (spor_store_count (store, query, &error), ==, 1);
      g_assert_cmpint (spor_store_count_all (store, info->get_type (), &error), ==, 1);

      /* update: an optional field is cleared, or a required text changed */
      {
        const SporField *target = NULL;
        g_autoptr(SporEntity) after = NULL;
        g_autofree char *updated_before = g_strdup (spor_entity_get_updated_at (loaded));
        g_free (fields);
        fields = NULL;

        for (guint i = 0; i < info->n_fields && target == NULL; i++)
          if (!(info->fields[i].flags & SPOR_FIELD_REQUIRED) &&
              info->fields[i].type != SPOR_FIELD_BOOL)
            target = &info->fields[i];
        if (target != NULL)
          spor_entity_unset (loaded, target->name);
        else
          {
            for (guint i = 0; i < info->n_fields && target == NULL; i++)
              if (info->fields[i].type != SPOR_FIELD_REF)
                target = &info->fields[i];
            if (target == NULL)
              target = &info->fields[info->n_fields - 1];
            if (target->type == SPOR_FIELD_TEXT)
              spor_entity_set_text (loaded, target->name, "Ny værdi");
            else if (target->type == SPOR_FIELD_ENUM && spor_value_list_get_n_values (target->values) > 1)
              spor_entity_set_text (loaded, target->name, spor_value_list_get_value (target->values, 1));
            else if (target->type == SPOR_FIELD_INT)
              spor_entity_set_int (loaded, target->name, spor_entity_get_int (loaded, target->name) + 1);
            else
              {
                /* a pure link of two records: point it at a second record of the same kind */
                const SporEntityInfo *ref = spor_entity_info_lookup (target->ref);
                g_autoptr(SporEntity) second = spor_store_get (store, ref->get_type (),
                                                               spor_entity_get_int (loaded, target->name),
                                                               &error);
                g_assert_no_error (error);
                spor_entity_set_keys (second, 0, NULL, NULL, NULL);
                assert_ok (spor_store_insert (store, second, &error));
                spor_entity_set_int (loaded, target->name, spor_entity_get_id (second));
              }
          }
        assert_ok (spor_store_update (store, loaded, &error));
        g_assert_cmpstr (last_action (store, spor_entity_get_uuid (loaded), &fields), ==, "update");
        g_assert_cmpstr (fields, ==, target->name);
        g_assert_cmpstr (spor_entity_get_updated_at (loaded), >, updated_before);

        after = spor_store_get (store, info->get_type (), spor_entity_get_id (loaded), &error);
        g_assert_no_error (error);
        assert_same (loaded, after);

        /* an update that changes nothing writes nothing */
        {
          g_autoptr(GPtrArray) audit_before = spor_store_list_audit (store, NULL, NULL);
          g_autoptr(GPtrArray) audit_after = NULL;

          g_assert_true (spor_store_update (store, after, &error));
          audit_after = spor_store_list_audit (store, NULL, NULL);
          g_assert_cmpuint (audit_before->len, ==, audit_after->len);
        }
      }
      g_ptr_array_add (created, g_steal_pointer (&loaded));
    }

  assert_audit_has_no_values (store);

  /* delete, children first */
  for (guint e = created->len; e-- > 0;)
    {
      SporEntity *entity = g_ptr_array_index (created, e);
      const SporEntityInfo *info = spor_entity_get_info (entity);
      g_autofree char *uuid = g_strdup (spor_entity_get_uuid (entity));
      gint64 id = spor_entity_get_id (entity);
      g_autoptr(GError) error = NULL;
      g_autoptr(SporEntity) gone = NULL;
      gint64 before = spor_store_count_all (store, info->get_type (), NULL);

      assert_ok (spor_store_delete (store, entity, &error));
      /* a participant is never only deleted: the person is erased */
      g_assert_cmpstr (last_action (store, uuid, NULL), ==,
                       g_str_equal (info->name, "participant") ? "erase" : "delete");
      gone = spor_store_get (store, info->get_type (), id, &error);
      g_assert_null (gone);
      g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_cmpint (spor_store_count_all (store, info->get_type (), NULL), ==, before - 1);
    }
  g_assert_cmpint (test_count_rows (store, "tombstones"), ==, (gint64) created->len);
}

static void
test_validation (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GError) error = NULL;
  gint64 audit_before = test_count_rows (store, "audit_log");
  struct { const char *field; const char *value; } bad[] = {
    { "birth_date", "2001-02-29" },
    { "birth_date", "24-12-2001" },
    { "referral_date", "2026-11-31" },
    { "status", "gone" },
    { "provision", "rich" },
  };

  /* name is required */
  g_assert_false (spor_store_insert (store, participant, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  spor_entity_set_text (participant, "name", "   ");
  g_assert_false (spor_store_insert (store, participant, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  spor_entity_set_text (participant, "name", "Åse Bøgh");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SporEntity) copy = spor_entity_new (SPOR_TYPE_PARTICIPANT);

      spor_entity_set_text (copy, "name", "Åse Bøgh");
      spor_entity_set_text (copy, bad[i].field, bad[i].value);
      g_assert_false (spor_store_insert (store, copy, &error));
      g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].field));
      g_clear_error (&error);
    }

  /* numbers out of range */
  {
    g_autoptr(SporEntity) agreement = spor_entity_new (SPOR_TYPE_AGREEMENT);

    spor_entity_set_int (agreement, "participant_id", 1);
    spor_entity_set_int (agreement, "version", 1);
    spor_entity_set_real (agreement, "weekly_hours", 61);
    g_assert_false (spor_store_insert (store, agreement, &error));
    g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "weekly_hours"));
    g_clear_error (&error);
  }
  /* a signed agreement needs its date (checked by the database) */
  assert_ok (spor_store_insert (store, participant, &error));
  {
    g_autoptr(SporEntity) agreement = spor_entity_new (SPOR_TYPE_AGREEMENT);

    spor_entity_set_int (agreement, "participant_id", spor_entity_get_id (participant));
    spor_entity_set_int (agreement, "version", 1);
    spor_entity_set_text (agreement, "state", "signed");
    g_assert_false (spor_store_insert (store, agreement, &error));
    g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpint (test_count_rows (store, "participants"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "agreements"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit_before + 1);
}

static void
test_properties (void)
{
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autofree char *birth = NULL;
  gboolean photos = FALSE;

  g_object_set (participant, "name", "Søren Østergaard", "birth-date", "2003-05-17",
                "consent-photos", TRUE, NULL);
  g_object_get (participant, "birth-date", &birth, "consent-photos", &photos, NULL);
  g_assert_cmpstr (birth, ==, "2003-05-17");
  g_assert_true (photos);
  g_assert_cmpstr (spor_entity_get_text (participant, "name"), ==, "Søren Østergaard");
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "waiting");
  g_assert_false (spor_entity_is_set (participant, "waiting_position"));
  g_assert_true (SPOR_IS_PARTICIPANT (participant));
}

static void
test_dates_and_times (void)
{
  g_assert_true (spor_date_is_valid ("2024-02-29"));
  g_assert_false (spor_date_is_valid ("2023-02-29"));
  g_assert_false (spor_date_is_valid ("2026-1-01"));
  g_assert_false (spor_date_is_valid ("2026-01-01T00"));
  g_assert_false (spor_date_is_valid (NULL));
  g_assert_true (spor_time_is_valid ("23:59"));
  g_assert_false (spor_time_is_valid ("24:00"));
  g_assert_false (spor_time_is_valid ("9:00"));
  g_assert_false (spor_time_is_valid ("09:60"));
}

static void
test_uuid_valid (void)
{
  static const char * const good[] = { "01890a5d-ac96-774b-bcce-b302099a8057",
                                       "01890A5D-AC96-774B-BCCE-B302099A8057" };
  static const char * const bad[] = { "", "x", "01890a5d-ac96-774b-bcce-b302099a805",
                                      "01890a5d-ac96-774b-bcce-b302099a80570",
                                      "01890a5dxac96-774b-bcce-b302099a8057",
                                      "01890a5d-ac96-774b-bcce-b302099a805g",
                                      "01890a5d-ac96-774b-bcce b302099a8057" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (spor_uuid_is_valid (good[i]));
      g_assert_true (g_uuid_string_is_valid (good[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (spor_uuid_is_valid (bad[i]));
      g_assert_false (g_uuid_string_is_valid (bad[i]));
    }
  g_assert_false (spor_uuid_is_valid (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/fields-match-schema", test_fields_match_schema);
  g_test_add_func ("/entities/crud-every-entity", test_crud_every_entity);
  g_test_add_func ("/entities/validation", test_validation);
  g_test_add_func ("/entities/uuid-valid", test_uuid_valid);
  g_test_add_func ("/entities/properties", test_properties);
  g_test_add_func ("/entities/dates-and-times", test_dates_and_times);

  return g_test_run ();
}
