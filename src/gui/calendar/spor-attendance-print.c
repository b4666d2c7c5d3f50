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
  int y, m, d;

  /* Translators: the title of a printed attendance sheet; %s is the block's title */
  title = g_strdup_printf (_("Attendance Sheet: %s"), sheet->title);
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n\n", escaped);
  if (sscanf (sheet->date, "%d-%d-%d", &y, &m, &d) == 3 &&
      (day = g_date_time_new_local (y, m, d, 12, 0, 0)) != NULL)
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

/* What the chooser's answer is written from */
typedef struct {
  GtkWidget      *widget;
  SporStore      *store;
  gint64          block_id;
  char           *date;
  SporWeekFilter  filter;
  gboolean        has_filter;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->widget);
  g_object_unref (request->store);
  g_free (request->date);
  g_free (request);
}

static void
export_to (ExportRequest *request,
           const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (!spor_attendance_print_export (request->store, request->block_id, request->date,
                                     request->has_filter ? &request->filter : NULL, path, &error))
    spor_gui_show_toast (request->widget, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Attendance sheet saved as %s"), base);

      spor_gui_show_toast (request->widget, text);
    }
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        export_to (request, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_request_free (request);
}

void
spor_attendance_print_ask_export (GtkWidget            *widget,
                                  SporStore            *store,
                                  gint64                block_id,
                                  const char           *date,
                                  const SporWeekFilter *filter)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  const char *override = g_getenv ("SPOR_EXPORT_PATH");
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  request->widget = g_object_ref (widget);
  request->store = g_object_ref (store);
  request->block_id = block_id;
  request->date = g_strdup (date);
  if (filter != NULL)
    request->filter = *filter;
  request->has_filter = filter != NULL;
  /* For the end-to-end test: no file chooser, which AT-SPI cannot drive in a sandbox. */
  if (override != NULL && *override != '\0')
    {
      export_to (request, override);
      export_request_free (request);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF Files"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  /* Translators: a file name; %s is a date */
  name = g_strdup_printf (_("Attendance %s.pdf"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
