/* spor-agreement-print.h — a start agreement on paper or as PDF (A4)
 *
 * The header names the programme and its organisation; then the participant, the sections
 * of the agreement and signature lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* A print operation for @agreement_id, ready to run. */
GtkPrintOperation *spor_agreement_print_new    (SporStore   *store,
                                                gint64       agreement_id,
                                                GError     **error);
/* Writes the PDF without any dialog: mode 0600, whole or not at all; @pdf_path may not be
 * the store's database or one of its files. */
gboolean           spor_agreement_print_export (SporStore   *store,
                                                gint64       agreement_id,
                                                const char  *pdf_path,
                                                GError     **error);

G_END_DECLS
