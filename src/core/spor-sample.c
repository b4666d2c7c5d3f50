/* spor-sample.c — fictional sample data, up to national scale
 *
 * Everything here is invented: names are random combinations of common Danish first and
 * family names, addresses and numbers are made up, and no note describes a real person.
 * The rows are written with prepared statements in one transaction; the audit log gets one
 * "generate" entry per table instead of one per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-sample.h"
#include "spor-store-private.h"
#include "spor-templates.h"
#include "spor-util.h"

static const char * const first_names[] = {
  "Søren", "Åse", "Mathilde", "Frederik", "Emma", "Oliver", "Ida", "Mads", "Freja", "Magnus",
  "Clara", "Noah", "Sofie", "Victor", "Laura", "Aksel", "Karla", "Malthe", "Asta", "Emil",
  "Agnes", "Lukas", "Alma", "William", "Ella", "Jonas", "Nanna", "Rasmus", "Signe", "Tobias",
  "Maja", "Kasper", "Liva", "Anders", "Cecilie", "Bjørn", "Sif", "Jørgen", "Thea", "Ærling",
  "Ronja", "Villads", "Olivia", "Sebastian", "Aya", "Ahmad", "Sara", "Ali", "Zeynep", "Yusuf",
  "Amalie", "Nikolaj", "Julie", "Kristoffer", "Marie", "Mikkel", "Josefine", "Peter", "Line",
  "Morten", "Tove", "Østen", "Dagmar", "Holger", "Birgitte", "Jens", "Hanne", "Ejnar",
};

static const char * const family_names[] = {
  "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
  "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
  "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
  "Mikkelsen", "Frederiksen", "Dahl", "Holm", "Lund", "Kjærgaard", "Østergaard", "Bæk",
  "Skovgaard", "Aagaard", "Vestergaard", "Bruun", "Friis", "Ågesen", "Lauridsen", "Krogh",
  "Yilmaz", "Hussein", "Ahmadi", "Kaya", "Nørgaard", "Søndergaard", "Dalsgaard", "Bøgh",
};

static const char * const need_notes[] = {
  "Transporttræning de første uger.",
  "Har brug for et roligt sted at arbejde.",
  "Korte pauser efter behov.",
  "Starter med færre timer og trapper op.",
  "Ønsker fast kontaktperson.",
  "Har brug for hjælp til struktur og overblik.",
  NULL,
};

static const char * const provisions[] = {
  "education_benefit", "education_benefit", "education_benefit", "cash_benefit",
  "cash_benefit", "resource_course", "sickness_benefit", "integration_benefit", "other",
};

typedef struct
{
  const char *key;
  const char *municipality;
  const char *block_title;
  const char *location;
  const char *location_address;
  guint       share;      /* per cent of the participants */
  guint       cohort_size;
  guint       weekdays;   /* bits, Monday = 1 */
  const char *start_time;
  const char *end_time;
  const char *second_title; /* a weekly group talk or open workshop, or NULL */
  guint       second_weekday;
} ProgrammePlan;

static const ProgrammePlan plans[] = {
  { "aspiranterne", "Helsingør", "Arbejdsfællesskab på kulturinstitution", "Kulturværftet",
    "Allégade 2, 3000 Helsingør", 30, 12, 1 | 4, "09:00", "13:00", "Gruppesamtale", 16 },
  { "sy-og-design", "Syddjurs", "Syning og design", "Kulturskolen Rønde",
    "Skolevej 5, 8410 Rønde", 20, 10, 2 | 8, "09:00", "12:00", NULL, 0 },
  { "digitale-ressourcebank", "Slagelse", "Lektiehjælp med frivillig", "Kvarterhuset Motalavej",
    "Motalavej 1, 4220 Korsør", 20, 15, 2 | 8, "16:00", "18:00", NULL, 0 },
  { "unge-med-kant", "Ishøj", "Åbent værksted", "Ishøj Kulturhus",
    "Ishøj Store Torv 2, 2635 Ishøj", 30, 20, 1 | 4, "10:00", "14:00", "Gruppeforløb", 16 },
};

typedef struct
{
  gint64 id;
  int    duration;
  char   unit;     /* 'd', 'w', 'm' */
  gboolean parallel;
} PhaseInfo;

typedef struct
{
  SporStore        *store;
  GRand            *rand;
  SporSampleCounts *counts;
  GCancellable     *cancellable;
  const char       *now;
  GDate             today;
  guint32           today_j;
  char              uuid[37];
  /* the day strings of a wide range, so that no row formats a date */
  guint32           first_day;
  guint32           n_days;
  char            (*days)[11];
  GArray           *staff;        /* gint64 ids */
  GArray           *volunteers;   /* gint64 competency ids */
  sqlite3_stmt     *staff_insert, *role_insert, *competency_insert, *location_insert,
                   *cohort_insert, *participant_insert, *ps_insert, *progress_insert,
                   *agreement_insert, *block_insert, *req_insert, *block_staff_insert,
                   *block_participant_insert, *attendance_insert, *meeting_insert,
                   *placement_insert, *outcome_insert, *portfolio_insert, *need_insert,
                   *match_insert;
} Sample;

static const char *
day (Sample *s,
     guint32 julian)
{
  if (julian < s->first_day)
    julian = s->first_day;
  if (julian >= s->first_day + s->n_days)
    julian = s->first_day + s->n_days - 1;
  return s->days[julian - s->first_day];
}

static guint32
julian (guint y, guint m, guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static guint32
add_duration (guint32 from,
              int     amount,
              char    unit)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, from);
  switch (unit)
    {
    case 'm':
      /* GLib keeps the day within the month: 31 January + 1 month = 28/29 February */
      g_date_add_months (&date, (guint) amount);
      break;
    case 'w':
      g_date_add_days (&date, (guint) amount * 7);
      break;
    default:
      g_date_add_days (&date, (guint) amount);
      break;
    }
  return g_date_get_julian (&date);
}

/* Binds the uuid and the two timestamps, the first three columns of every insert. */
static void
bind_keys (Sample       *s,
           sqlite3_stmt *stmt)
{
  spor_uuid_fill (s->uuid);
  sqlite3_bind_text (stmt, 1, s->uuid, 36, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, s->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, s->now, -1, SQLITE_STATIC);
}

static gboolean
step (Sample       *s,
      sqlite3_stmt *stmt,
      gint64       *id,
      GError      **error)
{
  int rc = sqlite3_step (stmt);

  /* Optional columns are left unbound: nothing may carry over from the previous row. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (s->store, error, rc, _("Creating sample data"));
      return FALSE;
    }
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (spor_store_get_db (s->store));
  return TRUE;
}

static sqlite3_stmt *
prep (Sample     *s,
      const char *sql,
      GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (spor_store_get_db (s->store), sql, -1,
                               SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      spor_store_set_error (s->store, error, rc, _("Creating sample data"));
      return NULL;
    }
  return stmt;
}

static gboolean
prepare_all (Sample  *s,
             GError **error)
{
#define PREP(field, sql) if ((s->field = prep (s, sql, error)) == NULL) return FALSE
  PREP (staff_insert, "INSERT INTO staff (uuid, created_at, updated_at, name, organisation, email, "
                      "phone, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)");
  PREP (role_insert, "INSERT INTO staff_roles (uuid, created_at, updated_at, staff_id, role) "
                     "VALUES (?, ?, ?, ?, ?)");
  PREP (competency_insert, "INSERT INTO competencies (uuid, created_at, updated_at, staff_id, "
                           "subject, level) VALUES (?, ?, ?, ?, ?, ?)");
  PREP (location_insert, "INSERT INTO locations (uuid, created_at, updated_at, name, address, "
                         "organisation, capacity) VALUES (?, ?, ?, ?, ?, ?, ?)");
  PREP (cohort_insert, "INSERT INTO cohorts (uuid, created_at, updated_at, programme_id, name, "
                       "start_date, end_date, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (participant_insert,
        "INSERT INTO participants (uuid, created_at, updated_at, name, birth_date, email, phone, "
        "municipality, provision, referral_caseworker, referral_organisation, referral_date, "
        "programme_id, cohort_id, status, waiting_position, waiting_since, start_date, end_date, "
        "contact_person_id, consent_date, consent_processing, consent_sharing, consent_photos, "
        "needs, exit_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
  PREP (ps_insert, "INSERT INTO participant_staff (uuid, created_at, updated_at, participant_id, "
                   "staff_id, role) VALUES (?, ?, ?, ?, ?, ?)");
  PREP (progress_insert,
        "INSERT INTO phase_progress (uuid, created_at, updated_at, participant_id, phase_id, "
        "state, planned_start, planned_end, actual_start, actual_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (agreement_insert,
        "INSERT INTO agreements (uuid, created_at, updated_at, participant_id, version, state, "
        "goals, needs, schedule, weekly_hours, programme_provides, participant_commits, "
        "adviser_id, creative_id, start_date, review_date, signed_date, signed_by_participant, "
        "signed_by_adviser) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (block_insert,
        "INSERT INTO blocks (uuid, created_at, updated_at, programme_id, cohort_id, location_id, "
        "title, kind, weekdays, start_time, end_time, period_start, period_end, capacity) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'weekly', ?, ?, ?, ?, ?, ?)");
  PREP (req_insert, "INSERT INTO block_requirements (uuid, created_at, updated_at, block_id, role, "
                    "count) VALUES (?, ?, ?, ?, ?, 1)");
  PREP (block_staff_insert, "INSERT INTO block_staff (uuid, created_at, updated_at, block_id, "
                            "staff_id, role) VALUES (?, ?, ?, ?, ?, ?)");
  PREP (block_participant_insert, "INSERT INTO block_participants (uuid, created_at, updated_at, "
                                  "block_id, participant_id) VALUES (?, ?, ?, ?, ?)");
  PREP (attendance_insert, "INSERT INTO attendance (uuid, created_at, updated_at, block_id, "
                           "participant_id, date, status, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (meeting_insert, "INSERT INTO meetings (uuid, created_at, updated_at, participant_id, kind, "
                        "date, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
  PREP (placement_insert, "INSERT INTO placements (uuid, created_at, updated_at, participant_id, "
                          "kind, organisation, start_date, end_date, hours_per_week) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (outcome_insert, "INSERT INTO outcomes (uuid, created_at, updated_at, participant_id, kind, "
                        "date, destination) VALUES (?, ?, ?, ?, ?, ?, ?)");
  PREP (portfolio_insert, "INSERT INTO portfolio_items (uuid, created_at, updated_at, "
                          "participant_id, kind, title, date, issuer) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  PREP (need_insert, "INSERT INTO needs (uuid, created_at, updated_at, participant_id, subject, "
                     "state) VALUES (?, ?, ?, ?, ?, ?)");
  PREP (match_insert, "INSERT INTO matches (uuid, created_at, updated_at, need_id, competency_id, "
                      "state, start_date) VALUES (?, ?, ?, ?, ?, ?, ?)");
#undef PREP
  return TRUE;
}

static void
finalize_all (Sample *s)
{
  sqlite3_stmt **stmts[] = {
    &s->staff_insert, &s->role_insert, &s->competency_insert, &s->location_insert,
    &s->cohort_insert, &s->participant_insert, &s->ps_insert, &s->progress_insert,
    &s->agreement_insert, &s->block_insert, &s->req_insert, &s->block_staff_insert,
    &s->block_participant_insert, &s->attendance_insert, &s->meeting_insert,
    &s->placement_insert, &s->outcome_insert, &s->portfolio_insert, &s->need_insert,
    &s->match_insert,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    g_clear_pointer (stmts[i], sqlite3_finalize);
}

#define PICK(s, array) ((array)[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

static char *
invent_name (Sample *s)
{
  if (g_rand_int_range (s->rand, 0, 5) == 0)
    return g_strdup_printf ("%s %s %s", PICK (s, first_names), PICK (s, family_names),
                            PICK (s, family_names));
  return g_strdup_printf ("%s %s", PICK (s, first_names), PICK (s, family_names));
}

/* An address that cannot reach anyone: the .invalid domain is reserved for that. */
static char *
invent_email (const char *name,
              guint       n)
{
  g_autofree char *folded = spor_fold_term (name);

  g_strdelimit (folded, " ", '.');
  return g_strdup_printf ("%s%u@eksempel.invalid", folded, n % 100);
}

static char *
invent_phone (Sample *s)
{
  guint32 n = (guint32) g_rand_int_range (s->rand, 0, 1000000);

  return g_strdup_printf ("+45 99 %02u %02u %02u", n / 10000, (n / 100) % 100, n % 100);
}

static gboolean
create_staff (Sample     *s,
              guint       n,
              GError    **error)
{
  static const char * const roles[] = { "creative", "adviser", "mentor", "coordinator", "volunteer" };
  static const char * const subjects[] = {
    "Dansk", "Matematik", "Engelsk", "Fysik/kemi", "Samfundsfag", "Eksamenstræning",
    "Opgaveskrivning", "Syning", "Design", "Film og lyd", "Teater",
  };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = invent_name (s);
      g_autofree char *email = invent_email (name, i);
      g_autofree char *phone = invent_phone (s);
      const char *role = roles[i % G_N_ELEMENTS (roles)];
      gint64 id;

      bind_keys (s, s->staff_insert);
      sqlite3_bind_text (s->staff_insert, 4, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (s->staff_insert, 5, strcmp (role, "volunteer") == 0
                         ? "Frivillig" : "Kommunen", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->staff_insert, 6, email, -1, SQLITE_STATIC);
      sqlite3_bind_text (s->staff_insert, 7, phone, -1, SQLITE_STATIC);
      if (!step (s, s->staff_insert, &id, error))
        return FALSE;
      g_array_append_val (s->staff, id);
      s->counts->staff++;

      bind_keys (s, s->role_insert);
      sqlite3_bind_int64 (s->role_insert, 4, id);
      sqlite3_bind_text (s->role_insert, 5, role, -1, SQLITE_STATIC);
      if (!step (s, s->role_insert, NULL, error))
        return FALSE;

      if (strcmp (role, "volunteer") == 0)
        {
          gint64 competency;

          bind_keys (s, s->competency_insert);
          sqlite3_bind_int64 (s->competency_insert, 4, id);
          sqlite3_bind_text (s->competency_insert, 5, PICK (s, subjects), -1, SQLITE_STATIC);
          sqlite3_bind_text (s->competency_insert, 6, "Gymnasieniveau", -1, SQLITE_STATIC);
          if (!step (s, s->competency_insert, &competency, error))
            return FALSE;
          g_array_append_val (s->volunteers, competency);
        }
    }
  return TRUE;
}

static gint64
staff_at (Sample *s,
          guint   index,
          guint   role)  /* 0 creative, 1 adviser, 2 mentor, … as in create_staff */
{
  guint n = s->staff->len / 5;

  return g_array_index (s->staff, gint64, ((index % n) * 5 + role) % s->staff->len);
}

static gboolean
load_phases (Sample  *s,
             gint64   programme_id,
             GArray  *phases,
             GError **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PHASE);
  g_autoptr(GPtrArray) list = NULL;

  spor_query_where_int (query, "programme_id", programme_id);
  spor_query_order_by (query, "position", FALSE);
  list = spor_store_list (s->store, query, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      SporEntity *phase = g_ptr_array_index (list, i);
      PhaseInfo info = {
        spor_entity_get_id (phase),
        (int) spor_entity_get_int (phase, "duration"),
        spor_entity_get_text (phase, "duration_unit")[0],
        g_strcmp0 (spor_entity_get_text (phase, "track"), "parallel") == 0,
      };

      g_array_append_val (phases, info);
    }
  return TRUE;
}

/* Planned phase dates from a start: sequential phases follow one another, parallel ones
 * start together and the next sequential phase waits for the longest. */
static guint32
plan_phases (GArray  *phases,
             guint32  start,
             guint32 *starts,
             guint32 *ends)
{
  guint32 cursor = start, group_end = start;

  for (guint i = 0; i < phases->len; i++)
    {
      const PhaseInfo *p = &g_array_index (phases, PhaseInfo, i);

      starts[i] = cursor;
      ends[i] = add_duration (cursor, p->duration, p->unit) - 1;
      if (ends[i] < starts[i])
        ends[i] = starts[i];
      if (p->parallel)
        group_end = MAX (group_end, ends[i] + 1);
      else
        {
          cursor = ends[i] + 1;
          group_end = cursor;
        }
      if (p->parallel && (i + 1 == phases->len ||
                          !g_array_index (phases, PhaseInfo, i + 1).parallel))
        cursor = group_end;
    }
  return cursor;
}

typedef struct
{
  gint64  id;
  gint64  block_ids[2];
  guint   n_blocks;
  guint32 start;
  guint32 course_end;  /* last day of the blocks */
} CohortInfo;

static const char *
attendance_status (Sample *s,
                   double *hours,
                   double  full)
{
  guint r = (guint) g_rand_int_range (s->rand, 0, 100);

  if (r < 78)
    return *hours = full, "present";
  if (r < 84)
    return *hours = full - 0.5, "late";
  if (r < 91)
    return *hours = 0, "absent_notice";
  if (r < 96)
    return *hours = 0, "absent";
  return *hours = 0, "sick";
}

static double
block_hours (const ProgrammePlan *plan)
{
  int sh = atoi (plan->start_time), sm = atoi (plan->start_time + 3);
  int eh = atoi (plan->end_time), em = atoi (plan->end_time + 3);

  return ((eh * 60 + em) - (sh * 60 + sm)) / 60.0;
}

static gboolean
create_attendance (Sample              *s,
                   const ProgrammePlan *plan,
                   const CohortInfo    *cohort,
                   gint64               participant,
                   guint32              until,
                   GError             **error)
{
  double full = block_hours (plan);

  for (guint b = 0; b < cohort->n_blocks; b++)
    {
      guint weekdays = b == 0 ? plan->weekdays : plan->second_weekday;
      double hours_full = b == 0 ? full : 2.0;

      for (guint32 d = cohort->start; d <= until && d <= cohort->course_end; d++)
        {
          /* julian day 1 (1 January year 1) was a Monday */
          guint weekday_bit = 1u << ((d - 1) % 7);
          double hours;
          const char *status;

          if (!(weekdays & weekday_bit))
            continue;
          status = attendance_status (s, &hours, hours_full);
          bind_keys (s, s->attendance_insert);
          sqlite3_bind_int64 (s->attendance_insert, 4, cohort->block_ids[b]);
          sqlite3_bind_int64 (s->attendance_insert, 5, participant);
          sqlite3_bind_text (s->attendance_insert, 6, day (s, d), 10, SQLITE_STATIC);
          sqlite3_bind_text (s->attendance_insert, 7, status, -1, SQLITE_STATIC);
          sqlite3_bind_double (s->attendance_insert, 8, hours);
          if (!step (s, s->attendance_insert, NULL, error))
            return FALSE;
          s->counts->attendance++;
        }
    }
  return TRUE;
}

static gboolean
create_participant (Sample              *s,
                    const ProgrammePlan *plan,
                    gint64               programme_id,
                    SporEntity          *programme,
                    GArray              *phases,
                    const CohortInfo    *cohort,   /* NULL: on the waiting list */
                    guint                waiting_position,
                    guint                serial,
                    GError             **error)
{
  g_autofree char *name = invent_name (s);
  g_autofree char *email = invent_email (name, serial);
  g_autofree char *phone = invent_phone (s);
  g_autofree char *caseworker = invent_name (s);
  g_autofree char *referrer = g_strdup_printf ("Jobcenter %s", plan->municipality);
  g_autofree guint32 *starts = g_new0 (guint32, phases->len);
  g_autofree guint32 *ends = g_new0 (guint32, phases->len);
  int min_age = (int) spor_entity_get_int (programme, "min_age");
  int max_age = spor_entity_is_set (programme, "max_age")
    ? (int) spor_entity_get_int (programme, "max_age") : 60;
  guint32 start = cohort != NULL ? cohort->start : s->today_j - g_rand_int_range (s->rand, 0, 120);
  guint32 end = 0, stop = 0, birth;
  const char *status;
  const char *note = PICK (s, need_notes);
  gint64 id, contact = staff_at (s, serial / 10, 1);
  guint r = (guint) g_rand_int_range (s->rand, 0, 100);

  end = plan_phases (phases, start, starts, ends) - 1;
  if (cohort == NULL)
    status = "waiting";
  else if (start > s->today_j)
    status = "intake";
  else if (end >= s->today_j)
    status = r < 85 ? "active" : r < 90 ? "on_hold" : "dropped_out";
  else
    status = r < 80 ? "completed" : "dropped_out";

  /* A dropped-out participant left somewhere between the start and today. */
  if (strcmp (status, "dropped_out") == 0)
    stop = start + g_rand_int_range (s->rand, 14, MAX (15, (int) (MIN (end, s->today_j) - start)));

  birth = start - (guint32) (365.25 * g_rand_int_range (s->rand, min_age, max_age + 1))
                - g_rand_int_range (s->rand, 0, 365);

  bind_keys (s, s->participant_insert);
  sqlite3_bind_text (s->participant_insert, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 5, day (s, birth), 10, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 6, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 7, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 8, plan->municipality, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 9, PICK (s, provisions), -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 10, caseworker, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 11, referrer, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant_insert, 12, day (s, start - 30), 10, SQLITE_STATIC);
  sqlite3_bind_int64 (s->participant_insert, 13, programme_id);
  if (cohort != NULL)
    sqlite3_bind_int64 (s->participant_insert, 14, cohort->id);
  sqlite3_bind_text (s->participant_insert, 15, status, -1, SQLITE_STATIC);
  if (cohort == NULL)
    {
      sqlite3_bind_int (s->participant_insert, 16, (int) waiting_position);
      sqlite3_bind_text (s->participant_insert, 17, day (s, start), 10, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_text (s->participant_insert, 18, day (s, start), 10, SQLITE_STATIC);
      if (strcmp (status, "completed") == 0)
        sqlite3_bind_text (s->participant_insert, 19, day (s, end), 10, SQLITE_STATIC);
      else if (stop != 0)
        sqlite3_bind_text (s->participant_insert, 19, day (s, stop), 10, SQLITE_STATIC);
    }
  sqlite3_bind_int64 (s->participant_insert, 20, contact);
  sqlite3_bind_text (s->participant_insert, 21, day (s, start - 20), 10, SQLITE_STATIC);
  sqlite3_bind_int (s->participant_insert, 22, r % 2);
  sqlite3_bind_int (s->participant_insert, 23, r % 3 == 0);
  if (note != NULL)
    sqlite3_bind_text (s->participant_insert, 24, note, -1, SQLITE_STATIC);
  if (stop != 0)
    sqlite3_bind_text (s->participant_insert, 25, "Flyttet fra kommunen.", -1, SQLITE_STATIC);
  if (!step (s, s->participant_insert, &id, error))
    return FALSE;
  s->counts->participants++;

  bind_keys (s, s->ps_insert);
  sqlite3_bind_int64 (s->ps_insert, 4, id);
  sqlite3_bind_int64 (s->ps_insert, 5, staff_at (s, serial / 10, 2));
  sqlite3_bind_text (s->ps_insert, 6, "mentor", -1, SQLITE_STATIC);
  if (!step (s, s->ps_insert, NULL, error))
    return FALSE;

  /* screening before the start */
  bind_keys (s, s->meeting_insert);
  sqlite3_bind_int64 (s->meeting_insert, 4, id);
  sqlite3_bind_text (s->meeting_insert, 5, "screening", -1, SQLITE_STATIC);
  sqlite3_bind_text (s->meeting_insert, 6, day (s, start - 14), 10, SQLITE_STATIC);
  sqlite3_bind_int64 (s->meeting_insert, 7, contact);
  if (!step (s, s->meeting_insert, NULL, error))
    return FALSE;
  s->counts->meetings++;

  if (cohort == NULL)
    return TRUE;

  /* phase progress */
  for (guint i = 0; i < phases->len; i++)
    {
      const PhaseInfo *p = &g_array_index (phases, PhaseInfo, i);
      const char *state;
      gboolean started = starts[i] <= s->today_j && (stop == 0 || starts[i] <= stop);
      gboolean finished = ends[i] < s->today_j && (stop == 0 || ends[i] <= stop);

      if (stop != 0 && starts[i] > stop)
        state = "skipped";
      else if (finished)
        state = "done";
      else if (started)
        state = strcmp (status, "on_hold") == 0 ? "on_hold" : stop != 0 ? "skipped" : "active";
      else
        state = "planned";

      bind_keys (s, s->progress_insert);
      sqlite3_bind_int64 (s->progress_insert, 4, id);
      sqlite3_bind_int64 (s->progress_insert, 5, p->id);
      sqlite3_bind_text (s->progress_insert, 6, state, -1, SQLITE_STATIC);
      sqlite3_bind_text (s->progress_insert, 7, day (s, starts[i]), 10, SQLITE_STATIC);
      sqlite3_bind_text (s->progress_insert, 8, day (s, ends[i]), 10, SQLITE_STATIC);
      if (started)
        sqlite3_bind_text (s->progress_insert, 9, day (s, starts[i]), 10, SQLITE_STATIC);
      if (finished)
        sqlite3_bind_text (s->progress_insert, 10, day (s, ends[i]), 10, SQLITE_STATIC);
      if (!step (s, s->progress_insert, NULL, error))
        return FALSE;
      s->counts->phase_progress++;
    }

  /* start agreement: signed once started, a draft before */
  {
    gboolean signed_ = start <= s->today_j;
    gint64 adviser = staff_at (s, serial / 10, 1), creative = staff_at (s, serial / 10, 0);
    g_autofree char *schedule = g_strdup_printf ("%s %s–%s", plan->weekdays == (2 | 8)
                                                 ? "Tirsdag og torsdag" : "Mandag og onsdag",
                                                 plan->start_time, plan->end_time);

    bind_keys (s, s->agreement_insert);
    sqlite3_bind_int64 (s->agreement_insert, 4, id);
    sqlite3_bind_text (s->agreement_insert, 5, signed_ ? "signed" : "draft", -1, SQLITE_STATIC);
    sqlite3_bind_text (s->agreement_insert, 6, "Jeg vil gerne komme ud af huset og lære noget nyt.",
                       -1, SQLITE_STATIC);
    if (note != NULL)
      sqlite3_bind_text (s->agreement_insert, 7, note, -1, SQLITE_STATIC);
    sqlite3_bind_text (s->agreement_insert, 8, schedule, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double (s->agreement_insert, 9, 2 * block_hours (plan));
    sqlite3_bind_text (s->agreement_insert, 10, "Fast arbejdsuge med faglig og personlig støtte.",
                       -1, SQLITE_STATIC);
    sqlite3_bind_text (s->agreement_insert, 11, "At møde op eller melde fra.", -1, SQLITE_STATIC);
    sqlite3_bind_int64 (s->agreement_insert, 12, adviser);
    sqlite3_bind_int64 (s->agreement_insert, 13, creative);
    sqlite3_bind_text (s->agreement_insert, 14, day (s, start), 10, SQLITE_STATIC);
    sqlite3_bind_text (s->agreement_insert, 15, day (s, start + 56), 10, SQLITE_STATIC);
    if (signed_)
      {
        sqlite3_bind_text (s->agreement_insert, 16, day (s, start - 3), 10, SQLITE_STATIC);
        sqlite3_bind_text (s->agreement_insert, 17, name, -1, SQLITE_STATIC);
        sqlite3_bind_text (s->agreement_insert, 18, "Rådgiver", -1, SQLITE_STATIC);
      }
    if (!step (s, s->agreement_insert, NULL, error))
      return FALSE;
    s->counts->agreements++;
  }

  if (start > s->today_j)
    return TRUE;

  for (guint b = 0; b < cohort->n_blocks; b++)
    {
      bind_keys (s, s->block_participant_insert);
      sqlite3_bind_int64 (s->block_participant_insert, 4, cohort->block_ids[b]);
      sqlite3_bind_int64 (s->block_participant_insert, 5, id);
      if (!step (s, s->block_participant_insert, NULL, error))
        return FALSE;
    }

  if (!create_attendance (s, plan, cohort, id,
                          MIN (s->today_j - 1, stop != 0 ? stop : G_MAXUINT32), error))
    return FALSE;

  /* coaching along the way */
  for (guint32 d = start + 28; d < MIN (s->today_j, stop ? stop : end); d += 56)
    {
      bind_keys (s, s->meeting_insert);
      sqlite3_bind_int64 (s->meeting_insert, 4, id);
      sqlite3_bind_text (s->meeting_insert, 5, "coaching", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->meeting_insert, 6, day (s, d), 10, SQLITE_STATIC);
      sqlite3_bind_int64 (s->meeting_insert, 7, staff_at (s, serial / 10, 2));
      if (!step (s, s->meeting_insert, NULL, error))
        return FALSE;
      s->counts->meetings++;
    }

  if (strcmp (plan->key, "unge-med-kant") == 0)
    {
      bind_keys (s, s->portfolio_insert);
      sqlite3_bind_int64 (s->portfolio_insert, 4, id);
      sqlite3_bind_text (s->portfolio_insert, 5, "certificate", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->portfolio_insert, 6, "Kompetencebevis: førstehjælp", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->portfolio_insert, 7, day (s, start + 40), 10, SQLITE_STATIC);
      sqlite3_bind_text (s->portfolio_insert, 8, "Ishøj Kommune", -1, SQLITE_STATIC);
      if (!step (s, s->portfolio_insert, NULL, error))
        return FALSE;
    }

  if (strcmp (plan->key, "digitale-ressourcebank") == 0 && s->volunteers->len > 0)
    {
      gint64 need;

      bind_keys (s, s->need_insert);
      sqlite3_bind_int64 (s->need_insert, 4, id);
      sqlite3_bind_text (s->need_insert, 5, "Eksamenstræning", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->need_insert, 6, "matched", -1, SQLITE_STATIC);
      if (!step (s, s->need_insert, &need, error))
        return FALSE;
      bind_keys (s, s->match_insert);
      sqlite3_bind_int64 (s->match_insert, 4, need);
      sqlite3_bind_int64 (s->match_insert, 5, g_array_index (s->volunteers, gint64,
                                                             serial % s->volunteers->len));
      sqlite3_bind_text (s->match_insert, 6, end < s->today_j ? "ended" : "active", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (s->match_insert, 7, day (s, start + 14), 10, SQLITE_STATIC);
      if (!step (s, s->match_insert, NULL, error))
        return FALSE;
    }

  if (strcmp (status, "completed") == 0)
    {
      static const char * const kinds[] = { "internship", "wage_subsidy", "work_trial", "job",
                                            "education" };
      static const char * const destinations[] = { "education", "internship", "wage_subsidy",
                                                   "work_trial", "job", "other" };
      const char *destination = PICK (s, destinations);

      if (r % 5 < 2)
        {
          bind_keys (s, s->placement_insert);
          sqlite3_bind_int64 (s->placement_insert, 4, id);
          sqlite3_bind_text (s->placement_insert, 5, PICK (s, kinds), -1, SQLITE_STATIC);
          sqlite3_bind_text (s->placement_insert, 6, "Lokal virksomhed", -1, SQLITE_STATIC);
          sqlite3_bind_text (s->placement_insert, 7, day (s, end - 60), 10, SQLITE_STATIC);
          sqlite3_bind_text (s->placement_insert, 8, day (s, end), 10, SQLITE_STATIC);
          sqlite3_bind_double (s->placement_insert, 9, 15);
          if (!step (s, s->placement_insert, NULL, error))
            return FALSE;
          s->counts->placements++;
        }
      bind_keys (s, s->outcome_insert);
      sqlite3_bind_int64 (s->outcome_insert, 4, id);
      sqlite3_bind_text (s->outcome_insert, 5, "exit", -1, SQLITE_STATIC);
      sqlite3_bind_text (s->outcome_insert, 6, day (s, end), 10, SQLITE_STATIC);
      sqlite3_bind_text (s->outcome_insert, 7, destination, -1, SQLITE_STATIC);
      if (!step (s, s->outcome_insert, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_block (Sample              *s,
              const ProgrammePlan *plan,
              gint64               programme_id,
              CohortInfo          *cohort,
              gint64               location,
              guint                index,
              const char          *title,
              guint                weekdays,
              const char          *start_time,
              const char          *end_time,
              guint                capacity,
              GError             **error)
{
  static const char * const required[] = { "creative", "adviser" };
  gint64 block;

  bind_keys (s, s->block_insert);
  sqlite3_bind_int64 (s->block_insert, 4, programme_id);
  sqlite3_bind_int64 (s->block_insert, 5, cohort->id);
  sqlite3_bind_int64 (s->block_insert, 6, location);
  sqlite3_bind_text (s->block_insert, 7, title, -1, SQLITE_STATIC);
  sqlite3_bind_int (s->block_insert, 8, (int) weekdays);
  sqlite3_bind_text (s->block_insert, 9, start_time, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->block_insert, 10, end_time, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->block_insert, 11, day (s, cohort->start), 10, SQLITE_STATIC);
  sqlite3_bind_text (s->block_insert, 12, day (s, cohort->course_end), 10, SQLITE_STATIC);
  sqlite3_bind_int (s->block_insert, 13, (int) capacity);
  if (!step (s, s->block_insert, &block, error))
    return FALSE;
  cohort->block_ids[cohort->n_blocks++] = block;
  s->counts->blocks++;

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      bind_keys (s, s->req_insert);
      sqlite3_bind_int64 (s->req_insert, 4, block);
      sqlite3_bind_text (s->req_insert, 5, required[r], -1, SQLITE_STATIC);
      if (!step (s, s->req_insert, NULL, error))
        return FALSE;

      bind_keys (s, s->block_staff_insert);
      sqlite3_bind_int64 (s->block_staff_insert, 4, block);
      sqlite3_bind_int64 (s->block_staff_insert, 5, staff_at (s, index, r));
      sqlite3_bind_text (s->block_staff_insert, 6, required[r], -1, SQLITE_STATIC);
      if (!step (s, s->block_staff_insert, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_programme (Sample              *s,
                  const ProgrammePlan *plan,
                  guint                n_participants,
                  guint               *serial,
                  GError             **error)
{
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(GArray) phases = g_array_new (FALSE, FALSE, sizeof (PhaseInfo));
  g_autofree guint32 *starts = NULL, *ends = NULL;
  gint64 programme_id, location;
  guint n_waiting, n_cohorts, span, upcoming;
  guint32 first = julian (2024, 1, 8), latest = s->today_j - 42;
  guint32 duration;

  programme = spor_store_create_programme_from_template (s->store, plan->key, error);
  if (programme == NULL)
    return FALSE;
  programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  s->counts->programmes++;
  if (!load_phases (s, programme_id, phases, error))
    return FALSE;
  s->counts->phases += phases->len;

  starts = g_new0 (guint32, phases->len);
  ends = g_new0 (guint32, phases->len);
  duration = plan_phases (phases, first, starts, ends) - first;

  bind_keys (s, s->location_insert);
  sqlite3_bind_text (s->location_insert, 4, plan->location, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->location_insert, 5, plan->location_address, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->location_insert, 6, plan->municipality, -1, SQLITE_STATIC);
  sqlite3_bind_int (s->location_insert, 7, (int) plan->cohort_size + 4);
  if (!step (s, s->location_insert, &location, error))
    return FALSE;
  s->counts->locations++;

  /* About one in twenty waits for a place; Unge med Kant keeps 10 waiting per 20. */
  n_waiting = strcmp (plan->key, "unge-med-kant") == 0 ? n_participants / 4 : n_participants / 20;
  if (n_participants > 0 && n_waiting == 0 && n_participants > 4)
    n_waiting = 1;
  n_cohorts = MAX (1, (n_participants - n_waiting + plan->cohort_size - 1) / plan->cohort_size);
  /* The newest cohort started six weeks ago, the older ones spread back to January 2024,
   * and, given three or more, one starts in four weeks (its people are in intake). */
  upcoming = n_cohorts >= 3;
  span = latest - first;

  for (guint c = 0, placed = 0; c < n_cohorts; c++)
    {
      CohortInfo cohort = { 0 };
      guint size = MIN (plan->cohort_size, n_participants - n_waiting - placed);
      g_autofree char *cohort_name = NULL;
      GDate date;

      /* Cohorts start on Mondays spread from January 2024 to two months ahead. */
      if (upcoming && c == n_cohorts - 1)
        cohort.start = s->today_j + 28;
      else if (n_cohorts - upcoming <= 1)
        cohort.start = latest;
      else
        cohort.start = first + (guint32) ((guint64) span * c / (n_cohorts - upcoming - 1));
      cohort.start -= (cohort.start - 1) % 7;
      cohort.course_end = plan_phases (phases, cohort.start, starts, ends) - 1;
      /* The blocks run through the phases before the exit and aftercare. */
      cohort.course_end = cohort.start + (cohort.course_end - cohort.start) * 17 / 20;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, cohort.start);
      cohort_name = g_strdup_printf ("Hold %u · %04u-%02u", c + 1, g_date_get_year (&date),
                                     g_date_get_month (&date));

      bind_keys (s, s->cohort_insert);
      sqlite3_bind_int64 (s->cohort_insert, 4, programme_id);
      sqlite3_bind_text (s->cohort_insert, 5, cohort_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (s->cohort_insert, 6, day (s, cohort.start), 10, SQLITE_STATIC);
      sqlite3_bind_text (s->cohort_insert, 7, day (s, cohort.start + duration - 1), 10, SQLITE_STATIC);
      sqlite3_bind_int (s->cohort_insert, 8, (int) plan->cohort_size);
      if (!step (s, s->cohort_insert, &cohort.id, error))
        return FALSE;
      s->counts->cohorts++;

      if (!create_block (s, plan, programme_id, &cohort, location, c, plan->block_title,
                         plan->weekdays, plan->start_time, plan->end_time,
                         plan->cohort_size, error))
        return FALSE;
      if (plan->second_title != NULL &&
          !create_block (s, plan, programme_id, &cohort, location, c + 1, plan->second_title,
                         plan->second_weekday, "10:00", "12:00", plan->cohort_size, error))
        return FALSE;

      for (guint i = 0; i < size; i++, placed++)
        {
          if (!create_participant (s, plan, programme_id, SPOR_ENTITY (programme), phases,
                                   &cohort, 0, (*serial)++, error))
            return FALSE;
          if ((*serial % 500) == 0 && g_cancellable_set_error_if_cancelled (s->cancellable, error))
            return FALSE;
        }
    }

  for (guint w = 0; w < n_waiting; w++)
    if (!create_participant (s, plan, programme_id, SPOR_ENTITY (programme), phases, NULL,
                             w + 1, (*serial)++, error))
      return FALSE;
  return TRUE;
}

static gboolean
audit_tables (Sample  *s,
              GError **error)
{
  guint n;
  const SporEntityInfo * const *infos = spor_entity_infos (&n);

  for (guint i = 0; i < n; i++)
    if (!spor_store_audit (s->store, infos[i]->name, NULL, "generate", NULL, error))
      return FALSE;
  return TRUE;
}

gboolean
spor_sample_create (SporStore        *store,
                    guint             n_participants,
                    guint32           seed,
                    SporSampleCounts *counts,
                    GCancellable     *cancellable,
                    GError          **error)
{
  SporSampleCounts local = { 0 };
  g_autofree char *now = spor_timestamp_now ();
  Sample s = { 0 };
  gint64 existing;
  guint serial = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);

  if (n_participants == 0 || n_participants > 1000000)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The number of sample participants must be between 1 and 1,000,000."));
      return FALSE;
    }
  existing = spor_store_count_all (store, SPOR_TYPE_PARTICIPANT, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0 || spor_store_count_all (store, SPOR_TYPE_PROGRAMME, NULL) > 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_EMPTY,
                   _("Sample data goes only into an empty database; this one already has "
                     "programmes or participants."));
      return FALSE;
    }

  memset (counts != NULL ? counts : &local, 0, sizeof (SporSampleCounts));
  s.store = store;
  s.counts = counts != NULL ? counts : &local;
  s.cancellable = cancellable;
  s.rand = g_rand_new_with_seed (seed);
  s.now = now;
  g_date_clear (&s.today, 1);
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_date_set_dmy (&s.today, (GDateDay) g_date_time_get_day_of_month (today),
                    (GDateMonth) g_date_time_get_month (today),
                    (GDateYear) g_date_time_get_year (today));
  }
  s.today_j = g_date_get_julian (&s.today);
  s.first_day = julian (1940, 1, 1);
  s.n_days = s.today_j + 3 * 366 - s.first_day;
  s.days = g_malloc (s.n_days * sizeof *s.days);
  for (guint32 i = 0; i < s.n_days; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, s.first_day + i);
      g_snprintf (s.days[i], sizeof s.days[i], "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
    }
  s.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.volunteers = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A large page cache while the indexes grow, and, when no other connection is open, a
   * rollback journal: the database is empty, so the rows go straight into the file
   * instead of through the write-ahead log and back. Both are put back afterwards. */
  spor_store_exec (store, "PRAGMA cache_size = -1048576", NULL);
  spor_store_exec (store, "PRAGMA journal_mode = DELETE", NULL);

  if (!spor_store_begin (store, error))
    goto out;
  if (!prepare_all (&s, error) ||
      !create_staff (&s, MAX (10, n_participants / 6 / 5 * 5), error))
    goto fail;
  for (guint p = 0, given = 0; p < G_N_ELEMENTS (plans); p++)
    {
      guint n = p + 1 == G_N_ELEMENTS (plans)
        ? n_participants - given : n_participants * plans[p].share / 100;

      given += n;
      if (!create_programme (&s, &plans[p], n, &serial, error))
        goto fail;
    }
  if (!audit_tables (&s, error))
    goto fail;
  spor_store_note_change (store, NULL, 0, SPOR_CHANGE_MANY);
  finalize_all (&s);
  if (!spor_store_commit (store, error))
    goto fail;
  ok = TRUE;
  goto out;

fail:
  finalize_all (&s);
  spor_store_rollback (store);
  memset (s.counts, 0, sizeof (SporSampleCounts));
out:
  spor_store_exec (store, "PRAGMA journal_mode = WAL", NULL);
  spor_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  g_array_unref (s.staff);
  g_array_unref (s.volunteers);
  g_free (s.days);
  g_rand_free (s.rand);
  return ok;
}
