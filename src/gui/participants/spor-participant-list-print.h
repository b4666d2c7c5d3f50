/* spor-participant-list-print.h — the participant list as shown, on paper or as PDF (A4)
 *
 * What the list shows with its search and filters applied, in its order: name, status,
 * programme, cohort and start date. Nothing sensitive is printed (no CPR, contact data,
 * needs or notes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-participant-list.h"

G_BEGIN_DECLS

/* @shown: what the search and filters are, in words, for the page's heading (may be NULL).
 * NULL and @error for an empty list. */
GtkPrintOperation *spor_participant_list_print_new    (SporParticipantList  *list,
                                                       const char           *shown,
                                                       GError              **error);
/* The same as a PDF: mode 0600, whole or not at all, never the store's database */
gboolean           spor_participant_list_print_export (SporParticipantList  *list,
                                                       const char           *shown,
                                                       const char           *pdf_path,
                                                       GError              **error);

G_END_DECLS
