/* spor-entities.c — the fields of every record of the model
 *
 * These tables mirror the schema the migrations make (schema-1.sql, then the steps of
 * spor-store-migrations.c; a column a migration adds comes last), column by column (a test
 * compares them with the database); the values of enumerations are the lists of
 * spor-values.c. The order of
 * spor_entity_infos() puts every referenced entity first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-entity-private.h"
#include "spor-rules.h"

#define TEXT(n)          { n, SPOR_FIELD_TEXT, 0, NULL, NULL, 0, 0 }
#define TEXT_REQ(n)      { n, SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED, NULL, NULL, 0, 0 }
#define PERSONAL(n)      { n, SPOR_FIELD_TEXT, SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0 }
#define SENSITIVE(n)     { n, SPOR_FIELD_TEXT, SPOR_FIELD_SENSITIVE, NULL, NULL, 0, 0 }
#define DATE(n)          { n, SPOR_FIELD_DATE, 0, NULL, NULL, 0, 0 }
#define DATE_REQ(n)      { n, SPOR_FIELD_DATE, SPOR_FIELD_REQUIRED, NULL, NULL, 0, 0 }
#define TIME(n)          { n, SPOR_FIELD_TIME, 0, NULL, NULL, 0, 0 }
#define TIME_REQ(n)      { n, SPOR_FIELD_TIME, SPOR_FIELD_REQUIRED, NULL, NULL, 0, 0 }
#define BOOL(n)          { n, SPOR_FIELD_BOOL, 0, NULL, NULL, 0, 0 }
#define INT_RANGE(n, a, b) { n, SPOR_FIELD_INT, SPOR_FIELD_RANGE, NULL, NULL, a, b }
#define INT_REQ_RANGE(n, a, b) \
  { n, SPOR_FIELD_INT, SPOR_FIELD_REQUIRED | SPOR_FIELD_RANGE, NULL, NULL, a, b }
#define REAL_RANGE(n, a, b) { n, SPOR_FIELD_REAL, SPOR_FIELD_RANGE, NULL, NULL, a, b }
#define ENUM(n, v)       { n, SPOR_FIELD_ENUM, 0, NULL, v, 0, 0 }
#define ENUM_REQ(n, v)   { n, SPOR_FIELD_ENUM, SPOR_FIELD_REQUIRED, NULL, v, 0, 0 }
#define REF(n, e)        { n, SPOR_FIELD_REF, 0, e, NULL, 0, 0 }
#define REF_REQ(n, e)    { n, SPOR_FIELD_REF, SPOR_FIELD_REQUIRED, e, NULL, 0, 0 }
#define EMAIL(n)         { n, SPOR_FIELD_TEXT, SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0, SPOR_FORMAT_EMAIL }
#define PHONE(n)         { n, SPOR_FIELD_TEXT, SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0, SPOR_FORMAT_PHONE }
#define CPR(n)           { n, SPOR_FIELD_TEXT, SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0, SPOR_FORMAT_CPR }
#define COLOUR(n)        { n, SPOR_FIELD_TEXT, 0, NULL, NULL, 0, 0, SPOR_FORMAT_COLOUR }

static const SporField programme_fields[] = {
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  { "organisations", SPOR_FIELD_TEXT, SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  TEXT ("description"),
  INT_RANGE ("min_age", 0, 120),
  INT_RANGE ("max_age", 0, 120),
  DATE ("period_start"),
  DATE ("period_end"),
  INT_RANGE ("capacity", 0, 100000),
  INT_RANGE ("waiting_capacity", 0, 100000),
  TEXT ("visitation_rules"),
  BOOL ("not_self_supporting"),
  { "template", SPOR_FIELD_TEXT, SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  { "colour", SPOR_FIELD_TEXT, SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0, SPOR_FORMAT_COLOUR },
};

static const SporField programme_goal_fields[] = {
  REF_REQ ("programme_id", "programme"),
  INT_REQ_RANGE ("position", 0, G_MAXINT32),
  ENUM_REQ ("outcome", &spor_values_goal_outcome),
  { "label", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  INT_RANGE ("target_min", 0, 100000),
  INT_RANGE ("target_max", 0, 100000),
  INT_RANGE ("of_total", 1, 100000),
};

static const SporField phase_fields[] = {
  REF_REQ ("programme_id", "programme"),
  INT_REQ_RANGE ("position", 0, G_MAXINT32),
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  TEXT ("description"),
  INT_RANGE ("duration", 0, 1000),
  ENUM_REQ ("duration_unit", &spor_values_duration_unit),
  ENUM_REQ ("track", &spor_values_track),
};

static const SporField cohort_fields[] = {
  REF_REQ ("programme_id", "programme"),
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  DATE_REQ ("start_date"),
  DATE ("end_date"),
  INT_RANGE ("capacity", 0, 100000),
};

/* A partner of a programme or the employer of a staff member or contact */
static const SporField organisation_fields[] = {
  TEXT_REQ ("name"),
  ENUM_REQ ("kind", &spor_values_organisation_kind),
  TEXT ("address"),
  PERSONAL ("contact"),
  PHONE ("phone"),
  EMAIL ("email"),
  SENSITIVE ("notes"),
};

static const SporField programme_organisation_fields[] = {
  REF_REQ ("programme_id", "programme"),
  REF_REQ ("organisation_id", "organisation"),
  INT_REQ_RANGE ("position", 0, G_MAXINT32),
};

/* "organisation" is the text of old records; employer_id the organisation itself (named
 * apart from the text: the exchange file names a reference without its "_id") */
static const SporField staff_fields[] = {
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0 },
  TEXT ("organisation"),
  EMAIL ("email"),
  PHONE ("phone"),
  BOOL ("active"),
  SENSITIVE ("notes"),
  REF ("employer_id", "organisation"),
  REAL_RANGE ("weekly_hours", 0, 80),
  DATE ("active_from"),
  DATE ("active_to"),
};

/* Someone outside the site: a municipal caseworker, a workplace mentor */
static const SporField contact_fields[] = {
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0 },
  REF ("organisation_id", "organisation"),
  PERSONAL ("title"),
  PHONE ("phone"),
  EMAIL ("email"),
  SENSITIVE ("notes"),
  BOOL ("active"),
};

static const SporField staff_role_fields[] = {
  REF_REQ ("staff_id", "staff"),
  ENUM_REQ ("role", &spor_values_role),
};

static const SporField competency_fields[] = {
  REF_REQ ("staff_id", "staff"),
  TEXT_REQ ("subject"),
  ENUM ("level", &spor_values_competency_level),
  TEXT ("description"),
};

static const SporField location_fields[] = {
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  TEXT ("address"),
  { "organisation", SPOR_FIELD_TEXT, SPOR_FIELD_PUBLIC, NULL, NULL, 0, 0 },
  INT_RANGE ("capacity", 0, 100000),
  TEXT ("rooms"),
  SENSITIVE ("notes"),
};

static const SporField participant_fields[] = {
  { "name", SPOR_FIELD_TEXT, SPOR_FIELD_REQUIRED | SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0 },
  { "birth_date", SPOR_FIELD_DATE, SPOR_FIELD_PERSONAL, NULL, NULL, 0, 0 },
  CPR ("cpr"),
  EMAIL ("email"),
  PHONE ("phone"),
  PERSONAL ("address"),
  TEXT ("municipality"),
  ENUM ("provision", &spor_values_provision),
  PERSONAL ("referral_caseworker"),
  TEXT ("referral_organisation"),
  DATE ("referral_date"),
  REF ("programme_id", "programme"),
  REF ("cohort_id", "cohort"),
  ENUM_REQ ("status", &spor_values_participant_status),
  INT_RANGE ("waiting_position", 1, G_MAXINT32),
  DATE ("waiting_since"),
  DATE ("start_date"),
  DATE ("end_date"),
  SENSITIVE ("exit_reason"),
  REF ("contact_person_id", "staff"),
  DATE ("consent_date"),
  BOOL ("consent_processing"),
  BOOL ("consent_sharing"),
  BOOL ("consent_photos"),
  DATE ("consent_withdrawn_date"),
  SENSITIVE ("needs"),
  SENSITIVE ("notes"),
  REF ("referral_contact_id", "contact"),
};

static const SporField participant_staff_fields[] = {
  REF_REQ ("participant_id", "participant"),
  REF_REQ ("staff_id", "staff"),
  ENUM_REQ ("role", &spor_values_role),
};

static const SporField phase_progress_fields[] = {
  REF_REQ ("participant_id", "participant"),
  REF_REQ ("phase_id", "phase"),
  ENUM_REQ ("state", &spor_values_progress_state),
  DATE ("planned_start"),
  DATE ("planned_end"),
  DATE ("actual_start"),
  DATE ("actual_end"),
};

static const SporField agreement_fields[] = {
  REF_REQ ("participant_id", "participant"),
  INT_REQ_RANGE ("version", 1, G_MAXINT32),
  ENUM_REQ ("state", &spor_values_agreement_state),
  SENSITIVE ("goals"),
  SENSITIVE ("needs"),
  TEXT ("schedule"),
  REAL_RANGE ("weekly_hours", 0, 60),
  TEXT ("programme_provides"),
  SENSITIVE ("participant_commits"),
  REF ("adviser_id", "staff"),
  REF ("creative_id", "staff"),
  DATE ("start_date"),
  DATE ("review_date"),
  DATE ("signed_date"),
  PERSONAL ("signed_by_participant"),
  PERSONAL ("signed_by_adviser"),
};

static const SporField block_fields[] = {
  REF ("programme_id", "programme"),
  REF ("cohort_id", "cohort"),
  REF ("location_id", "location"),
  TEXT_REQ ("title"),
  ENUM_REQ ("kind", &spor_values_block_kind),
  INT_REQ_RANGE ("weekdays", 0, 127),
  TIME_REQ ("start_time"),
  TIME_REQ ("end_time"),
  DATE_REQ ("period_start"),
  DATE ("period_end"),
  INT_RANGE ("capacity", 0, 10000),
};

static const SporField block_requirement_fields[] = {
  REF_REQ ("block_id", "block"),
  ENUM_REQ ("role", &spor_values_role),
  INT_REQ_RANGE ("count", 1, 100),
};

static const SporField block_exception_fields[] = {
  REF_REQ ("block_id", "block"),
  DATE_REQ ("date"),
  ENUM_REQ ("kind", &spor_values_exception_kind),
  DATE ("new_date"),
  TIME ("new_start_time"),
  TIME ("new_end_time"),
  REF ("staff_id", "staff"),
  REF ("substitute_id", "staff"),
  TEXT ("reason"),
};

static const SporField block_staff_fields[] = {
  REF_REQ ("block_id", "block"),
  REF_REQ ("staff_id", "staff"),
  ENUM_REQ ("role", &spor_values_role),
};

static const SporField block_participant_fields[] = {
  REF_REQ ("block_id", "block"),
  REF_REQ ("participant_id", "participant"),
};

static const SporField attendance_fields[] = {
  REF_REQ ("block_id", "block"),
  REF_REQ ("participant_id", "participant"),
  DATE_REQ ("date"),
  ENUM_REQ ("status", &spor_values_attendance_status),
  REAL_RANGE ("hours", 0, 24),
  SENSITIVE ("note"),
};

static const SporField meeting_fields[] = {
  REF ("participant_id", "participant"),
  REF ("cohort_id", "cohort"),
  ENUM_REQ ("kind", &spor_values_meeting_kind),
  DATE_REQ ("date"),
  REF ("staff_id", "staff"),
  SENSITIVE ("notes"),
};

static const SporField meeting_staff_fields[] = {
  REF_REQ ("meeting_id", "meeting"),
  REF_REQ ("staff_id", "staff"),
};

/* who of the cohort took part in a meeting of its group */
static const SporField meeting_participant_fields[] = {
  REF_REQ ("meeting_id", "meeting"),
  REF_REQ ("participant_id", "participant"),
};

static const SporField placement_fields[] = {
  REF_REQ ("participant_id", "participant"),
  ENUM_REQ ("kind", &spor_values_placement_kind),
  TEXT ("organisation"),
  DATE ("start_date"),
  DATE ("end_date"),
  REAL_RANGE ("hours_per_week", 0, 60),
  SENSITIVE ("notes"),
};

static const SporField outcome_fields[] = {
  REF_REQ ("participant_id", "participant"),
  ENUM_REQ ("kind", &spor_values_outcome_kind),
  DATE_REQ ("date"),
  ENUM_REQ ("destination", &spor_values_destination),
  SENSITIVE ("notes"),
};

static const SporField portfolio_item_fields[] = {
  REF_REQ ("participant_id", "participant"),
  ENUM_REQ ("kind", &spor_values_portfolio_kind),
  TEXT_REQ ("title"),
  DATE ("date"),
  TEXT ("issuer"),
  SENSITIVE ("description"),
};

static const SporField need_fields[] = {
  REF_REQ ("participant_id", "participant"),
  TEXT_REQ ("subject"),
  SENSITIVE ("description"),
  ENUM_REQ ("state", &spor_values_need_state),
};

static const SporField match_fields[] = {
  REF_REQ ("need_id", "need"),
  REF_REQ ("competency_id", "competency"),
  ENUM_REQ ("state", &spor_values_match_state),
  DATE ("start_date"),
  DATE ("end_date"),
};

/* @label: for messages; @check: the record's own rules (spor-rules.h), or NULL */
#define INFO(Name, name, table, label, check) \
  static const SporEntityInfo name##_info = { \
    #name, table, label, name##_fields, G_N_ELEMENTS (name##_fields), spor_##name##_get_type, \
    check \
  }; \
  SPOR_DEFINE_ENTITY (Spor##Name, spor_##name, &name##_info)

INFO (Programme, programme, "programmes", N_("programme"), spor_programme_rules)
INFO (ProgrammeGoal, programme_goal, "programme_goals", N_("goal of a programme"), spor_programme_goal_rules)
INFO (Phase, phase, "phases", N_("phase"), NULL)
INFO (Cohort, cohort, "cohorts", N_("cohort"), spor_rules_dates)
INFO (Organisation, organisation, "organisations", N_("organisation"), NULL)
INFO (ProgrammeOrganisation, programme_organisation, "programme_organisations", N_("organisation of a programme"), NULL)
INFO (Staff, staff, "staff", N_("staff member"), spor_rules_dates)
INFO (Contact, contact, "contacts", N_("external contact"), NULL)
INFO (StaffRole, staff_role, "staff_roles", N_("role of a staff member"), NULL)
INFO (Competency, competency, "competencies", N_("competency"), NULL)
INFO (Location, location, "locations", N_("location"), NULL)
INFO (Participant, participant, "participants", N_("participant"), spor_participant_rules)
INFO (ParticipantStaff, participant_staff, "participant_staff", N_("contact person of a participant"), NULL)
INFO (PhaseProgress, phase_progress, "phase_progress", N_("phase progress"), spor_rules_dates)
INFO (Agreement, agreement, "agreements", N_("start agreement"), spor_agreement_rules)
INFO (Block, block, "blocks", N_("work block"), spor_block_rules)
INFO (BlockRequirement, block_requirement, "block_requirements", N_("staffing requirement of a work block"), NULL)
INFO (BlockException, block_exception, "block_exceptions", N_("exception to a work block"), spor_block_exception_rules)
INFO (BlockStaff, block_staff, "block_staff", N_("staff member of a work block"), NULL)
INFO (BlockParticipant, block_participant, "block_participants", N_("participant of a work block"), NULL)
INFO (Attendance, attendance, "attendance", N_("attendance"), NULL)
INFO (Meeting, meeting, "meetings", N_("meeting"), spor_meeting_rules)
INFO (MeetingStaff, meeting_staff, "meeting_staff", N_("staff member at a meeting"), NULL)
INFO (MeetingParticipant, meeting_participant, "meeting_participants", N_("participant of a group meeting"), NULL)
INFO (Placement, placement, "placements", N_("placement"), spor_rules_dates)
INFO (Outcome, outcome, "outcomes", N_("outcome"), NULL)
INFO (PortfolioItem, portfolio_item, "portfolio_items", N_("portfolio item"), NULL)
INFO (Need, need, "needs", N_("need"), NULL)
INFO (Match, match, "matches", N_("match"), spor_rules_dates)

static const SporEntityInfo * const all_infos[] = {
  &programme_info, &programme_goal_info, &phase_info, &cohort_info,
  &organisation_info, &programme_organisation_info, &contact_info,
  &staff_info, &staff_role_info, &competency_info, &location_info,
  &participant_info, &participant_staff_info, &phase_progress_info, &agreement_info,
  &block_info, &block_requirement_info, &block_exception_info, &block_staff_info,
  &block_participant_info, &attendance_info, &meeting_info, &placement_info,
  &outcome_info, &portfolio_item_info, &need_info, &match_info,
  &meeting_staff_info, &meeting_participant_info,
};

const SporEntityInfo * const *
spor_entity_infos (guint *n_infos)
{
  if (n_infos != NULL)
    *n_infos = G_N_ELEMENTS (all_infos);
  return all_infos;
}
