/* spor-import-dialog.h — import an exchange file: preview, then apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_IMPORT_DIALOG (spor_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SporImportDialog, spor_import_dialog, SPOR, IMPORT_DIALOG, AdwWindow)

/* The dialog works on its own connection to @store's file; once the import is committed
 * @store announces that anything may have changed (the views follow it), and "imported" is
 * emitted. */
SporImportDialog *spor_import_dialog_new       (GtkWindow        *parent,
                                                SporStore        *store);
/* Reads @file and shows the preview (as choosing it in the file chooser does). */
void              spor_import_dialog_load_file (SporImportDialog *self,
                                                GFile            *file);
/* "choose", "working", "preview", "error" or "done" */
const char       *spor_import_dialog_get_page  (SporImportDialog *self);
/* Applies the previewed import, as the Apply button does. */
void              spor_import_dialog_apply     (SporImportDialog *self);

G_END_DECLS
