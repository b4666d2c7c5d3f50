/* spor-people-row.h — a staff member, contact, location or organisation in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PEOPLE_ROW (spor_people_row_get_type ())
G_DECLARE_FINAL_TYPE (SporPeopleRow, spor_people_row, SPOR, PEOPLE_ROW, AdwActionRow)

/* @subtitle: what is known beside the name (roles, title, address); @offered: FALSE shows
 * "Inactive". Emits "delete" when its delete button is clicked; activating it edits. */
GtkWidget  *spor_people_row_new        (SporEntity    *record,
                                        const char    *subtitle,
                                        gboolean       offered);
SporEntity *spor_people_row_get_record (SporPeopleRow *self);

G_END_DECLS
