/* spor-move-dialog.h — moving one occurrence of a block to another day or time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-blocks-occurrences.h"
#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_MOVE_DIALOG (spor_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporMoveDialog, spor_move_dialog, SPOR, MOVE_DIALOG, AdwMessageDialog)

/* The form holds the occurrence's day and times as they are now; responses "cancel" and
 * "move". */
SporMoveDialog *spor_move_dialog_new   (GtkWindow            *parent,
                                        const SporOccurrence *occurrence);
/* Moves the occurrence of @block_id on @date (the date its rule gives) as the form says;
 * FALSE and @error, with the message to show, when it cannot (nothing changes then). */
gboolean        spor_move_dialog_apply (SporMoveDialog       *self,
                                        SporStore            *store,
                                        gint64                block_id,
                                        const char           *date,
                                        GError              **error);

G_END_DECLS
