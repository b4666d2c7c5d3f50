/* spor-blocks-week.c — the week query: a week's occurrences, staffing and problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spor-blocks.h"
#include "spor-blocks-private.h"
#include "spor-store-private.h"

char *
spor_blocks_week_start (const char *date)
{
  GDate d;

  if (!spor_date_parse_to (date, &d))
    return NULL;
  g_date_subtract_days (&d, g_date_get_weekday (&d) - G_DATE_MONDAY);
  return spor_date_format_iso (&d);
}

void
spor_week_free (SporWeek *week)
{
  if (week == NULL)
    return;
  g_free (week->monday);
  g_clear_pointer (&week->occurrences, g_ptr_array_unref);
  g_free (week);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

typedef struct {
  gint64  staff_id;
  char   *role;
  char   *name;
} StaffLink;

static void
staff_link_clear (gpointer data)
{
  StaffLink *l = data;

  g_free (l->role);
  g_free (l->name);
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
add_problem (SporOccurrence *o,
             SporBlockProblem problem,
             char           *text)
{
  o->problems |= problem;
  if (o->problem_text == NULL)
    o->problem_text = text;
  else
    {
      char *joined = g_strconcat (o->problem_text, "\n", text, NULL);

      g_free (o->problem_text);
      g_free (text);
      o->problem_text = joined;
    }
}

static gboolean
overlaps (const SporOccurrence *a,
          const SporOccurrence *b)
{
  return g_date_time_compare (a->start, b->end) < 0 && g_date_time_compare (b->start, a->end) < 0;
}

/* The blocks of the week: ?1 Monday, ?2 Sunday, ?3 programme, ?4 location, ?5 staff (0 = any).
 * One text, used as the main query and as the subquery of the per-week detail queries. */
#define WEEK_BLOCKS_WHERE \
  "WHERE ((b.period_start <= ?2 AND coalesce (b.period_end, b.period_start) >= ?1 " \
  "        AND (b.kind = 'weekly' OR b.period_start >= ?1)) " \
  "       OR (b.kind = 'weekly' AND b.period_end IS NULL AND b.period_start <= ?2) " \
  "       OR b.id IN (SELECT block_id FROM block_exceptions WHERE new_date BETWEEN ?1 AND ?2)) " \
  "  AND (?3 = 0 OR b.programme_id = ?3) AND (?4 = 0 OR b.location_id = ?4) " \
  "  AND (?5 = 0 OR b.id IN (SELECT block_id FROM block_staff WHERE staff_id = ?5))"
/* The week's blocks, found once by WEEK_BLOCKS_WHERE, as a JSON array bound to ?6 */
#define WEEK_BLOCK_IDS "SELECT value FROM json_each (?6)"

typedef struct {
  const char           *monday;
  const char           *sunday;
  const SporWeekFilter *filter;
  const char           *block_ids;  /* JSON array of the week's block ids */
} WeekParams;

static sqlite3_stmt *
prepare_week (SporStore        *store,
              const char       *sql,
              const WeekParams *w,
              GError          **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, w->monday, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, w->sunday, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, w->filter->programme_id);
  sqlite3_bind_int64 (stmt, 4, w->filter->location_id);
  sqlite3_bind_int64 (stmt, 5, w->filter->staff_id);
  if (w->block_ids != NULL)
    sqlite3_bind_text (stmt, 6, w->block_ids, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
finish (SporStore    *store,
        sqlite3_stmt *stmt,
        int           rc,
        const char   *what,
        GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* block id → GArray, created on first use */
static GArray *
array_for (GHashTable *table,
           gint64      block_id,
           gsize       element_size,
           GDestroyNotify clear)
{
  GArray *a = g_hash_table_lookup (table, &block_id);

  if (a == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = block_id;
      a = g_array_new (FALSE, TRUE, element_size);
      if (clear != NULL)
        g_array_set_clear_func (a, clear);
      g_hash_table_insert (table, key, a);
    }
  return a;
}

typedef struct {
  char *role;
  int   count;
} Requirement;

static void
requirement_clear (gpointer data)
{
  g_free (((Requirement *) data)->role);
}

typedef struct {
  GHashTable *staff;         /* block id → GArray of StaffLink */
  GHashTable *requirements;  /* block id → GArray of Requirement */
  GHashTable *participants;  /* block id → GArray of gint64 */
  GHashTable *exceptions;    /* block id → GPtrArray of SporBlockException */
  GHashTable *registered;    /* "block id/date" → count */
  GHashTable *staff_names;   /* staff id → name (borrowed from the links) */
} WeekDetails;

static void
week_details_clear (WeekDetails *d)
{
  g_clear_pointer (&d->staff, g_hash_table_unref);
  g_clear_pointer (&d->requirements, g_hash_table_unref);
  g_clear_pointer (&d->participants, g_hash_table_unref);
  g_clear_pointer (&d->exceptions, g_hash_table_unref);
  g_clear_pointer (&d->registered, g_hash_table_unref);
  g_clear_pointer (&d->staff_names, g_hash_table_unref);
}

/* Takes one row of a detail query into @d */
typedef void (*WeekRowFunc) (sqlite3_stmt *stmt,
                             WeekDetails  *d);

/* Runs the detail query @sql of the week, each row into @d by @take */
static gboolean
load_rows (SporStore        *store,
           const WeekParams *w,
           const char       *sql,
           WeekRowFunc       take,
           WeekDetails      *d,
           const char       *what,
           GError          **error)
{
  sqlite3_stmt *stmt = prepare_week (store, sql, w, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    take (stmt, d);
  return finish (store, stmt, rc, what, error);
}

static void
take_name (WeekDetails *d,
           gint64       staff_id,
           const char  *name)
{
  gint64 *key = g_new (gint64, 1);

  *key = staff_id;
  g_hash_table_replace (d->staff_names, key, g_strdup (name));
}

/* A staff member of a block, and their name */
static void
take_staff (sqlite3_stmt *stmt,
            WeekDetails  *d)
{
  StaffLink l = { sqlite3_column_int64 (stmt, 1), g_strdup (column_text (stmt, 2)),
                  g_strdup (column_text (stmt, 3)) };

  take_name (d, l.staff_id, l.name);
  g_array_append_val (array_for (d->staff, sqlite3_column_int64 (stmt, 0), sizeof (StaffLink),
                                 staff_link_clear), l);
}

static void
take_requirement (sqlite3_stmt *stmt,
                  WeekDetails  *d)
{
  Requirement r = { g_strdup (column_text (stmt, 1)), sqlite3_column_int (stmt, 2) };

  g_array_append_val (array_for (d->requirements, sqlite3_column_int64 (stmt, 0),
                                 sizeof (Requirement), requirement_clear), r);
}

static void
take_participant (sqlite3_stmt *stmt,
                  WeekDetails  *d)
{
  gint64 id = sqlite3_column_int64 (stmt, 1);

  g_array_append_val (array_for (d->participants, sqlite3_column_int64 (stmt, 0),
                                 sizeof (gint64), NULL), id);
}

static void
take_exception (sqlite3_stmt *stmt,
                WeekDetails  *d)
{
  gint64 block_id = sqlite3_column_int64 (stmt, 0);
  GPtrArray *list = g_hash_table_lookup (d->exceptions, &block_id);

  if (list == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = block_id;
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (d->exceptions, key, list);
    }
  g_ptr_array_add (list, spor_blocks_read_exception (stmt, 1, block_id));
}

/* A substitute, who need not be in any block of the week */
static void
take_substitute (sqlite3_stmt *stmt,
                 WeekDetails  *d)
{
  take_name (d, sqlite3_column_int64 (stmt, 0), column_text (stmt, 1));
}

static void
take_registered (sqlite3_stmt *stmt,
                 WeekDetails  *d)
{
  g_hash_table_insert (d->registered,
                       g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                                        (gint64) sqlite3_column_int64 (stmt, 0),
                                        column_text (stmt, 1)),
                       GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));
}

static gboolean
load_details (SporStore        *store,
              const WeekParams *w,
              WeekDetails      *d,
              GError          **error)
{
  d->staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  d->requirements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  d->participants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  d->exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  d->registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->staff_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  return load_rows (store, w,
                    "SELECT bs.block_id, bs.staff_id, bs.role, s.name FROM block_staff bs "
                    "JOIN staff s ON s.id = bs.staff_id "
                    "WHERE bs.block_id IN (" WEEK_BLOCK_IDS ") "
                    "ORDER BY bs.block_id, s.name, bs.role",
                    take_staff, d, "block staff", error) &&
         load_rows (store, w,
                    "SELECT block_id, role, count FROM block_requirements "
                    "WHERE block_id IN (" WEEK_BLOCK_IDS ")",
                    take_requirement, d, "block requirements", error) &&
         load_rows (store, w,
                    "SELECT block_id, participant_id FROM block_participants "
                    "WHERE block_id IN (" WEEK_BLOCK_IDS ")",
                    take_participant, d, "block participants", error) &&
         load_rows (store, w,
                    "SELECT block_id, " SPOR_BLOCKS_EXCEPTION_COLUMNS " "
                    "FROM block_exceptions WHERE block_id IN (" WEEK_BLOCK_IDS ")",
                    take_exception, d, "block exceptions", error) &&
         load_rows (store, w,
                    "SELECT id, name FROM staff WHERE id IN "
                    "(SELECT substitute_id FROM block_exceptions "
                    " WHERE block_id IN (" WEEK_BLOCK_IDS ") AND kind = 'substitute')",
                    take_substitute, d, "substitutes", error) &&
         /* registered attendance per occurrence; one index range per block */
         load_rows (store, w,
                    "SELECT block_id, date, count (*) FROM attendance "
                    "WHERE block_id IN (" WEEK_BLOCK_IDS ") AND date BETWEEN ?1 AND ?2 "
                    "GROUP BY block_id, date",
                    take_registered, d, "attendance", error);
}

/* A staff member's name: one in the week's blocks or a substitute there (load_details) */
static const char *
name_of (WeekDetails *d,
         gint64       staff_id)
{
  const char *name = g_hash_table_lookup (d->staff_names, &staff_id);

  return name != NULL ? name : "";
}
/* Staffing, participants, attendance counts and the problems within one occurrence */
static void
fill_occurrence (WeekDetails    *d,
                 SporOccurrence *o)
{
  GArray *staff = g_hash_table_lookup (d->staff, &o->block_id);
  GArray *required = g_hash_table_lookup (d->requirements, &o->block_id);
  GArray *participants = g_hash_table_lookup (d->participants, &o->block_id);
  GPtrArray *exceptions = g_hash_table_lookup (d->exceptions, &o->block_id);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", o->block_id, o->date);

  o->participant_ids = participants != NULL ? g_array_copy (participants) : g_array_new (FALSE, FALSE, sizeof (gint64));
  o->n_participants = o->participant_ids->len;
  o->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  o->n_registered = GPOINTER_TO_UINT (g_hash_table_lookup (d->registered, key));

  for (guint s = 0; staff != NULL && s < staff->len; s++)
    {
      StaffLink *l = &g_array_index (staff, StaffLink, s);
      gint64 id = l->staff_id;

      for (guint x = 0; exceptions != NULL && x < exceptions->len; x++)
        {
          SporEntity *ex = g_ptr_array_index (exceptions, x);

          if (g_strcmp0 (spor_entity_get_text (ex, "kind"), "substitute") == 0 &&
              g_strcmp0 (spor_entity_get_text (ex, "date"), o->date) == 0 &&
              spor_entity_get_int (ex, "staff_id") == id)
            id = spor_entity_get_int (ex, "substitute_id");
        }
      if (id <= 0)
        continue;
      if (!array_has (o->staff_ids, id))
        g_array_append_val (o->staff_ids, id);
      g_hash_table_insert (have, l->role,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (have, l->role)) + 1));
      if (names->len > 0)
        g_string_append (names, ", ");
      /* Translators: a staff member in a block: "Name (role)" */
      g_string_append_printf (names, _("%s (%s)"), id == l->staff_id ? l->name : name_of (d, id),
                              spor_value_label (&spor_values_role, l->role));
    }
  o->staff = names->len > 0 ? g_strdup (names->str) : NULL;

  if (o->cancelled)
    return;
  for (guint r = 0; required != NULL && r < required->len; r++)
    {
      Requirement *req = &g_array_index (required, Requirement, r);
      int got = GPOINTER_TO_INT (g_hash_table_lookup (have, req->role));

      if (got < req->count)
        /* Translators: e.g. "Missing adviser: 0 of 1" */
        add_problem (o, SPOR_PROBLEM_MISSING_ROLE,
                     g_strdup_printf (_("Missing %s: %d of %d"),
                                      spor_value_label (&spor_values_role, req->role), got, req->count));
    }
  if (o->capacity >= 0 && o->n_participants > (guint) o->capacity)
    {
      /* Translators: the end of “Above capacity: 5 participants for 4 places” */
      g_autofree char *places = g_strdup_printf (ngettext ("%d place", "%d places", (gulong) o->capacity),
                                                 o->capacity);

      /* Translators: %s is a number of places, such as “4 places” */
      add_problem (o, SPOR_PROBLEM_OVER_CAPACITY,
                   g_strdup_printf (ngettext ("Above capacity: %u participant for %s",
                                              "Above capacity: %u participants for %s",
                                              o->n_participants),
                                    o->n_participants, places));
    }
}

/* One person in one occurrence; sorted by person, then by the occurrence's place in time */
typedef struct {
  gint64 person;
  guint  index;
} Booking;

static int
compare_bookings (gconstpointer a,
                  gconstpointer b)
{
  const Booking *x = a, *y = b;

  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Everyone booked (staff or participants) in the occurrences that are not cancelled, sorted:
 * each person's occurrences form one run, in time order. One array and a sort, instead of
 * a list per person: a busy week has tens of thousands of bookings. */
static GArray *
bookings_of (GPtrArray *occurrences,
             gboolean   staff)
{
  GArray *bookings = g_array_new (FALSE, FALSE, sizeof (Booking));

  for (guint i = 0; i < occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (occurrences, i);
      GArray *ids = staff ? o->staff_ids : o->participant_ids;

      if (o->cancelled)
        continue;
      for (guint k = 0; ids != NULL && k < ids->len; k++)
        {
          Booking bk = { g_array_index (ids, gint64, k), i };

          g_array_append_val (bookings, bk);
        }
    }
  g_array_sort (bookings, compare_bookings);
  return bookings;
}

/* The next run of one person's bookings, from *start; FALSE after the last */
static gboolean
next_run (GArray *bookings,
          guint  *start,
          guint  *end)
{
  if (*end >= bookings->len)
    return FALSE;
  *start = *end;
  while (*end < bookings->len &&
         g_array_index (bookings, Booking, *end).person == g_array_index (bookings, Booking, *start).person)
    (*end)++;
  return TRUE;
}

static void
find_double_bookings (WeekDetails *d,
                      GPtrArray   *occurrences)
{
  g_autoptr(GArray) by_staff = bookings_of (occurrences, TRUE);
  g_autoptr(GArray) by_participant = bookings_of (occurrences, FALSE);
  /* (i, j) → the number of participants the two overlapping occurrences share */
  g_autoptr(GHashTable) shared = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint start = 0, end = 0;

  while (next_run (by_staff, &start, &end))
    for (guint x = start; x < end; x++)
      {
        const Booking *ba = &g_array_index (by_staff, Booking, x);
        SporOccurrence *a = g_ptr_array_index (occurrences, ba->index);

        /* In time order: only later ones that start before a ends can overlap it */
        for (guint y = x + 1; y < end; y++)
          {
            SporOccurrence *b = g_ptr_array_index (occurrences, g_array_index (by_staff, Booking, y).index);
            const char *name;

            if (g_date_time_compare (b->start, a->end) >= 0)
              break;
            if (b->block_id == a->block_id || !overlaps (a, b))
              continue;
            name = name_of (d, ba->person);
            /* Translators: "Name is also booked in Title" */
            add_problem (a, SPOR_PROBLEM_STAFF_DOUBLE,
                         g_strdup_printf (_("%s is also booked in “%s”"), name, b->title));
            add_problem (b, SPOR_PROBLEM_STAFF_DOUBLE,
                         g_strdup_printf (_("%s is also booked in “%s”"), name, a->title));
          }
      }

  start = end = 0;
  while (next_run (by_participant, &start, &end))
    for (guint x = start; x < end; x++)
      {
        guint i = g_array_index (by_participant, Booking, x).index;
        SporOccurrence *a = g_ptr_array_index (occurrences, i);

        for (guint y = x + 1; y < end; y++)
          {
            guint j = g_array_index (by_participant, Booking, y).index;
            SporOccurrence *b = g_ptr_array_index (occurrences, j);
            gint64 pair = (gint64) i * occurrences->len + j;

            if (g_date_time_compare (b->start, a->end) >= 0)
              break;
            if (b->block_id == a->block_id || !overlaps (a, b))
              continue;
            g_hash_table_insert (shared, g_memdup2 (&pair, sizeof pair),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (shared, &pair)) + 1));
          }
      }

  /* Participants' names stay out of the problems: a count is enough to act on. */
  g_hash_table_iter_init (&iter, shared);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 pair = *(gint64 *) key;
      guint n = GPOINTER_TO_UINT (value);
      SporOccurrence *a = g_ptr_array_index (occurrences, (guint) (pair / occurrences->len));
      SporOccurrence *b = g_ptr_array_index (occurrences, (guint) (pair % occurrences->len));

      add_problem (a, SPOR_PROBLEM_PARTICIPANT_DOUBLE,
                   g_strdup_printf (ngettext ("%u participant is also booked in “%s”",
                                              "%u participants are also booked in “%s”", n), n, b->title));
      add_problem (b, SPOR_PROBLEM_PARTICIPANT_DOUBLE,
                   g_strdup_printf (ngettext ("%u participant is also booked in “%s”",
                                              "%u participants are also booked in “%s”", n), n, a->title));
    }
}

/* A block of the week as read, with its programme's colour and its location's name */
typedef struct {
  SporEntity *block;
  char       *colour;
  char       *location;
} WeekBlock;

static void
week_block_free (WeekBlock *wb)
{
  g_object_unref (wb->block);
  g_free (wb->colour);
  g_free (wb->location);
  g_free (wb);
}

SporWeek *
spor_blocks_query_week (SporStore            *store,
                        const char           *monday,
                        const SporWeekFilter *filter,
                        GError              **error)
{
  static const SporWeekFilter no_filter = { 0, 0, 0 };
  g_autoptr(SporWeek) week = g_new0 (SporWeek, 1);
  g_autofree char *sunday = NULL;
  WeekDetails details = { 0 };
  WeekParams params;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GString) ids = NULL;
  sqlite3_stmt *stmt;
  GDate d;
  int rc;

  if (filter == NULL)
    filter = &no_filter;
  if (!spor_date_parse_to (monday, &d))
    {
      spor_store_invalid (error, _("The week must start on a valid date."));
      return NULL;
    }
  week->monday = spor_blocks_week_start (monday);
  spor_date_parse_to (week->monday, &d);
  g_date_add_days (&d, 6);
  sunday = spor_date_format_iso (&d);
  week->occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_occurrence_free);
  params = (WeekParams) { week->monday, sunday, filter, NULL };

  /* The blocks first: their ids select the details, which the occurrences need. */
  stmt = prepare_week (store,
      "SELECT b.id, b.uuid, b.created_at, b.updated_at, b.programme_id, b.cohort_id, "
      "b.location_id, b.title, b.kind, b.weekdays, b.start_time, b.end_time, b.period_start, "
      "b.period_end, b.capacity, p.colour, l.name "
      "FROM blocks b LEFT JOIN programmes p ON p.id = b.programme_id "
      "LEFT JOIN locations l ON l.id = b.location_id " WEEK_BLOCKS_WHERE, &params, error);
  if (stmt == NULL)
    return NULL;
  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) week_block_free);
  ids = g_string_new ("[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WeekBlock *wb = g_new0 (WeekBlock, 1);
      SporEntity *b = spor_entity_new (SPOR_TYPE_BLOCK);
      static const char * const refs[] = { "programme_id", "cohort_id", "location_id" };
      static const char * const texts[] = { "title", "kind" };
      gint64 id = sqlite3_column_int64 (stmt, 0);

      spor_entity_set_keys (b, id, column_text (stmt, 1), column_text (stmt, 2), column_text (stmt, 3));
      for (guint f = 0; f < G_N_ELEMENTS (refs); f++)
        if (sqlite3_column_type (stmt, 4 + (int) f) != SQLITE_NULL)
          spor_entity_set_int (b, refs[f], sqlite3_column_int64 (stmt, 4 + (int) f));
      for (guint f = 0; f < G_N_ELEMENTS (texts); f++)
        spor_entity_set_text (b, texts[f], column_text (stmt, 7 + (int) f));
      spor_entity_set_int (b, "weekdays", sqlite3_column_int (stmt, 9));
      spor_entity_set_text (b, "start_time", column_text (stmt, 10));
      spor_entity_set_text (b, "end_time", column_text (stmt, 11));
      spor_entity_set_text (b, "period_start", column_text (stmt, 12));
      if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
        spor_entity_set_text (b, "period_end", column_text (stmt, 13));
      if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
        spor_entity_set_int (b, "capacity", sqlite3_column_int (stmt, 14));
      wb->block = b;
      wb->colour = g_strdup (column_text (stmt, 15));
      wb->location = g_strdup (column_text (stmt, 16));
      g_ptr_array_add (blocks, wb);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, blocks->len > 1 ? "," : "", id);
    }
  g_string_append_c (ids, ']');
  if (!finish (store, stmt, rc, "week", error))
    return NULL;

  params.block_ids = ids->str;
  if (!load_details (store, &params, &details, error))
    {
      week_details_clear (&details);
      return NULL;
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      WeekBlock *wb = g_ptr_array_index (blocks, i);
      gint64 id = spor_entity_get_id (wb->block);
      g_autoptr(GPtrArray) occurrences = NULL;

      occurrences = spor_blocks_expand (SPOR_BLOCK (wb->block), g_hash_table_lookup (details.exceptions, &id),
                                        week->monday, sunday);
      for (guint o = 0; o < occurrences->len; o++)
        {
          SporOccurrence *occ = g_ptr_array_index (occurrences, o);

          occ->colour = g_strdup (wb->colour);
          occ->location = g_strdup (wb->location);
          fill_occurrence (&details, occ);
        }
      g_ptr_array_extend_and_steal (week->occurrences, g_steal_pointer (&occurrences));
    }

  g_ptr_array_sort (week->occurrences, spor_occurrence_compare);
  find_double_bookings (&details, week->occurrences);
  for (guint i = 0; i < week->occurrences->len; i++)
    if (((SporOccurrence *) g_ptr_array_index (week->occurrences, i))->problems != 0)
      week->n_problems++;
  week_details_clear (&details);
  return g_steal_pointer (&week);
}

SporOccurrence *
spor_blocks_query_occurrence (SporStore   *store,
                              gint64       block_id,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(SporOccurrence) occurrence = spor_blocks_get_occurrence (store, block_id, date, error);
  g_autoptr(SporWeek) week = NULL;
  g_autofree char *monday = NULL;

  if (occurrence == NULL)
    return NULL;
  /* the week it happens in, after a move, with double bookings against that week's blocks */
  monday = spor_blocks_week_start (occurrence->actual_date);
  if ((week = spor_blocks_query_week (store, monday, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < week->occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (week->occurrences, i);

      if (o->block_id == block_id && g_strcmp0 (o->date, date) == 0)
        return spor_occurrence_copy (o);
    }
  /* read a moment ago: another program has changed the block since */
  spor_store_invalid (error, _("The block does not take place on that day."));
  return NULL;
}
