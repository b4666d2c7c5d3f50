/* spor-member-row.h — a staff member (with a role) or a participant of a work block, in the
 * block editor, with Remove
 *
 * Signal "remove": the user wants the member out of the block (the editor drops them from
 * its lists; nothing is written before Save).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPOR_TYPE_MEMBER_ROW (spor_member_row_get_type ())
G_DECLARE_FINAL_TYPE (SporMemberRow, spor_member_row, SPOR, MEMBER_ROW, AdwActionRow)

/* @role: the staff member's role in the block; NULL for a participant. */
GtkWidget  *spor_member_row_new      (gint64         id,
                                      const char    *name,
                                      const char    *role);
gint64      spor_member_row_get_id   (SporMemberRow *self);
const char *spor_member_row_get_role (SporMemberRow *self);

G_END_DECLS
