/* spor-choice-lists.h — the value lists the drop-downs offer, as models of SporChoice
 *
 * Every drop-down of stored values takes its list from here, so that the values and their
 * labels come from one place, the core's value lists (spor-values.h). Each call returns a new model (GListModel of SporChoice) in
 * the order the drop-down shows. @none_label, where a function takes one, puts an entry
 * with the value NULL first ("All statuses", "Not stated"); NULL leaves it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* waiting, intake, active, on_hold, completed, dropped_out */
GListModel *spor_choice_lists_participant_statuses (const char *none_label);
/* education_benefit, cash_benefit, … */
GListModel *spor_choice_lists_provisions           (const char *none_label);
/* screening, coaching, group_talk, … */
GListModel *spor_choice_lists_meeting_kinds        (void);
/* NULL ("Not Registered"), present, late, absent_notice, absent, sick */
GListModel *spor_choice_lists_attendance           (void);
/* mentor, adviser, creative, coordinator, volunteer, contact_person, caseworker */
/* the roles of staff (no "contact person", a participant's link), after NULL → @all_label */
GListModel *spor_choice_lists_roles_filter         (const char *all_label);
/* organisation kinds: library, culture school, …, other */
GListModel *spor_choice_lists_organisation_kinds   (void);
/* competency levels, after NULL → @none_label if not NULL */
GListModel *spor_choice_lists_competency_levels    (const char *none_label);
GListModel *spor_choice_lists_roles                (void);
/* education, employment, internship, … : what a programme's goal aims for */
GListModel *spor_choice_lists_goal_outcomes        (void);
/* days, weeks, months: the unit of a phase's planned duration */
GListModel *spor_choice_lists_duration_units       (void);
/* sequential, parallel */
GListModel *spor_choice_lists_tracks               (void);
/* education, internship, … none: where a participant goes when completing */
GListModel *spor_choice_lists_destinations         (void);

G_END_DECLS
