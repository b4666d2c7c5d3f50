/* spor-participant-list-print.c — the participant list as shown, on paper or as PDF (A4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-participant-item.h"
#include "spor-private-file.h"
#include "spor-values.h"

#include "spor-gui.h"
#include "spor-participant-list-print.h"
#include "spor-print-document.h"

/* Status, programme, cohort and start, as parts of the page's width */
static const double columns[] = { 0.32, 0.5, 0.72, 0.87 };

static void
append_cell (GString    *markup,
             const char *text,
             gboolean    last)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append_printf (markup, "%s%s", escaped, last ? "\n" : "\t");
}

static SporPrintDocument *
document_new (SporParticipantList  *list,
              const char           *shown,
              GError              **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (_("Participants"), -1);
  g_autofree char *count = NULL;
  SporPrintDocument *document;

  if (n == 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The list shows no participants: there is nothing to print."));
      return NULL;
    }
  /* Translators: under the title of a printed participant list */
  count = g_strdup_printf (ngettext ("%u participant", "%u participants", n), n);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n", title);
  append_cell (markup, shown != NULL && *shown != '\0' ? shown : count, TRUE);
  if (shown != NULL && *shown != '\0')
    append_cell (markup, count, TRUE);
  g_string_append (markup, "\n<b>");
  append_cell (markup, _("Name"), FALSE);
  append_cell (markup, _("Status"), FALSE);
  append_cell (markup, _("Programme"), FALSE);
  append_cell (markup, _("Cohort"), FALSE);
  g_string_append (markup, "</b>");
  {
    g_autofree char *start = g_markup_escape_text (_("Start"), -1);

    g_string_append_printf (markup, "<b>%s</b>\n", start);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SporParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *start = NULL;

      if (item == NULL)
        continue;
      start = spor_gui_format_date (spor_participant_item_get_start_date (item));
      append_cell (markup, spor_participant_item_get_name (item), FALSE);
      append_cell (markup, spor_value_label (&spor_values_participant_status,
                                             spor_participant_item_get_status (item)), FALSE);
      append_cell (markup, spor_participant_item_get_programme_name (item), FALSE);
      append_cell (markup, spor_participant_item_get_cohort_name (item), FALSE);
      append_cell (markup, start, TRUE);
    }
  document = spor_print_document_new (_("Participants"), markup->str);
  spor_print_document_set_tabs (document, columns, G_N_ELEMENTS (columns));
  return document;
}

GtkPrintOperation *
spor_participant_list_print_new (SporParticipantList  *list,
                                 const char           *shown,
                                 GError              **error)
{
  SporPrintDocument *document = document_new (list, shown, error);

  if (document == NULL)
    return NULL;
  return spor_print_document_operation (document, _("Participants"));
}

gboolean
spor_participant_list_print_export (SporParticipantList  *list,
                                    const char           *shown,
                                    const char           *pdf_path,
                                    GError              **error)
{
  /* Opened first: a target that is the database is refused before any work. */
  g_autoptr(SporPrivateFile) target = spor_private_file_new (
      pdf_path, spor_store_get_path (spor_participant_list_get_store (list)), error);
  g_autoptr(SporPrintDocument) document = NULL;

  if (target == NULL)
    return FALSE;
  document = document_new (list, shown, error);
  return document != NULL && spor_print_document_export (document, target, error);
}
