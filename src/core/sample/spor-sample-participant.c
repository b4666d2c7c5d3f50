/* spor-sample-participant.c — one invented participant and the course of their programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-sample-private.h"

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
 * (spor_sample_pick_weighted() refuses weights that do not fit their list). */
static const guint provision_weights[] = { 3, 2, 0, 1, 1, 1, 0, 0, 1 };
static const guint attendance_weights[] = { 78, 6, 7, 5, 4 };
/* every destination but "none": these participants completed */
static const guint destination_weights[] = { 1, 1, 1, 1, 1, 1, 0 };

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
          e = spor_sample_record (s, SPOR_TYPE_ATTENDANCE);
          spor_entity_set_int (e, "block_id", cohort->block_ids[b]);
          spor_entity_set_int (e, "participant_id", participant);
          spor_sample_set_day (s, e, "date", d);
          spor_entity_set_text (e, "status", status);
          spor_entity_set_real (e, "hours", hours);
          if (!spor_sample_put (s, e, NULL, error))
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
  SporEntity *e = spor_sample_record (s, SPOR_TYPE_MEETING);

  spor_entity_set_int (e, "participant_id", participant);
  spor_entity_set_text (e, "kind", kind);
  spor_sample_set_day (s, e, "date", date);
  spor_entity_set_int (e, "staff_id", staff);
  if (!spor_sample_put (s, e, NULL, error))
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
      SporEntity *e = spor_sample_record (s, SPOR_TYPE_PHASE_PROGRESS);
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

      spor_entity_set_int (e, "participant_id", participant);
      spor_entity_set_int (e, "phase_id", g_array_index (phases->ids, gint64, i));
      spor_entity_set_text (e, "state", state);
      spor_sample_set_day (s, e, "planned_start", starts[i]);
      spor_sample_set_day (s, e, "planned_end", ends[i]);
      if (started)
        spor_sample_set_day (s, e, "actual_start", starts[i]);
      if (finished)
        spor_sample_set_day (s, e, "actual_end", ends[i]);
      if (!spor_sample_put (s, e, NULL, error))
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
  SporEntity *e = spor_sample_record (s, SPOR_TYPE_AGREEMENT);
  g_autofree char *schedule = g_strdup_printf ("%s %s–%s", plan->weekdays == (2 | 8)
                                               ? "Tirsdag og torsdag" : "Mandag og onsdag",
                                               plan->start_time, plan->end_time);

  spor_entity_set_int (e, "participant_id", participant);
  spor_entity_set_int (e, "version", 1);
  spor_entity_set_text (e, "state", signed_ ? "signed" : "draft");
  spor_entity_set_text (e, "goals", "Jeg vil gerne komme ud af huset og lære noget nyt.");
  if (note != NULL)
    spor_entity_set_text (e, "needs", note);
  spor_entity_set_text (e, "schedule", schedule);
  spor_entity_set_real (e, "weekly_hours", 2 * block_hours (plan));
  spor_entity_set_text (e, "programme_provides", "Fast arbejdsuge med faglig og personlig støtte.");
  spor_entity_set_text (e, "participant_commits", "At møde op eller melde fra.");
  spor_entity_set_int (e, "adviser_id", spor_sample_staff_at (s, serial / 10, "adviser"));
  spor_entity_set_int (e, "creative_id", spor_sample_staff_at (s, serial / 10, "creative"));
  spor_sample_set_day (s, e, "start_date", start);
  spor_sample_set_day (s, e, "review_date", start + 56);
  if (signed_)
    {
      spor_sample_set_day (s, e, "signed_date", start - 3);
      spor_entity_set_text (e, "signed_by_participant", name);
      spor_entity_set_text (e, "signed_by_adviser", "Rådgiver");
    }
  if (!spor_sample_put (s, e, NULL, error))
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
  SporEntity *e = spor_sample_record (s, SPOR_TYPE_NEED);
  gint64 need;

  spor_entity_set_int (e, "participant_id", participant);
  spor_entity_set_text (e, "subject", "Eksamenstræning");
  spor_entity_set_text (e, "state", "matched");
  if (!spor_sample_put (s, e, &need, error))
    return FALSE;
  e = spor_sample_record (s, SPOR_TYPE_MATCH);
  spor_entity_set_int (e, "need_id", need);
  spor_entity_set_int (e, "competency_id", g_array_index (s->volunteers, gint64, serial % s->volunteers->len));
  spor_entity_set_text (e, "state", end < s->today_j ? "ended" : "active");
  spor_sample_set_day (s, e, "start_date", start + 14);
  return spor_sample_put (s, e, NULL, error);
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
      e = spor_sample_record (s, SPOR_TYPE_PLACEMENT);
      spor_entity_set_int (e, "participant_id", participant);
      spor_entity_set_text (e, "kind", spor_sample_pick_any (s, &spor_values_placement_kind));
      spor_entity_set_text (e, "organisation", "Lokal virksomhed");
      spor_sample_set_day (s, e, "start_date", end - 60);
      spor_sample_set_day (s, e, "end_date", end);
      spor_entity_set_real (e, "hours_per_week", 15);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
      s->counts->placements++;
    }
  e = spor_sample_record (s, SPOR_TYPE_OUTCOME);
  spor_entity_set_int (e, "participant_id", participant);
  spor_entity_set_text (e, "kind", "exit");
  spor_sample_set_day (s, e, "date", end);
  spor_entity_set_text (e, "destination", destination);
  return spor_sample_put (s, e, NULL, error);
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

  p->name = spor_sample_invent_name (s);
  p->email = spor_sample_invent_email (p->name, serial);
  p->phone = spor_sample_invent_phone (s);
  p->caseworker = spor_sample_invent_name (s);
  p->starts = g_new0 (guint32, phases->ids->len + 1);
  p->ends = g_new0 (guint32, phases->ids->len + 1);
  p->start = cohort != NULL ? cohort->start : s->today_j - g_rand_int_range (s->rand, 0, 120);
  p->note = PICK (s, need_notes);
  p->contact = spor_sample_staff_at (s, serial / 10, "adviser");
  p->r = (guint) g_rand_int_range (s->rand, 0, 100);

  p->end = spor_sample_plan_phases (phases, p->start, p->starts, p->ends) - 1;
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
  SporEntity *e = spor_sample_record (s, SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (e, "name", p->name);
  spor_sample_set_day (s, e, "birth_date", p->birth);
  spor_entity_set_text (e, "email", p->email);
  spor_entity_set_text (e, "phone", p->phone);
  spor_entity_set_text (e, "municipality", plan->municipality);
  spor_entity_set_text (e, "provision", PICK_WEIGHTED (s, &spor_values_provision, provision_weights));
  spor_entity_set_text (e, "referral_caseworker", p->caseworker);
  spor_entity_set_text (e, "referral_organisation", referrer);
  spor_sample_set_day (s, e, "referral_date", p->start - 30);
  spor_entity_set_int (e, "programme_id", programme_id);
  if (cohort != NULL)
    spor_entity_set_int (e, "cohort_id", cohort->id);
  spor_entity_set_text (e, "status", p->status);
  if (cohort == NULL)
    {
      spor_entity_set_int (e, "waiting_position", waiting_position);
      spor_sample_set_day (s, e, "waiting_since", p->start);
    }
  else
    {
      spor_sample_set_day (s, e, "start_date", p->start);
      if (strcmp (p->status, "completed") == 0)
        spor_sample_set_day (s, e, "end_date", p->end);
      else if (p->stop != 0)
        spor_sample_set_day (s, e, "end_date", p->stop);
    }
  spor_entity_set_int (e, "contact_person_id", p->contact);
  spor_sample_set_day (s, e, "consent_date", p->start - 20);
  spor_entity_set_bool (e, "consent_processing", TRUE);
  spor_entity_set_bool (e, "consent_sharing", p->r % 2);
  spor_entity_set_bool (e, "consent_photos", p->r % 3 == 0);
  if (p->note != NULL)
    spor_entity_set_text (e, "needs", p->note);
  if (p->stop != 0)
    spor_entity_set_text (e, "exit_reason", "Flyttet fra kommunen.");
  if (!spor_sample_put (s, e, &p->id, error))
    return FALSE;
  s->counts->participants++;

  e = spor_sample_record (s, SPOR_TYPE_PARTICIPANT_STAFF);
  spor_entity_set_int (e, "participant_id", p->id);
  spor_entity_set_int (e, "staff_id", spor_sample_staff_at (s, serial / 10, "mentor"));
  spor_entity_set_text (e, "role", "mentor");
  if (!spor_sample_put (s, e, NULL, error))
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
      e = spor_sample_record (s, SPOR_TYPE_BLOCK_PARTICIPANT);
      spor_entity_set_int (e, "block_id", cohort->block_ids[b]);
      spor_entity_set_int (e, "participant_id", p->id);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
    }

  if (!create_attendance (s, plan, cohort, p->id,
                          MIN (s->today_j - 1, p->stop != 0 ? p->stop : G_MAXUINT32), error))
    return FALSE;

  /* coaching along the way */
  for (guint32 d = p->start + 28; d < MIN (s->today_j, p->stop ? p->stop : p->end); d += 56)
    if (!add_meeting (s, p->id, "coaching", d, spor_sample_staff_at (s, serial / 10, "mentor"), error))
      return FALSE;

  if (strcmp (plan->key, "unge-med-kant") == 0)
    {
      e = spor_sample_record (s, SPOR_TYPE_PORTFOLIO_ITEM);
      spor_entity_set_int (e, "participant_id", p->id);
      spor_entity_set_text (e, "kind", "certificate");
      spor_entity_set_text (e, "title", "Kompetencebevis: førstehjælp");
      spor_sample_set_day (s, e, "date", p->start + 40);
      spor_entity_set_text (e, "issuer", "Ishøj Kommune");
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
    }

  if (strcmp (plan->key, "digitale-ressourcebank") == 0 && s->volunteers->len > 0 &&
      !create_match (s, p->id, serial, p->start, p->end, error))
    return FALSE;

  if (strcmp (p->status, "completed") == 0)
    return create_exit (s, p->id, p->start, p->end, p->r, error);
  return TRUE;
}

gboolean
spor_sample_create_participant (Sample              *s,
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
