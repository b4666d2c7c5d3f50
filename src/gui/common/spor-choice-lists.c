/* spor-choice-lists.c
 *
 * The tables below are the lists the core does not have yet; each is in the order its
 * drop-down has always shown. They move to the core's value lists when those come.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attendance.h"
#include "spor-blocks.h"
#include "spor-participants.h"

#include "spor-choice.h"
#include "spor-choice-lists.h"

typedef struct {
  const char *value;
  const char *label;  /* N_() */
} Entry;

typedef const char *(*LabelFunc) (const char *value);

static const Entry goal_outcomes[] = {
  { "education", N_("Education") },
  { "employment", N_("Employment") },
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "closer_to_labour_market", N_("Closer to the labour market") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const Entry duration_units[] = {
  { "weeks", N_("Weeks") },
  { "months", N_("Months") },
  { "days", N_("Days") },
  { NULL, NULL }
};

static const Entry tracks[] = {
  { "sequential", N_("Sequential") },
  { "parallel", N_("Parallel track") },
  { NULL, NULL }
};

static const Entry destinations[] = {
  { "education", N_("Education") },
  { "internship", N_("Company internship") },
  { "wage_subsidy", N_("Wage subsidy") },
  { "work_trial", N_("Paid work trial (social free card)") },
  { "job", N_("Job") },
  { "other", N_("Other") },
  { "none", N_("None yet") },
  { NULL, NULL }
};

/* The order of the block editor's role drop-down; the labels are the core's. */
static const char * const roles[] = {
  "creative", "adviser", "mentor", "coordinator", "volunteer", "contact_person", "caseworker",
  NULL
};

static void
append (GListStore *store,
        const char *value,
        const char *label)
{
  g_autoptr(SporChoice) choice = spor_choice_new (value, label);

  g_list_store_append (store, choice);
}

static GListStore *
store_new (const char *none_label)
{
  GListStore *store = g_list_store_new (SPOR_TYPE_CHOICE);

  if (none_label != NULL)
    append (store, NULL, none_label);
  return store;
}

/* A core list of values (NULL-terminated) with the core's label of each. */
static GListModel *
from_core (const char * const *values,
           LabelFunc           label,
           const char         *none_label)
{
  GListStore *store = store_new (none_label);

  for (guint i = 0; values[i] != NULL; i++)
    append (store, values[i], label (values[i]));
  return G_LIST_MODEL (store);
}

static GListModel *
from_table (const Entry *entries)
{
  GListStore *store = store_new (NULL);

  for (guint i = 0; entries[i].value != NULL; i++)
    append (store, entries[i].value, _(entries[i].label));
  return G_LIST_MODEL (store);
}

GListModel *
spor_choice_lists_participant_statuses (const char *none_label)
{
  return from_core (spor_participant_statuses (), spor_participant_status_label, none_label);
}

GListModel *
spor_choice_lists_provisions (const char *none_label)
{
  return from_core (spor_participant_provisions (), spor_participant_provision_label, none_label);
}

GListModel *
spor_choice_lists_meeting_kinds (void)
{
  return from_core (spor_meeting_kinds (), spor_meeting_kind_label, NULL);
}

GListModel *
spor_choice_lists_attendance (void)
{
  GListStore *store = store_new (NULL);

  for (SporAttendanceStatus status = SPOR_ATTENDANCE_UNKNOWN; status <= SPOR_ATTENDANCE_SICK; status++)
    append (store, spor_attendance_status_to_string (status), spor_attendance_status_label (status));
  return G_LIST_MODEL (store);
}

GListModel *
spor_choice_lists_roles (void)
{
  return from_core (roles, spor_blocks_role_label, NULL);
}

GListModel *
spor_choice_lists_goal_outcomes (void)
{
  return from_table (goal_outcomes);
}

GListModel *
spor_choice_lists_duration_units (void)
{
  return from_table (duration_units);
}

GListModel *
spor_choice_lists_tracks (void)
{
  return from_table (tracks);
}

GListModel *
spor_choice_lists_destinations (void)
{
  return from_table (destinations);
}
