/* test-blocks.c — work blocks: validation, occurrences across summer time, period edges,
 * exceptions, staffing and double bookings in the week query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-test-util.h"
#include "spor-blocks.h"

static gint64
id_of (gpointer entity)
{
  return spor_entity_get_id (SPOR_ENTITY (entity));
}

static SporBlock *
weekly_block (const char *title,
              guint       weekdays,
              const char *start,
              const char *end,
              const char *from,
              const char *to)
{
  SporBlock *block = spor_entity_new (SPOR_TYPE_BLOCK);
  SporEntity *e = SPOR_ENTITY (block);

  spor_entity_set_text (e, "title", title);
  spor_entity_set_text (e, "kind", "weekly");
  spor_entity_set_int (e, "weekdays", weekdays);
  spor_entity_set_text (e, "start_time", start);
  spor_entity_set_text (e, "end_time", end);
  spor_entity_set_text (e, "period_start", from);
  if (to != NULL)
    spor_entity_set_text (e, "period_end", to);
  return block;
}

static void
test_validate (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = weekly_block ("Syværksted", SPOR_WEEKDAY_BIT (2), "09:00", "12:00",
                                             "2026-08-01", "2026-12-18");

  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "09:00");
  g_assert_false (spor_blocks_save (store, block, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "end after it starts"));
  g_clear_error (&error);

  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "12:00");
  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", 0);
  g_assert_false (spor_blocks_save (store, block, &error));
  g_assert_nonnull (strstr (error->message, "weekday"));
  g_clear_error (&error);

  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", SPOR_WEEKDAY_BIT (2));
  spor_entity_set_text (SPOR_ENTITY (block), "period_end", "2026-07-01");
  g_assert_false (spor_blocks_save (store, block, &error));
  g_assert_nonnull (strstr (error->message, "period"));
  g_clear_error (&error);

  spor_entity_set_text (SPOR_ENTITY (block), "period_end", "2026-12-18");
  spor_entity_set_text (SPOR_ENTITY (block), "title", "   ");
  g_assert_false (spor_blocks_save (store, block, &error));
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  spor_entity_set_text (SPOR_ENTITY (block), "start_time", "9 o'clock");
  spor_entity_set_text (SPOR_ENTITY (block), "title", "Syværksted");
  g_assert_false (spor_blocks_save (store, block, &error));
  g_assert_nonnull (strstr (error->message, "start time"));
  g_clear_error (&error);

  /* Nothing was written by any of the refusals */
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, 0);

  spor_entity_set_text (SPOR_ENTITY (block), "start_time", "09:00");
  assert_ok (spor_blocks_save (store, block, &error));
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, 1);
}

static void
test_summer_time (void)
{
  /* Mondays and Sundays at 09:00 from before the change to summer time (29 March 2026)
   * until after the change back (25 October 2026). */
  g_autoptr(SporBlock) block = weekly_block ("Værksted", SPOR_WEEKDAY_BIT (1) | SPOR_WEEKDAY_BIT (7),
                                             "09:00", "12:00", "2026-03-20", "2026-11-01");
  g_autoptr(GPtrArray) all = spor_blocks_expand (block, NULL, "2026-01-01", "2026-12-31");
  gboolean saw_spring = FALSE, saw_autumn = FALSE;

  /* Every Monday and Sunday from 22 March to 1 November: 33 Sundays, 32 Mondays */
  g_assert_cmpuint (all->len, ==, 65);
  g_assert_cmpstr (((SporOccurrence *) g_ptr_array_index (all, 0))->date, ==, "2026-03-22");
  g_assert_cmpstr (((SporOccurrence *) g_ptr_array_index (all, all->len - 1))->date, ==, "2026-11-01");

  for (guint i = 0; i < all->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (all, i);
      GTimeSpan offset = g_date_time_get_utc_offset (o->start);

      g_assert_cmpint (g_date_time_get_hour (o->start), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (o->start), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (o->end), ==, 12);
      g_assert_cmpfloat_with_epsilon (spor_occurrence_hours (o), 3.0, 1e-9);
      if (strcmp (o->date, "2026-03-29") >= 0 && strcmp (o->date, "2026-10-25") < 0)
        g_assert_cmpint (offset, ==, 2 * G_TIME_SPAN_HOUR);
      else
        g_assert_cmpint (offset, ==, G_TIME_SPAN_HOUR);
      saw_spring |= strcmp (o->date, "2026-03-29") == 0;
      saw_autumn |= strcmp (o->date, "2026-10-25") == 0;
    }
  g_assert_true (saw_spring);
  g_assert_true (saw_autumn);

  /* Across the change to summer time a week is an hour shorter in real time */
  {
    SporOccurrence *before = g_ptr_array_index (all, 0);  /* Sunday 22 March */
    SporOccurrence *after = g_ptr_array_index (all, 2);   /* Sunday 29 March */

    g_assert_cmpstr (after->date, ==, "2026-03-29");
    g_assert_cmpint (g_date_time_difference (after->start, before->start), ==, 167 * G_TIME_SPAN_HOUR);
  }
}

static void
test_period_edges (void)
{
  /* Tuesdays and Thursdays: the period starts on a Thursday and ends on a Tuesday */
  g_autoptr(SporBlock) block = weekly_block ("Sy og design", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4),
                                             "09:00", "12:00", "2026-09-03", "2026-09-15");
  g_autoptr(GPtrArray) all = spor_blocks_expand (block, NULL, "2026-08-01", "2026-10-01");
  g_autoptr(GPtrArray) part = spor_blocks_expand (block, NULL, "2026-09-08", "2026-09-10");
  g_autoptr(GPtrArray) none = spor_blocks_expand (block, NULL, "2026-09-16", "2026-10-01");
  static const char * const dates[] = { "2026-09-03", "2026-09-08", "2026-09-10", "2026-09-15" };

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((SporOccurrence *) g_ptr_array_index (all, i))->date, ==, dates[i]);
  g_assert_cmpuint (part->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (spor_blocks_has_date (block, "2026-09-15"));
  g_assert_false (spor_blocks_has_date (block, "2026-09-17"));
  g_assert_false (spor_blocks_has_date (block, "2026-09-01"));
  g_assert_false (spor_blocks_has_date (block, "2026-09-09"));

  /* A one-off block has exactly its day */
  spor_entity_set_text (SPOR_ENTITY (block), "kind", "once");
  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", 0);
  spor_entity_unset (SPOR_ENTITY (block), "period_end");
  {
    g_autoptr(GPtrArray) once = spor_blocks_expand (block, NULL, "2026-01-01", "2026-12-31");

    g_assert_cmpuint (once->len, ==, 1);
    g_assert_cmpstr (((SporOccurrence *) g_ptr_array_index (once, 0))->date, ==, "2026-09-03");
  }
}

static void
test_exceptions (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = weekly_block ("Sy og design", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4),
                                             "09:00", "12:00", "2026-11-01", "2026-12-31");
  g_autoptr(SporWeek) week = NULL;
  gint64 id;

  assert_ok (spor_blocks_save (store, block, &error));
  id = id_of (block);

  /* Not a day of the rule: refused, nothing written */
  g_assert_false (spor_blocks_cancel_occurrence (store, id, "2026-11-25", NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-24", "2026-11-27", "12:00", "10:00", NULL, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "block_exceptions"), ==, 0);

  /* Week 48: cancel Tuesday, move Thursday to Friday 10–13 */
  assert_ok (spor_blocks_cancel_occurrence (store, id, "2026-11-24", "Holiday", &error));
  assert_ok (spor_blocks_move_occurrence (store, id, "2026-11-26", "2026-11-27", "10:00", "13:00", NULL, &error));
  /* Week 49: move Tuesday into week 50 */
  assert_ok (spor_blocks_move_occurrence (store, id, "2026-12-01", "2026-12-08", NULL, NULL, NULL, &error));

  week = spor_blocks_query_week (store, "2026-11-25", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (week->monday, ==, "2026-11-23");
  g_assert_cmpuint (week->occurrences->len, ==, 2);
  {
    SporOccurrence *tue = g_ptr_array_index (week->occurrences, 0);
    SporOccurrence *fri = g_ptr_array_index (week->occurrences, 1);

    g_assert_true (tue->cancelled);
    g_assert_cmpstr (tue->reason, ==, "Holiday");
    g_assert_true (fri->moved);
    g_assert_cmpstr (fri->date, ==, "2026-11-26");
    g_assert_cmpstr (fri->actual_date, ==, "2026-11-27");
    g_assert_cmpint (g_date_time_get_hour (fri->start), ==, 10);
    g_assert_cmpint (g_date_time_get_hour (fri->end), ==, 13);
  }
  g_clear_pointer (&week, spor_week_free);

  week = spor_blocks_query_week (store, "2026-11-30", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->occurrences->len, ==, 1); /* only Thursday stays in week 49 */
  g_clear_pointer (&week, spor_week_free);
  week = spor_blocks_query_week (store, "2026-12-07", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->occurrences->len, ==, 3); /* Tue, the moved Tue, Thu */
  g_clear_pointer (&week, spor_week_free);

  /* Restoring puts Tuesday back in its own week */
  assert_ok (spor_blocks_restore_occurrence (store, id, "2026-11-24", &error));
  week = spor_blocks_query_week (store, "2026-11-23", NULL, &error);
  g_assert_false (((SporOccurrence *) g_ptr_array_index (week->occurrences, 0))->cancelled);

  /* Every change is audited by entity and field names only */
  g_assert_cmpint (test_count_rows (store, "audit_log"), >=, 5);
}

static void
test_staffing (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) a = weekly_block ("Sy og design", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4),
                                         "09:00", "12:00", "2026-11-01", "2026-12-31");
  g_autoptr(SporBlock) b = weekly_block ("Fortælleværksted", SPOR_WEEKDAY_BIT (2),
                                         "11:00", "13:00", "2026-11-01", "2026-12-31");
  g_autoptr(SporWeek) week = NULL;
  gint64 creative = test_insert_named (store, SPOR_TYPE_STAFF, "Testa Kreativsen");
  gint64 adviser = test_insert_named (store, SPOR_TYPE_STAFF, "Rådgiver Prøvesen");
  gint64 other = test_insert_named (store, SPOR_TYPE_STAFF, "Vikar Eksempelsen");
  gint64 p1 = test_insert_named (store, SPOR_TYPE_PARTICIPANT, "Deltager Et");
  gint64 p2 = test_insert_named (store, SPOR_TYPE_PARTICIPANT, "Deltager To");
  SporOccurrence *tue_a, *thu_a, *tue_b;

  spor_entity_set_int (SPOR_ENTITY (a), "capacity", 1);
  assert_ok (spor_blocks_save (store, a, &error));
  assert_ok (spor_blocks_save (store, b, &error));
  assert_ok (spor_blocks_set_requirement (store, id_of (a), "creative", 1, &error));
  assert_ok (spor_blocks_set_requirement (store, id_of (a), "adviser", 1, &error));
  assert_ok (spor_blocks_assign_staff (store, id_of (a), creative, "creative", &error));
  assert_ok (spor_blocks_assign_staff (store, id_of (b), creative, "creative", &error));
  assert_ok (spor_blocks_add_participant (store, id_of (a), p1, &error));
  assert_ok (spor_blocks_add_participant (store, id_of (a), p2, &error));
  assert_ok (spor_blocks_add_participant (store, id_of (b), p2, &error));

  week = spor_blocks_query_week (store, "2026-11-23", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->occurrences->len, ==, 3);
  tue_a = g_ptr_array_index (week->occurrences, 0);
  tue_b = g_ptr_array_index (week->occurrences, 1);
  thu_a = g_ptr_array_index (week->occurrences, 2);
  g_assert_cmpint (tue_a->block_id, ==, id_of (a));
  g_assert_cmpint (tue_b->block_id, ==, id_of (b));

  /* Missing adviser on both days of a; above capacity (2 for 1) */
  g_assert_true (tue_a->problems & SPOR_PROBLEM_MISSING_ROLE);
  g_assert_true (thu_a->problems & SPOR_PROBLEM_MISSING_ROLE);
  g_assert_true (tue_a->problems & SPOR_PROBLEM_OVER_CAPACITY);
  g_assert_nonnull (strstr (tue_a->problem_text, "adviser"));
  /* Tuesday: the creative and participant 2 are in both overlapping blocks; Thursday not */
  g_assert_true (tue_a->problems & SPOR_PROBLEM_STAFF_DOUBLE);
  g_assert_true (tue_b->problems & SPOR_PROBLEM_STAFF_DOUBLE);
  g_assert_true (tue_b->problems & SPOR_PROBLEM_PARTICIPANT_DOUBLE);
  g_assert_false (thu_a->problems & (SPOR_PROBLEM_STAFF_DOUBLE | SPOR_PROBLEM_PARTICIPANT_DOUBLE));
  g_assert_nonnull (strstr (tue_b->problem_text, "Testa Kreativsen"));
  /* The participant's name never appears in a problem */
  g_assert_null (strstr (tue_b->problem_text, "Deltager"));
  g_assert_cmpuint (week->n_problems, ==, 3);
  g_clear_pointer (&week, spor_week_free);

  /* Fix it: an adviser, capacity 2, a substitute for the creative on Tuesday */
  assert_ok (spor_blocks_assign_staff (store, id_of (a), adviser, "adviser", &error));
  spor_entity_set_int (SPOR_ENTITY (a), "capacity", 2);
  assert_ok (spor_blocks_save (store, a, &error));
  assert_ok (spor_blocks_substitute_staff (store, id_of (b), "2026-11-24", creative, other, &error));
  assert_ok (spor_blocks_remove_participant (store, id_of (b), p2, &error));
  g_assert_false (spor_blocks_substitute_staff (store, id_of (b), "2026-11-24", creative, creative, &error));
  g_clear_error (&error);

  week = spor_blocks_query_week (store, "2026-11-23", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->n_problems, ==, 0);
  tue_b = g_ptr_array_index (week->occurrences, 1);
  g_assert_nonnull (strstr (tue_b->staff, "Vikar Eksempelsen"));
  g_clear_pointer (&week, spor_week_free);

  /* Filters */
  {
    SporWeekFilter filter = { .staff_id = adviser };

    week = spor_blocks_query_week (store, "2026-11-23", &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (week->occurrences->len, ==, 2);
    g_clear_pointer (&week, spor_week_free);
  }

  /* Requirements read back and removed */
  {
    g_autoptr(GHashTable) req = spor_blocks_get_requirements (store, id_of (a), &error);

    g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (req, "creative")), ==, 1);
    assert_ok (spor_blocks_set_requirement (store, id_of (a), "creative", 0, &error));
    g_assert_cmpint (test_count_rows (store, "block_requirements"), ==, 1);
  }

  /* Deleting a block takes its links with it */
  assert_ok (spor_blocks_delete (store, id_of (a), &error));
  g_assert_cmpint (test_count_rows (store, "block_staff"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "block_participants"), ==, 0);
}

/* The whole of a block described as text: fields, requirement, staff and participants */
static char *
describe (SporStore *store,
          gint64     block_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, &error);
  g_autoptr(GHashTable) required = spor_blocks_get_requirements (store, block_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  static const char * const roles[] = { "creative", "adviser", "mentor" };
  const char *tables[] = { "block_staff", "block_participants" };

  g_assert_no_error (error);
  g_string_append_printf (text, "%s %s-%s %s..%s cap=%d;", spor_entity_get_text (SPOR_ENTITY (block), "title"),
                          spor_entity_get_text (SPOR_ENTITY (block), "start_time"),
                          spor_entity_get_text (SPOR_ENTITY (block), "end_time"),
                          spor_entity_get_text (SPOR_ENTITY (block), "period_start"),
                          spor_entity_get_text (SPOR_ENTITY (block), "period_end"),
                          spor_entity_is_set (SPOR_ENTITY (block), "capacity")
                            ? (int) spor_entity_get_int (SPOR_ENTITY (block), "capacity") : -1);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    g_string_append_printf (text, " %s=%d", roles[i],
                            GPOINTER_TO_INT (g_hash_table_lookup (required, roles[i])));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT group_concat (x, ',') FROM (SELECT %s AS x "
                                              "FROM %s WHERE block_id = %" G_GINT64_FORMAT
                                              " ORDER BY x)",
                                              t == 0 ? "staff_id || ':' || role" : "participant_id",
                                              tables[t], block_id);
      g_autofree char *list = test_query_text (store, sql);

      g_string_append_printf (text, "; %s", list != NULL ? list : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Undo of an edit puts back the fields, the requirement, the staff and the participants */
static void
test_restore_state (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = weekly_block ("Sy og design", SPOR_WEEKDAY_BIT (2), "09:00", "12:00",
                                             "2026-11-01", "2026-12-31");
  g_autoptr(SporBlockState) state = NULL;
  g_autofree char *before = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  gint64 creative = test_insert_named (store, SPOR_TYPE_STAFF, "Testa Kreativsen");
  gint64 adviser = test_insert_named (store, SPOR_TYPE_STAFF, "Rådgiver Prøvesen");
  gint64 p1 = test_insert_named (store, SPOR_TYPE_PARTICIPANT, "Deltager Et");
  gint64 p2 = test_insert_named (store, SPOR_TYPE_PARTICIPANT, "Deltager To");
  gint64 block_id;

  spor_entity_set_int (SPOR_ENTITY (block), "capacity", 8);
  assert_ok (spor_blocks_save (store, block, &error));
  block_id = id_of (block);
  assert_ok (spor_blocks_set_requirement (store, block_id, "creative", 1, &error));
  assert_ok (spor_blocks_set_requirement (store, block_id, "adviser", 1, &error));
  assert_ok (spor_blocks_assign_staff (store, block_id, creative, "creative", &error));
  assert_ok (spor_blocks_add_participant (store, block_id, p1, &error));
  before = describe (store, block_id);
  state = spor_blocks_get_state (store, block_id, &error);
  g_assert_no_error (error);

  /* an edit of everything */
  spor_entity_set_text (SPOR_ENTITY (block), "title", "Syværksted");
  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "13:00");
  spor_entity_unset (SPOR_ENTITY (block), "capacity");
  assert_ok (spor_blocks_save (store, block, &error));
  assert_ok (spor_blocks_set_requirement (store, block_id, "creative", 2, &error));
  assert_ok (spor_blocks_set_requirement (store, block_id, "adviser", 0, &error));
  assert_ok (spor_blocks_set_requirement (store, block_id, "mentor", 1, &error));
  assert_ok (spor_blocks_unassign_staff (store, block_id, creative, &error));
  assert_ok (spor_blocks_assign_staff (store, block_id, adviser, "adviser", &error));
  assert_ok (spor_blocks_remove_participant (store, block_id, p1, &error));
  assert_ok (spor_blocks_add_participant (store, block_id, p2, &error));
  edited = describe (store, block_id);
  g_assert_cmpstr (edited, !=, before);

  assert_ok (spor_blocks_restore_state (store, state, &error));
  after = describe (store, block_id);
  g_assert_cmpstr (after, ==, before);
  /* and again: nothing left to change */
  assert_ok (spor_blocks_restore_state (store, state, &error));
  g_clear_pointer (&after, g_free);
  after = describe (store, block_id);
  g_assert_cmpstr (after, ==, before);

  /* a block deleted meanwhile is not brought back, and nothing changes */
  assert_ok (spor_blocks_delete (store, block_id, &error));
  g_assert_false (spor_blocks_restore_state (store, state, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "block_staff"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "block_participants"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/blocks/validate", test_validate);
  g_test_add_func ("/blocks/summer-time", test_summer_time);
  g_test_add_func ("/blocks/period-edges", test_period_edges);
  g_test_add_func ("/blocks/exceptions", test_exceptions);
  g_test_add_func ("/blocks/staffing", test_staffing);
  g_test_add_func ("/blocks/restore-state", test_restore_state);

  return g_test_run ();
}
