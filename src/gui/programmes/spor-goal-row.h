/* spor-goal-row.h — a goal of a programme: what it aims for, and Remove
 *
 * Remove activates "programmes.remove-goal" with the goal's id (x).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-programmes.h"

G_BEGIN_DECLS

#define SPOR_TYPE_GOAL_ROW (spor_goal_row_get_type ())
G_DECLARE_FINAL_TYPE (SporGoalRow, spor_goal_row, SPOR, GOAL_ROW, AdwActionRow)

GtkWidget *spor_goal_row_new (SporProgrammeGoal *goal);

G_END_DECLS
