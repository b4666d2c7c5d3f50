/* spor-print-document.h — pages of Pango markup on A4: printed, or exported as a PDF
 *
 * A document is one or more sections, each beginning on a new page: a header line (the programme and its organisations), repeated on each of
 * its pages with the page number, and a body of Pango markup that flows over as many pages as
 * it needs. Printing goes through GtkPrintOperation; the export draws the same pages with
 * cairo into a private file (spor-private-file.h), so the PDF is 0600 and never half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-private-file.h"

G_BEGIN_DECLS

typedef struct _SporPrintDocument SporPrintDocument;

SporPrintDocument *spor_print_document_new       (const char         *header,
                                                  const char         *markup);
/* Another part that begins on a new page, with a header of its own */
void               spor_print_document_add_section (SporPrintDocument *document,
                                                    const char        *header,
                                                    const char        *markup);
void               spor_print_document_free      (SporPrintDocument  *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporPrintDocument, spor_print_document_free)
/* Tab stops at these fractions of the page's width (0 < f < 1), left to right, for a body
 * that sets columns with "\t"; @n at most 8. */
void               spor_print_document_set_tabs  (SporPrintDocument  *document,
                                                  const double       *fractions,
                                                  guint               n);
/* A print operation on A4 named @job_name, ready to run; it takes @document. */
GtkPrintOperation *spor_print_document_operation (SporPrintDocument  *document,
                                                  const char         *job_name);
/* Draws the pages into @target and puts it in place (spor_private_file_commit()). */
gboolean           spor_print_document_export    (SporPrintDocument  *document,
                                                  SporPrivateFile    *target,
                                                  GError            **error);

/* Writes the PDF to @path; FALSE and @error with the message to show when it cannot */
typedef gboolean (*SporPrintExportFunc) (const char  *path,
                                         gpointer     data,
                                         GError     **error);

/* Asks where to save a PDF (a file chooser over @widget's window, @suggested_name first),
 * then calls @func; a toast on @widget's window says where it went or why not. With
 * SPOR_EXPORT_PATH set, that is the file, without a chooser (for the end-to-end tests).
 * @destroy frees @data when it is done. */
void               spor_print_document_ask_export (GtkWidget           *widget,
                                                   const char          *suggested_name,
                                                   SporPrintExportFunc  func,
                                                   gpointer             data,
                                                   GDestroyNotify       destroy);

G_END_DECLS
