/* spor-mentor-row.h — a staff member in the participant editor's Mentors, on or off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MENTOR_ROW (spor_mentor_row_get_type ())
G_DECLARE_FINAL_TYPE (SporMentorRow, spor_mentor_row, SPOR, MENTOR_ROW, AdwActionRow)

/* @active: whether @staff is the participant's mentor now. */
GtkWidget *spor_mentor_row_new          (SporEntity    *staff,
                                         gboolean       active);
gint64     spor_mentor_row_get_staff_id (SporMentorRow *self);
gboolean   spor_mentor_row_get_active   (SporMentorRow *self);

G_END_DECLS
