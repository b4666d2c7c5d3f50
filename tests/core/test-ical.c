/* test-ical.c — the .ics export read back with libical: its recurrences, expanded over the
 * block's period, must give exactly Spor's own occurrences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libical/ical.h>

#include "core-test-util.h"
#include "spor-blocks.h"
#include "spor-ical.h"

static char *
wall (struct icaltimetype t)
{
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
}

/* "start–end" of two wall-clock times */
static char *
wall_range (struct icaltimetype start,
            struct icaltimetype end)
{
  g_autofree char *a = wall (start);
  g_autofree char *b = wall (end);

  return g_strconcat (a, "–", b, NULL);
}

static char *
wall_g (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%d %H:%M");
}

/* "start–end" strings of every occurrence of @uid in @calendar, as a reader sees them */
static GPtrArray *
expand_ics (icalcomponent *calendar,
            const char    *uid)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) exdates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *master = NULL;

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *rid;

      if (g_strcmp0 (icalcomponent_get_uid (c), uid) != 0)
        continue;
      rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      if (rid != NULL)
        g_hash_table_insert (overrides, wall (icalproperty_get_recurrenceid (rid)),
                             wall_range (icalcomponent_get_dtstart (c), icalcomponent_get_dtend (c)));
      else
        master = c;
    }
  g_assert_nonnull (master);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (
      icalcomponent_get_first_property (master, ICAL_DTSTART_PROPERTY), ICAL_TZID_PARAMETER)),
      ==, "Europe/Copenhagen");

  for (icalproperty *p = icalcomponent_get_first_property (master, ICAL_EXDATE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (master, ICAL_EXDATE_PROPERTY))
    g_hash_table_add (exdates, wall (icalproperty_get_exdate (p)));

  {
    struct icaltimetype start = icalcomponent_get_dtstart (master);
    struct icaltimetype end = icalcomponent_get_dtend (master);
    int minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute);
    icalproperty *rrule = icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY);
    icalrecur_iterator *it;
    struct icaltimetype t;

    if (rrule == NULL)
      {
        g_ptr_array_add (result, wall_range (start, end));
        return result;
      }
    it = icalrecur_iterator_new (icalproperty_get_rrule (rrule), start);
    for (t = icalrecur_iterator_next (it); !icaltime_is_null_time (t); t = icalrecur_iterator_next (it))
      {
        g_autofree char *key = wall (t);
        const char *moved = g_hash_table_lookup (overrides, key);
        struct icaltimetype e = t;

        if (g_hash_table_contains (exdates, key))
          continue;
        if (moved != NULL)
          {
            g_ptr_array_add (result, g_strdup (moved));
            continue;
          }
        e.minute += minutes;
        e = icaltime_normalize (e);
        g_ptr_array_add (result, wall_range (t, e));
      }
    icalrecur_iterator_free (it);
  }
  return result;
}

static GPtrArray *
expand_spor (SporStore *store,
             SporBlock *block)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exceptions = spor_blocks_list_exceptions (store, spor_entity_get_id (SPOR_ENTITY (block)), &error);
  g_autoptr(GPtrArray) all = spor_blocks_expand (block, exceptions, "2000-01-01", "2099-12-31");
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (all, i);
      g_autofree char *s = wall_g (o->start);
      g_autofree char *e = wall_g (o->end);

      if (!o->cancelled)
        g_ptr_array_add (result, g_strconcat (s, "–", e, NULL));
    }
  return result;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
assert_same (GPtrArray *a,
             GPtrArray *b)
{
  g_ptr_array_sort (a, compare_strings);
  g_ptr_array_sort (b, compare_strings);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static SporBlock *
save_block (SporStore  *store,
            const char *title,
            const char *kind,
            guint       weekdays,
            const char *from,
            const char *to,
            gint64      programme_id)
{
  g_autoptr(GError) error = NULL;
  SporBlock *block = spor_entity_new (SPOR_TYPE_BLOCK);
  SporEntity *e = SPOR_ENTITY (block);

  spor_entity_set_text (e, "title", title);
  spor_entity_set_text (e, "kind", kind);
  spor_entity_set_int (e, "weekdays", weekdays);
  spor_entity_set_text (e, "start_time", "09:00");
  spor_entity_set_text (e, "end_time", "12:00");
  spor_entity_set_text (e, "period_start", from);
  if (to != NULL)
    spor_entity_set_text (e, "period_end", to);
  if (programme_id > 0)
    spor_entity_set_int (e, "programme_id", programme_id);
  assert_ok (spor_blocks_save (store, block, &error));
  return block;
}

static void
test_round_trip (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_entity_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(SporProgramme) other = spor_entity_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(SporBlock) weekly = NULL;
  g_autoptr(SporBlock) once = NULL;
  g_autoptr(SporBlock) elsewhere = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "blokke.ics", NULL);
  icalcomponent *calendar;
  SporIcalSelection selection = { 0 };
  guint n = 0;

  spor_entity_set_text (SPOR_ENTITY (programme), "name", "Sy og design");
  assert_ok (spor_store_insert (store, SPOR_ENTITY (programme), &error));
  spor_entity_set_text (SPOR_ENTITY (other), "name", "Et andet forløb");
  assert_ok (spor_store_insert (store, SPOR_ENTITY (other), &error));

  /* Tuesdays and Thursdays across both changes of summer time, with a cancelled and two
   * moved occurrences; a one-off introduction; a block of another programme. */
  weekly = save_block (store, "Sy og design", "weekly", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4),
                       "2026-03-03", "2026-11-26", spor_entity_get_id (SPOR_ENTITY (programme)));
  once = save_block (store, "Introduktion på biblioteket", "once", 0, "2026-02-24", NULL,
                     spor_entity_get_id (SPOR_ENTITY (programme)));
  elsewhere = save_block (store, "Andet", "weekly", SPOR_WEEKDAY_BIT (1), "2026-03-02", "2026-04-30",
                          spor_entity_get_id (SPOR_ENTITY (other)));
  assert_ok (spor_blocks_cancel_occurrence (store, spor_entity_get_id (SPOR_ENTITY (weekly)), "2026-03-31", "Påske", &error));
  assert_ok (spor_blocks_move_occurrence (store, spor_entity_get_id (SPOR_ENTITY (weekly)), "2026-10-22",
                                          "2026-10-23", "10:00", "13:00", NULL, &error));
  assert_ok (spor_blocks_move_occurrence (store, spor_entity_get_id (SPOR_ENTITY (weekly)), "2026-11-26",
                                          NULL, "08:00", "11:00", NULL, &error));

  selection.programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  assert_ok (spor_ical_export_file (store, &selection, path, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  assert_ok (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE"));
  g_assert_nonnull (strstr (text, "TZID:Europe/Copenhagen"));
  g_assert_null (strstr (text, "Andet"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  {
    g_autoptr(GPtrArray) ics = expand_ics (calendar, spor_entity_get_uuid (SPOR_ENTITY (weekly)));
    g_autoptr(GPtrArray) own = expand_spor (store, weekly);
    g_autoptr(GPtrArray) ics_once = expand_ics (calendar, spor_entity_get_uuid (SPOR_ENTITY (once)));
    g_autoptr(GPtrArray) own_once = expand_spor (store, once);

    g_assert_cmpuint (own->len, ==, 77); /* 78 Tuesdays and Thursdays, one cancelled */
    assert_same (ics, own);
    assert_same (ics_once, own_once);
  }
  icalcomponent_free (calendar);

  /* One block; one staff member's blocks (none) */
  g_clear_pointer (&text, g_free);
  selection = (SporIcalSelection) { .block_id = spor_entity_get_id (SPOR_ENTITY (elsewhere)) };
  text = spor_ical_export (store, &selection, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (text, spor_entity_get_uuid (SPOR_ENTITY (elsewhere))));
  g_clear_pointer (&text, g_free);
  selection = (SporIcalSelection) { .staff_id = 999 };
  text = spor_ical_export (store, &selection, &n, &error);
  g_assert_cmpuint (n, ==, 0);

  /* A path that cannot be written: an error, no file */
  {
    g_autofree char *bad = g_build_filename (dir, "no-such-folder", "x.ics", NULL);

    g_assert_false (spor_ical_export_file (store, NULL, bad, NULL, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

static gint64
add_staff (SporStore  *store,
           const char *name)
{
  g_autoptr(SporStaff) staff = spor_entity_new (SPOR_TYPE_STAFF);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (SPOR_ENTITY (staff), "name", name);
  assert_ok (spor_store_insert (store, SPOR_ENTITY (staff), &error));
  return spor_entity_get_id (SPOR_ENTITY (staff));
}

/* The override of @uid for the occurrence the rule gives at @rid ("YYYY-MM-DD HH:MM"), or
 * NULL */
static icalcomponent *
find_override (icalcomponent *calendar,
               const char    *uid,
               const char    *rid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *p = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      g_autofree char *at = p != NULL ? wall (icalproperty_get_recurrenceid (p)) : NULL;

      if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0 && g_strcmp0 (at, rid) == 0)
        return c;
    }
  return NULL;
}

/* A moved occurrence and one with a substitute, read back with libical: each an override
 * with the RECURRENCE-ID of the day the rule gives; the moved one at its new time, the
 * substituted one at the rule's time naming the substitute in the staff member's place;
 * the other days keep the block's own staff. */
static void
test_moved_and_substitute (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = save_block (store, "Syværksted", "weekly", SPOR_WEEKDAY_BIT (2),
                                           "2026-11-01", "2026-12-31", 0);
  gint64 id = spor_entity_get_id (SPOR_ENTITY (block));
  gint64 karen = add_staff (store, "Karen Kreativ");
  gint64 rasmus = add_staff (store, "Rasmus Rådgiver");
  gint64 vibeke = add_staff (store, "Vibeke Vikar");
  const char *uid = spor_entity_get_uuid (SPOR_ENTITY (block));
  g_autofree char *text = NULL;
  icalcomponent *calendar, *moved, *substituted;

  assert_ok (spor_blocks_assign_staff (store, id, karen, "creative", &error));
  assert_ok (spor_blocks_assign_staff (store, id, rasmus, "adviser", &error));
  assert_ok (spor_blocks_move_occurrence (store, id, "2026-11-10", "2026-11-12", "13:00", "16:00",
                                          "Værkstedet er optaget", &error));
  assert_ok (spor_blocks_substitute_staff (store, id, "2026-11-17", karen, vibeke, &error));
  text = spor_ical_export (store, NULL, NULL, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);

  moved = find_override (calendar, uid, "2026-11-10 09:00");
  g_assert_nonnull (moved);
  {
    g_autofree char *range = wall_range (icalcomponent_get_dtstart (moved), icalcomponent_get_dtend (moved));

    g_assert_cmpstr (range, ==, "2026-11-12 13:00–2026-11-12 16:00");
    g_assert_cmpstr (icalcomponent_get_description (moved), ==, "Værkstedet er optaget");
  }
  substituted = find_override (calendar, uid, "2026-11-17 09:00");
  g_assert_nonnull (substituted);
  {
    g_autofree char *range = wall_range (icalcomponent_get_dtstart (substituted),
                                         icalcomponent_get_dtend (substituted));

    g_assert_cmpstr (range, ==, "2026-11-17 09:00–2026-11-17 12:00");
    g_assert_cmpstr (icalcomponent_get_description (substituted), ==, "Rasmus Rådgiver, Vibeke Vikar");
  }
  g_assert_null (find_override (calendar, uid, "2026-11-24 09:00"));
  {
    g_autoptr(GPtrArray) ics = expand_ics (calendar, uid);
    g_autoptr(GPtrArray) own = expand_spor (store, block);

    assert_same (ics, own);
  }
  /* the master names the block's own staff */
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY) == NULL)
      g_assert_cmpstr (icalcomponent_get_description (c), ==, "Karen Kreativ, Rasmus Rådgiver");
  icalcomponent_free (calendar);

  /* Karen's calendar leaves out the day she is away */
  {
    SporIcalSelection karens = { .staff_id = karen };
    g_autofree char *mine = spor_ical_export (store, &karens, NULL, &error);
    icalcomponent *cal;
    g_autoptr(GPtrArray) days = NULL;

    g_assert_no_error (error);
    cal = icalparser_parse_string (mine);
    days = expand_ics (cal, uid);
    for (guint i = 0; i < days->len; i++)
      g_assert_false (g_str_has_prefix (g_ptr_array_index (days, i), "2026-11-17"));
    g_assert_cmpuint (days->len, ==, 9 - 1); /* the Tuesdays of November and December */
    icalcomponent_free (cal);
  }
  /* Vibeke's has that one day only, as an event of its own, not the series */
  {
    SporIcalSelection vibekes = { .staff_id = vibeke };
    g_autofree char *hers = spor_ical_export (store, &vibekes, NULL, &error);
    g_autofree char *own_uid = g_strdup_printf ("%s-2026-11-17", uid);
    icalcomponent *cal;
    guint n = 0;

    g_assert_no_error (error);
    cal = icalparser_parse_string (hers);
    for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
         c != NULL; c = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT), n++)
      {
        g_autofree char *range = wall_range (icalcomponent_get_dtstart (c), icalcomponent_get_dtend (c));

        g_assert_cmpstr (icalcomponent_get_uid (c), ==, own_uid);
        g_assert_cmpstr (range, ==, "2026-11-17 09:00–2026-11-17 12:00");
        g_assert_null (icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY));
      }
    g_assert_cmpuint (n, ==, 1);
    icalcomponent_free (cal);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/round-trip", test_round_trip);
  g_test_add_func ("/ical/moved-and-substitute", test_moved_and_substitute);

  return g_test_run ();
}
