/* spor-ical.c — work blocks as iCalendar, built with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "spor-blocks.h"
#include "spor-ical.h"
#include "spor-private-file.h"
#include "spor-store-private.h"

#define ZONE "Europe/Copenhagen"

/* Cancelled or moved occurrences written per block: far more than a programme has (two
 * days a week for ten years is 1,040 occurrences), few enough for any calendar program. */
#define MAX_CHANGES 10000
/* libical 3.0 writes no date-time after the year 3000 (it writes zeros instead), so the
 * calendar ends there: later occurrences are left out and a later UNTIL is brought back. */
#define LAST_DATE "3000-12-31"

static struct icaltimetype
local_ical (GDateTime    *when,
            icaltimezone *zone)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (when);
  t.month = g_date_time_get_month (when);
  t.day = g_date_time_get_day_of_month (when);
  t.hour = g_date_time_get_hour (when);
  t.minute = g_date_time_get_minute (when);
  t.second = 0;
  t.is_date = 0;
  /* Wall-clock time; with_tzid() names its zone, defined by the calendar's VTIMEZONE. */
  return t;
}

static icalproperty *
with_tzid (icalproperty *property)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (ZONE));
  return property;
}

/* The zone's rules since 1996 (EU summer time: last Sunday of March 02:00 to last Sunday of
 * October 03:00), under the plain TZID that every calendar program knows. libical's own
 * component names the zone with a vendor prefix and carries its history back to 1890. */
static icalcomponent *
new_vtimezone (void)
{
  icalcomponent *tz = icalcomponent_new_vtimezone ();
  struct {
    icalcomponent_kind kind;
    const char *name;
    int from, to, month, hour;
  } parts[] = {
    { ICAL_XDAYLIGHT_COMPONENT, "CEST", 3600, 7200, 3, 2 },
    { ICAL_XSTANDARD_COMPONENT, "CET", 7200, 3600, 10, 3 },
  };

  icalcomponent_add_property (tz, icalproperty_new_tzid (ZONE));
  icalcomponent_add_property (tz, icalproperty_new_x (ZONE));
  icalproperty_set_x_name (icalcomponent_get_first_property (tz, ICAL_X_PROPERTY), "X-LIC-LOCATION");
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      icalcomponent *part = icalcomponent_new (parts[i].kind);
      struct icaltimetype start = icaltime_null_time ();
      struct icalrecurrencetype rule;

      /* The first such change under today's rules: 31 March / 27 October 1996 */
      start.year = 1996;
      start.month = parts[i].month;
      start.day = parts[i].month == 3 ? 31 : 27;
      start.hour = parts[i].hour;
      icalrecurrencetype_clear (&rule);
      rule.freq = ICAL_YEARLY_RECURRENCE;
      rule.by_month[0] = (short) parts[i].month;
      rule.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
      rule.by_day[0] = (short) -(8 + ICAL_SUNDAY_WEEKDAY); /* -1SU: the last Sunday */
      rule.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
      icalcomponent_add_property (part, icalproperty_new_tzname (parts[i].name));
      icalcomponent_add_property (part, icalproperty_new_tzoffsetfrom (parts[i].from));
      icalcomponent_add_property (part, icalproperty_new_tzoffsetto (parts[i].to));
      icalcomponent_add_property (part, icalproperty_new_dtstart (start));
      icalcomponent_add_property (part, icalproperty_new_rrule (rule));
      icalcomponent_add_component (tz, part);
    }
  return tz;
}

static void
add_times (icalcomponent  *event,
           SporOccurrence *o,
           icaltimezone   *zone)
{
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtstart (local_ical (o->start, zone))));
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtend (local_ical (o->end, zone))));
}

static icalcomponent *
new_event (SporBlock   *block,
           const char  *location,
           const char  *description)
{
  SporEntity *e = SPOR_ENTITY (block);
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (spor_entity_get_updated_at (e), NULL);
  struct icaltimetype stamp = icaltime_from_timet_with_zone (
      updated != NULL ? g_date_time_to_unix (updated) : (gint64) time (NULL), 0,
      icaltimezone_get_utc_timezone ());

  icalcomponent_add_property (event, icalproperty_new_uid (spor_entity_get_uuid (e)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (stamp));
  icalcomponent_add_property (event, icalproperty_new_summary (spor_entity_get_text (e, "title")));
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  return event;
}

/* The text in the first column of the first row of @sql for @id, into @text (NULL for no
 * row or NULL) */
static gboolean
first_text (SporStore   *store,
            const char  *sql,
            gint64       id,
            char       **text,
            GError     **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);
  int rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, "block to export");
      return FALSE;
    }
  return TRUE;
}

static int
compare_exception_dates (gconstpointer a,
                         gconstpointer b)
{
  SporEntity *x = *(SporEntity **) a;
  SporEntity *y = *(SporEntity **) b;

  return g_strcmp0 (spor_entity_get_text (x, "date"), spor_entity_get_text (y, "date"));
}

/* The first occurrence the rule gives, before any change: DTSTART. A weekly rule with a
 * weekday has one in its first seven days, so no more is expanded, however long the
 * period. NULL for a rule with no day in its period. */
static SporOccurrence *
first_occurrence (SporBlock *block)
{
  SporEntity *e = SPOR_ENTITY (block);
  const char *from = spor_entity_get_text (e, "period_start");
  const char *to = spor_entity_get_text (e, "period_end");
  g_autofree char *week_end = spor_date_add_days (from, 6);
  g_autoptr(GPtrArray) plain = NULL;

  if (strcmp (from, LAST_DATE) > 0)
    return NULL;
  if (to != NULL && strcmp (to, week_end) < 0)
    {
      g_free (week_end);
      week_end = g_strdup (to);
    }
  plain = spor_blocks_expand (block, NULL, from, week_end);
  return plain->len > 0 ? spor_occurrence_copy (g_ptr_array_index (plain, 0)) : NULL;
}

static void
add_rrule (icalcomponent *master,
           SporBlock     *block)
{
  static const icalrecurrencetype_weekday days[] = {
    ICAL_MONDAY_WEEKDAY, ICAL_TUESDAY_WEEKDAY, ICAL_WEDNESDAY_WEEKDAY,
    ICAL_THURSDAY_WEEKDAY, ICAL_FRIDAY_WEEKDAY, ICAL_SATURDAY_WEEKDAY, ICAL_SUNDAY_WEEKDAY,
  };
  SporEntity *e = SPOR_ENTITY (block);
  const char *to = spor_entity_get_text (e, "period_end");
  struct icalrecurrencetype rule;
  guint weekdays = (guint) spor_entity_get_int (e, "weekdays");
  guint n = 0;

  icalrecurrencetype_clear (&rule);
  rule.freq = ICAL_WEEKLY_RECURRENCE;
  rule.interval = 1;
  rule.week_start = ICAL_MONDAY_WEEKDAY;
  for (guint i = 0; i < 7; i++)
    if (weekdays & SPOR_WEEKDAY_BIT (i + 1))
      rule.by_day[n++] = (short) days[i]; /* position 0: every such weekday */
  rule.by_day[n] = ICAL_RECURRENCE_ARRAY_MAX;
  if (to != NULL)
    {
      /* UNTIL is in UTC when DTSTART has a zone (RFC 5545, 3.3.10); the end of the
       * period's last day includes its occurrence however a reader compares. */
      g_autoptr(GDateTime) until = NULL;
      GDate last;

      if (spor_date_parse_to (strcmp (to, LAST_DATE) > 0 ? LAST_DATE : to, &last))
        until = g_date_time_new (spor_time_zone_copenhagen (), g_date_get_year (&last),
                                 g_date_get_month (&last), g_date_get_day (&last), 23, 59, 59);
      if (until != NULL)
        rule.until = icaltime_from_timet_with_zone (g_date_time_to_unix (until), 0,
                                                    icaltimezone_get_utc_timezone ());
    }
  icalcomponent_add_property (master, icalproperty_new_rrule (rule));
}

/* The cancelled, moved and substituted occurrences, from the stored exceptions rather than
 * from the rule: the rule of a block may span centuries. At most MAX_CHANGES of them, the
 * earliest. */
static GPtrArray *
list_changes (SporStore  *store,
              gint64      block_id,
              GError    **error)
{
  static const char * const kinds[] = { "cancelled", "moved", "substitute" };
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_EXCEPTION);
      g_autoptr(GPtrArray) some = NULL;

      spor_query_where_int (query, "block_id", block_id);
      spor_query_where_text (query, "kind", kinds[k]);
      spor_query_order_by (query, "date", FALSE);
      spor_query_set_page (query, 0, MAX_CHANGES);
      some = spor_store_list (store, query, error);
      if (some == NULL)
        {
          g_ptr_array_unref (changes);
          return NULL;
        }
      g_ptr_array_extend_and_steal (changes, g_steal_pointer (&some));
    }
  g_ptr_array_sort (changes, compare_exception_dates);
  if (changes->len > MAX_CHANGES)
    g_ptr_array_set_size (changes, MAX_CHANGES);
  return changes;
}

/* The occurrence of @block on @date (a date its rule gives) with the changes of that date
 * applied, found by expanding only the day it now falls on. */
static SporOccurrence *
changed_occurrence (SporBlock  *block,
                    GPtrArray  *changes,
                    guint       first,
                    guint       last,
                    const char *date)
{
  g_autoptr(GPtrArray) same_day = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = NULL;
  const char *target = date;

  for (guint i = first; i < last; i++)
    {
      SporEntity *x = g_ptr_array_index (changes, i);

      g_ptr_array_add (same_day, x);
      if (g_strcmp0 (spor_entity_get_text (x, "kind"), "moved") == 0 &&
          spor_entity_get_text (x, "new_date") != NULL)
        target = spor_entity_get_text (x, "new_date");
    }
  found = spor_blocks_expand (block, same_day, target, target);
  for (guint i = 0; i < found->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (found, i);

      if (g_strcmp0 (o->date, date) == 0)
        return spor_occurrence_copy (o);
    }
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The block's staff on the date of changes[first … last − 1], with its substitutes in
 * their places, as "Name, Name" in @text; NULL when that date has no substitute. */
static gboolean
substituted_staff (SporStore  *store,
                   GPtrArray  *staff,
                   GPtrArray  *changes,
                   guint       first,
                   guint       last,
                   char      **text,
                   GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  *text = NULL;
  for (guint s = 0; s < staff->len; s++)
    {
      SporEntity *person = g_ptr_array_index (staff, s);
      g_autofree char *name = g_strdup (spor_entity_get_text (person, "name"));

      for (guint i = first; i < last; i++)
        {
          SporEntity *x = g_ptr_array_index (changes, i);
          g_autoptr(SporStaff) substitute = NULL;

          if (g_strcmp0 (spor_entity_get_text (x, "kind"), "substitute") != 0 ||
              spor_entity_get_int (x, "staff_id") != spor_entity_get_id (person))
            continue;
          substitute = spor_store_get (store, SPOR_TYPE_STAFF, spor_entity_get_int (x, "substitute_id"), error);
          if (substitute == NULL)
            return FALSE;
          g_free (name);
          name = g_strdup (spor_entity_get_text (SPOR_ENTITY (substitute), "name"));
          any = TRUE;
        }
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  if (any)
    {
      g_ptr_array_sort (names, compare_names);
      g_ptr_array_add (names, NULL);
      *text = g_strjoinv (", ", (char **) names->pdata);
    }
  return TRUE;
}

/* The block's staff members (SporStaff), each once */
static GPtrArray *
block_staff (SporStore  *store,
             gint64      block_id,
             GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_STAFF);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);

  spor_query_where_int (query, "block_id", block_id);
  if ((links = spor_store_list (store, query, error)) == NULL)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "staff_id");
      gboolean seen = FALSE;
      SporStaff *person;

      for (guint s = 0; s < staff->len && !seen; s++)
        seen = spor_entity_get_id (g_ptr_array_index (staff, s)) == id;
      if (seen)
        continue;
      if ((person = spor_store_get (store, SPOR_TYPE_STAFF, id, error)) == NULL)
        return NULL;
      g_ptr_array_add (staff, person);
    }
  return g_steal_pointer (&staff);
}

/* EXDATE for a cancelled occurrence of a weekly block, a VEVENT with RECURRENCE-ID for a
 * moved one or one with a substitute (@staff: who is there then, or NULL for the block's
 * own staff); a one-off block is itself cancelled, moved or staffed otherwise. */
static void
add_change (icalcomponent  *calendar,
            icalcomponent  *master,
            SporBlock      *block,
            SporOccurrence *o,
            const char     *location,
            const char     *staff)
{
  g_autofree char *description = NULL;

  gboolean weekly = g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (block), "kind"), "weekly") == 0;
  g_autoptr(GPtrArray) one = spor_blocks_expand (block, NULL, o->date, o->date);
  GDateTime *original;
  icalcomponent *moved;

  if (one->len == 0)
    return;
  original = ((SporOccurrence *) g_ptr_array_index (one, 0))->start;
  if (o->cancelled)
    {
      if (weekly)
        icalcomponent_add_property (master, with_tzid (icalproperty_new_exdate (local_ical (original, NULL))));
      else
        icalcomponent_add_property (master, icalproperty_new_status (ICAL_STATUS_CANCELLED));
      return;
    }
  description = staff != NULL && o->reason != NULL ? g_strdup_printf ("%s\n%s", staff, o->reason)
                                                    : g_strdup (staff != NULL ? staff : o->reason);
  if (!weekly)
    {
      /* A one-off block that moved: the event itself is at the new time. */
      icalcomponent_remove_property (master, icalcomponent_get_first_property (master, ICAL_DTSTART_PROPERTY));
      icalcomponent_remove_property (master, icalcomponent_get_first_property (master, ICAL_DTEND_PROPERTY));
      add_times (master, o, NULL);
      if (staff != NULL)
        icalcomponent_set_description (master, staff);
      return;
    }
  moved = new_event (block, location, description);
  icalcomponent_add_property (moved, with_tzid (icalproperty_new_recurrenceid (local_ical (original, NULL))));
  add_times (moved, o, NULL);
  icalcomponent_add_component (calendar, moved);
}

/* Whether a substitute exception among changes[first … last − 1] has @staff_id in @field:
 * "staff_id" for the one away, "substitute_id" for the one who comes instead */
static gboolean
substitution_of (GPtrArray  *changes,
                 guint       first,
                 guint       last,
                 gint64      staff_id,
                 const char *field)
{
  for (guint i = first; i < last; i++)
    {
      SporEntity *x = g_ptr_array_index (changes, i);

      if (g_strcmp0 (spor_entity_get_text (x, "kind"), "substitute") == 0 &&
          spor_entity_get_int (x, field) == staff_id)
        return TRUE;
    }
  return FALSE;
}

/* An occurrence that @staff_id only comes to as a substitute: an event of its own (not
 * part of the block's series, which is not theirs), with a UID of its own */
static void
add_substitution (icalcomponent  *calendar,
                  SporBlock      *block,
                  SporOccurrence *o,
                  const char     *location,
                  const char     *staff)
{
  icalcomponent *event = new_event (block, location, staff);
  g_autofree char *uid = g_strdup_printf ("%s-%s", spor_entity_get_uuid (SPOR_ENTITY (block)), o->date);

  icalcomponent_set_uid (event, uid);
  add_times (event, o, NULL);
  icalcomponent_add_component (calendar, event);
}

static gboolean
member_of (GPtrArray *members,
           gint64     staff_id)
{
  for (guint s = 0; s < members->len; s++)
    if (spor_entity_get_id (g_ptr_array_index (members, s)) == staff_id)
      return TRUE;
  return FALSE;
}

/* The block as a series with its changes; for the calendar of @staff_id (0 = everyone's)
 * the days they are away are left out, and a block they only substitute in gives just
 * those days. */
static gboolean
add_block (SporStore     *store,
           icalcomponent *calendar,
           gint64         block_id,
           gint64         staff_id,
           icaltimezone  *zone,
           GError       **error)
{
  g_autoptr(SporBlock) block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, error);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *location = NULL;
  g_autofree char *staff = NULL;
  g_autoptr(SporOccurrence) first = NULL;
  icalcomponent *master = NULL;
  gboolean series;

  if (block == NULL)
    return FALSE;
  changes = list_changes (store, block_id, error);
  if (changes == NULL)
    return FALSE;
  first = first_occurrence (block);
  if (first == NULL)
    return TRUE; /* a rule with no day in its period: nothing to put in a calendar */
  if (!first_text (store, "SELECT name FROM locations WHERE id = ?",
                   spor_entity_get_int (SPOR_ENTITY (block), "location_id"), &location, error) ||
      !first_text (store,
                   "SELECT group_concat (name, ', ') FROM (SELECT DISTINCT s.name FROM block_staff bs "
                   "JOIN staff s ON s.id = bs.staff_id WHERE bs.block_id = ? ORDER BY s.name)",
                   block_id, &staff, error))
    return FALSE;
  if ((members = block_staff (store, block_id, error)) == NULL)
    return FALSE;

  series = staff_id == 0 || member_of (members, staff_id);
  if (series)
    {
      master = new_event (block, location, staff);
      add_times (master, first, zone);
      if (g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (block), "kind"), "weekly") == 0)
        add_rrule (master, block);
    }

  /* One pass over the changes, a date at a time (they are sorted by date). */
  for (guint i = 0, next; i < changes->len; i = next)
    {
      const char *date = spor_entity_get_text (g_ptr_array_index (changes, i), "date");
      g_autoptr(SporOccurrence) o = NULL;
      g_autofree char *on_the_day = NULL;

      for (next = i + 1; next < changes->len; next++)
        if (g_strcmp0 (spor_entity_get_text (g_ptr_array_index (changes, next), "date"), date) != 0)
          break;
      if (!spor_blocks_has_date (block, date))
        continue;
      o = changed_occurrence (block, changes, i, next, date);
      if (!substituted_staff (store, members, changes, i, next, &on_the_day, error))
        {
          g_clear_pointer (&master, icalcomponent_free);
          return FALSE;
        }
      if (o == NULL || strcmp (date, LAST_DATE) > 0 || strcmp (o->actual_date, LAST_DATE) > 0)
        continue;
      if (!series)
        {
          if (!o->cancelled && substitution_of (changes, i, next, staff_id, "substitute_id"))
            add_substitution (calendar, block, o, location, on_the_day);
          continue;
        }
      /* a day the staff member is away is not in their calendar */
      if (staff_id > 0 && substitution_of (changes, i, next, staff_id, "staff_id"))
        o->cancelled = TRUE;
      if (o->cancelled || o->moved || on_the_day != NULL)
        add_change (calendar, master, block, o, location, on_the_day);
    }

  if (master != NULL)
    icalcomponent_add_component (calendar, master);
  return TRUE;
}

char *
spor_ical_export (SporStore               *store,
                  const SporIcalSelection *selection,
                  guint                   *n_blocks,
                  GError                 **error)
{
  static const SporIcalSelection everything = { 0, 0, 0 };
  g_autoptr(GArray) ids = NULL;
  icaltimezone *zone;
  icalcomponent *calendar;
  sqlite3_stmt *stmt;
  char *text;

  if (selection == NULL)
    selection = &everything;
  if (n_blocks != NULL)
    *n_blocks = 0;

  stmt = spor_store_prepare (store,
      "SELECT id FROM blocks WHERE (?1 = 0 OR id = ?1) AND (?2 = 0 OR programme_id = ?2) "
      "AND (?3 = 0 OR id IN (SELECT block_id FROM block_staff WHERE staff_id = ?3) "
      "     OR id IN (SELECT block_id FROM block_exceptions WHERE kind = 'substitute' "
      "               AND substitute_id = ?3)) "
      "ORDER BY period_start, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, selection->block_id);
  sqlite3_bind_int64 (stmt, 2, selection->programme_id);
  sqlite3_bind_int64 (stmt, 3, selection->staff_id);
  ids = spor_store_collect_ids (store, stmt, "blocks to export", error);
  if (ids == NULL)
    return NULL;

  zone = NULL; /* times are written as wall-clock times with TZID, see local_ical() */

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Spor//Spor " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_component (calendar, new_vtimezone ());

  for (guint i = 0; i < ids->len; i++)
    if (!add_block (store, calendar, g_array_index (ids, gint64, i), selection->staff_id, zone, error))
      {
        icalcomponent_free (calendar);
        return NULL;
      }

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  if (n_blocks != NULL)
    *n_blocks = ids->len;
  return text;
}

gboolean
spor_ical_export_file (SporStore               *store,
                       const SporIcalSelection *selection,
                       const char              *path,
                       guint                   *n_blocks,
                       GError                 **error)
{
  /* Opened first, so a target that is the database is refused before any work. */
  g_autoptr(SporPrivateFile) target = spor_private_file_new (path, spor_store_get_path (store),
                                                             error);
  g_autofree char *text = NULL;

  if (target == NULL)
    return FALSE;
  text = spor_ical_export (store, selection, n_blocks, error);
  return text != NULL &&
         spor_private_file_write (target, text, strlen (text), error) &&
         spor_private_file_commit (target, error);
}
