/* spor-attendance-print.h — attendance sheets on paper or as PDF (A4)
 *
 * One sheet per occurrence, each on a page of its own: the programme and its organisations
 * in the header, the block, its day and times, the location and the staff, then the
 * participants' names with a column to sign in. Nothing sensitive is printed (no CPR,
 * needs or notes): the sheet lies on the table at the block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-blocks-week.h"
#include "spor-store.h"

G_BEGIN_DECLS

/* The sheet of the occurrence of @block_id on @date (the date its rule gives), or, with
 * @block_id 0, the sheets of every occurrence of the week starting @date that takes place,
 * as @filter (may be NULL) shows them. A print operation ready to run; NULL and @error for
 * a cancelled occurrence or a week without blocks. */
GtkPrintOperation *spor_attendance_print_new    (SporStore            *store,
                                                 gint64                block_id,
                                                 const char           *date,
                                                 const SporWeekFilter *filter,
                                                 GError              **error);
/* The same as a PDF without any dialog: mode 0600, whole or not at all; @pdf_path may not
 * be the store's database or one of its files. */
gboolean           spor_attendance_print_export (SporStore            *store,
                                                 gint64                block_id,
                                                 const char           *date,
                                                 const SporWeekFilter *filter,
                                                 const char           *pdf_path,
                                                 GError              **error);

/* From a window: opens the print dialog for the sheets over @widget's window, and shows
 * what went wrong as a toast there. */
void               spor_attendance_print_run    (GtkWidget            *widget,
                                                 SporStore            *store,
                                                 gint64                block_id,
                                                 const char           *date,
                                                 const SporWeekFilter *filter);
/* Asks where to save the PDF, then writes it; a toast says where it went or why not.
 * SPOR_EXPORT_PATH, when set, is the file, without a chooser (for the end-to-end tests). */
void               spor_attendance_print_ask_export (GtkWidget            *widget,
                                                     SporStore            *store,
                                                     gint64                block_id,
                                                     const char           *date,
                                                     const SporWeekFilter *filter);

G_END_DECLS
