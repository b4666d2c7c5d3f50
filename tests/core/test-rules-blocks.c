/* test-rules-blocks.c — work blocks at their edges: the first and last day of a period,
 * weekday sets, one-day periods and ranges, back-to-back blocks, cancelled and moved
 * occurrences, substitutes, staffing and capacity exactly met, the week query's edges,
 * and what a refused change leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rules-test-util.h"
#include "spor-blocks.h"

/* ISO weekdays as stored: Monday 1, Tuesday 2, … Sunday 64 */
#define MON 1
#define TUE 2
#define THU 8
#define SUN 64

#define OCC(list, i) ((SporOccurrence *) g_ptr_array_index ((list), (i)))

static SporBlock *
get_block (SporStore *store,
           gint64     id)
{
  g_autoptr(GError) error = NULL;
  SporBlock *block = spor_store_get (store, SPOR_TYPE_BLOCK, id, &error);

  g_assert_no_error (error);
  return block;
}

/* The dates of @block's occurrences in [@from, @to], joined by spaces. */
static char *
dates_of (SporBlock  *block,
          const char *from,
          const char *to)
{
  g_autoptr(GPtrArray) all = spor_blocks_expand (block, NULL, from, to);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", OCC (all, i)->date);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_dates(block, from, to, expected) G_STMT_START { \
    g_autofree char *d_ = dates_of ((block), (from), (to)); \
    g_assert_cmpstr (d_, ==, (expected)); \
  } G_STMT_END

static void
test_period_days (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(SporBlock) block = get_block (store, rules_add_weekly_block (store, "Syværksted", MON,
                                                                         "09:00", "12:00",
                                                                         "2026-11-02", "2026-11-30"));

  g_assert_false (spor_blocks_has_date (block, "2026-10-26"));
  g_assert_true (spor_blocks_has_date (block, "2026-11-02"));
  g_assert_true (spor_blocks_has_date (block, "2026-11-30"));
  g_assert_false (spor_blocks_has_date (block, "2026-12-07"));
  g_assert_false (spor_blocks_has_date (block, "2026-11-03"));
  assert_dates (block, "2026-11-02", "2026-11-30",
                "2026-11-02 2026-11-09 2026-11-16 2026-11-23 2026-11-30");
  /* ranges of one day, on the first and last day of the period */
  assert_dates (block, "2026-11-02", "2026-11-02", "2026-11-02");
  assert_dates (block, "2026-11-30", "2026-11-30", "2026-11-30");
  assert_dates (block, "2026-11-16", "2026-11-16", "2026-11-16");
  assert_dates (block, "2026-11-17", "2026-11-17", "");
  assert_dates (block, "2026-12-01", "2026-12-31", "");

  /* a one-off block has its day, also as a range of one day */
  spor_entity_set_text (SPOR_ENTITY (block), "kind", "once");
  spor_entity_set_text (SPOR_ENTITY (block), "period_start", "2026-11-18");
  spor_entity_unset (SPOR_ENTITY (block), "period_end");
  assert_dates (block, "2026-11-18", "2026-11-18", "2026-11-18");
  assert_dates (block, "2026-11-19", "2026-11-30", "");
  g_assert_true (spor_blocks_has_date (block, "2026-11-18"));
  g_assert_false (spor_blocks_has_date (block, "2026-11-25"));
}

static void
test_weekday_sets (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) sundays = get_block (store, rules_add_weekly_block (store, "Søndagscafé", SUN,
                                                                           "10:00", "12:00",
                                                                           "2026-11-01", NULL));
  g_autoptr(SporBlock) ends = get_block (store, rules_add_weekly_block (store, "Weekend", MON | SUN,
                                                                        "10:00", "12:00",
                                                                        "2026-11-01", NULL));
  g_autoptr(SporBlock) daily = get_block (store, rules_add_weekly_block (store, "Hver dag", 127,
                                                                         "10:00", "12:00",
                                                                         "2026-11-01", NULL));

  g_assert_cmpuint (SPOR_WEEKDAY_BIT (1), ==, MON);
  g_assert_cmpuint (SPOR_WEEKDAY_BIT (7), ==, SUN);
  assert_dates (sundays, "2026-11-23", "2026-11-29", "2026-11-29");
  assert_dates (ends, "2026-11-23", "2026-11-29", "2026-11-23 2026-11-29");
  {
    g_autoptr(GPtrArray) week = spor_blocks_expand (daily, NULL, "2026-11-23", "2026-11-29");
    g_assert_cmpuint (week->len, ==, 7);
  }

  /* no weekday: refused for a weekly block, not for a one-off one */
  spor_entity_set_int (SPOR_ENTITY (sundays), "weekdays", 0);
  g_assert_false (spor_blocks_save (store, sundays, &error));
  rules_assert_invalid (error, "Choose at least one weekday.");
  g_clear_error (&error);
  spor_entity_set_text (SPOR_ENTITY (sundays), "kind", "once");
  assert_ok (spor_blocks_save (store, sundays, &error));
}

static void
test_one_day_period (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = get_block (store, rules_add_weekly_block (store, "Temadag", TUE,
                                                                         "09:00", "15:00",
                                                                         "2026-11-24", "2026-11-24"));

  assert_dates (block, "2026-11-01", "2026-12-31", "2026-11-24");
  spor_entity_set_text (SPOR_ENTITY (block), "period_end", "2026-11-23");
  g_assert_false (spor_blocks_save (store, block, &error));
  rules_assert_invalid (error, "The period must end on or after its first day.");
  g_clear_error (&error);

  rules_reopen (&store);
  {
    g_autofree char *end = rules_get_text (store, SPOR_TYPE_BLOCK, 1, "period_end");
    g_assert_cmpstr (end, ==, "2026-11-24");
  }
}

/* Every refusal says what to fix, in words; none of them writes anything. */
static void
assert_block_refused (SporStore  *store,
                      const char *field,
                      const char *value,
                      const char *message)
{
  g_autoptr(SporEntity) b = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s = %s", field, value ? value : "(none)");
  spor_entity_set_text (b, "title", "Syværksted");
  spor_entity_set_text (b, "kind", "weekly");
  spor_entity_set_int (b, "weekdays", TUE);
  spor_entity_set_text (b, "start_time", "09:00");
  spor_entity_set_text (b, "end_time", "12:00");
  spor_entity_set_text (b, "period_start", "2026-11-02");
  if (value != NULL)
    spor_entity_set_text (b, field, value);
  else
    spor_entity_unset (b, field);
  g_assert_false (spor_blocks_save (store, SPOR_BLOCK (b), &error));
  rules_assert_invalid (error, message);
  g_assert_cmpint (spor_entity_get_id (b), ==, 0);
}

static void
test_block_messages (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  gint64 audit = test_count_rows (store, "audit_log");

  assert_block_refused (store, "title", " \t", "A work block needs a title.");
  assert_block_refused (store, "start_time", "9:00",
                        "Enter the start time as hours and minutes, for example 09:00.");
  assert_block_refused (store, "start_time", "24:00",
                        "Enter the start time as hours and minutes, for example 09:00.");
  assert_block_refused (store, "end_time", "12:60",
                        "Enter the end time as hours and minutes, for example 12:00.");
  assert_block_refused (store, "end_time", "09:00", "The block must end after it starts.");
  assert_block_refused (store, "end_time", "08:59", "The block must end after it starts.");
  assert_block_refused (store, "period_start", NULL, "Choose the first day of the period.");
  assert_block_refused (store, "period_end", "2026-11-31",
                        "The last day of the period is not a valid date.");
  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, 0);
  g_assert_cmpint (test_count_rows (store, "audit_log"), ==, audit);

  /* the last minute of the day is a time */
  rules_add_weekly_block (store, "Aften", TUE, "22:00", "23:59", "2026-11-02", NULL);
}

static void
test_move_messages (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 id = rules_add_weekly_block (store, "Syværksted", TUE, "09:00", "12:00", "2026-11-02", NULL);

  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-24", NULL, "10:00", "10:00",
                                               NULL, &error));
  rules_assert_invalid (error, "The block must end after it starts.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-24", NULL, NULL, "09:00",
                                               NULL, &error));
  rules_assert_invalid (error, "The block must end after it starts.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-24", "2026-11-31", NULL, NULL,
                                               NULL, &error));
  rules_assert_invalid (error, "The new day is not a valid date.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-24", NULL, "9.30", NULL,
                                               NULL, &error));
  rules_assert_invalid (error, "Enter the times as hours and minutes, for example 09:00.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_move_occurrence (store, id, "2026-11-25", "2026-11-26", NULL, NULL,
                                               NULL, &error));
  rules_assert_invalid (error, "The block does not take place on that day.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_cancel_occurrence (store, id, "2026-10-27", NULL, &error));
  rules_assert_invalid (error, "The block does not take place on that day.");
  g_clear_error (&error);
  /* the same rule for a move saved as a record (as one read from an exchange file is), with
   * both times or one of them the block's own */
  {
    static const char *times[][2] = { { "10:00", "10:00" }, { "12:00", NULL }, { NULL, "09:00" } };

    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        g_autoptr(SporEntity) x = spor_entity_new (SPOR_TYPE_BLOCK_EXCEPTION);

        spor_entity_set_int (x, "block_id", id);
        spor_entity_set_text (x, "date", "2026-11-24");
        spor_entity_set_text (x, "kind", "moved");
        spor_entity_set_text (x, "new_date", "2026-11-24");
        if (times[i][0] != NULL)
          spor_entity_set_text (x, "new_start_time", times[i][0]);
        if (times[i][1] != NULL)
          spor_entity_set_text (x, "new_end_time", times[i][1]);
        g_assert_false (spor_store_insert (store, x, &error));
        rules_assert_invalid (error, "The block must end after it starts.");
        g_clear_error (&error);
      }
  }
  /* a move that only shortens the block is fine */
  assert_ok (spor_blocks_move_occurrence (store, id, "2026-11-24", NULL, NULL, "09:01", NULL, &error));
  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "block_exceptions"), ==, 1);
}

static void
test_week_start (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  const char *cases[][2] = {
    { "2026-11-23", "2026-11-23" }, { "2026-11-29", "2026-11-23" }, { "2026-11-30", "2026-11-30" },
    { "2027-01-01", "2026-12-28" }, { "2028-03-05", "2028-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *monday = spor_blocks_week_start (cases[i][0]);
      g_assert_cmpstr (monday, ==, cases[i][1]);
    }
  g_assert_null (spor_blocks_week_start ("2026-02-29"));
  week = spor_blocks_query_week (store, "2026-11-29", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (week->monday, ==, "2026-11-23");
  g_assert_null (spor_blocks_query_week (store, "29-11-2026", NULL, &error));
  rules_assert_invalid (error, "The week must start on a valid date.");
}

static SporWeek *
query_week (SporStore  *store,
            const char *monday)
{
  g_autoptr(GError) error = NULL;
  SporWeek *week = spor_blocks_query_week (store, monday, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (week);
  return week;
}

static SporOccurrence *
find_occurrence (SporWeek   *week,
                 gint64      block_id,
                 const char *date)
{
  for (guint i = 0; i < week->occurrences->len; i++)
    if (OCC (week->occurrences, i)->block_id == block_id &&
        g_strcmp0 (OCC (week->occurrences, i)->date, date) == 0)
      return OCC (week->occurrences, i);
  g_error ("no occurrence of block %" G_GINT64_FORMAT " on %s", block_id, date);
}

/* Blocks that touch share no minute: 09–12 and 12–14 are no double booking; 11:59–13 is. */
static void
test_back_to_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 staff = rules_add_staff (store, "Testa Kreativsen");
  gint64 person = rules_add_participant (store, "Bodil Prøvesen", "active");
  gint64 morning = rules_add_weekly_block (store, "Formiddag", TUE, "09:00", "12:00", "2026-11-02", NULL);
  gint64 noon = rules_add_weekly_block (store, "Middag", TUE, "12:00", "14:00", "2026-11-02", NULL);
  gint64 both[] = { morning, noon };
  gint64 late = 0;

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      assert_ok (spor_blocks_assign_staff (store, both[i], staff, "creative", &error));
      assert_ok (spor_blocks_add_participant (store, both[i], person, &error));
    }
  week = query_week (store, "2026-11-23");
  g_assert_cmpuint (week->occurrences->len, ==, 2);
  g_assert_cmpuint (week->n_problems, ==, 0);
  g_assert_null (find_occurrence (week, morning, "2026-11-24")->problem_text);
  g_clear_pointer (&week, spor_week_free);

  late = rules_add_weekly_block (store, "Eftermiddag", TUE, "11:59", "13:00", "2026-11-02", NULL);
  assert_ok (spor_blocks_assign_staff (store, late, staff, "creative", &error));
  week = query_week (store, "2026-11-23");
  g_assert_cmpuint (week->n_problems, ==, 3);
  g_assert_cmpstr (find_occurrence (week, morning, "2026-11-24")->problem_text, ==,
                   "Testa Kreativsen is also booked in “Eftermiddag”");
  g_assert_cmpstr (find_occurrence (week, noon, "2026-11-24")->problem_text, ==,
                   "Testa Kreativsen is also booked in “Eftermiddag”");
  g_assert_cmpuint (find_occurrence (week, late, "2026-11-24")->problems, ==, SPOR_PROBLEM_STAFF_DOUBLE);
}

/* Participants in two overlapping blocks are counted, never named. */
static void
test_participants_double (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 a = rules_add_weekly_block (store, "Sy og design", TUE, "09:00", "12:00", "2026-11-02", NULL);
  gint64 b = rules_add_weekly_block (store, "Fortælleværksted", TUE, "11:00", "13:00", "2026-11-02", NULL);
  const char *names[] = { "Bodil Prøvesen", "Carl Prøvesen", "Dora Prøvesen" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 person = rules_add_participant (store, names[i], "active");

      assert_ok (spor_blocks_add_participant (store, a, person, &error));
      if (i < 2)
        assert_ok (spor_blocks_add_participant (store, b, person, &error));
    }
  week = query_week (store, "2026-11-23");
  g_assert_cmpstr (find_occurrence (week, a, "2026-11-24")->problem_text, ==,
                   "2 participants are also booked in “Fortælleværksted”");
  g_assert_cmpstr (find_occurrence (week, b, "2026-11-24")->problem_text, ==,
                   "2 participants are also booked in “Sy og design”");
  g_assert_cmpuint (find_occurrence (week, a, "2026-11-24")->problems, ==, SPOR_PROBLEM_PARTICIPANT_DOUBLE);
}

/* A cancelled occurrence books no one and has no problems; the block's other days keep
 * theirs. */
static void
test_cancelled_occurrence (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 staff = rules_add_staff (store, "Testa Kreativsen");
  gint64 p1 = rules_add_participant (store, "Bodil Prøvesen", "active");
  gint64 p2 = rules_add_participant (store, "Carl Prøvesen", "active");
  gint64 a = rules_add_weekly_block (store, "Sy og design", TUE | THU, "09:00", "12:00", "2026-11-02", NULL);
  gint64 b = rules_add_weekly_block (store, "Fortælleværksted", TUE, "10:00", "11:00", "2026-11-02", NULL);
  static const char both[] = "Missing adviser: 0 of 1\nAbove capacity: 2 participants for 1 place";
  SporOccurrence *o;

  {
    g_autoptr(SporBlock) block = get_block (store, a);

    spor_entity_set_int (SPOR_ENTITY (block), "capacity", 1);
    assert_ok (spor_blocks_save (store, block, &error));
  }
  assert_ok (spor_blocks_set_requirement (store, a, "adviser", 1, &error));
  assert_ok (spor_blocks_assign_staff (store, a, staff, "creative", &error));
  assert_ok (spor_blocks_assign_staff (store, b, staff, "creative", &error));
  assert_ok (spor_blocks_add_participant (store, a, p1, &error));
  assert_ok (spor_blocks_add_participant (store, a, p2, &error));
  assert_ok (spor_blocks_add_participant (store, b, p1, &error));

  week = query_week (store, "2026-11-23");
  g_assert_cmpstr (find_occurrence (week, a, "2026-11-24")->problem_text, ==,
                   "Missing adviser: 0 of 1\nAbove capacity: 2 participants for 1 place\n"
                   "Testa Kreativsen is also booked in “Fortælleværksted”\n"
                   "1 participant is also booked in “Fortælleværksted”");
  g_assert_cmpstr (find_occurrence (week, b, "2026-11-24")->problem_text, ==,
                   "Testa Kreativsen is also booked in “Sy og design”\n"
                   "1 participant is also booked in “Sy og design”");
  g_clear_pointer (&week, spor_week_free);

  assert_ok (spor_blocks_cancel_occurrence (store, a, "2026-11-24", "Helligdag", &error));
  week = query_week (store, "2026-11-23");
  o = find_occurrence (week, a, "2026-11-24");
  g_assert_true (o->cancelled);
  g_assert_cmpstr (o->reason, ==, "Helligdag");
  g_assert_cmpuint (o->problems, ==, 0);
  g_assert_null (o->problem_text);
  g_assert_cmpuint (find_occurrence (week, b, "2026-11-24")->problems, ==, 0);
  o = find_occurrence (week, a, "2026-11-26");
  g_assert_cmpuint (o->problems, ==, SPOR_PROBLEM_MISSING_ROLE | SPOR_PROBLEM_OVER_CAPACITY);
  g_assert_cmpstr (o->problem_text, ==, both);
  g_assert_cmpuint (week->n_problems, ==, 1);
}

static void
test_exactly_staffed (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 block = rules_add_weekly_block (store, "Sy og design", TUE, "09:00", "12:00", "2026-11-02", NULL);
  gint64 one = rules_add_staff (store, "Testa Kreativsen");
  gint64 two = rules_add_staff (store, "Tove Kreativsen");

  {
    g_autoptr(SporBlock) b = get_block (store, block);

    spor_entity_set_int (SPOR_ENTITY (b), "capacity", 2);
    assert_ok (spor_blocks_save (store, b, &error));
  }
  assert_ok (spor_blocks_set_requirement (store, block, "creative", 2, &error));
  assert_ok (spor_blocks_assign_staff (store, block, one, "creative", &error));
  assert_ok (spor_blocks_add_participant (store, block, rules_add_participant (store, "Bodil Prøvesen", "active"), &error));
  assert_ok (spor_blocks_add_participant (store, block, rules_add_participant (store, "Carl Prøvesen", "active"), &error));
  week = query_week (store, "2026-11-23");
  g_assert_cmpstr (OCC (week->occurrences, 0)->problem_text, ==, "Missing creative professional: 1 of 2");
  g_clear_pointer (&week, spor_week_free);

  assert_ok (spor_blocks_assign_staff (store, block, two, "creative", &error));
  week = query_week (store, "2026-11-23");
  g_assert_cmpuint (OCC (week->occurrences, 0)->problems, ==, 0);
  g_assert_cmpuint (OCC (week->occurrences, 0)->n_participants, ==, 2);
  g_assert_cmpint (OCC (week->occurrences, 0)->capacity, ==, 2);

  g_assert_false (spor_blocks_set_requirement (store, block, "creative", 101, &error));
  rules_assert_invalid (error, "A block can require at most 100 staff of one role.");
}

static void
test_substitute_one_day (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 block = rules_add_weekly_block (store, "Sy og design", TUE | THU, "09:00", "12:00", "2026-11-02", NULL);
  gint64 usual = rules_add_staff (store, "Testa Kreativsen");
  gint64 stand_in = rules_add_staff (store, "Vikar Prøvesen");
  SporOccurrence *tue, *thu;

  assert_ok (spor_blocks_assign_staff (store, block, usual, "creative", &error));
  assert_ok (spor_blocks_substitute_staff (store, block, "2026-11-24", usual, stand_in, &error));
  g_assert_false (spor_blocks_substitute_staff (store, block, "2026-11-25", usual, stand_in, &error));
  rules_assert_invalid (error, "The block does not take place on that day.");
  g_clear_error (&error);
  g_assert_false (spor_blocks_substitute_staff (store, block, "2026-11-26", usual, 0, &error));
  rules_assert_invalid (error, "Choose another staff member as the substitute.");
  g_clear_error (&error);

  week = query_week (store, "2026-11-23");
  tue = find_occurrence (week, block, "2026-11-24");
  thu = find_occurrence (week, block, "2026-11-26");
  g_assert_cmpstr (tue->staff, ==, "Vikar Prøvesen (creative professional)");
  g_assert_cmpuint (tue->staff_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (tue->staff_ids, gint64, 0), ==, stand_in);
  g_assert_cmpstr (thu->staff, ==, "Testa Kreativsen (creative professional)");
  g_assert_cmpint (g_array_index (thu->staff_ids, gint64, 0), ==, usual);
  g_clear_pointer (&week, spor_week_free);
  /* the week after: as usual */
  week = query_week (store, "2026-11-30");
  g_assert_cmpstr (find_occurrence (week, block, "2026-12-01")->staff, ==,
                   "Testa Kreativsen (creative professional)");
}

static void
test_restore_and_cancel_again (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 block = rules_add_weekly_block (store, "Sy og design", TUE, "09:00", "12:00", "2026-11-02", NULL);
  g_autoptr(SporOccurrence) moved = NULL;
  g_autoptr(SporOccurrence) back = NULL;
  g_autoptr(SporOccurrence) cancelled = NULL;

  assert_ok (spor_blocks_move_occurrence (store, block, "2026-11-24", "2026-11-25", "13:00", "15:30",
                                          "Lokalet er optaget", &error));
  moved = spor_blocks_get_occurrence (store, block, "2026-11-24", &error);
  g_assert_true (moved->moved);
  g_assert_cmpstr (moved->actual_date, ==, "2026-11-25");
  g_assert_cmpstr (moved->start_time, ==, "13:00");
  g_assert_cmpstr (moved->end_time, ==, "15:30");
  g_assert_cmpfloat_with_epsilon (spor_occurrence_hours (moved), 2.5, 1e-9);
  g_assert_cmpstr (moved->reason, ==, "Lokalet er optaget");

  /* restoring puts it back as the rule says */
  assert_ok (spor_blocks_restore_occurrence (store, block, "2026-11-24", &error));
  back = spor_blocks_get_occurrence (store, block, "2026-11-24", &error);
  g_assert_false (back->moved);
  g_assert_cmpstr (back->actual_date, ==, "2026-11-24");
  g_assert_cmpstr (back->end_time, ==, "12:00");
  g_assert_cmpint (test_count_rows (store, "block_exceptions"), ==, 0);

  /* cancelling twice keeps one cancellation, with the last reason */
  assert_ok (spor_blocks_cancel_occurrence (store, block, "2026-11-24", "Sygdom", &error));
  assert_ok (spor_blocks_cancel_occurrence (store, block, "2026-11-24", "Helligdag", &error));
  g_assert_cmpint (test_count_rows (store, "block_exceptions"), ==, 1);
  cancelled = spor_blocks_get_occurrence (store, block, "2026-11-24", &error);
  g_assert_true (cancelled->cancelled);
  g_assert_cmpstr (cancelled->reason, ==, "Helligdag");
}

/* The week query at the edges of the week: a one-off block on the Monday and the Sunday, a
 * period that starts on the Sunday, one that ends on the Monday, one that ends the day
 * before. */
static void
test_week_edges (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporWeek) week = NULL;
  gint64 starts_sunday = rules_add_weekly_block (store, "Søndagscafé", SUN, "10:00", "12:00",
                                                 "2026-11-29", "2026-12-27");
  gint64 ends_monday = rules_add_weekly_block (store, "Mandagsværksted", MON, "10:00", "12:00",
                                               "2026-11-02", "2026-11-23");
  const char *once_days[] = { "2026-11-23", "2026-11-29", "2026-11-30", "2026-11-22" };
  gint64 once[G_N_ELEMENTS (once_days)];

  rules_add_weekly_block (store, "Slut søndag", MON, "10:00", "12:00", "2026-11-02", "2026-11-22");
  for (guint i = 0; i < G_N_ELEMENTS (once_days); i++)
    {
      g_autoptr(SporEntity) b = spor_entity_new (SPOR_TYPE_BLOCK);

      spor_entity_set_text (b, "title", "Temadag");
      spor_entity_set_text (b, "kind", "once");
      spor_entity_set_int (b, "weekdays", 0);
      spor_entity_set_text (b, "start_time", "09:00");
      spor_entity_set_text (b, "end_time", "15:00");
      spor_entity_set_text (b, "period_start", once_days[i]);
      assert_ok (spor_blocks_save (store, SPOR_BLOCK (b), &error));
      once[i] = spor_entity_get_id (b);
    }

  week = query_week (store, "2026-11-23");
  g_assert_cmpuint (week->occurrences->len, ==, 4);
  find_occurrence (week, starts_sunday, "2026-11-29");
  find_occurrence (week, ends_monday, "2026-11-23");
  find_occurrence (week, once[0], "2026-11-23");
  find_occurrence (week, once[1], "2026-11-29");
}

/* A change refused inside its transaction rolls it back: what comes after is committed and
 * there after a reopen, and the message names the reason. */
static void
test_refused_change_rolls_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_blocks_set_requirement (store, 4242, "adviser", 1, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "block_requirement: it refers to a record that does not exist");
  g_clear_error (&error);
  rules_add_weekly_block (store, "Sy og design", TUE, "09:00", "12:00", "2026-11-02", NULL);

  rules_reopen (&store);
  g_assert_cmpint (test_count_rows (store, "blocks"), ==, 1);
  g_assert_cmpint (test_count_rows (store, "block_requirements"), ==, 0);
}

/* A move or cancellation refused after its transaction began (a reason with a control
 * character) keeps the exception that was there and leaves no transaction open: the next
 * change is committed and there after a reopen. */
static void
test_refused_exception_rolls_back (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 block = rules_add_weekly_block (store, "Keramik", TUE, "09:00", "12:00", "2026-11-02", NULL);
  g_autoptr(GPtrArray) kept = NULL;

  assert_ok (spor_blocks_move_occurrence (store, block, "2026-11-03", "2026-11-05", NULL, NULL,
                                          "Værkstedet males", &error));
  g_assert_false (spor_blocks_move_occurrence (store, block, "2026-11-03", "2026-11-06", NULL, NULL,
                                               "Flyttes\x01igen", &error));
  rules_assert_invalid (error, "block_exception.reason: a control character is not allowed in a text");
  g_clear_error (&error);
  g_assert_false (spor_blocks_cancel_occurrence (store, block, "2026-11-10", "Lukket\x02", &error));
  rules_assert_invalid (error, "block_exception.reason: a control character is not allowed in a text");
  g_clear_error (&error);
  assert_ok (spor_blocks_cancel_occurrence (store, block, "2026-11-17", "Lærer syg", &error));

  rules_reopen (&store);
  kept = spor_blocks_list_exceptions (store, block, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 0), "date"), ==, "2026-11-03");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 0), "kind"), ==, "moved");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 0), "new_date"), ==, "2026-11-05");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 0), "reason"), ==, "Værkstedet males");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 1), "date"), ==, "2026-11-17");
  g_assert_cmpstr (spor_entity_get_text (g_ptr_array_index (kept, 1), "kind"), ==, "cancelled");
}

/* On the days summer time begins and ends, a block over the change lasts the hours the
 * clock shows less or more one. */
static void
test_summer_time_days (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 night = rules_add_weekly_block (store, "Natteværksted", SUN, "01:00", "04:00", "2026-03-01", NULL);
  g_autoptr(SporOccurrence) spring = spor_blocks_get_occurrence (store, night, "2026-03-29", &error);
  g_autoptr(SporOccurrence) before = spor_blocks_get_occurrence (store, night, "2026-03-22", &error);
  g_autoptr(SporOccurrence) autumn = spor_blocks_get_occurrence (store, night, "2026-10-25", &error);

  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (spor_occurrence_hours (before), 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (spor_occurrence_hours (spring), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (spor_occurrence_hours (autumn), 4.0, 1e-9);
  g_assert_cmpint (g_date_time_get_hour (spring->start), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (spring->end), ==, 4);
  g_assert_cmpint (g_date_time_get_utc_offset (spring->end), ==, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (before->end), ==, G_TIME_SPAN_HOUR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/blocks/period-days", test_period_days);
  g_test_add_func ("/rules/blocks/weekday-sets", test_weekday_sets);
  g_test_add_func ("/rules/blocks/one-day-period", test_one_day_period);
  g_test_add_func ("/rules/blocks/messages", test_block_messages);
  g_test_add_func ("/rules/blocks/move-messages", test_move_messages);
  g_test_add_func ("/rules/blocks/week-start", test_week_start);
  g_test_add_func ("/rules/blocks/back-to-back", test_back_to_back);
  g_test_add_func ("/rules/blocks/participants-double", test_participants_double);
  g_test_add_func ("/rules/blocks/cancelled-occurrence", test_cancelled_occurrence);
  g_test_add_func ("/rules/blocks/exactly-staffed", test_exactly_staffed);
  g_test_add_func ("/rules/blocks/substitute-one-day", test_substitute_one_day);
  g_test_add_func ("/rules/blocks/restore-and-cancel-again", test_restore_and_cancel_again);
  g_test_add_func ("/rules/blocks/week-edges", test_week_edges);
  g_test_add_func ("/rules/blocks/refused-change-rolls-back", test_refused_change_rolls_back);
  g_test_add_func ("/rules/blocks/refused-exception-rolls-back", test_refused_exception_rolls_back);
  g_test_add_func ("/rules/blocks/summer-time-days", test_summer_time_days);

  return g_test_run ();
}
