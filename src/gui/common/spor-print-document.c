/* spor-print-document.c — pages of Pango markup on A4: printed, or exported as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-print-document.h"

typedef struct {
  char        *header;      /* programme · organisation */
  char        *markup;      /* the body */
  PangoLayout *layout;
} Section;

typedef struct {
  guint section;
  int   first;              /* its lines in the section's layout: first … last − 1 */
  int   last;
} Page;

struct _SporPrintDocument {
  GArray      *sections;    /* Section; each begins on a page of its own */
  double       tabs[8];     /* tab stops, as fractions of the width */
  guint        n_tabs;
  GArray      *pages;       /* Page */
};

static void
section_clear (Section *section)
{
  g_free (section->header);
  g_free (section->markup);
  g_clear_object (&section->layout);
}

SporPrintDocument *
spor_print_document_new (const char *header,
                         const char *markup)
{
  SporPrintDocument *data = g_new0 (SporPrintDocument, 1);

  data->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (data->sections, (GDestroyNotify) section_clear);
  data->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  spor_print_document_add_section (data, header, markup);
  return data;
}

void
spor_print_document_add_section (SporPrintDocument *data,
                                 const char        *header,
                                 const char        *markup)
{
  Section section = { g_strdup (header), g_strdup (markup), NULL };

  g_array_append_val (data->sections, section);
}

void
spor_print_document_free (SporPrintDocument *data)
{
  if (data == NULL)
    return;
  g_array_unref (data->sections);
  g_array_unref (data->pages);
  g_free (data);
}

void
spor_print_document_set_tabs (SporPrintDocument *data,
                              const double      *fractions,
                              guint              n)
{
  g_return_if_fail (n <= G_N_ELEMENTS (data->tabs));
  for (guint t = 0; t < n; t++)
    data->tabs[t] = fractions[t];
  data->n_tabs = n;
}

#define HEADER_HEIGHT 36.0

static void
layout_section (SporPrintDocument *data,
                Section           *section,
                PangoContext      *context,
                double             width)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");

  g_clear_object (&section->layout);
  section->layout = pango_layout_new (context);
  pango_layout_set_font_description (section->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (section->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (section->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (section->layout, section->markup, -1);
  if (data->n_tabs > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new (data->n_tabs, FALSE);

      for (guint t = 0; t < data->n_tabs; t++)
        pango_tab_array_set_tab (tabs, t, PANGO_TAB_LEFT, (int) (data->tabs[t] * width * PANGO_SCALE));
      pango_layout_set_tabs (section->layout, tabs);
      pango_tab_array_free (tabs);
    }
}

/* Lays every section out, @width wide, and finds the lines of every page that leaves
 * @height below the header. */
static void
layout_pages (SporPrintDocument *data,
              PangoContext      *context,
              double             width,
              double             height)
{
  g_array_set_size (data->pages, 0);
  for (guint s = 0; s < data->sections->len; s++)
    {
      Section *section = &g_array_index (data->sections, Section, s);
      Page page = { s, 0, G_MAXINT };
      PangoLayoutIter *iter;
      double page_top = 0;
      int line = 0;

      layout_section (data, section, context, width);
      iter = pango_layout_get_iter (section->layout);
      do
        {
          PangoRectangle logical;
          double bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
          if (bottom - page_top > height - HEADER_HEIGHT && line > page.first)
            {
              page.last = line;
              g_array_append_val (data->pages, page);
              page.first = line;
              page.last = G_MAXINT;
              page_top = (double) logical.y / PANGO_SCALE;
            }
          line++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      g_array_append_val (data->pages, page);
    }
}

/* Draws page @page_nr at the origin of @cr; @header is a fresh layout for the header. */
static void
draw_page (SporPrintDocument *data,
           cairo_t           *cr,
           PangoLayout       *header,
           double             width,
           int                page_nr)
{
  Page *page = &g_array_index (data->pages, Page, page_nr);
  Section *section = &g_array_index (data->sections, Section, page->section);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  PangoLayoutIter *iter;
  double offset = -1;
  int line = 0;

  /* The header: programme and organisation, and the page number. */
  pango_layout_set_font_description (header, font);
  pango_font_description_free (font);
  pango_layout_set_width (header, (int) (width * PANGO_SCALE));
  pango_layout_set_text (header, section->header, -1);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, header);
  {
    /* Translators: page numbers */
    g_autofree char *pages = g_strdup_printf (_("Page %d of %d"), page_nr + 1, data->pages->len);
    pango_layout_set_alignment (header, PANGO_ALIGN_RIGHT);
    pango_layout_set_text (header, pages, -1);
    cairo_move_to (cr, 0, 0);
    pango_cairo_show_layout (cr, header);
  }
  cairo_rectangle (cr, 0, HEADER_HEIGHT - 12, width, 0.5);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  iter = pango_layout_get_iter (section->layout);
  do
    {
      if (line >= page->first && line < page->last)
        {
          PangoRectangle logical;
          int baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter);
          if (offset < 0)
            offset = (double) logical.y / PANGO_SCALE;
          cairo_move_to (cr, (double) logical.x / PANGO_SCALE,
                         (double) baseline / PANGO_SCALE - offset + HEADER_HEIGHT);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < page->last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SporPrintDocument *data)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  layout_pages (data, pango, gtk_print_context_get_width (context),
                gtk_print_context_get_height (context));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, (int) data->pages->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SporPrintDocument *data)
{
  PangoLayout *header = gtk_print_context_create_pango_layout (context);

  draw_page (data, gtk_print_context_get_cairo_context (context), header,
             gtk_print_context_get_width (context), page_nr);
  g_object_unref (header);
}

static GtkPageSetup *
a4_setup (void)
{
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  return setup;
}

GtkPrintOperation *
spor_print_document_operation (SporPrintDocument *data,
                               const char        *job_name)
{
  g_autoptr(GtkPageSetup) setup = a4_setup ();
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  g_object_set_data_full (G_OBJECT (operation), "spor-print-data", data,
                          (GDestroyNotify) spor_print_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  return operation;
}

/* The PDF goes to a private file through cairo's stream: mode 0600, whole or not at all. */
typedef struct {
  SporPrivateFile *file;
  GError          *error;
} PdfSink;

static cairo_status_t
write_pdf (void                *closure,
           const unsigned char *bytes,
           unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL || !spor_private_file_write (sink->file, bytes, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The pages as the print dialog would lay them out on A4 with its default margins, in
 * points (72 per inch, as the PDF's own unit). */
static gboolean
render_pdf (SporPrintDocument  *data,
            PdfSink    *sink,
            GError    **error)
{
  g_autoptr(GtkPageSetup) setup = a4_setup ();
  double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  double width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
      write_pdf, sink, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
      gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_status_t status;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);

  layout_pages (data, context, width, height);
  for (guint page = 0; page < data->pages->len; page++)
    {
      PangoLayout *header = pango_layout_new (context);

      cairo_save (cr);
      cairo_translate (cr, left, top);
      draw_page (data, cr, header, width, (int) page);
      cairo_restore (cr);
      cairo_show_page (cr);
      g_object_unref (header);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is the reason, from the drawing library */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_print_document_export (SporPrintDocument  *data,
                            SporPrivateFile    *target,
                            GError            **error)
{
  PdfSink sink = { target, NULL };

  return render_pdf (data, &sink, error) && spor_private_file_commit (target, error);
}

typedef struct {
  GtkWidget           *widget;
  SporPrintExportFunc  func;
  gpointer             data;
  GDestroyNotify       destroy;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->widget);
  g_free (request);
}

static void
export_to (ExportRequest *request,
           const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (!request->func (path, request->data, &error))
    spor_gui_show_toast (request->widget, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved as %s"), base);

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
spor_print_document_ask_export (GtkWidget           *widget,
                                const char          *suggested_name,
                                SporPrintExportFunc  func,
                                gpointer             data,
                                GDestroyNotify       destroy)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  const char *override = g_getenv ("SPOR_EXPORT_PATH");
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  *request = (ExportRequest) { g_object_ref (widget), func, data, destroy };
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
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
