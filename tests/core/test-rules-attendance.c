/* test-rules-attendance.c — attendance at its edges: the stored states, hours up to the
 * block's length, moved, cancelled and summer-time occurrences, planned hours at the ends
 * of a period, ISO weeks over a new year, the current agreement's hours, and what a
 * refused registration leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"
#include "spor-agreements.h"
#include "spor-attendance.h"
#include "spor-blocks.h"

#define TUE 2
#define THU 8

typedef struct {
  SporStore *store;
  gint64     block;     /* Tuesday and Thursday 09:00–12:00 in November 2026 */
  gint64     p1, p2;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = test_open_new_store ();
  f->block = rules_add_weekly_block (f->store, "Sy og design", TUE | THU, "09:00", "12:00",
                                     "2026-11-03", "2026-11-26");
  f->p1 = rules_add_participant (f->store, "Anna Afprøvning", "active");
  f->p2 = rules_add_participant (f->store, "Bent Bladsen", "active");
  assert_ok (spor_blocks_add_participant (f->store, f->block, f->p1, &error));
  assert_ok (spor_blocks_add_participant (f->store, f->block, f->p2, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

/* What the database holds for one registration: "status hours", or NULL. */
static char *
stored (SporStore  *store,
        gint64      block,
        const char *date,
        gint64      participant)
{
  /* the ids are numbers and the date a constant of the test */
  g_autofree char *sql = g_strdup_printf ("SELECT status || ' ' || printf ('%%.2f', hours) "
                                          "FROM attendance WHERE block_id = %" G_GINT64_FORMAT
                                          " AND date = '%s' AND participant_id = %" G_GINT64_FORMAT,
                                          block, date, participant);

  return test_query_text (store, sql);
}

#define assert_stored(f, date, participant, expected) G_STMT_START { \
    g_autofree char *s_ = stored ((f)->store, (f)->block, (date), (participant)); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const struct {
    SporAttendanceStatus status;
    const char *stored;
    const char *label;
  } states[] = {
    { SPOR_ATTENDANCE_PRESENT, "present 3.00", "Present" },
    { SPOR_ATTENDANCE_LATE, "late 3.00", "Late" },
    { SPOR_ATTENDANCE_ABSENT_NOTICE, "absent_notice 0.00", "Absent with Notice" },
    { SPOR_ATTENDANCE_ABSENT, "absent 0.00", "Absent without Notice" },
    { SPOR_ATTENDANCE_SICK, "sick 0.00", "Sick" },
  };

  /* without hours: the whole block for present and late, none for the absences */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      assert_ok (spor_attendance_set (f->store, f->block, "2026-11-10", f->p1, states[i].status, -1,
                                      &error));
      assert_stored (f, "2026-11-10", f->p1, states[i].stored);
      g_assert_cmpstr (spor_attendance_status_label (states[i].status), ==, states[i].label);
    }
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 1);
  g_assert_cmpstr (spor_attendance_status_label (SPOR_ATTENDANCE_UNKNOWN), ==, "Not Registered");
  g_assert_null (spor_attendance_status_to_string (SPOR_ATTENDANCE_UNKNOWN));
  g_assert_cmpint (spor_attendance_status_from_string ("absent_notice"), ==,
                   SPOR_ATTENDANCE_ABSENT_NOTICE);
  g_assert_cmpint (spor_attendance_status_from_string ("absent"), ==, SPOR_ATTENDANCE_ABSENT);
  g_assert_cmpint (spor_attendance_status_from_string ("gone"), ==, SPOR_ATTENDANCE_UNKNOWN);
}

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* up to the block's length, not a minute more */
  assert_ok (spor_attendance_set (f->store, f->block, "2026-11-10", f->p1, SPOR_ATTENDANCE_PRESENT, 3,
                                  &error));
  assert_stored (f, "2026-11-10", f->p1, "present 3.00");
  assert_ok (spor_attendance_set (f->store, f->block, "2026-11-10", f->p2, SPOR_ATTENDANCE_LATE, 0.25,
                                  &error));
  assert_stored (f, "2026-11-10", f->p2, "late 0.25");
  assert_ok (spor_attendance_set (f->store, f->block, "2026-11-12", f->p1, SPOR_ATTENDANCE_PRESENT, 0,
                                  &error));
  assert_stored (f, "2026-11-12", f->p1, "present 0.00");
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-10", f->p1, SPOR_ATTENDANCE_PRESENT,
                                       3.1, &error));
  rules_assert_invalid (error, "The hours attended cannot be more than the block’s 3.0 hours.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-10", f->p1, SPOR_ATTENDANCE_LATE,
                                       3.5, &error));
  rules_assert_invalid (error, "The hours attended cannot be more than the block’s 3.0 hours.");
  g_clear_error (&error);
  assert_stored (f, "2026-11-10", f->p1, "present 3.00");

  /* a moved occurrence lasts what it was moved to */
  assert_ok (spor_blocks_move_occurrence (f->store, f->block, "2026-11-17", NULL, "10:00", "11:30",
                                          NULL, &error));
  assert_ok (spor_attendance_set (f->store, f->block, "2026-11-17", f->p1, SPOR_ATTENDANCE_PRESENT, -1,
                                  &error));
  assert_stored (f, "2026-11-17", f->p1, "present 1.50");
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-17", f->p2, SPOR_ATTENDANCE_PRESENT,
                                       2, &error));
  rules_assert_invalid (error, "The hours attended cannot be more than the block’s 1.5 hours.");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 outsider = rules_add_participant (f->store, "Carl Udenfor", "active");
  gint64 before;

  assert_ok (spor_blocks_cancel_occurrence (f->store, f->block, "2026-11-19", "Sygdom", &error));
  before = test_count_rows (f->store, "audit_log");
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-19", f->p1, SPOR_ATTENDANCE_PRESENT,
                                       -1, &error));
  rules_assert_invalid (error, "The block was cancelled on that day; there is no attendance to register.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-18", f->p1, SPOR_ATTENDANCE_PRESENT,
                                       -1, &error));
  rules_assert_invalid (error, "The block does not take place on that day.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-12-01", f->p1, SPOR_ATTENDANCE_PRESENT,
                                       -1, &error));
  rules_assert_invalid (error, "The block does not take place on that day.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-10", outsider, SPOR_ATTENDANCE_PRESENT,
                                       -1, &error));
  rules_assert_invalid (error, "The participant is not in this block.");
  g_clear_error (&error);
  g_assert_false (spor_attendance_set (f->store, f->block, "2026-11-10", f->p1, SPOR_ATTENDANCE_UNKNOWN,
                                       -1, &error));
  rules_assert_invalid (error, "Choose whether the participant was present, late, absent or sick.");
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 0);
  g_assert_cmpint (test_count_rows (f->store, "audit_log"), ==, before);
}

/* Mark All Present on a cancelled occurrence is refused as a whole, and the store goes on:
 * the next registration is committed and there after a reopen. */
static void
test_mark_all_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint marked = 99;

  assert_ok (spor_blocks_cancel_occurrence (f->store, f->block, "2026-11-19", NULL, &error));
  g_assert_false (spor_attendance_mark_all_present (f->store, f->block, "2026-11-19", &marked, &error));
  rules_assert_invalid (error, "The block was cancelled on that day; there is no attendance to register.");
  g_clear_error (&error);
  g_assert_cmpuint (marked, ==, 0);
  assert_ok (spor_attendance_set (f->store, f->block, "2026-11-24", f->p2, SPOR_ATTENDANCE_SICK, -1,
                                  &error));
  assert_ok (spor_attendance_mark_all_present (f->store, f->block, "2026-11-24", &marked, &error));
  g_assert_cmpuint (marked, ==, 1);

  rules_reopen (&f->store);
  assert_stored (f, "2026-11-24", f->p1, "present 3.00");
  assert_stored (f, "2026-11-24", f->p2, "sick 0.00");
  assert_stored (f, "2026-11-19", f->p1, NULL);
  g_assert_cmpint (test_count_rows (f->store, "attendance"), ==, 2);
}

static SporAttendanceWeek *
week_of (GArray *weeks,
         guint   i)
{
  g_assert_cmpuint (i, <, weeks->len);
  return &g_array_index (weeks, SporAttendanceWeek, i);
}

static GArray *
weeks_of (SporStore  *store,
          gint64      participant,
          const char *from,
          const char *to)
{
  g_autoptr(GError) error = NULL;
  GArray *weeks = spor_attendance_weeks (store, participant, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (weeks);
  return weeks;
}

/* A block that ends on the first day of the first week still plans that day; a cancelled
 * occurrence plans nothing. */
static void
test_planned_edges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  gint64 monday = rules_add_weekly_block (f->store, "Mandagsværksted", 1 | THU, "10:00", "12:00",
                                          "2026-11-02", "2026-11-23");

  assert_ok (spor_blocks_add_participant (f->store, monday, f->p1, &error));
  weeks = weeks_of (f->store, f->p1, "2026-11-23", "2026-11-29");
  g_assert_cmpuint (weeks->len, ==, 1);
  /* Monday 23 (2 h) of the ending block, Tuesday 24 and Thursday 26 (3 h each) */
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 0)->planned_hours, 8.0, 1e-9);
  g_clear_pointer (&weeks, g_array_unref);

  assert_ok (spor_blocks_cancel_occurrence (f->store, f->block, "2026-11-24", NULL, &error));
  assert_ok (spor_attendance_set (f->store, monday, "2026-11-23", f->p1, SPOR_ATTENDANCE_LATE, 1.5,
                                  &error));
  weeks = weeks_of (f->store, f->p1, "2026-11-23", "2026-11-29");
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 0)->planned_hours, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 0)->attended_hours, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (spor_attendance_rate (weeks), 0.3, 1e-9);

  g_assert_null (spor_attendance_weeks (f->store, f->p1, "2026-11-30", "2026-11-29", &error));
  rules_assert_invalid (error, "The period must end on or after its first day.");
}

/* Week 1 of 2026 starts on Monday 29 December 2025; week 53 of 2026 ends in 2027. */
static void
test_iso_weeks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) first = weeks_of (f->store, f->p1, "2025-12-31", "2026-01-04");
  g_autoptr(GArray) last = weeks_of (f->store, f->p1, "2026-12-31", "2027-01-04");

  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (week_of (first, 0)->monday, ==, "2025-12-29");
  g_assert_cmpuint (week_of (first, 0)->iso_week, ==, 1);
  g_assert_cmpint (week_of (first, 0)->iso_year, ==, 2026);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_cmpstr (week_of (last, 0)->monday, ==, "2026-12-28");
  g_assert_cmpuint (week_of (last, 0)->iso_week, ==, 53);
  g_assert_cmpint (week_of (last, 0)->iso_year, ==, 2026);
  g_assert_cmpstr (week_of (last, 1)->monday, ==, "2027-01-04");
  g_assert_cmpuint (week_of (last, 1)->iso_week, ==, 1);
  g_assert_cmpint (week_of (last, 1)->iso_year, ==, 2027);
}

static void
test_agreement_hours (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporAgreement) v1 = spor_agreement_start_version (f->store, f->p1, &error);
  g_autoptr(SporAgreement) v2 = NULL;
  g_autoptr(SporAgreement) v3 = NULL;
  double hours = -1;

  spor_entity_set_real (SPOR_ENTITY (v1), "weekly_hours", 6);
  assert_ok (spor_agreement_save_draft (f->store, v1, &error));
  assert_ok (spor_agreement_sign (f->store, v1, "2026-11-02", "Anna Afprøvning", "Rådgiver Prøve", &error));
  v2 = spor_agreement_start_version (f->store, f->p1, &error);
  spor_entity_set_real (SPOR_ENTITY (v2), "weekly_hours", 9);
  assert_ok (spor_agreement_save_draft (f->store, v2, &error));
  assert_ok (spor_attendance_agreement_hours (f->store, f->p1, &hours, &error));
  g_assert_cmpfloat_with_epsilon (hours, 9, 1e-9);

  /* a current version without hours names none, whatever the earlier ones said */
  assert_ok (spor_agreement_sign (f->store, v2, "2026-11-09", "Anna Afprøvning", "Rådgiver Prøve", &error));
  v3 = spor_agreement_start_version (f->store, f->p1, &error);
  spor_entity_unset (SPOR_ENTITY (v3), "weekly_hours");
  assert_ok (spor_agreement_save_draft (f->store, v3, &error));
  hours = -1;
  g_assert_false (spor_attendance_agreement_hours (f->store, f->p1, &hours, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (hours, ==, -1);
}

/* Across the change to summer time a block over the night lasts what the clock shows less
 * one hour: that is what "the whole block" registers. */
static void
test_summer_time_hours (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 night = rules_add_weekly_block (f->store, "Natteværksted", 64, "01:00", "04:00",
                                         "2026-03-22", "2026-03-29");
  g_autoptr(GArray) weeks = NULL;

  assert_ok (spor_blocks_add_participant (f->store, night, f->p2, &error));
  assert_ok (spor_attendance_set (f->store, night, "2026-03-29", f->p2, SPOR_ATTENDANCE_PRESENT, -1,
                                  &error));
  {
    g_autofree char *s = stored (f->store, night, "2026-03-29", f->p2);
    g_assert_cmpstr (s, ==, "present 2.00");
  }
  weeks = weeks_of (f->store, f->p2, "2026-03-16", "2026-03-29");
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 0)->planned_hours, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 1)->planned_hours, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week_of (weeks, 1)->attended_hours, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (spor_attendance_rate (weeks), 0.4, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/rules/attendance/states", test_states);
  ADD ("/rules/attendance/hours", test_hours);
  ADD ("/rules/attendance/refusals", test_refusals);
  ADD ("/rules/attendance/mark-all-refused", test_mark_all_refused);
  ADD ("/rules/attendance/planned-edges", test_planned_edges);
  ADD ("/rules/attendance/iso-weeks", test_iso_weeks);
  ADD ("/rules/attendance/agreement-hours", test_agreement_hours);
  ADD ("/rules/attendance/summer-time-hours", test_summer_time_hours);
#undef ADD

  return g_test_run ();
}
