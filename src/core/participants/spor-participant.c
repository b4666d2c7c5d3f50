/* spor-participant.c — a participant's record: its checks and warnings, saving, erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "spor-cohort.h"
#include "spor-participant.h"
#include "spor-progress.h"
#include "spor-rules.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* The record rules of a participant (spor-rules.h) */
void
spor_participant_rules (SporEntity *entity,
                        SporStore  *store,
                        GPtrArray  *problems)
{
  const char *cpr = spor_entity_get_text (entity, "cpr");
  const char *birth_date = spor_entity_get_text (entity, "birth_date");
  gint64 cohort_id = spor_entity_get_int (entity, "cohort_id");
  gint64 programme_id = spor_entity_get_int (entity, "programme_id");

  if (cpr != NULL && *cpr != '\0' && spor_date_is_valid (birth_date))
    {
      g_autofree char *birth = NULL;

      if (spor_cpr_parse (cpr, NULL, &birth, NULL) && g_strcmp0 (birth, birth_date) != 0)
        spor_problems_add (problems, "cpr", _("The CPR number does not match the date of birth"));
    }
  spor_rules_dates (entity, store, problems);

  if (cohort_id > 0 && programme_id > 0 && store != NULL)
    {
      gint64 of = spor_rules_cohort_programme (store, cohort_id, problems);

      if (of != 0 && of != programme_id)
        spor_problems_add (problems, "cohort_id", _("The cohort belongs to another programme"));
    }
}

GPtrArray *
spor_participant_check (SporParticipant *participant)
{
  GPtrArray *problems;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT (participant),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) spor_problem_free));

  problems = spor_check_record (SPOR_ENTITY (participant), NULL);
  /* The form shows each message beside its field: there the plain words read better than
   * the checker's “participant.name: …”. */
  for (guint i = 0; i < problems->len; i++)
    {
      SporProblem *problem = g_ptr_array_index (problems, i);
      const SporField *field = spor_entity_info_find_field (
        spor_entity_get_info (SPOR_ENTITY (participant)), problem->field);

      if (g_str_equal (problem->field, "name") &&
          spor_text_is_blank (spor_entity_get_text (SPOR_ENTITY (participant), "name")))
        {
          g_free (problem->message);
          problem->message = g_strdup (_("A name is required"));
        }
      else if (field != NULL && field->type == SPOR_FIELD_DATE &&
               !spor_date_is_valid (spor_entity_get_text (SPOR_ENTITY (participant), problem->field)))
        {
          g_free (problem->message);
          problem->message = g_strdup (_("Not a real date"));
        }
    }
  return problems;
}

static int
age_on (const char *birth_date,
        const char *today)
{
  GDate birth, now;
  int age;

  if (!spor_date_parse_to (birth_date, &birth) || !spor_date_parse_to (today, &now))
    return -1;
  age = (int) g_date_get_year (&now) - (int) g_date_get_year (&birth);
  if (g_date_get_month (&now) < g_date_get_month (&birth) ||
      (g_date_get_month (&now) == g_date_get_month (&birth) &&
       g_date_get_day (&now) < g_date_get_day (&birth)))
    age--;
  return age;
}

/* Whether a participant of @status takes a place in their cohort */
static gboolean
takes_place (const char *status)
{
  return g_strcmp0 (status, "intake") == 0 || g_strcmp0 (status, "active") == 0 ||
         g_strcmp0 (status, "on_hold") == 0;
}

/* Age outside the programme's target range */
static void
warn_age (SporEntity *participant,
          SporEntity *programme,
          const char *today,
          GPtrArray  *warnings)
{
  const char *birth_date = spor_entity_get_text (participant, "birth_date");
  gboolean has_min = spor_entity_is_set (programme, "min_age");
  gboolean has_max = spor_entity_is_set (programme, "max_age");
  gint64 min_age = spor_entity_get_int (programme, "min_age");
  gint64 max_age = spor_entity_get_int (programme, "max_age");
  g_autofree char *message = NULL;
  int age;

  if (!spor_date_is_valid (birth_date))
    return;
  age = age_on (birth_date, today);
  if ((!has_min || age >= min_age) && (!has_max || age <= max_age))
    return;
  if (has_min && has_max)
    /* Translators: ages in years */
    message = g_strdup_printf (_("Age %d is outside the programme's target range %d–%d"),
                               age, (int) min_age, (int) max_age);
  else
    message = g_strdup_printf (_("Age %d is outside the programme's target range"), age);
  spor_problems_add (warnings, "birth_date", message);
}

/* A cohort above its capacity once the participant is in it; the participant counts once,
 * whether or not they are in the cohort already. */
static gboolean
warn_capacity (SporStore   *store,
               SporEntity  *participant,
               gint64       cohort_id,
               GPtrArray   *warnings,
               GError     **error)
{
  gint64 taken = 0, capacity = -1;
  g_autofree char *message = NULL;

  if (!spor_cohort_occupancy (store, cohort_id, &taken, &capacity, error))
    return FALSE;
  if (spor_entity_get_id (participant) > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SporEntity) stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                     spor_entity_get_id (participant),
                                                     &local_error);

      /* one erased meanwhile counts as new */
      if (stored == NULL && !g_error_matches (local_error, SPOR_STORE_ERROR,
                                              SPOR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stored != NULL && spor_entity_get_int (stored, "cohort_id") == cohort_id &&
          takes_place (spor_entity_get_text (stored, "status")))
        taken--;
    }
  if (takes_place (spor_entity_get_text (participant, "status")))
    taken++;
  if (capacity < 0 || taken <= capacity)
    return TRUE;
  {
    /* Translators: the end of “The cohort is above capacity: 13 participants for 12 places” */
    g_autofree char *places = g_strdup_printf (ngettext ("%d place", "%d places", (gulong) capacity),
                                               (int) capacity);

    /* Translators: %s is a number of places, such as “12 places” */
    message = g_strdup_printf (ngettext ("The cohort is above capacity: %d participant for %s",
                                         "The cohort is above capacity: %d participants for %s",
                                         (gulong) taken),
                               (int) taken, places);
  }
  spor_problems_add (warnings, "cohort_id", message);
  return TRUE;
}

GPtrArray *
spor_participant_warnings (SporStore        *store,
                           SporParticipant  *participant,
                           const char       *today,
                           GError          **error)
{
  SporEntity *entity = SPOR_ENTITY (participant);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_problem_free);
  g_autofree char *day = spor_date_or_today (today);
  g_autoptr(SporEntity) programme = NULL;
  gint64 programme_id = spor_entity_get_int (entity, "programme_id");
  gint64 cohort_id = spor_entity_get_int (entity, "cohort_id");

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  if (programme_id > 0)
    {
      programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, programme_id, error);
      if (programme == NULL)
        return NULL;
      warn_age (entity, programme, day, warnings);
      if (spor_entity_get_bool (programme, "not_self_supporting") &&
          g_strcmp0 (spor_entity_get_text (entity, "provision"), "self_supporting") == 0)
        spor_problems_add (warnings, "provision",
                           _("The programme is for people who are not self-supporting"));
    }
  if (cohort_id > 0 && !warn_capacity (store, entity, cohort_id, warnings, error))
    return NULL;
  return g_steal_pointer (&warnings);
}

gboolean
spor_participant_save (SporStore        *store,
                       SporParticipant  *participant,
                       GError          **error)
{
  SporEntity *entity = SPOR_ENTITY (participant);
  g_autoptr(GPtrArray) problems = NULL;
  const char *cpr;
  gint64 cohort_id, old_cohort_id = 0;
  gboolean is_new;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPOR_IS_PARTICIPANT (participant), FALSE);

  problems = spor_participant_check (participant);
  if (problems->len > 0)
    {
      SporProblem *first = g_ptr_array_index (problems, 0);
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, first->message);
      return FALSE;
    }

  cpr = spor_entity_get_text (entity, "cpr");
  if (cpr != NULL && *cpr == '\0')
    spor_entity_unset (entity, "cpr");
  else if (cpr != NULL)
    {
      g_autofree char *digits = NULL;
      g_autofree char *birth = NULL;
      if (!spor_cpr_parse (cpr, &digits, &birth, error))
        return FALSE;
      spor_entity_set_text (entity, "cpr", digits);
      if (!spor_entity_is_set (entity, "birth_date"))
        spor_entity_set_text (entity, "birth_date", birth);
    }

  is_new = spor_entity_get_id (entity) <= 0;
  cohort_id = spor_entity_get_int (entity, "cohort_id");

  if (!spor_store_begin (store, error))
    return FALSE;
  if (!is_new)
    {
      g_autoptr(SporParticipant) stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                          spor_entity_get_id (entity), error);
      if (stored == NULL)
        goto fail;
      old_cohort_id = spor_entity_get_int (SPOR_ENTITY (stored), "cohort_id");
    }
  if (cohort_id > 0)
    {
      g_autoptr(SporCohort) cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);
      if (cohort == NULL)
        goto fail;
      /* The cohort decides the programme. */
      spor_entity_set_int (entity, "programme_id",
                           spor_entity_get_int (SPOR_ENTITY (cohort), "programme_id"));
    }
  if (is_new ? !spor_store_insert (store, entity, error) : !spor_store_update (store, entity, error))
    goto fail;
  if (cohort_id > 0 && cohort_id != old_cohort_id)
    {
      g_autoptr(SporParticipant) fresh = NULL;

      if (!spor_progress_enrol (store, spor_entity_get_id (entity), cohort_id, error))
        goto fail;
      /* Enrolment may set status and start date: give the caller the stored record. */
      fresh = spor_store_get (store, SPOR_TYPE_PARTICIPANT, spor_entity_get_id (entity), error);
      if (fresh == NULL)
        goto fail;
      spor_entity_set_text (entity, "status", spor_entity_get_text (SPOR_ENTITY (fresh), "status"));
      spor_entity_set_text (entity, "start_date",
                            spor_entity_get_text (SPOR_ENTITY (fresh), "start_date"));
      spor_entity_set_keys (entity, spor_entity_get_id (entity), spor_entity_get_uuid (entity),
                            spor_entity_get_created_at (entity),
                            spor_entity_get_updated_at (SPOR_ENTITY (fresh)));
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  if (is_new)
    spor_entity_set_keys (entity, 0, NULL, NULL, NULL);
  return FALSE;
}

/* The store erases (spor_store_erase): the same way for a delete here and an erasure that
 * comes from another site. */
gboolean
spor_participant_erase (SporStore  *store,
                        gint64      participant_id,
                        GError    **error)
{
  g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id,
                                                 error);

  return p != NULL && spor_store_erase (store, SPOR_ENTITY (p), error);
}
