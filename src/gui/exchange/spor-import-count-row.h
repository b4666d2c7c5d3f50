/* spor-import-count-row.h — what an import changes of one kind of record: "3 new · 2
 * updated · 40 unchanged"
 *
 * The row's widget name is the table's, so that it can be found by it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-exchange.h"

G_BEGIN_DECLS

#define SPOR_TYPE_IMPORT_COUNT_ROW (spor_import_count_row_get_type ())
G_DECLARE_FINAL_TYPE (SporImportCountRow, spor_import_count_row, SPOR, IMPORT_COUNT_ROW, AdwActionRow)

GtkWidget *spor_import_count_row_new    (const SporImportCount *count);
/* The translated plural name of the records of an exchange file's array, e.g.
 * "Participants"; an array this list does not know by its own name. */
const char *spor_import_count_row_table_label (const char *table);
/* "3 new · 2 updated · 40 unchanged · 1 conflict · 1 deleted", leaving out what is 0 */
char      *spor_import_count_row_format (const SporImportCount *count);

G_END_DECLS
