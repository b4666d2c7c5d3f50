/* spor-agreement-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "spor-agreement-print.h"

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

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  return dt ? g_date_time_format (dt, "%x") : g_strdup (iso);
}

static char *
name_of (SporStore *store,
         GType      type,
         gint64     id)
{
  g_autoptr(SporEntity) e = id > 0 ? spor_store_get (store, type, id, NULL) : NULL;
  return e ? g_strdup (spor_entity_get_text (e, "name")) : NULL;
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
  SporEntity *a, *p;
  PrintData *data;

  if (agreement == NULL)
    return NULL;
  a = SPOR_ENTITY (agreement);
  participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, spor_entity_get_int (a, "participant_id"), error);
  if (participant == NULL)
    return NULL;
  p = SPOR_ENTITY (participant);
  if (spor_entity_get_int (p, "programme_id") > 0)
    programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, spor_entity_get_int (p, "programme_id"), NULL);

  data = g_new0 (PrintData, 1);
  if (programme != NULL && spor_entity_get_text (SPOR_ENTITY (programme), "organisations") != NULL)
    data->header = g_strdup_printf ("%s · %s", spor_entity_get_text (SPOR_ENTITY (programme), "name"),
                                    spor_entity_get_text (SPOR_ENTITY (programme), "organisations"));
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
  adviser = name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "adviser_id"));
  creative = name_of (store, SPOR_TYPE_STAFF, spor_entity_get_int (a, "creative_id"));
  /* Translators: the names of staff */
  contacts = g_strdup_printf (_("Adviser: %s\nCreative professional: %s"), adviser ?: "—", creative ?: "—");
  add_section (markup, _("Contact persons"), contacts);
  start = format_date (spor_entity_get_text (a, "start_date"));
  review = format_date (spor_entity_get_text (a, "review_date"));
  /* Translators: two dates */
  dates = g_strdup_printf (_("Start: %s\nReview: %s"), start, review);
  add_section (markup, _("Dates"), dates);

  {
    g_autofree char *heading = g_markup_escape_text (_("Signatures"), -1);
    g_autofree char *date_label = g_markup_escape_text (_("Date"), -1);
    g_autofree char *participant_label = g_markup_escape_text (_("Participant"), -1);
    g_autofree char *adviser_label = g_markup_escape_text (_("Adviser"), -1);
    g_autofree char *signed_date = format_date (spor_entity_get_text (a, "signed_date"));
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

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - HEADER_HEIGHT;
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  data->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (data->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (data->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (data->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (data->layout, data->markup, -1);

  data->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (data->page_starts, line);
  iter = pango_layout_get_iter (data->layout);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom - page_top > height)
        {
          g_array_append_val (data->page_starts, line);
          page_top = (double) logical.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  gtk_print_operation_set_n_pages (operation, (int) data->page_starts->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  int first = g_array_index (data->page_starts, int, page_nr);
  int last = (guint) page_nr + 1 < data->page_starts->len
             ? g_array_index (data->page_starts, int, page_nr + 1) : G_MAXINT;
  PangoLayout *header = gtk_print_context_create_pango_layout (context);
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
  g_object_unref (header);
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

GtkPrintOperation *
spor_agreement_print_new (SporStore  *store,
                          gint64      agreement_id,
                          GError    **error)
{
  PrintData *data = print_data_new (store, agreement_id, error);
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GtkPrintOperation *operation;

  if (data == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Start Agreement"));
  g_object_set_data_full (G_OBJECT (operation), "spor-print-data", data, (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  return operation;
}

gboolean
spor_agreement_print_export (SporStore   *store,
                             gint64       agreement_id,
                             const char  *pdf_path,
                             GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = spor_agreement_print_new (store, agreement_id, error);

  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
