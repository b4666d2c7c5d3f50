/* spor-people-picker.h — a combo row that picks a staff member, contact, location or
 * organisation, and can make a new one in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* Fills @row with what spor_people_list_offered() gives for @type (and @role, for staff),
 * after an entry @none_label ("None"), keeps @selected_id (0: the none entry) even when it
 * is no longer offered, and gives the row a button "New Staff Member…" (once) that opens
 * the form: the record saved there is offered and chosen. FALSE with @error when the list
 * cannot be read (the row then offers only the none entry and the button). */
gboolean spor_people_picker_setup (AdwComboRow  *row,
                                   SporStore    *store,
                                   GType         type,
                                   const char   *role,
                                   const char   *none_label,
                                   gint64        selected_id,
                                   GError      **error);

G_END_DECLS
