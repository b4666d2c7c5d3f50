/* spor-attendance-print.c — attendance sheets on paper or as PDF (A4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "spor-attendance-sheet.h"
#include "spor-private-file.h"

#include "spor-attendance-print.h"
#include "spor-gui.h"
#include "spor-print-document.h"

/* Where the signature column begins, as a part of the page's width */
static const double signature_tab[] = { 0.5 };

static void
add_line (GString    *markup,
          const char *label,
          const char *value)
{
  g_autofree char *l = g_markup_escape_text (label, -1);
  g_autofree char *v = g_markup_escape_text (value, -1);

  g_string_append_printf (markup, "<b>%s</b> %s\n", l, v);
}

static char *
sheet_markup (const SporAttendanceSheet *sheet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *date = spor_gui_format_date (sheet->date);
  g_autofree char *weekday = NULL;
  g_autofree char *when = NULL;
  g_autofree char *participant = g_markup_escape_text (_("Participant"), -1);
  g_autofree char *signature = g_markup_escape_text (_("Signature"), -1);

  /* Translators: the title of a printed attendance sheet; %s is the block's title */
  title = g_strdup_printf (_("Attendance Sheet: %s"), sheet->title);
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n\n", escaped);
  if ((day = spor_date_to_noon (sheet->date)) != NULL)
    weekday = g_date_time_format (day, "%A");
  /* Translators: weekday, date, start and end time: "Tuesday 01.12.2026, 09:00–12:00" */
  when = g_strdup_printf (_("%s %s, %s–%s"), weekday ?: "", date, sheet->start_time, sheet->end_time);
  add_line (markup, _("When:"), when);
  add_line (markup, _("Where:"), sheet->location ?: _("No location"));
  add_line (markup, _("Staff:"), sheet->staff ?: _("No staff assigned"));
  g_string_append_printf (markup, "\n<b>%s\t%s</b>\n", participant, signature);
  for (guint i = 0; i < sheet->names->len; i++)
    {
      g_autofree char *name = g_markup_escape_text (g_ptr_array_index (sheet->names, i), -1);

      g_string_append_printf (markup, "\n%s\t______________________________\n", name);
    }
  if (sheet->names->len == 0)
    {
      g_autofree char *none = g_markup_escape_text (_("No participants in this block"), -1);

      g_string_append_printf (markup, "\n%s\n", none);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static SporPrintDocument *
document_new (SporStore            *store,
              gint64                block_id,
              const char           *date,
              const SporWeekFilter *filter,
              GError              **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  SporPrintDocument *document = NULL;

  if (block_id > 0)
    {
      SporAttendanceSheet *sheet = spor_attendance_sheet_occurrence (store, block_id, date, error);

      if (sheet == NULL)
        return NULL;
      sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_attendance_sheet_free);
      g_ptr_array_add (sheets, sheet);
    }
  else if ((sheets = spor_attendance_sheets_week (store, date, filter, error)) == NULL)
    return NULL;
  if (sheets->len == 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("No block takes place this week: there is no attendance sheet to print."));
      return NULL;
    }
  for (guint i = 0; i < sheets->len; i++)
    {
      SporAttendanceSheet *sheet = g_ptr_array_index (sheets, i);
      g_autofree char *markup = sheet_markup (sheet);
      const char *header = sheet->programme ?: _("Attendance Sheet");

      if (document == NULL)
        document = spor_print_document_new (header, markup);
      else
        spor_print_document_add_section (document, header, markup);
    }
  spor_print_document_set_tabs (document, signature_tab, G_N_ELEMENTS (signature_tab));
  return document;
}

GtkPrintOperation *
spor_attendance_print_new (SporStore            *store,
                           gint64                block_id,
                           const char           *date,
                           const SporWeekFilter *filter,
                           GError              **error)
{
  SporPrintDocument *document;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  if ((document = document_new (store, block_id, date, filter, error)) == NULL)
    return NULL;
  return spor_print_document_operation (document, _("Attendance Sheet"));
}

gboolean
spor_attendance_print_export (SporStore            *store,
                              gint64                block_id,
                              const char           *date,
                              const SporWeekFilter *filter,
                              const char           *pdf_path,
                              GError              **error)
{
  /* Opened first: a target that is the database is refused before any work. */
  g_autoptr(SporPrivateFile) target = NULL;
  g_autoptr(SporPrintDocument) document = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);

  target = spor_private_file_new (pdf_path, spor_store_get_path (store), error);
  if (target == NULL)
    return FALSE;
  document = document_new (store, block_id, date, filter, error);
  return document != NULL && spor_print_document_export (document, target, error);
}

void
spor_attendance_print_run (GtkWidget            *widget,
                           SporStore            *store,
                           gint64                block_id,
                           const char           *date,
                           const SporWeekFilter *filter)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  operation = spor_attendance_print_new (store, block_id, date, filter, &error);
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    spor_gui_show_toast (widget, error->message);
}

/* What the export writes from, once the file is chosen */
typedef struct {
  SporStore      *store;
  gint64          block_id;
  char           *date;
  SporWeekFilter  filter;
  gboolean        has_filter;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->store);
  g_free (request->date);
  g_free (request);
}

static gboolean
export_to (const char     *path,
           gpointer        data,
           GError        **error)
{
  ExportRequest *request = data;

  return spor_attendance_print_export (request->store, request->block_id, request->date,
                                       request->has_filter ? &request->filter : NULL, path, error);
}

void
spor_attendance_print_ask_export (GtkWidget            *widget,
                                  SporStore            *store,
                                  gint64                block_id,
                                  const char           *date,
                                  const SporWeekFilter *filter)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  /* Translators: a file name; %s is a date */
  g_autofree char *name = g_strdup_printf (_("Attendance %s.pdf"), date);

  request->store = g_object_ref (store);
  request->block_id = block_id;
  request->date = g_strdup (date);
  if (filter != NULL)
    request->filter = *filter;
  request->has_filter = filter != NULL;
  spor_print_document_ask_export (widget, name, export_to, request, (GDestroyNotify) export_request_free);
}
