/* spor-values.c — the value lists of the model: each stored value with its label
 *
 * The order of each table is the order of the values in lists the user chooses from, the
 * order of the "enum" of the exchange file's JSON Schema, and, for a required field, its
 * default: the first value. schema-1.sql allows the same values in its CHECK constraints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "spor-values.h"

#define LIST(name, fallback) \
  const SporValueList spor_values_##name = { #name, name, G_N_ELEMENTS (name), fallback }

static const SporValue participant_status[] = {
  { "waiting", N_("Waiting list") },
  { "intake", N_("Intake") },
  { "active", N_("Active") },
  { "on_hold", N_("On hold") },
  { "completed", N_("Completed") },
  { "dropped_out", N_("Dropped out") },
};
LIST (participant_status, N_("Unknown"));

static const SporValue provision[] = {
  { "education_benefit", N_("Education benefit") },
  { "cash_benefit", N_("Cash benefit") },
  { "unemployment_benefit", N_("Unemployment benefit") },
  { "sickness_benefit", N_("Sickness benefit") },
  { "resource_course", N_("Resource course") },
  /* abolished on 1 July 2025 with the cash-benefit reform; kept for records from before */
  { "integration_benefit", N_("Self-support and repatriation benefit (until July 2025)") },
  { "flex_job", N_("Flex job") },
  { "self_supporting", N_("Self-supporting") },
  { "other", N_("Other") },
};
LIST (provision, N_("Not stated"));

static const SporValue meeting_kind[] = {
  { "screening", N_("Screening interview") },
  { "coaching", N_("Individual coaching") },
  { "group_talk", N_("Group talk") },
  { "mentor_talk", N_("Mentor talk") },
  { "evaluation", N_("Evaluation talk") },
  { "follow_up", N_("Follow-up after exit") },
};
LIST (meeting_kind, N_("Meeting"));

/* In lower case: a role is named inside sentences ("Missing adviser: 0 of 1"). */
static const SporValue role[] = {
  { "mentor", N_("mentor") },
  { "adviser", N_("adviser") },
  { "creative", N_("creative professional") },
  { "coordinator", N_("coordinator") },
  { "volunteer", N_("volunteer") },
  { "contact_person", N_("contact person") },
  { "caseworker", N_("caseworker") },
};
LIST (role, NULL);

static const SporValue goal_outcome[] = {
  { "education", N_("Education") },
  { "employment", N_("Employment") },
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "closer_to_labour_market", N_("Closer to the labour market") },
  { "other", N_("Other") },
};
LIST (goal_outcome, NULL);

static const SporValue duration_unit[] = {
  { "days", N_("Days") },
  { "weeks", N_("Weeks") },
  { "months", N_("Months") },
};
LIST (duration_unit, NULL);

static const SporValue track[] = {
  { "sequential", N_("Sequential") },
  { "parallel", N_("Parallel track") },
};
LIST (track, NULL);

static const SporValue progress_state[] = {
  { "planned", N_("Not started") },
  { "active", N_("In progress") },
  { "on_hold", N_("On hold") },
  { "done", N_("Finished") },
  { "skipped", N_("Skipped") },
};
LIST (progress_state, N_("Not started"));

static const SporValue agreement_state[] = {
  { "draft", N_("Draft") },
  { "signed", N_("Signed") },
};
LIST (agreement_state, NULL);

static const SporValue block_kind[] = {
  { "weekly", N_("Every week") },
  { "once", N_("Once") },
};
LIST (block_kind, NULL);

static const SporValue exception_kind[] = {
  { "cancelled", N_("Cancelled") },
  { "moved", N_("Moved") },
  { "substitute", N_("Substitute") },
};
LIST (exception_kind, NULL);

static const SporValue attendance_status[] = {
  { "present", N_("Present") },
  { "late", N_("Late") },
  { "absent_notice", N_("Absent with Notice") },
  { "absent", N_("Absent without Notice") },
  { "sick", N_("Sick") },
};
LIST (attendance_status, N_("Not Registered"));

static const SporValue placement_kind[] = {
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "job", N_("Job") },
  { "education", N_("Education") },
};
LIST (placement_kind, NULL);

static const SporValue outcome_kind[] = {
  { "plan", N_("Exit plan") },
  { "exit", N_("At exit") },
  { "follow_up", N_("Follow-up") },
};
LIST (outcome_kind, NULL);

static const SporValue destination[] = {
  { "education", N_("Education") },
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "job", N_("Job") },
  { "other", N_("Other") },
  { "none", N_("None yet") },
};
LIST (destination, NULL);

static const SporValue portfolio_kind[] = {
  { "certificate", N_("Competence certificate") },
  { "course", N_("Completed course") },
  { "work", N_("Piece of work") },
  { "other", N_("Other") },
};
LIST (portfolio_kind, NULL);

static const SporValue need_state[] = {
  { "open", N_("Not yet matched") },
  { "matched", N_("Matched") },
  { "closed", N_("Closed") },
};
LIST (need_state, NULL);

static const SporValue match_state[] = {
  { "proposed", N_("Proposed") },
  { "active", N_("Active") },
  { "ended", N_("Ended") },
};
LIST (match_state, NULL);

/* The three consent flags of a participant (consent_processing, consent_sharing,
 * consent_photos), as the page lists them: the labels of boolean fields, so no field's
 * list and not among spor_value_lists() */
static const SporValue consent_scope[] = {
  { "processing", N_("Processing of personal data") },
  { "sharing", N_("Sharing with other sites") },
  { "photos", N_("Photos") },
};
LIST (consent_scope, NULL);

/* The highest schooling a competency is held at, for matching a young person's need */
static const SporValue competency_level[] = {
  { "primary", N_("Primary and lower secondary school") },
  { "upper_secondary", N_("Upper secondary (gymnasium/HF)") },
  { "vocational", N_("Vocational education") },
  { "higher", N_("Higher education") },
  { "none", N_("No formal level") },
};
LIST (competency_level, N_("Not stated"));

static const SporValue organisation_kind[] = {
  { "library", N_("Library") },
  { "culture_school", N_("Culture school") },
  { "municipality", N_("Municipality") },
  { "company", N_("Company") },
  { "school", N_("School") },
  { "association", N_("Association") },
  { "other", N_("Other") },
};
LIST (organisation_kind, NULL);

static const SporValueList * const all_lists[] = {
  &spor_values_participant_status, &spor_values_provision, &spor_values_meeting_kind,
  &spor_values_role, &spor_values_goal_outcome, &spor_values_duration_unit,
  &spor_values_track, &spor_values_progress_state, &spor_values_agreement_state,
  &spor_values_block_kind, &spor_values_exception_kind, &spor_values_attendance_status,
  &spor_values_placement_kind, &spor_values_outcome_kind, &spor_values_destination,
  &spor_values_portfolio_kind, &spor_values_need_state, &spor_values_match_state,
  &spor_values_competency_level, &spor_values_organisation_kind,
};

const SporValueList * const *
spor_value_lists (guint *n_lists)
{
  if (n_lists != NULL)
    *n_lists = G_N_ELEMENTS (all_lists);
  return all_lists;
}

guint
spor_value_list_get_n_values (const SporValueList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return list->n_values;
}

const char *
spor_value_list_get_value (const SporValueList *list,
                           guint                position)
{
  g_return_val_if_fail (list != NULL, NULL);
  return position < list->n_values ? list->values[position].value : NULL;
}

const char *
spor_value_list_get_label (const SporValueList *list,
                           guint                position)
{
  g_return_val_if_fail (list != NULL, NULL);
  return position < list->n_values ? _(list->values[position].label) : NULL;
}

char **
spor_value_list_dup_labels (const SporValueList *list)
{
  char **labels;

  g_return_val_if_fail (list != NULL, NULL);
  labels = g_new0 (char *, list->n_values + 1);
  for (guint i = 0; i < list->n_values; i++)
    labels[i] = g_strdup (_(list->values[i].label));
  return labels;
}

guint
spor_value_list_find (const SporValueList *list,
                      const char          *value)
{
  g_return_val_if_fail (list != NULL, G_MAXUINT);
  for (guint i = 0; value != NULL && i < list->n_values; i++)
    if (strcmp (list->values[i].value, value) == 0)
      return i;
  return G_MAXUINT;
}

gboolean
spor_value_list_contains (const SporValueList *list,
                          const char          *value)
{
  return spor_value_list_find (list, value) != G_MAXUINT;
}

const char *
spor_value_of_enum (GType enum_type,
                    int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* the nicks are static strings of the type, which stays registered */
  g_type_class_unref (klass);
  return found != NULL ? found->value_nick : NULL;
}

int
spor_value_to_enum (GType       enum_type,
                    const char *nick,
                    int         fallback)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return fallback;
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);
  return found != NULL ? found->value : fallback;
}

const char *
spor_value_label (const SporValueList *list,
                  const char          *value)
{
  guint position = spor_value_list_find (list, value);

  if (position != G_MAXUINT)
    return _(list->values[position].label);
  if (list->fallback != NULL)
    return _(list->fallback);
  return value != NULL ? value : "";
}

char *
spor_value_title (const SporValueList *list,
                  const char          *value)
{
  const char *label = spor_value_label (list, value);
  gunichar first = g_utf8_get_char (label);
  char head[8] = { 0 };

  if (first == 0)
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (label), NULL);
}
