/* spor-leave-dialog.h — leaving a programme: completing it with an exit plan, or dropping
 * out with a reason
 *
 * Its response "confirm" (Complete or Drop Out) is for the caller to carry out; a drop-out
 * cannot be confirmed without a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPOR_TYPE_LEAVE_DIALOG (spor_leave_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporLeaveDialog, spor_leave_dialog, SPOR, LEAVE_DIALOG, AdwMessageDialog)

/* @drop_out: a drop-out (a reason) rather than a completion (a destination and notes). */
SporLeaveDialog *spor_leave_dialog_new             (GtkWindow       *parent,
                                                    gboolean         drop_out);
gboolean         spor_leave_dialog_get_drop_out    (SporLeaveDialog *self);
/* The reason, or the notes on the exit plan */
const char      *spor_leave_dialog_get_text        (SporLeaveDialog *self);
/* The planned destination; NULL for a drop-out */
const char      *spor_leave_dialog_get_destination (SporLeaveDialog *self);

G_END_DECLS
