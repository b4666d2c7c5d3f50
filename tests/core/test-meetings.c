/* test-meetings.c — meetings with several staff, a cohort's group talk with who took part,
 * editing and deleting, and aftercare after the exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-test-util.h"
#include "spor-meetings.h"

typedef struct {
  SporStore *store;
  char      *path;
  gint64     cohort;
  gint64     ada, bo, outsider;  /* ada and bo in the cohort */
  gint64     staff[3];
} Fixture;

static gint64
insert (SporStore  *store,
        GType       type,
        const char *name,
        gint64      cohort)
{
  g_autoptr(SporEntity) e = spor_entity_new (type);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (e, "name", name);
  if (type == SPOR_TYPE_PARTICIPANT)
    spor_entity_set_text (e, "status", "active");
  if (cohort > 0)
    spor_entity_set_int (e, "cohort_id", cohort);
  if (type == SPOR_TYPE_COHORT)
    {
      spor_entity_set_int (e, "programme_id",
                           test_insert_named (store, SPOR_TYPE_PROGRAMME, "Aspiranterne"));
      spor_entity_set_text (e, "start_date", "2026-09-01");
    }
  assert_ok (spor_store_insert (store, e, &error));
  return spor_entity_get_id (e);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = test_open_new_store ();
  f->path = g_strdup (spor_store_get_path (f->store));
  f->cohort = insert (f->store, SPOR_TYPE_COHORT, "Hold efterår 2026", 0);
  f->ada = insert (f->store, SPOR_TYPE_PARTICIPANT, "Ada Opdigtet", f->cohort);
  f->bo = insert (f->store, SPOR_TYPE_PARTICIPANT, "Bo Eksempel", f->cohort);
  f->outsider = insert (f->store, SPOR_TYPE_PARTICIPANT, "Carl Andethold", 0);
  for (guint i = 0; i < G_N_ELEMENTS (f->staff); i++)
    {
      g_autofree char *name = g_strdup_printf ("Mentor %u", i + 1);

      f->staff[i] = insert (f->store, SPOR_TYPE_STAFF, name, 0);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_clear_object (&f->store);
  test_remove_tree (dir);
  g_free (f->path);
}

static GArray *
ids (gint64 a, gint64 b)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (a > 0)
    g_array_append_val (list, a);
  if (b > 0)
    g_array_append_val (list, b);
  return list;
}

static SporMeeting *
group_talk (Fixture    *f,
            const char *date)
{
  SporMeeting *m = spor_entity_new (SPOR_TYPE_MEETING);

  spor_entity_set_int (SPOR_ENTITY (m), "cohort_id", f->cohort);
  spor_entity_set_text (SPOR_ENTITY (m), "kind", "group_talk");
  spor_entity_set_text (SPOR_ENTITY (m), "date", date);
  return m;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = spor_store_open (f->path, &error);
  g_assert_no_error (error);
}

static gboolean
lists_meeting (Fixture *f,
               gint64   participant,
               gint64   meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = spor_meetings_list (f->store, participant, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (spor_entity_get_id (list->pdata[i]) == meeting)
      return TRUE;
  return FALSE;
}

/* Recorded once for the cohort: shown on the page of each who took part, not on the others' */
static void
test_group_talk (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SporMeeting) talk = group_talk (f, "2026-10-05");
  g_autoptr(GArray) staff = ids (f->staff[0], f->staff[1]);
  g_autoptr(GArray) took_part = ids (f->ada, f->bo);
  g_autoptr(GArray) read = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  assert_ok (spor_meetings_add (f->store, f->ada, "coaching", "2026-10-01", 0, NULL, &error));
  assert_ok (spor_meetings_save (f->store, talk, staff, took_part, &error));
  id = spor_entity_get_id (SPOR_ENTITY (talk));
  reopen (f);
  g_assert_true (lists_meeting (f, f->ada, id));
  g_assert_true (lists_meeting (f, f->bo, id));
  g_assert_false (lists_meeting (f, f->outsider, id));
  /* newest first: the group talk before Ada's own coaching */
  own = spor_meetings_list (f->store, f->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpint (spor_entity_get_id (own->pdata[0]), ==, id);
  g_assert_cmpstr (spor_entity_get_text (own->pdata[1], "kind"), ==, "coaching");
  read = spor_meetings_get_staff (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpint (g_array_index (read, gint64, 0), ==, f->staff[0]);
  g_assert_cmpint (g_array_index (read, gint64, 1), ==, f->staff[1]);
  g_assert_cmpint (test_count_rows (f->store, "meeting_participants"), ==, 2);
  {
    g_autoptr(SporMeeting) stored = spor_store_get (f->store, SPOR_TYPE_MEETING, id, &error);
    g_autoptr(GPtrArray) of_cohort = spor_meetings_list_cohort (f->store, f->cohort, &error);

    g_assert_no_error (error);
    /* the first staff member in staff_id, for the readers of older files */
    g_assert_cmpint (spor_entity_get_int (SPOR_ENTITY (stored), "staff_id"), ==, f->staff[0]);
    g_assert_cmpuint (of_cohort->len, ==, 1);
  }
}

/* Refused with the message the user reads, and nothing written: someone of another cohort,
 * participants of a one-to-one meeting, a kind or date that is not one */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SporMeeting) talk = group_talk (f, "2026-10-05");
  g_autoptr(SporMeeting) single = spor_entity_new (SPOR_TYPE_MEETING);
  g_autoptr(GArray) staff = ids (f->staff[0], 0);
  g_autoptr(GArray) with_outsider = ids (f->ada, f->outsider);
  g_autoptr(GArray) ada = ids (f->ada, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (spor_meetings_save (f->store, talk, staff, with_outsider, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Only participants of the cohort can take part in its meeting.");
  g_clear_error (&error);
  g_assert_cmpint (spor_entity_get_id (SPOR_ENTITY (talk)), ==, 0);

  spor_entity_set_int (SPOR_ENTITY (single), "participant_id", f->bo);
  spor_entity_set_text (SPOR_ENTITY (single), "kind", "coaching");
  spor_entity_set_text (SPOR_ENTITY (single), "date", "2026-10-06");
  g_assert_false (spor_meetings_save (f->store, single, staff, ada, &error));
  g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Only a meeting of a cohort's group has participants who took part.");
  g_clear_error (&error);

  spor_entity_set_text (SPOR_ENTITY (single), "kind", "party");
  g_assert_false (spor_meetings_save (f->store, single, staff, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Choose the kind of meeting");
  g_clear_error (&error);
  spor_entity_set_text (SPOR_ENTITY (single), "kind", "coaching");
  spor_entity_set_text (SPOR_ENTITY (single), "date", "2026-02-30");
  g_assert_false (spor_meetings_save (f->store, single, staff, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Not a real date");
  g_clear_error (&error);

  reopen (f);
  g_assert_cmpint (test_count_rows (f->store, "meetings"), ==, 0);
  g_assert_cmpint (test_count_rows (f->store, "meeting_staff"), ==, 0);
  g_assert_cmpint (test_count_rows (f->store, "meeting_participants"), ==, 0);
}

/* An edit changes the links and keeps those that stay, with their UUIDs */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SporMeeting) talk = group_talk (f, "2026-10-05");
  g_autoptr(GArray) first = ids (f->staff[0], f->staff[1]);
  g_autoptr(GArray) second = ids (f->staff[1], f->staff[2]);
  g_autoptr(GArray) both = ids (f->ada, f->bo);
  g_autoptr(GArray) bo = ids (f->bo, 0);
  g_autoptr(GArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_uuid = NULL;
  g_autofree char *uuid_after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *date = NULL;
  gint64 id;

  assert_ok (spor_meetings_save (f->store, talk, first, both, &error));
  id = spor_entity_get_id (SPOR_ENTITY (talk));
  sql = g_strdup_printf ("SELECT uuid FROM meeting_staff WHERE staff_id = %" G_GINT64_FORMAT, f->staff[1]);
  kept_uuid = test_query_text (f->store, sql);
  g_assert_nonnull (kept_uuid);
  spor_entity_set_text (SPOR_ENTITY (talk), "date", "2026-10-12");
  assert_ok (spor_meetings_save (f->store, talk, second, bo, &error));
  reopen (f);
  read = spor_meetings_get_staff (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpint (g_array_index (read, gint64, 0), ==, f->staff[1]);
  g_assert_cmpint (g_array_index (read, gint64, 1), ==, f->staff[2]);
  g_assert_false (lists_meeting (f, f->ada, id));
  g_assert_true (lists_meeting (f, f->bo, id));
  g_assert_cmpint (test_count_rows (f->store, "meetings"), ==, 1);
  date = test_query_text (f->store, "SELECT date FROM meetings");
  g_assert_cmpstr (date, ==, "2026-10-12");
  uuid_after = test_query_text (f->store, sql);
  g_assert_cmpstr (uuid_after, ==, kept_uuid);
}

/* A delete takes the links with it, each leaving its tombstone; a meeting gone already
 * counts as deleted */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SporMeeting) talk = group_talk (f, "2026-10-05");
  g_autoptr(GArray) staff = ids (f->staff[0], f->staff[1]);
  g_autoptr(GArray) both = ids (f->ada, f->bo);
  g_autoptr(GError) error = NULL;
  g_autofree char *tombstones = NULL;
  gint64 id;

  assert_ok (spor_meetings_save (f->store, talk, staff, both, &error));
  id = spor_entity_get_id (SPOR_ENTITY (talk));
  assert_ok (spor_meetings_delete (f->store, id, &error));
  reopen (f);
  g_assert_false (lists_meeting (f, f->ada, id));
  g_assert_cmpint (test_count_rows (f->store, "meetings"), ==, 0);
  g_assert_cmpint (test_count_rows (f->store, "meeting_staff"), ==, 0);
  g_assert_cmpint (test_count_rows (f->store, "meeting_participants"), ==, 0);
  tombstones = test_query_text (f->store, "SELECT count(*) FROM tombstones WHERE entity IN "
                                          "('meeting', 'meeting_staff', 'meeting_participant')");
  g_assert_cmpstr (tombstones, ==, "5");
  assert_ok (spor_meetings_delete (f->store, id, &error));
  /* the participants and staff stay */
  g_assert_cmpint (test_count_rows (f->store, "participants"), ==, 3);
  g_assert_cmpint (test_count_rows (f->store, "staff"), ==, 3);
}

/* Aftercare: a participant who has completed still gets a follow-up meeting */
static void
test_aftercare (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SporParticipant) ada = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  ada = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, f->ada, &error);
  g_assert_no_error (error);
  spor_entity_set_text (SPOR_ENTITY (ada), "status", "completed");
  spor_entity_set_text (SPOR_ENTITY (ada), "end_date", "2026-12-01");
  assert_ok (spor_store_update (f->store, SPOR_ENTITY (ada), &error));
  assert_ok (spor_meetings_add (f->store, f->ada, "follow_up", "2027-03-01", f->staff[0],
                                "Efterværn efter tre måneder", &error));
  reopen (f);
  list = spor_meetings_list (f->store, f->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (spor_entity_get_text (list->pdata[0], "kind"), ==, "follow_up");
  g_assert_cmpstr (spor_entity_get_text (list->pdata[0], "date"), ==, "2027-03-01");
  status = test_query_text (f->store, "SELECT status FROM participants WHERE name = 'Ada Opdigtet'");
  g_assert_cmpstr (status, ==, "completed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meetings/group-talk", test_group_talk);
  ADD ("/meetings/refused", test_refused);
  ADD ("/meetings/edit", test_edit);
  ADD ("/meetings/delete", test_delete);
  ADD ("/meetings/aftercare", test_aftercare);

  return g_test_run ();
}
