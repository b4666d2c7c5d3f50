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
#include "spor-sample-private.h"
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

/* The staff are made in turns of the roles of the staff of a programme: the first
 * N_STAFF_ROLES of spor_values_role (mentor, adviser, creative professional, coordinator,
 * volunteer); the contact persons and caseworkers after them come from outside. */
#define N_STAFF_ROLES 5

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

/* The day @julian as YYYY-MM-DD, from the table of days */
static const char *
spor_sample_day (Sample *s,
                 guint32 julian)
{
  if (julian < s->first_day)
    julian = s->first_day;
  if (julian >= s->first_day + s->n_days)
    julian = s->first_day + s->n_days - 1;
  return s->days[julian - s->first_day];
}

/* The record of @type to fill next: one object per kind, emptied for each record. */
SporEntity *
spor_sample_record (Sample *s,
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
gboolean
spor_sample_put (Sample      *s,
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

void
spor_sample_set_day (Sample     *s,
                     SporEntity *e,
                     const char *field,
                     guint32     julian)
{
  spor_entity_set_text (e, field, spor_sample_day (s, julian));
}

/* A value of @list, each as often as its weight in @weights */
const char *
spor_sample_pick_weighted (Sample              *s,
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

/* Any value of @list, all equally often */
const char *
spor_sample_pick_any (Sample              *s,
                      const SporValueList *list)
{
  return spor_value_list_get_value (list, (guint) g_rand_int_range (
    s->rand, 0, (gint32) spor_value_list_get_n_values (list)));
}

char *
spor_sample_invent_name (Sample *s)
{
  if (g_rand_int_range (s->rand, 0, 5) == 0)
    return g_strdup_printf ("%s %s %s", PICK (s, first_names), PICK (s, family_names),
                            PICK (s, family_names));
  return g_strdup_printf ("%s %s", PICK (s, first_names), PICK (s, family_names));
}

/* An address that cannot reach anyone: the .invalid domain is reserved for that. */
char *
spor_sample_invent_email (const char *name,
                          guint       n)
{
  g_autofree char *folded = spor_fold_term (name);

  g_strdelimit (folded, " ", '.');
  return g_strdup_printf ("%s%u@eksempel.invalid", folded, n % 100);
}

char *
spor_sample_invent_phone (Sample *s)
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
  /* hours a week of each role, in the order of the turns (mentor, adviser, …) */
  static const double hours[N_STAFF_ROLES] = { 10, 8, 12, 30, 3 };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = spor_sample_invent_name (s);
      g_autofree char *email = spor_sample_invent_email (name, i);
      g_autofree char *phone = spor_sample_invent_phone (s);
      const char *role = spor_value_list_get_value (&spor_values_role, i % N_STAFF_ROLES);
      gint64 id;

      SporEntity *e = spor_sample_record (s, SPOR_TYPE_STAFF);

      spor_entity_set_text (e, "name", name);
      spor_entity_set_text (e, "organisation", strcmp (role, "volunteer") == 0 ? "Frivillig" : "Kommunen");
      spor_entity_set_text (e, "email", email);
      spor_entity_set_text (e, "phone", phone);
      spor_entity_set_bool (e, "active", TRUE);
      spor_entity_set_int (e, "employer_id", spor_sample_organisation_for (s, role, i / N_STAFF_ROLES));
      spor_entity_set_real (e, "weekly_hours", hours[i % N_STAFF_ROLES]);
      spor_entity_set_text (e, "active_from", "2024-01-01");
      if (!spor_sample_put (s, e, &id, error))
        return FALSE;
      g_array_append_val (s->staff, id);
      s->counts->staff++;

      e = spor_sample_record (s, SPOR_TYPE_STAFF_ROLE);
      spor_entity_set_int (e, "staff_id", id);
      spor_entity_set_text (e, "role", role);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
      /* a coordinator is also a mentor */
      if (strcmp (role, "coordinator") == 0)
        {
          e = spor_sample_record (s, SPOR_TYPE_STAFF_ROLE);
          spor_entity_set_int (e, "staff_id", id);
          spor_entity_set_text (e, "role", "mentor");
          if (!spor_sample_put (s, e, NULL, error))
            return FALSE;
        }

      if (strcmp (role, "volunteer") == 0)
        {
          gint64 competency;

          e = spor_sample_record (s, SPOR_TYPE_COMPETENCY);
          spor_entity_set_int (e, "staff_id", id);
          spor_entity_set_text (e, "subject", PICK (s, subjects));
          spor_entity_set_text (e, "level", "upper_secondary");
          if (!spor_sample_put (s, e, &competency, error))
            return FALSE;
          g_array_append_val (s->volunteers, competency);
        }
    }
  return TRUE;
}

/* The staff member of @role (one of the first N_STAFF_ROLES roles) in turn @index */
gint64
spor_sample_staff_at (Sample     *s,
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
guint32
spor_sample_plan_phases (const Phases *phases,
                         guint32       start,
                         guint32      *starts,
                         guint32      *ends)
{
  return spor_phase_plan_dates ((const SporPhasePlan *) phases->plans->data, phases->plans->len,
                                start, starts, ends);
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
  SporEntity *e = spor_sample_record (s, SPOR_TYPE_BLOCK);
  gint64 block;

  spor_entity_set_int (e, "programme_id", programme_id);
  spor_entity_set_int (e, "cohort_id", cohort->id);
  spor_entity_set_int (e, "location_id", location);
  spor_entity_set_text (e, "title", title);
  spor_entity_set_text (e, "kind", "weekly");
  spor_entity_set_int (e, "weekdays", weekdays);
  spor_entity_set_text (e, "start_time", start_time);
  spor_entity_set_text (e, "end_time", end_time);
  spor_sample_set_day (s, e, "period_start", cohort->start);
  spor_sample_set_day (s, e, "period_end", cohort->course_end);
  spor_entity_set_int (e, "capacity", capacity);
  if (!spor_sample_put (s, e, &block, error))
    return FALSE;
  cohort->block_ids[cohort->n_blocks++] = block;
  s->counts->blocks++;

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      e = spor_sample_record (s, SPOR_TYPE_BLOCK_REQUIREMENT);
      spor_entity_set_int (e, "block_id", block);
      spor_entity_set_text (e, "role", required[r]);
      spor_entity_set_int (e, "count", 1);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;

      e = spor_sample_record (s, SPOR_TYPE_BLOCK_STAFF);
      spor_entity_set_int (e, "block_id", block);
      spor_entity_set_int (e, "staff_id", spor_sample_staff_at (s, index, required[r]));
      spor_entity_set_text (e, "role", required[r]);
      if (!spor_sample_put (s, e, NULL, error))
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

  programme = spor_templates_create_programme (s->store, plan->key, error);
  if (programme == NULL)
    return FALSE;
  programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  s->counts->programmes++;
  if (!load_phases (s, programme_id, &phases, error))
    return FALSE;
  s->counts->phases += phase_ids->len;
  if (!spor_sample_link_organisations (s, plan->key, programme_id, error))
    return FALSE;

  starts = g_new0 (guint32, phase_ids->len + 1);
  ends = g_new0 (guint32, phase_ids->len + 1);
  duration = spor_sample_plan_phases (&phases, first, starts, ends) - first;

  e = spor_sample_record (s, SPOR_TYPE_LOCATION);
  spor_entity_set_text (e, "name", plan->location);
  spor_entity_set_text (e, "address", plan->location_address);
  spor_entity_set_text (e, "organisation", plan->municipality);
  spor_entity_set_int (e, "capacity", plan->cohort_size + 4);
  spor_entity_set_text (e, "rooms", "Værkstedet, Mødelokalet");
  if (!spor_sample_put (s, e, &location, error))
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
      cohort.course_end = spor_sample_plan_phases (&phases, cohort.start, starts, ends) - 1;
      /* The blocks run through the phases before the exit and aftercare. */
      cohort.course_end = cohort.start + (cohort.course_end - cohort.start) * 17 / 20;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, cohort.start);
      cohort_name = g_strdup_printf ("Hold %u · %04u-%02u", c + 1, g_date_get_year (&date),
                                     g_date_get_month (&date));

      e = spor_sample_record (s, SPOR_TYPE_COHORT);
      spor_entity_set_int (e, "programme_id", programme_id);
      spor_entity_set_text (e, "name", cohort_name);
      spor_sample_set_day (s, e, "start_date", cohort.start);
      spor_sample_set_day (s, e, "end_date", cohort.start + duration - 1);
      spor_entity_set_int (e, "capacity", plan->cohort_size);
      if (!spor_sample_put (s, e, &cohort.id, error))
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
          if (!spor_sample_create_participant (s, plan, programme_id, SPOR_ENTITY (programme), &phases,
                                   &cohort, 0, (*serial)++, error))
            return FALSE;
          if ((*serial % 500) == 0 && g_cancellable_set_error_if_cancelled (s->cancellable, error))
            return FALSE;
        }
    }

  for (guint w = 0; w < n_waiting; w++)
    if (!spor_sample_create_participant (s, plan, programme_id, SPOR_ENTITY (programme), &phases, NULL,
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
  gint64 existing, programmes;
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
  programmes = spor_store_count_all (store, SPOR_TYPE_PROGRAMME, error);
  if (programmes < 0)
    return FALSE;
  if (existing > 0 || programmes > 0)
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
  if (!spor_sample_create_people (&s, error))
    goto fail;
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
