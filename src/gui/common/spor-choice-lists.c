/* spor-choice-lists.c
 *
 * Every list is one of the core's value lists (spor-values.h), in its order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-attendance.h"
#include "spor-values.h"

#include "spor-choice.h"
#include "spor-choice-lists.h"

static void
append (GListStore *store,
        const char *value,
        const char *label)
{
  g_autoptr(SporChoice) choice = spor_choice_new (value, label);

  g_list_store_append (store, choice);
}

/* @list's values with their labels, after an entry NULL → @none_label if there is one */
static GListModel *
from_values (const SporValueList *list,
             const char          *none_label)
{
  GListStore *store = g_list_store_new (SPOR_TYPE_CHOICE);

  if (none_label != NULL)
    append (store, NULL, none_label);
  for (guint i = 0; i < spor_value_list_get_n_values (list); i++)
    append (store, spor_value_list_get_value (list, i), spor_value_list_get_label (list, i));
  return G_LIST_MODEL (store);
}

GListModel *
spor_choice_lists_participant_statuses (const char *none_label)
{
  return from_values (&spor_values_participant_status, none_label);
}

GListModel *
spor_choice_lists_provisions (const char *none_label)
{
  return from_values (&spor_values_provision, none_label);
}

GListModel *
spor_choice_lists_meeting_kinds (void)
{
  return from_values (&spor_values_meeting_kind, NULL);
}

GListModel *
spor_choice_lists_attendance (void)
{
  return from_values (&spor_values_attendance_status,
                      spor_attendance_status_label (SPOR_ATTENDANCE_UNKNOWN));
}

/* Roles are named in lower case for sentences; a list of them shows labels. */
GListModel *
spor_choice_lists_roles (void)
{
  GListStore *store = g_list_store_new (SPOR_TYPE_CHOICE);

  for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_role); i++)
    {
      const char *value = spor_value_list_get_value (&spor_values_role, i);
      g_autofree char *title = spor_value_title (&spor_values_role, value);

      append (store, value, title);
    }
  return G_LIST_MODEL (store);
}

GListModel *
spor_choice_lists_roles_filter (const char *all_label)
{
  GListStore *store = g_list_store_new (SPOR_TYPE_CHOICE);

  append (store, NULL, all_label);
  for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_role); i++)
    {
      const char *value = spor_value_list_get_value (&spor_values_role, i);
      g_autofree char *label = g_strdup (spor_value_list_get_label (&spor_values_role, i));

      if (g_str_equal (value, "contact_person"))
        continue;
      /* the labels are written for sentences; a list of choices starts each with a capital */
      label[0] = g_ascii_toupper (label[0]);
      append (store, value, label);
    }
  return G_LIST_MODEL (store);
}

GListModel *
spor_choice_lists_organisation_kinds (void)
{
  return from_values (&spor_values_organisation_kind, NULL);
}

GListModel *
spor_choice_lists_competency_levels (const char *none_label)
{
  return from_values (&spor_values_competency_level, none_label);
}

GListModel *
spor_choice_lists_goal_outcomes (void)
{
  return from_values (&spor_values_goal_outcome, NULL);
}

GListModel *
spor_choice_lists_duration_units (void)
{
  return from_values (&spor_values_duration_unit, NULL);
}

GListModel *
spor_choice_lists_tracks (void)
{
  return from_values (&spor_values_track, NULL);
}

GListModel *
spor_choice_lists_destinations (void)
{
  return from_values (&spor_values_destination, NULL);
}
