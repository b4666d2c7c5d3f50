/* spor-import-conflict-row.h — a record the import would not take: the copy here is newer,
 * or was deleted here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-exchange.h"

G_BEGIN_DECLS

#define SPOR_TYPE_IMPORT_CONFLICT_ROW (spor_import_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (SporImportConflictRow, spor_import_conflict_row, SPOR, IMPORT_CONFLICT_ROW,
                      AdwActionRow)

GtkWidget *spor_import_conflict_row_new (const SporImportConflict *conflict);

G_END_DECLS
