/* spor-agreement-print.c — a start agreement on paper, or as a PDF file of its own
 *
 * Printing goes through GtkPrintOperation; "Export as PDF" draws the same pages with cairo
 * into a private file (spor-private-file.h), so the PDF is 0600 and never half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "spor-private-file.h"

#include "spor-gui.h"
#include "spor-agreement-print.h"
#include "spor-programme-organisations.h"

typedef struct {
  char        *header;   /* programme · organisation */
  char        *markup;   /* the body */
  PangoLayout *layout;
  GArray      *page_starts; /* first line of each page */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->header);
  g_free (data->markup);
  g_clear_object (&data->layout);
  g_clear_pointer (&data->page_starts, g_array_unref);
  g_free (data);
}

/* The name of record @id of @type in @name, NULL for none (@id 0); FALSE and @error when it
 * cannot be read. */
static gboolean
name_of (SporStore  *store,
         GType       type,
         gint64      id,
         char      **name,
         GError    **error)
{
  g_autoptr(SporEntity) e = NULL;

  *name = NULL;
  if (id <= 0)
    return TRUE;
  if ((e = spor_store_get (store, type, id, error)) == NULL)
    return FALSE;
  *name = g_strdup (spor_entity_get_text (e, "name"));
  return TRUE;
}

static void
add_section (GString    *markup,
             const char *heading,
             const char *text)
{
  g_autofree char *h = g_markup_escape_text (heading, -1);
  g_autofree char *t = g_markup_escape_text (text != NULL && *text ? text : "—", -1);

  g_string_append_printf (markup, "\n<b>%s</b>\n%s\n", h, t);
}

static PrintData *
print_data_new (SporStore  *store,
                gint64      agreement_id,
                GError    **error)
{
  g_autoptr(SporAgreement) agreement = spor_store_get (store, SPOR_TYPE_AGREEMENT, agreement_id, error);
  g_autoptr(SporParticipant) participant = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *adviser = NULL;
  g_autofree char *creative = NULL;
  g_autofree char *start = NULL;
  g_autofree char *review = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *partners = NULL;
  SporEntity *a, *p;
  PrintData *data;

  if (agreement == NULL)
    return NULL;
  a = SPOR_ENTITY (agreement);
  participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, spor_entity_get_int (a, "participant_id"), error);
  if (participant == NULL)
    return NULL;
  p = SPOR_ENTITY (participant);
  if (spor_entity_get_int (p, "programme_id") > 0 &&
      (programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_int (p, "programme_id"), error)) == NULL)
    return NULL;
  if (!name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "adviser_id"), &adviser, error) ||
      !name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "creative_id"), &creative, error))
    return NULL;

  /* the programme's partner organisations in their order, else its text of old */
  if (programme != NULL &&
      (partners = spor_programme_organisations_dup_text (store, SPOR_ENTITY (programme), error)) == NULL)
    return NULL;
  if (partners != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (partners, "\n", -1);

      g_free (partners);
      partners = g_strjoinv (", ", lines);
    }
  data = g_new0 (PrintData, 1);
  if (partners != NULL && partners[0] != '\0')
    data->header = g_strdup_printf ("%s · %s", spor_entity_get_text (SPOR_ENTITY (programme), "name"),
                                    partners);
  else if (programme != NULL)
    data->header = g_strdup (spor_entity_get_text (SPOR_ENTITY (programme), "name"));
  else
    data->header = g_strdup (_("Start Agreement"));

  /* Translators: the title of a printed agreement; %s is the participant's name */
  title = g_strdup_printf (_("Start Agreement for %s"), spor_entity_get_text (p, "name"));
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n", escaped);
  {
    /* Translators: a version number */
    g_autofree char *version = g_strdup_printf (_("Version %d"), (int) spor_entity_get_int (a, "version"));
    g_autofree char *v = g_markup_escape_text (version, -1);
    g_string_append_printf (markup, "<span foreground='#555555'>%s</span>\n", v);
  }

  add_section (markup, _("Goals in the participant's own words"), spor_entity_get_text (a, "goals"));
  add_section (markup, _("Needs and accommodations"), spor_entity_get_text (a, "needs"));
  if (spor_entity_is_set (a, "weekly_hours"))
    /* Translators: hours a week */
    hours = g_strdup_printf (_("%g hours a week"), spor_entity_get_real (a, "weekly_hours"));
  schedule = g_strjoin (hours && spor_entity_get_text (a, "schedule") ? ", " : "",
                        spor_entity_get_text (a, "schedule") ?: "", hours ?: "", NULL);
  add_section (markup, _("Weekly schedule"), schedule);
  add_section (markup, _("What the programme provides"), spor_entity_get_text (a, "programme_provides"));
  add_section (markup, _("What the participant commits to"), spor_entity_get_text (a, "participant_commits"));
  /* Translators: the names of staff */
  contacts = g_strdup_printf (_("Adviser: %s\nCreative professional: %s"), adviser ?: "—", creative ?: "—");
  add_section (markup, _("Contact persons"), contacts);
  start = spor_gui_format_date (spor_entity_get_text (a, "start_date"));
  review = spor_gui_format_date (spor_entity_get_text (a, "review_date"));
  /* Translators: two dates */
  dates = g_strdup_printf (_("Start: %s\nReview: %s"), start, review);
  add_section (markup, _("Dates"), dates);

  {
    g_autofree char *heading = g_markup_escape_text (_("Signatures"), -1);
    g_autofree char *date_label = g_markup_escape_text (_("Date"), -1);
    g_autofree char *participant_label = g_markup_escape_text (_("Participant"), -1);
    g_autofree char *adviser_label = g_markup_escape_text (_("Adviser"), -1);
    g_autofree char *signed_date = spor_gui_format_date (spor_entity_get_text (a, "signed_date"));
    g_autofree char *by_p = g_markup_escape_text (spor_entity_get_text (a, "signed_by_participant") ?: "", -1);
    g_autofree char *by_a = g_markup_escape_text (spor_entity_get_text (a, "signed_by_adviser") ?: "", -1);

    g_string_append_printf (markup, "\n<b>%s</b>\n\n", heading);
    g_string_append_printf (markup, "%s: %s\n\n\n", date_label, signed_date);
    g_string_append_printf (markup, "____________________________________\n%s: %s\n\n\n",
                            participant_label, by_p);
    g_string_append_printf (markup, "____________________________________\n%s: %s\n",
                            adviser_label, by_a);
  }
  data->markup = g_string_free (g_steal_pointer (&markup), FALSE);
  return data;
}

#define HEADER_HEIGHT 36.0

/* Lays the body out in @layout, @width wide, and finds the first line of every page that
 * leaves @height below the header. */
static void
layout_pages (PrintData   *data,
              PangoLayout *layout,
              double       width,
              double       height)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  g_clear_object (&data->layout);
  data->layout = layout;
  pango_layout_set_font_description (data->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (data->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (data->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (data->layout, data->markup, -1);

  g_clear_pointer (&data->page_starts, g_array_unref);
  data->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (data->page_starts, line);
  iter = pango_layout_get_iter (data->layout);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom - page_top > height - HEADER_HEIGHT)
        {
          g_array_append_val (data->page_starts, line);
          page_top = (double) logical.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws page @page_nr at the origin of @cr; @header is a fresh layout for the header. */
static void
draw_page (PrintData   *data,
           cairo_t     *cr,
           PangoLayout *header,
           double       width,
           int          page_nr)
{
  int first = g_array_index (data->page_starts, int, page_nr);
  int last = (guint) page_nr + 1 < data->page_starts->len
             ? g_array_index (data->page_starts, int, page_nr + 1) : G_MAXINT;
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  PangoLayoutIter *iter;
  double offset = -1;
  int line = 0;

  /* The header: programme and organisation, and the page number. */
  pango_layout_set_font_description (header, font);
  pango_font_description_free (font);
  pango_layout_set_width (header, (int) (width * PANGO_SCALE));
  pango_layout_set_text (header, data->header, -1);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, header);
  {
    /* Translators: page numbers */
    g_autofree char *pages = g_strdup_printf (_("Page %d of %d"), page_nr + 1, data->page_starts->len);
    pango_layout_set_alignment (header, PANGO_ALIGN_RIGHT);
    pango_layout_set_text (header, pages, -1);
    cairo_move_to (cr, 0, 0);
    pango_cairo_show_layout (cr, header);
  }
  cairo_rectangle (cr, 0, HEADER_HEIGHT - 12, width, 0.5);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  iter = pango_layout_get_iter (data->layout);
  do
    {
      if (line >= first && line < last)
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
  while (line < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  layout_pages (data, gtk_print_context_create_pango_layout (context),
                gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) data->page_starts->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
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
spor_agreement_print_new (SporStore  *store,
                          gint64      agreement_id,
                          GError    **error)
{
  PrintData *data = print_data_new (store, agreement_id, error);
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperation *operation;

  if (data == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  setup = a4_setup ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Start Agreement"));
  g_object_set_data_full (G_OBJECT (operation), "spor-print-data", data, (GDestroyNotify) print_data_free);
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
render_pdf (PrintData  *data,
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

  layout_pages (data, pango_layout_new (context), width, height);
  for (guint page = 0; page < data->page_starts->len; page++)
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
spor_agreement_print_export (SporStore   *store,
                             gint64       agreement_id,
                             const char  *pdf_path,
                             GError     **error)
{
  /* Opened first: a target that is the database is refused before any work. */
  g_autoptr(SporPrivateFile) target = spor_private_file_new (pdf_path, spor_store_get_path (store),
                                                             error);
  PdfSink sink = { NULL, NULL };
  PrintData *data;
  gboolean ok;

  if (target == NULL)
    return FALSE;
  data = print_data_new (store, agreement_id, error);
  if (data == NULL)
    return FALSE;
  sink.file = target;
  ok = render_pdf (data, &sink, error);
  print_data_free (data);
  return ok && spor_private_file_commit (target, error);
}
