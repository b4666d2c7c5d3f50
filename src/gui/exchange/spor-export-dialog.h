/* spor-export-dialog.h — export an exchange file: scope, anonymisation, file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_EXPORT_DIALOG (spor_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporExportDialog, spor_export_dialog, SPOR, EXPORT_DIALOG, AdwWindow)

/* "exported" (GFile *file) is emitted when the file is complete; the dialog then closes. */
SporExportDialog *spor_export_dialog_new      (GtkWindow        *parent,
                                               SporStore        *store);
/* Writes to @file with the choices made, as choosing it in the file chooser does. */
void              spor_export_dialog_save_to  (SporExportDialog *self,
                                               GFile            *file);
/* How many participants without consent to share the last export left out. */
guint64           spor_export_dialog_get_n_held_back (SporExportDialog *self);

G_END_DECLS
