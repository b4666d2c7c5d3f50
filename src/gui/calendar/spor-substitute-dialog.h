/* spor-substitute-dialog.h — a substitute for one staff member at one occurrence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_SUBSTITUTE_DIALOG (spor_substitute_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporSubstituteDialog, spor_substitute_dialog, SPOR, SUBSTITUTE_DIALOG, AdwMessageDialog)

/* Offers the staff of block @block_id and, as substitutes, every staff member; NULL and
 * @error when they cannot be read, or when the block has no staff (the message says so).
 * Responses "cancel" and "substitute". */
SporSubstituteDialog *spor_substitute_dialog_new   (GtkWindow             *parent,
                                                    SporStore             *store,
                                                    gint64                 block_id,
                                                    GError               **error);
/* Puts the chosen substitute in for the chosen staff member at the occurrence on @date
 * (the date the rule gives); FALSE and @error, with the message to show, when it cannot. */
gboolean              spor_substitute_dialog_apply (SporSubstituteDialog  *self,
                                                    SporStore             *store,
                                                    gint64                 block_id,
                                                    const char            *date,
                                                    GError               **error);

G_END_DECLS
