/* test-values.c — the value lists: one table each, used by every field of its kind, the
 * same values as the database allows, labels for every value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "spor-attendance.h"
#include "spor-blocks.h"
#include "spor-participants.h"
#include "spor-progress.h"
#include "spor-check.h"
#include "spor-store-private.h"
#include "spor-util.h"
#include "spor-values.h"

/* Each list: values of lower-case letters and "_", each once, each with a label. */
static void
test_lists_well_formed (void)
{
  guint n_lists;
  const SporValueList * const *lists = spor_value_lists (&n_lists);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_lists, ==, 20);
  for (guint l = 0; l < n_lists; l++)
    {
      const SporValueList *list = lists[l];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (g_hash_table_add (names, (gpointer) list->name));
      g_assert_cmpuint (spor_value_list_get_n_values (list), >=, 2);
      for (guint i = 0; i < spor_value_list_get_n_values (list); i++)
        {
          const char *value = spor_value_list_get_value (list, i);

          g_assert_cmpuint (strspn (value, "abcdefghijklmnopqrstuvwxyz_"), ==, strlen (value));
          if (!g_hash_table_add (seen, (gpointer) value))
            g_error ("%s: %s is in the list twice", list->name, value);
          g_assert_cmpstr (spor_value_list_get_label (list, i), !=, "");
          g_assert_cmpuint (spor_value_list_find (list, value), ==, i);
          g_assert_true (spor_value_list_contains (list, value));
        }
    }
}

/* Every enumeration of the model takes its values from one of the lists, and every list is
 * some field's. */
static void
test_fields_use_lists (void)
{
  guint n_infos, n_lists, n_enums = 0;
  const SporEntityInfo * const *infos = spor_entity_infos (&n_infos);
  const SporValueList * const *lists = spor_value_lists (&n_lists);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n_infos; i++)
    for (guint f = 0; f < infos[i]->n_fields; f++)
      {
        const SporField *field = &infos[i]->fields[f];
        gboolean known = FALSE;

        if (field->type != SPOR_FIELD_ENUM)
          {
            g_assert_null (field->values);
            continue;
          }
        for (guint l = 0; l < n_lists; l++)
          known |= field->values == lists[l];
        if (!known)
          g_error ("%s.%s has a list of its own", infos[i]->name, field->name);
        g_hash_table_add (used, (gpointer) field->values);
        n_enums++;
      }
  g_assert_cmpuint (n_enums, ==, 23);
  for (guint l = 0; l < n_lists; l++)
    if (!g_hash_table_contains (used, lists[l]))
      g_error ("no field uses %s", lists[l]->name);
  g_assert_true (spor_entity_info_find_field (spor_entity_info_lookup ("block_staff"), "role")->values ==
                 &spor_values_role);
}

/* Positions past the end, NULL and unknown values, labels and the fallbacks */
static void
test_lookups (void)
{
  const SporValueList *status = &spor_values_participant_status;
  g_auto(GStrv) labels = spor_value_list_dup_labels (status);

  g_assert_cmpuint (spor_value_list_get_n_values (status), ==, 6);
  g_assert_cmpstr (spor_value_list_get_value (status, 0), ==, "waiting");
  g_assert_cmpstr (spor_value_list_get_value (status, 5), ==, "dropped_out");
  g_assert_null (spor_value_list_get_value (status, 6));
  g_assert_null (spor_value_list_get_label (status, 6));
  g_assert_null (spor_value_list_get_value (status, G_MAXUINT));
  g_assert_cmpuint (spor_value_list_find (status, "on_hold"), ==, 3);
  g_assert_cmpuint (spor_value_list_find (status, "On_hold"), ==, G_MAXUINT);
  g_assert_cmpuint (spor_value_list_find (status, "on_hold "), ==, G_MAXUINT);
  g_assert_cmpuint (spor_value_list_find (status, ""), ==, G_MAXUINT);
  g_assert_cmpuint (spor_value_list_find (status, NULL), ==, G_MAXUINT);
  g_assert_false (spor_value_list_contains (status, NULL));
  g_assert_false (spor_value_list_contains (status, "paused"));

  /* the labels in the order of the values, as a drop-down shows them */
  g_assert_cmpuint (g_strv_length (labels), ==, 6);
  g_assert_cmpstr (labels[0], ==, "Waiting list");
  g_assert_cmpstr (labels[3], ==, "On hold");
  g_assert_cmpstr (labels[5], ==, "Dropped out");
  g_assert_cmpstr (spor_value_list_get_label (status, 1), ==, "Intake");

  /* a label for any value: the list's fallback, or the value itself */
  g_assert_cmpstr (spor_value_label (status, "completed"), ==, "Completed");
  g_assert_cmpstr (spor_value_label (status, "paused"), ==, "Unknown");
  g_assert_cmpstr (spor_value_label (status, NULL), ==, "Unknown");
  g_assert_cmpstr (spor_value_label (&spor_values_provision, NULL), ==, "Not stated");
  g_assert_cmpstr (spor_value_label (&spor_values_provision, "self_supporting"), ==, "Self-supporting");
  g_assert_cmpstr (spor_value_label (&spor_values_meeting_kind, "group_talk"), ==, "Group talk");
  g_assert_cmpstr (spor_value_label (&spor_values_meeting_kind, "party"), ==, "Meeting");
  g_assert_cmpstr (spor_value_label (&spor_values_role, "creative"), ==, "creative professional");
  g_assert_cmpstr (spor_value_label (&spor_values_role, "janitor"), ==, "janitor");
  g_assert_cmpstr (spor_value_label (&spor_values_role, NULL), ==, "");
  g_assert_cmpstr (spor_value_label (&spor_values_attendance_status, "absent_notice"), ==,
                   "Absent with Notice");
  g_assert_cmpstr (spor_value_label (&spor_values_attendance_status, NULL), ==, "Not Registered");
  g_assert_cmpstr (spor_value_label (&spor_values_destination, "none"), ==, "None yet");
}

/* A label on its own: the first letter upper-case, whatever the value */
static void
test_titles (void)
{
  g_autofree char *creative = spor_value_title (&spor_values_role, "creative");
  g_autofree char *unknown = spor_value_title (&spor_values_role, "janitor");
  g_autofree char *none = spor_value_title (&spor_values_role, NULL);
  g_autofree char *already = spor_value_title (&spor_values_participant_status, "on_hold");
  g_autofree char *fallback = spor_value_title (&spor_values_provision, "nonsense");
  g_autofree char *scope = spor_value_title (&spor_values_consent_scope, "processing");

  g_assert_cmpstr (creative, ==, "Creative professional");
  g_assert_cmpstr (unknown, ==, "Janitor");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (already, ==, "On hold");
  g_assert_cmpstr (fallback, ==, "Not stated");
  g_assert_cmpstr (scope, ==, "Processing of personal data");
  /* the consent scopes name the three consent fields of a participant */
  for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_consent_scope); i++)
    {
      g_autofree char *field = g_strconcat ("consent_",
                                            spor_value_list_get_value (&spor_values_consent_scope, i),
                                            NULL);

      g_assert_nonnull (spor_entity_info_find_field (spor_entity_info_lookup ("participant"), field));
    }
  g_assert_cmpuint (spor_value_list_get_n_values (&spor_values_consent_scope), ==, 3);
}

/* A required enumeration starts at its list's first value; a value of another list is
 * refused with a message that names the field and the value. */
static void
test_field_defaults_and_check (void)
{
  g_autoptr(SporEntity) meeting = spor_entity_new (SPOR_TYPE_MEETING);
  g_autoptr(SporEntity) participant = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporEntity) goal = spor_entity_new (SPOR_TYPE_PROGRAMME_GOAL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (spor_entity_get_text (meeting, "kind"), ==, "screening");
  g_assert_cmpstr (spor_entity_get_text (participant, "status"), ==, "waiting");
  g_assert_null (spor_entity_get_text (participant, "provision"));
  g_assert_cmpstr (spor_entity_get_text (goal, "outcome"), ==, "education");

  spor_entity_set_text (participant, "name", "Åse Testesen");
  spor_entity_set_text (participant, "status", "active");
  spor_entity_set_text (participant, "provision", "cash_benefit");
  problems = spor_check_fields (participant);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* a meeting kind is not a status */
  spor_entity_set_text (participant, "status", "coaching");
  g_assert_false (spor_entity_validate (participant, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "participant.status: “coaching” is not one of the allowed values");
  g_clear_error (&error);

  /* nor is the label of a value */
  spor_entity_set_text (participant, "status", "Active");
  g_assert_false (spor_entity_validate (participant, &error));
  g_assert_cmpstr (error->message, ==,
                   "participant.status: “Active” is not one of the allowed values");
}

/* One row of @info with its first values, written with the test's own SQL */
static gint64
insert_plain (sqlite3              *db,
              const SporEntityInfo *info,
              GHashTable           *ids)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  char uuid[37];

  g_string_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at", info->table);
  for (guint f = 0; f < info->n_fields; f++)
    g_string_append_printf (sql, ", %s", info->fields[f].name);
  g_string_append (sql, ") VALUES (?, '2026-01-05T10:00:00.000000Z', '2026-01-05T10:00:00.000000Z'");
  for (guint f = 0; f < info->n_fields; f++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  spor_uuid_fill (uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  for (guint f = 0; f < info->n_fields; f++)
    test_bind_plain (stmt, (int) f + 2, &info->fields[f], ids);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", info->table, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

/* Whether the database takes @value in @column of row @id (the change is undone). */
static gboolean
database_takes (sqlite3    *db,
                const char *table,
                const char *column,
                gint64      id,
                const char *value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?", table, column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT value", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO value; RELEASE value", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT);
  return rc == SQLITE_DONE;
}

/* The CHECK constraints of the schema allow exactly the values of the lists. */
static void
test_database_allows_the_lists (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = spor_store_get_db (store);
  guint n_infos, n_checked = 0;
  const SporEntityInfo * const *infos = spor_entity_infos (&n_infos);

  for (guint i = 0; i < n_infos; i++)
    {
      gint64 id = insert_plain (db, infos[i], ids);

      g_hash_table_insert (ids, (gpointer) infos[i]->name, GSIZE_TO_POINTER ((gsize) id));
      for (guint f = 0; f < infos[i]->n_fields; f++)
        {
          const SporField *field = &infos[i]->fields[f];

          if (field->type != SPOR_FIELD_ENUM)
            continue;
          for (guint v = 0; v < spor_value_list_get_n_values (field->values); v++)
            if (!database_takes (db, infos[i]->table, field->name, id,
                                 spor_value_list_get_value (field->values, v)))
              g_error ("%s.%s: the database refuses %s", infos[i]->table, field->name,
                       spor_value_list_get_value (field->values, v));
          g_assert_false (database_takes (db, infos[i]->table, field->name, id, "unknown_value"));
          g_assert_false (database_takes (db, infos[i]->table, field->name, id, ""));
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 23);
}

/* The nicks of @enum_type from @first on are the values of @list, in its order. */
static void
assert_nicks_are_list (GType                enum_type,
                       int                  first,
                       const SporValueList *list)
{
  GEnumClass *klass = g_type_class_ref (enum_type);

  g_assert_cmpuint (klass->n_values, ==, (guint) first + spor_value_list_get_n_values (list));
  for (guint i = 0; i < spor_value_list_get_n_values (list); i++)
    g_assert_cmpstr (g_enum_get_value (klass, first + (int) i)->value_nick, ==,
                     spor_value_list_get_value (list, i));
  g_type_class_unref (klass);
}

/* The C enums are GLib enums; where their values are stored, the nicks are the stored
 * values of their list. */
static void
test_enums (void)
{
  g_autoptr(GFlagsClass) problems = g_type_class_ref (SPOR_TYPE_BLOCK_PROBLEM);
  g_autoptr(GEnumClass) actions = g_type_class_ref (SPOR_TYPE_CHANGE_ACTION);

  assert_nicks_are_list (SPOR_TYPE_ATTENDANCE_STATUS, SPOR_ATTENDANCE_PRESENT,
                         &spor_values_attendance_status);
  assert_nicks_are_list (SPOR_TYPE_DURATION_UNIT, SPOR_DURATION_DAYS, &spor_values_duration_unit);

  for (int s = SPOR_ATTENDANCE_PRESENT; s <= SPOR_ATTENDANCE_SICK; s++)
    g_assert_cmpint (spor_attendance_status_from_string (spor_attendance_status_to_string (s)), ==, s);
  g_assert_cmpstr (spor_attendance_status_to_string (SPOR_ATTENDANCE_ABSENT_NOTICE), ==, "absent_notice");
  g_assert_null (spor_attendance_status_to_string (SPOR_ATTENDANCE_UNKNOWN));
  g_assert_null (spor_attendance_status_to_string ((SporAttendanceStatus) 99));
  g_assert_cmpint (spor_attendance_status_from_string (NULL), ==, SPOR_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (spor_attendance_status_from_string ("unknown"), ==, SPOR_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (spor_attendance_status_from_string ("absent-notice"), ==, SPOR_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (spor_attendance_status_from_string ("Present"), ==, SPOR_ATTENDANCE_UNKNOWN);
  g_assert_cmpstr (spor_attendance_status_label (SPOR_ATTENDANCE_LATE), ==, "Late");
  g_assert_cmpstr (spor_attendance_status_label (SPOR_ATTENDANCE_UNKNOWN), ==, "Not Registered");

  g_assert_cmpint (spor_duration_unit_from_string ("months"), ==, SPOR_DURATION_MONTHS);
  g_assert_cmpint (spor_duration_unit_from_string ("days"), ==, SPOR_DURATION_DAYS);
  g_assert_cmpint (spor_duration_unit_from_string ("fortnights"), ==, SPOR_DURATION_WEEKS);
  g_assert_cmpint (spor_duration_unit_from_string (NULL), ==, SPOR_DURATION_WEEKS);
  g_assert_cmpstr (spor_duration_unit_to_string (SPOR_DURATION_MONTHS), ==, "months");
  g_assert_cmpstr (spor_duration_unit_to_string ((SporDurationUnit) 7), ==, "weeks");

  /* the problems of an occurrence are flags; the change actions keep their nicks */
  g_assert_cmpuint (problems->n_values, ==, 4);
  g_assert_cmpuint (g_flags_get_first_value (problems, SPOR_PROBLEM_OVER_CAPACITY)->value, ==,
                    SPOR_PROBLEM_OVER_CAPACITY);
  g_assert_cmpstr (g_enum_get_value (actions, SPOR_CHANGE_MANY)->value_nick, ==, "many");
  g_assert_cmpstr (g_enum_get_value (actions, SPOR_CHANGE_CREATED)->value_nick, ==, "created");
  g_assert_true (G_TYPE_IS_ENUM (SPOR_TYPE_PARTICIPANT_SORT));
  g_assert_true (G_TYPE_IS_ENUM (SPOR_TYPE_MERGE_RESULT));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/values/well-formed", test_lists_well_formed);
  g_test_add_func ("/values/fields", test_fields_use_lists);
  g_test_add_func ("/values/lookups", test_lookups);
  g_test_add_func ("/values/titles", test_titles);
  g_test_add_func ("/values/defaults-and-check", test_field_defaults_and_check);
  g_test_add_func ("/values/database", test_database_allows_the_lists);
  g_test_add_func ("/values/enums", test_enums);
  return g_test_run ();
}
