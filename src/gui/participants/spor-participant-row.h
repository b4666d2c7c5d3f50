/* spor-participant-row.h — one participant in the list: name, programme, cohort, phase, status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-participants.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PARTICIPANT_ROW (spor_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (SporParticipantRow, spor_participant_row, SPOR, PARTICIPANT_ROW, GtkBox)

GtkWidget *spor_participant_row_new      (void);
/* Shows @item; NULL clears the row. */
void       spor_participant_row_set_item (SporParticipantRow  *self,
                                          SporParticipantItem *item);

G_END_DECLS
