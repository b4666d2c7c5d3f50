/* spor-sample.c — fictional sample data, up to national scale
 *
 * Everything here is invented: names are random combinations of common Danish first and
 * family names, addresses and numbers are made up, and no note describes a real person.
 * The records go through the store like any other (spor_store_insert, checked by the one
 * checker) in one bulk transaction; the audit log gets one "generate" entry per kind of
 * record instead of one per record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-phase-plan.h"
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

/* How often each value of a list comes up, one weight per value in the list's order
 * (pick_weighted() refuses weights that do not fit their list). */
static const guint provision_weights[] = { 3, 2, 0, 1, 1, 1, 0, 0, 1 };
static const guint attendance_weights[] = { 78, 6, 7, 5, 4 };
/* every destination but "none": these participants completed */
static const guint destination_weights[] = { 1, 1, 1, 1, 1, 1, 0 };

/* The staff are made in turns of the roles of the staff of a programme: the first
 * N_STAFF_ROLES of spor_values_role (mentor, adviser, creative professional, coordinator,
 * volunteer); the contact persons and caseworkers after them come from outside. */
#define N_STAFF_ROLES 5

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

/* A programme's phases: their ids, and their plans in the same order */
typedef struct
{
  GArray *ids;    /* gint64 */
  GArray *plans;  /* SporPhasePlan */
} Phases;

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
  GHashTable       *records;      /* GType → the SporEntity filled anew for each record */
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

/* The record of @type to fill next: one object per kind, emptied for each record. */
static SporEntity *
record (Sample *s,
        GType   type)
{
  SporEntity *e = g_hash_table_lookup (s->records, GSIZE_TO_POINTER (type));

  if (e == NULL)
    {
      e = spor_entity_new (type);
      g_hash_table_insert (s->records, GSIZE_TO_POINTER (type), e);
    }
  spor_entity_reset (e);
  return e;
}

/* Writes the record through the store; @id (may be NULL) gets its key. */
static gboolean
put (Sample      *s,
     SporEntity  *e,
     gint64      *id,
     GError     **error)
{
  if (!spor_store_insert (s->store, e, error))
    return FALSE;
  if (id != NULL)
    *id = spor_entity_get_id (e);
  return TRUE;
}

static void
set_text (SporEntity *e,
          const char *field,
          const char *value)
{
  spor_entity_set_text (e, field, value);
}

static void
set_int (SporEntity *e,
         const char *field,
         gint64      value)
{
  spor_entity_set_int (e, field, value);
}

static void
set_day (Sample     *s,
         SporEntity *e,
         const char *field,
         guint32     julian)
{
  spor_entity_set_text (e, field, day (s, julian));
}

#define PICK(s, array) ((array)[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

/* A value of @list, each as often as its weight in @weights */
static const char *
pick_weighted (Sample              *s,
               const SporValueList *list,
               const guint         *weights,
               guint                n_weights)
{
  guint total = 0, r;

  g_assert (n_weights == spor_value_list_get_n_values (list));
  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  r = (guint) g_rand_int_range (s->rand, 0, (gint32) total);
  for (guint i = 0; i < n_weights; i++)
    {
      if (r < weights[i])
        return spor_value_list_get_value (list, i);
      r -= weights[i];
    }
  g_assert_not_reached ();
}

#define PICK_WEIGHTED(s, list, weights) \
  pick_weighted ((s), (list), (weights), G_N_ELEMENTS (weights))

/* Any value of @list, all equally often */
static const char *
pick_any (Sample              *s,
          const SporValueList *list)
{
  return spor_value_list_get_value (list, (guint) g_rand_int_range (
    s->rand, 0, (gint32) spor_value_list_get_n_values (list)));
}

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
  static const char * const subjects[] = {
    "Dansk", "Matematik", "Engelsk", "Fysik/kemi", "Samfundsfag", "Eksamenstræning",
    "Opgaveskrivning", "Syning", "Design", "Film og lyd", "Teater",
  };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = invent_name (s);
      g_autofree char *email = invent_email (name, i);
      g_autofree char *phone = invent_phone (s);
      const char *role = spor_value_list_get_value (&spor_values_role, i % N_STAFF_ROLES);
      gint64 id;

      SporEntity *e = record (s, SPOR_TYPE_STAFF);

      set_text (e, "name", name);
      set_text (e, "organisation", strcmp (role, "volunteer") == 0 ? "Frivillig" : "Kommunen");
      set_text (e, "email", email);
      set_text (e, "phone", phone);
      spor_entity_set_bool (e, "active", TRUE);
      if (!put (s, e, &id, error))
        return FALSE;
      g_array_append_val (s->staff, id);
      s->counts->staff++;

      e = record (s, SPOR_TYPE_STAFF_ROLE);
      set_int (e, "staff_id", id);
      set_text (e, "role", role);
      if (!put (s, e, NULL, error))
        return FALSE;

      if (strcmp (role, "volunteer") == 0)
        {
          gint64 competency;

          e = record (s, SPOR_TYPE_COMPETENCY);
          set_int (e, "staff_id", id);
          set_text (e, "subject", PICK (s, subjects));
          set_text (e, "level", "Gymnasieniveau");
          if (!put (s, e, &competency, error))
            return FALSE;
          g_array_append_val (s->volunteers, competency);
        }
    }
  return TRUE;
}

/* The staff member of @role (one of the first N_STAFF_ROLES roles) in turn @index */
static gint64
staff_at (Sample     *s,
          guint       index,
          const char *role)
{
  guint n = s->staff->len / N_STAFF_ROLES;
  guint turn = spor_value_list_find (&spor_values_role, role);

  g_assert (turn < N_STAFF_ROLES);
  return g_array_index (s->staff, gint64, ((index % n) * N_STAFF_ROLES + turn) % s->staff->len);
}

static gboolean
load_phases (Sample  *s,
             gint64   programme_id,
             Phases  *phases,
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
      gint64 id = spor_entity_get_id (phase);
      SporPhasePlan plan = {
        (int) spor_entity_get_int (phase, "duration"),
        spor_duration_unit_from_string (spor_entity_get_text (phase, "duration_unit")),
        g_strcmp0 (spor_entity_get_text (phase, "track"), "parallel") == 0,
      };

      g_array_append_val (phases->ids, id);
      g_array_append_val (phases->plans, plan);
    }
  return TRUE;
}

/* Planned phase dates from a start (spor-phase-plan.h); the first day after them */
static guint32
plan_phases (const Phases *phases,
             guint32       start,
             guint32      *starts,
             guint32      *ends)
{
  return spor_phase_plan_dates ((const SporPhasePlan *) phases->plans->data, phases->plans->len,
                                start, starts, ends);
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
  const char *status = PICK_WEIGHTED (s, &spor_values_attendance_status, attendance_weights);

  if (strcmp (status, "present") == 0)
    *hours = full;
  else if (strcmp (status, "late") == 0)
    *hours = full - 0.5;
  else
    *hours = 0;
  return status;
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
          SporEntity *e;

          if (!(weekdays & weekday_bit))
            continue;
          status = attendance_status (s, &hours, hours_full);
          e = record (s, SPOR_TYPE_ATTENDANCE);
          set_int (e, "block_id", cohort->block_ids[b]);
          set_int (e, "participant_id", participant);
          set_day (s, e, "date", d);
          set_text (e, "status", status);
          spor_entity_set_real (e, "hours", hours);
          if (!put (s, e, NULL, error))
            return FALSE;
          s->counts->attendance++;
        }
    }
  return TRUE;
}

static gboolean
add_meeting (Sample      *s,
             gint64       participant,
             const char  *kind,
             guint32      date,
             gint64       staff,
             GError     **error)
{
  SporEntity *e = record (s, SPOR_TYPE_MEETING);

  set_int (e, "participant_id", participant);
  set_text (e, "kind", kind);
  set_day (s, e, "date", date);
  set_int (e, "staff_id", staff);
  if (!put (s, e, NULL, error))
    return FALSE;
  s->counts->meetings++;
  return TRUE;
}

static gboolean
create_progress (Sample      *s,
                 gint64       participant,
                 const Phases *phases,
                 guint32     *starts,
                 guint32     *ends,
                 const char  *status,
                 guint32      stop,
                 GError     **error)
{
  for (guint i = 0; i < phases->ids->len; i++)
    {
      SporEntity *e = record (s, SPOR_TYPE_PHASE_PROGRESS);
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

      set_int (e, "participant_id", participant);
      set_int (e, "phase_id", g_array_index (phases->ids, gint64, i));
      set_text (e, "state", state);
      set_day (s, e, "planned_start", starts[i]);
      set_day (s, e, "planned_end", ends[i]);
      if (started)
        set_day (s, e, "actual_start", starts[i]);
      if (finished)
        set_day (s, e, "actual_end", ends[i]);
      if (!put (s, e, NULL, error))
        return FALSE;
      s->counts->phase_progress++;
    }
  return TRUE;
}

/* The start agreement: signed once started, a draft before */
static gboolean
create_agreement (Sample              *s,
                  const ProgrammePlan *plan,
                  gint64               participant,
                  const char          *name,
                  const char          *note,
                  guint32              start,
                  guint                serial,
                  GError             **error)
{
  gboolean signed_ = start <= s->today_j;
  SporEntity *e = record (s, SPOR_TYPE_AGREEMENT);
  g_autofree char *schedule = g_strdup_printf ("%s %s–%s", plan->weekdays == (2 | 8)
                                               ? "Tirsdag og torsdag" : "Mandag og onsdag",
                                               plan->start_time, plan->end_time);

  set_int (e, "participant_id", participant);
  set_int (e, "version", 1);
  set_text (e, "state", signed_ ? "signed" : "draft");
  set_text (e, "goals", "Jeg vil gerne komme ud af huset og lære noget nyt.");
  if (note != NULL)
    set_text (e, "needs", note);
  set_text (e, "schedule", schedule);
  spor_entity_set_real (e, "weekly_hours", 2 * block_hours (plan));
  set_text (e, "programme_provides", "Fast arbejdsuge med faglig og personlig støtte.");
  set_text (e, "participant_commits", "At møde op eller melde fra.");
  set_int (e, "adviser_id", staff_at (s, serial / 10, "adviser"));
  set_int (e, "creative_id", staff_at (s, serial / 10, "creative"));
  set_day (s, e, "start_date", start);
  set_day (s, e, "review_date", start + 56);
  if (signed_)
    {
      set_day (s, e, "signed_date", start - 3);
      set_text (e, "signed_by_participant", name);
      set_text (e, "signed_by_adviser", "Rådgiver");
    }
  if (!put (s, e, NULL, error))
    return FALSE;
  s->counts->agreements++;
  return TRUE;
}

static gboolean
create_match (Sample   *s,
              gint64    participant,
              guint     serial,
              guint32   start,
              guint32   end,
              GError  **error)
{
  SporEntity *e = record (s, SPOR_TYPE_NEED);
  gint64 need;

  set_int (e, "participant_id", participant);
  set_text (e, "subject", "Eksamenstræning");
  set_text (e, "state", "matched");
  if (!put (s, e, &need, error))
    return FALSE;
  e = record (s, SPOR_TYPE_MATCH);
  set_int (e, "need_id", need);
  set_int (e, "competency_id", g_array_index (s->volunteers, gint64, serial % s->volunteers->len));
  set_text (e, "state", end < s->today_j ? "ended" : "active");
  set_day (s, e, "start_date", start + 14);
  return put (s, e, NULL, error);
}

/* The exit of a completed participant, sometimes after a placement */
static gboolean
create_exit (Sample   *s,
             gint64    participant,
             guint32   start,
             guint32   end,
             guint     r,
             GError  **error)
{
  const char *destination = PICK_WEIGHTED (s, &spor_values_destination, destination_weights);
  SporEntity *e;

  if (r % 5 < 2)
    {
      e = record (s, SPOR_TYPE_PLACEMENT);
      set_int (e, "participant_id", participant);
      set_text (e, "kind", pick_any (s, &spor_values_placement_kind));
      set_text (e, "organisation", "Lokal virksomhed");
      set_day (s, e, "start_date", end - 60);
      set_day (s, e, "end_date", end);
      spor_entity_set_real (e, "hours_per_week", 15);
      if (!put (s, e, NULL, error))
        return FALSE;
      s->counts->placements++;
    }
  e = record (s, SPOR_TYPE_OUTCOME);
  set_int (e, "participant_id", participant);
  set_text (e, "kind", "exit");
  set_day (s, e, "date", end);
  set_text (e, "destination", destination);
  return put (s, e, NULL, error);
}

/* One invented participant: who they are and the course of their programme */
typedef struct
{
  char       *name;
  char       *email;
  char       *phone;
  char       *caseworker;
  const char *status;
  const char *note;
  guint32     start;
  guint32     end;      /* the last planned day */
  guint32     stop;     /* the day a participant dropped out, or 0 */
  guint32     birth;
  gint64      id;
  gint64      contact;  /* their adviser */
  guint       r;        /* a random number 0 … 99 for their other choices */
  guint32    *starts;   /* the planned days of each phase */
  guint32    *ends;
} Person;

static void
person_clear (Person *p)
{
  g_free (p->name);
  g_free (p->email);
  g_free (p->phone);
  g_free (p->caseworker);
  g_free (p->starts);
  g_free (p->ends);
}

/* Invents a participant of @cohort (NULL: on the waiting list) and the course of their
 * programme. The random draws come in a fixed order: the same seed, the same people. */
static void
invent_person (Sample           *s,
               SporEntity       *programme,
               const Phases     *phases,
               const CohortInfo *cohort,
               guint             serial,
               Person           *p)
{
  int min_age = (int) spor_entity_get_int (programme, "min_age");
  int max_age = spor_entity_is_set (programme, "max_age")
    ? (int) spor_entity_get_int (programme, "max_age") : 60;

  p->name = invent_name (s);
  p->email = invent_email (p->name, serial);
  p->phone = invent_phone (s);
  p->caseworker = invent_name (s);
  p->starts = g_new0 (guint32, phases->ids->len + 1);
  p->ends = g_new0 (guint32, phases->ids->len + 1);
  p->start = cohort != NULL ? cohort->start : s->today_j - g_rand_int_range (s->rand, 0, 120);
  p->note = PICK (s, need_notes);
  p->contact = staff_at (s, serial / 10, "adviser");
  p->r = (guint) g_rand_int_range (s->rand, 0, 100);

  p->end = plan_phases (phases, p->start, p->starts, p->ends) - 1;
  if (cohort == NULL)
    p->status = "waiting";
  else if (p->start > s->today_j)
    p->status = "intake";
  else if (p->end >= s->today_j)
    p->status = p->r < 85 ? "active" : p->r < 90 ? "on_hold" : "dropped_out";
  else
    p->status = p->r < 80 ? "completed" : "dropped_out";

  /* A dropped-out participant left somewhere between the start and today. */
  if (strcmp (p->status, "dropped_out") == 0)
    p->stop = p->start + g_rand_int_range (s->rand, 14,
                                           MAX (15, (int) (MIN (p->end, s->today_j) - p->start)));

  p->birth = p->start - (guint32) (365.25 * g_rand_int_range (s->rand, min_age, max_age + 1))
             - g_rand_int_range (s->rand, 0, 365);
}

/* The participant's record, their mentor and the screening before their start */
static gboolean
write_person (Sample              *s,
              const ProgrammePlan *plan,
              gint64               programme_id,
              const CohortInfo    *cohort,
              guint                waiting_position,
              guint                serial,
              Person              *p,
              GError             **error)
{
  g_autofree char *referrer = g_strdup_printf ("Jobcenter %s", plan->municipality);
  SporEntity *e = record (s, SPOR_TYPE_PARTICIPANT);

  set_text (e, "name", p->name);
  set_day (s, e, "birth_date", p->birth);
  set_text (e, "email", p->email);
  set_text (e, "phone", p->phone);
  set_text (e, "municipality", plan->municipality);
  set_text (e, "provision", PICK_WEIGHTED (s, &spor_values_provision, provision_weights));
  set_text (e, "referral_caseworker", p->caseworker);
  set_text (e, "referral_organisation", referrer);
  set_day (s, e, "referral_date", p->start - 30);
  set_int (e, "programme_id", programme_id);
  if (cohort != NULL)
    set_int (e, "cohort_id", cohort->id);
  set_text (e, "status", p->status);
  if (cohort == NULL)
    {
      set_int (e, "waiting_position", waiting_position);
      set_day (s, e, "waiting_since", p->start);
    }
  else
    {
      set_day (s, e, "start_date", p->start);
      if (strcmp (p->status, "completed") == 0)
        set_day (s, e, "end_date", p->end);
      else if (p->stop != 0)
        set_day (s, e, "end_date", p->stop);
    }
  set_int (e, "contact_person_id", p->contact);
  set_day (s, e, "consent_date", p->start - 20);
  spor_entity_set_bool (e, "consent_processing", TRUE);
  spor_entity_set_bool (e, "consent_sharing", p->r % 2);
  spor_entity_set_bool (e, "consent_photos", p->r % 3 == 0);
  if (p->note != NULL)
    set_text (e, "needs", p->note);
  if (p->stop != 0)
    set_text (e, "exit_reason", "Flyttet fra kommunen.");
  if (!put (s, e, &p->id, error))
    return FALSE;
  s->counts->participants++;

  e = record (s, SPOR_TYPE_PARTICIPANT_STAFF);
  set_int (e, "participant_id", p->id);
  set_int (e, "staff_id", staff_at (s, serial / 10, "mentor"));
  set_text (e, "role", "mentor");
  if (!put (s, e, NULL, error))
    return FALSE;

  /* screening before the start */
  return add_meeting (s, p->id, "screening", p->start - 14, p->contact, error);
}

/* What a participant who has started has done: their blocks and attendance, coaching, a
 * certificate or a volunteer's help, and the exit of those who completed */
static gboolean
write_course (Sample              *s,
              const ProgrammePlan *plan,
              const CohortInfo    *cohort,
              guint                serial,
              const Person        *p,
              GError             **error)
{
  SporEntity *e;

  for (guint b = 0; b < cohort->n_blocks; b++)
    {
      e = record (s, SPOR_TYPE_BLOCK_PARTICIPANT);
      set_int (e, "block_id", cohort->block_ids[b]);
      set_int (e, "participant_id", p->id);
      if (!put (s, e, NULL, error))
        return FALSE;
    }

  if (!create_attendance (s, plan, cohort, p->id,
                          MIN (s->today_j - 1, p->stop != 0 ? p->stop : G_MAXUINT32), error))
    return FALSE;

  /* coaching along the way */
  for (guint32 d = p->start + 28; d < MIN (s->today_j, p->stop ? p->stop : p->end); d += 56)
    if (!add_meeting (s, p->id, "coaching", d, staff_at (s, serial / 10, "mentor"), error))
      return FALSE;

  if (strcmp (plan->key, "unge-med-kant") == 0)
    {
      e = record (s, SPOR_TYPE_PORTFOLIO_ITEM);
      set_int (e, "participant_id", p->id);
      set_text (e, "kind", "certificate");
      set_text (e, "title", "Kompetencebevis: førstehjælp");
      set_day (s, e, "date", p->start + 40);
      set_text (e, "issuer", "Ishøj Kommune");
      if (!put (s, e, NULL, error))
        return FALSE;
    }

  if (strcmp (plan->key, "digitale-ressourcebank") == 0 && s->volunteers->len > 0 &&
      !create_match (s, p->id, serial, p->start, p->end, error))
    return FALSE;

  if (strcmp (p->status, "completed") == 0)
    return create_exit (s, p->id, p->start, p->end, p->r, error);
  return TRUE;
}

static gboolean
create_participant (Sample              *s,
                    const ProgrammePlan *plan,
                    gint64               programme_id,
                    SporEntity          *programme,
                    const Phases        *phases,
                    const CohortInfo    *cohort,   /* NULL: on the waiting list */
                    guint                waiting_position,
                    guint                serial,
                    GError             **error)
{
  Person p = { 0 };
  gboolean ok;

  invent_person (s, programme, phases, cohort, serial, &p);
  ok = write_person (s, plan, programme_id, cohort, waiting_position, serial, &p, error);
  if (ok && cohort != NULL)
    ok = create_progress (s, p.id, phases, p.starts, p.ends, p.status, p.stop, error) &&
         create_agreement (s, plan, p.id, p.name, p.note, p.start, serial, error) &&
         (p.start > s->today_j || write_course (s, plan, cohort, serial, &p, error));
  person_clear (&p);
  return ok;
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
  SporEntity *e = record (s, SPOR_TYPE_BLOCK);
  gint64 block;

  set_int (e, "programme_id", programme_id);
  set_int (e, "cohort_id", cohort->id);
  set_int (e, "location_id", location);
  set_text (e, "title", title);
  set_text (e, "kind", "weekly");
  set_int (e, "weekdays", weekdays);
  set_text (e, "start_time", start_time);
  set_text (e, "end_time", end_time);
  set_day (s, e, "period_start", cohort->start);
  set_day (s, e, "period_end", cohort->course_end);
  set_int (e, "capacity", capacity);
  if (!put (s, e, &block, error))
    return FALSE;
  cohort->block_ids[cohort->n_blocks++] = block;
  s->counts->blocks++;

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      e = record (s, SPOR_TYPE_BLOCK_REQUIREMENT);
      set_int (e, "block_id", block);
      set_text (e, "role", required[r]);
      set_int (e, "count", 1);
      if (!put (s, e, NULL, error))
        return FALSE;

      e = record (s, SPOR_TYPE_BLOCK_STAFF);
      set_int (e, "block_id", block);
      set_int (e, "staff_id", staff_at (s, index, required[r]));
      set_text (e, "role", required[r]);
      if (!put (s, e, NULL, error))
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
  g_autoptr(GArray) phase_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) phase_plans = g_array_new (FALSE, FALSE, sizeof (SporPhasePlan));
  Phases phases = { phase_ids, phase_plans };
  g_autofree guint32 *starts = NULL, *ends = NULL;
  gint64 programme_id, location;
  SporEntity *e;
  guint n_waiting, n_cohorts, span, upcoming;
  guint32 first = spor_date_to_julian ("2024-01-08"), latest = s->today_j - 42;
  guint32 duration;

  programme = spor_store_create_programme_from_template (s->store, plan->key, error);
  if (programme == NULL)
    return FALSE;
  programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  s->counts->programmes++;
  if (!load_phases (s, programme_id, &phases, error))
    return FALSE;
  s->counts->phases += phase_ids->len;

  starts = g_new0 (guint32, phase_ids->len + 1);
  ends = g_new0 (guint32, phase_ids->len + 1);
  duration = plan_phases (&phases, first, starts, ends) - first;

  e = record (s, SPOR_TYPE_LOCATION);
  set_text (e, "name", plan->location);
  set_text (e, "address", plan->location_address);
  set_text (e, "organisation", plan->municipality);
  set_int (e, "capacity", plan->cohort_size + 4);
  if (!put (s, e, &location, error))
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
      cohort.course_end = plan_phases (&phases, cohort.start, starts, ends) - 1;
      /* The blocks run through the phases before the exit and aftercare. */
      cohort.course_end = cohort.start + (cohort.course_end - cohort.start) * 17 / 20;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, cohort.start);
      cohort_name = g_strdup_printf ("Hold %u · %04u-%02u", c + 1, g_date_get_year (&date),
                                     g_date_get_month (&date));

      e = record (s, SPOR_TYPE_COHORT);
      set_int (e, "programme_id", programme_id);
      set_text (e, "name", cohort_name);
      set_day (s, e, "start_date", cohort.start);
      set_day (s, e, "end_date", cohort.start + duration - 1);
      set_int (e, "capacity", plan->cohort_size);
      if (!put (s, e, &cohort.id, error))
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
          if (!create_participant (s, plan, programme_id, SPOR_ENTITY (programme), &phases,
                                   &cohort, 0, (*serial)++, error))
            return FALSE;
          if ((*serial % 500) == 0 && g_cancellable_set_error_if_cancelled (s->cancellable, error))
            return FALSE;
        }
    }

  for (guint w = 0; w < n_waiting; w++)
    if (!create_participant (s, plan, programme_id, SPOR_ENTITY (programme), &phases, NULL,
                             w + 1, (*serial)++, error))
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
  {
    g_autofree char *today = spor_date_today ();

    spor_date_parse_to (today, &s.today);
  }
  s.today_j = g_date_get_julian (&s.today);
  s.first_day = spor_date_to_julian ("1940-01-01");
  s.n_days = s.today_j + 3 * 366 - s.first_day;
  s.days = g_malloc (s.n_days * sizeof *s.days);
  for (guint32 i = 0; i < s.n_days; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, s.first_day + i);
      spor_date_write_iso (&date, s.days[i]);
    }
  s.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.volunteers = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.records = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  /* One bulk transaction into an empty database: one "generate" audit entry per kind. */
  if (!spor_store_begin_bulk (store, SPOR_BULK_EMPTY | SPOR_BULK_AUDIT_PER_KIND |
                                     SPOR_BULK_LARGE, "generate", error))
    goto out;
  if (!create_staff (&s, MAX (10, n_participants / 6 / N_STAFF_ROLES * N_STAFF_ROLES), error))
    goto fail;
  for (guint p = 0, given = 0; p < G_N_ELEMENTS (plans); p++)
    {
      guint n = p + 1 == G_N_ELEMENTS (plans)
        ? n_participants - given : n_participants * plans[p].share / 100;

      given += n;
      if (!create_programme (&s, &plans[p], n, &serial, error))
        goto fail;
    }
  if (!spor_store_end_bulk (store, error))
    goto failed;
  ok = TRUE;
  goto out;

fail:
  spor_store_abort_bulk (store);
failed:
  memset (s.counts, 0, sizeof (SporSampleCounts));
out:
  g_hash_table_unref (s.records);
  g_array_unref (s.staff);
  g_array_unref (s.volunteers);
  g_free (s.days);
  g_rand_free (s.rand);
  return ok;
}
