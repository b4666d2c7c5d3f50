/* test-attendance.c — attendance per occurrence and participant; planned and attended hours
 * per week against the start agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-test-util.h"
#include "spor-attendance.h"
#include "spor-blocks.h"

typedef struct {
  SporStore *store;
  gint64     block_id;
  gint64     p1, p2, outsider;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  SporEntity *e = SPOR_ENTITY (block);

  f->store = test_open_new_store ();
  /* Syddjurs: Tuesday and Thursday 09:00–12:00 */
  spor_entity_set_text (e, "title", "Sy og design");
  spor_entity_set_text (e, "kind", "weekly");
  spor_entity_set_int (e, "weekdays", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4));
  spor_entity_set_text (e, "start_time", "09:00");
  spor_entity_set_text (e, "end_time", "12:00");
  spor_entity_set_text (e, "period_start", "2026-11-01");
  spor_entity_set_text (e, "period_end", "2026-12-31");
  assert_ok (spor_blocks_save (f->store, block, &error));
  f->block_id = spor_entity_get_id (e);
  f->p1 = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Anna Afprøvning");
  f->p2 = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Bent Bladsen");
  f->outsider = test_insert_named (f->store, SPOR_TYPE_PARTICIPANT, "Carl Udenfor");
  assert_ok (spor_blocks_add_participant (f->store, f->block_id, f->p1, &error));
  assert_ok (spor_blocks_add_participant (f->store, f->block_id, f->p2, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SporAttendanceRow *row;

  rows = spor_attendance_list_occurrence (f->store, f->block_id, "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->name, ==, "Anna Afprøvning");
  g_assert_cmpint (row->status, ==, SPOR_ATTENDANCE_UNKNOWN);
  g_clear_pointer (&rows, g_ptr_array_unref);

  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p1, SPOR_ATTENDANCE_LATE, 2.5, &error));
  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p2, SPOR_ATTENDANCE_SICK, -1, &error));
  rows = spor_attendance_list_occurrence (f->store, f->block_id, "2026-11-24", &error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->status, ==, SPOR_ATTENDANCE_LATE);
  g_assert_cmpfloat_with_epsilon (row->hours, 2.5, 1e-9);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->status, ==, SPOR_ATTENDANCE_SICK);
  g_assert_cmpfloat_with_epsilon (row->hours, 0, 1e-9);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Update in place, then clear */
  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p1, SPOR_ATTENDANCE_PRESENT, -1, &error));
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 2);
  assert_ok (spor_attendance_clear (f->store, f->block_id, "2026-11-24", f->p2, &error));
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 1);

  /* Bad input: clear messages, nothing written */
  g_assert_false (spor_attendance_set (f->store, f->block_id, "2026-11-25", f->p1, SPOR_ATTENDANCE_PRESENT, -1, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->outsider, SPOR_ATTENDANCE_PRESENT, -1, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p1, SPOR_ATTENDANCE_PRESENT, 4, &error));
  g_assert_nonnull (strstr (error->message, "3.0"));
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p1, SPOR_ATTENDANCE_UNKNOWN, -1, &error));
  g_clear_error (&error);
  assert_ok (spor_blocks_cancel_occurrence (f->store, f->block_id, "2026-11-26", NULL, &error));
  g_assert_false (spor_attendance_set (f->store, f->block_id, "2026-11-26", f->p1, SPOR_ATTENDANCE_PRESENT, -1, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 1);

  /* Status names round trip */
  for (SporAttendanceStatus s = SPOR_ATTENDANCE_PRESENT; s <= SPOR_ATTENDANCE_SICK; s++)
    g_assert_cmpint (spor_attendance_status_from_string (spor_attendance_status_to_string (s)), ==, s);
}

static void
test_mark_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint marked = 0;

  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-12-01", f->p2, SPOR_ATTENDANCE_ABSENT_NOTICE, -1, &error));
  assert_ok (spor_attendance_mark_all_present (f->store, f->block_id, "2026-12-01", &marked, &error));
  g_assert_cmpuint (marked, ==, 1);
  rows = spor_attendance_list_occurrence (f->store, f->block_id, "2026-12-01", &error);
  g_assert_cmpint (((SporAttendanceRow *) g_ptr_array_index (rows, 0))->status, ==, SPOR_ATTENDANCE_PRESENT);
  g_assert_cmpfloat_with_epsilon (((SporAttendanceRow *) g_ptr_array_index (rows, 0))->hours, 3, 1e-9);
  /* What was registered already stays */
  g_assert_cmpint (((SporAttendanceRow *) g_ptr_array_index (rows, 1))->status, ==, SPOR_ATTENDANCE_ABSENT_NOTICE);
  assert_ok (spor_attendance_mark_all_present (f->store, f->block_id, "2026-12-01", &marked, &error));
  g_assert_cmpuint (marked, ==, 0);
}

static void
test_rates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(SporAgreement) agreement = spor_entity_new (SPOR_TYPE_AGREEMENT);
  double hours = 0;

  g_assert_false (spor_attendance_agreement_hours (f->store, f->p1, &hours, &error));
  g_assert_no_error (error);
  spor_entity_set_int (SPOR_ENTITY (agreement), "participant_id", f->p1);
  spor_entity_set_int (SPOR_ENTITY (agreement), "version", 1);
  spor_entity_set_text (SPOR_ENTITY (agreement), "state", "draft");
  spor_entity_set_real (SPOR_ENTITY (agreement), "weekly_hours", 6);
  assert_ok (spor_store_insert (f->store, SPOR_ENTITY (agreement), &error));
  assert_ok (spor_attendance_agreement_hours (f->store, f->p1, &hours, &error));
  g_assert_cmpfloat_with_epsilon (hours, 6, 1e-9);

  /* Week 48: present Tue (3 h), late Thu (2 h). Week 49: Tuesday cancelled, Thu absent. */
  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-11-24", f->p1, SPOR_ATTENDANCE_PRESENT, -1, &error));
  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-11-26", f->p1, SPOR_ATTENDANCE_LATE, 2, &error));
  assert_ok (spor_blocks_cancel_occurrence (f->store, f->block_id, "2026-12-01", NULL, &error));
  assert_ok (spor_attendance_set (f->store, f->block_id, "2026-12-03", f->p1, SPOR_ATTENDANCE_ABSENT, -1, &error));

  weeks = spor_attendance_weeks (f->store, f->p1, "2026-11-25", "2026-12-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpstr (g_array_index (weeks, SporAttendanceWeek, 0).monday, ==, "2026-11-23");
  g_assert_cmpuint (g_array_index (weeks, SporAttendanceWeek, 0).iso_week, ==, 48);
  g_assert_cmpint (g_array_index (weeks, SporAttendanceWeek, 0).iso_year, ==, 2026);
  g_assert_cmpfloat_with_epsilon (g_array_index (weeks, SporAttendanceWeek, 0).planned_hours, 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (weeks, SporAttendanceWeek, 0).attended_hours, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (weeks, SporAttendanceWeek, 1).planned_hours, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (weeks, SporAttendanceWeek, 1).attended_hours, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (spor_attendance_rate (weeks), 5.0 / 9.0, 1e-9);

  /* A participant outside every block plans nothing: no rate */
  g_clear_pointer (&weeks, g_array_unref);
  weeks = spor_attendance_weeks (f->store, f->outsider, "2026-11-25", "2026-12-03", &error);
  g_assert_cmpfloat (spor_attendance_rate (weeks), <, 0);

  /* A reversed period is refused */
  g_clear_pointer (&weeks, g_array_unref);
  weeks = spor_attendance_weeks (f->store, f->p1, "2026-12-25", "2026-12-03", &error);
  g_assert_null (weeks);
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/attendance/crud", Fixture, NULL, fixture_set_up, test_crud, fixture_tear_down);
  g_test_add ("/attendance/mark-all", Fixture, NULL, fixture_set_up, test_mark_all, fixture_tear_down);
  g_test_add ("/attendance/rates", Fixture, NULL, fixture_set_up, test_rates, fixture_tear_down);

  return g_test_run ();
}
