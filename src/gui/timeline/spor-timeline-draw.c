/* spor-timeline-draw.c — how the timeline draws: the axis, the rows' bars and milestones,
 * today's line and the names column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-programmes.h"
#include "spor-timeline-private.h"
#include "spor-util.h"

/* ---- drawing ------------------------------------------------------------------------- */

static PangoLayout *
make_layout (SporTimeline *self,
             const char   *text,
             int           width,
             gboolean      small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
fill (GtkSnapshot   *snapshot,
      double         x,
      double         y,
      double         w,
      double         h,
      const GdkRGBA *colour)
{
  gtk_snapshot_append_color (snapshot, colour,
                             &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) w, (float) h));
}

static void
outline (GtkSnapshot           *snapshot,
         const graphene_rect_t *rect,
         float                  width,
         const GdkRGBA         *colour)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  gsk_rounded_rect_init_from_rect (&rounded, rect, 3);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
}

static void
diamond (GtkSnapshot   *snapshot,
         double         x,
         double         y,
         const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (-4, -4, 8, 8));
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (SporTimeline *self,
           GtkSnapshot  *snapshot,
           guint32       from,
           guint32       to,
           const GdkRGBA *fg,
           const GdkRGBA *line,
           int           height)
{
  double ppd = spor_timeline_px_per_day (self);
  GDate date;
  GdkRGBA dim = *fg;

  dim.alpha = 0.6;
  g_date_clear (&date, 1);

  /* months: a line at each first day, the name in the upper half */
  g_date_set_julian (&date, from);
  g_date_set_day (&date, 1);
  while (g_date_get_julian (&date) <= to)
    {
      double x = spor_timeline_day_x (self, g_date_get_julian (&date));
      char buffer[64];
      GDate next = date;
      double w;

      g_date_add_months (&next, 1);
      w = spor_timeline_day_x (self, g_date_get_julian (&next)) - MAX (x, spor_timeline_name_width (self));
      fill (snapshot, x, 0, 1, height, line);
      if (w > 30 && g_date_strftime (buffer, sizeof buffer, w > 110 ? "%B %Y" : "%b", &date) > 0)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, buffer, (int) w - 8, FALSE);
          draw_text (snapshot, layout, MAX (x, spor_timeline_name_width (self)) + 4, 3, fg);
        }
      date = next;
    }

  /* ISO weeks: a tick at each Monday, the number when there is room */
  g_date_set_julian (&date, from);
  while (g_date_get_weekday (&date) != G_DATE_MONDAY)
    g_date_subtract_days (&date, 1);
  if (ppd * 7 >= 14)
    while (g_date_get_julian (&date) <= to)
      {
        double x = spor_timeline_day_x (self, g_date_get_julian (&date));
        g_autofree char *label = ppd * 7 >= 70
          /* Translators: an ISO week number on the time axis */
          ? g_strdup_printf (_("Week %u"), g_date_get_iso8601_week_of_year (&date))
          : g_strdup_printf ("%u", g_date_get_iso8601_week_of_year (&date));
        g_autoptr(PangoLayout) layout = make_layout (self, label, (int) (ppd * 7) - 2, TRUE);

        fill (snapshot, x, HEADER_HEIGHT - 16, 1, 16, line);
        draw_text (snapshot, layout, x + 3, HEADER_HEIGHT - 18, &dim);
        g_date_add_days (&date, 7);
      }
}

static void
draw_row (SporTimeline    *self,
          GtkSnapshot     *snapshot,
          guint            row,
          const GdkRGBA   *fg,
          guint32          today)
{
  SporProgressRow *data = spor_timeline_get_row (self, row);
  GdkRGBA milestone = { 0.1, 0.1, 0.1, 1 }, red, green, blue;
  double y = spor_timeline_row_y (self, row);

  if (data == NULL)
    return;
  gdk_rgba_parse (&red, "#e01b24");
  gdk_rgba_parse (&green, "#26a269");
  gdk_rgba_parse (&blue, "#1c71d8");
  milestone = *fg;

  for (guint i = 0; i < data->bars->len; i++)
    {
      SporProgressBar *bar = g_ptr_array_index (data->bars, i);
      graphene_rect_t area;
      GdkRGBA colour;
      guint32 planned_start = spor_timeline_julian_of (bar->planned_start), planned_end = spor_timeline_julian_of (bar->planned_end);
      gboolean skipped = g_strcmp0 (bar->state, "skipped") == 0;

      if (!spor_timeline_bar_area (self, data, row, i, &area))
        continue;
      spor_timeline_phase_colour ((guint) bar->position, &colour);

      /* planned: an outline over the planned days */
      if (planned_start > 0 && planned_end > 0)
        {
          graphene_rect_t planned = area;
          double x0 = spor_timeline_day_x (self, planned_start), x1 = spor_timeline_day_x (self, planned_end + 1);

          planned.origin.x = (float) x0;
          planned.size.width = (float) MAX (x1 - x0, 2);
          if (skipped)
            colour.alpha = 0.35;
          outline (snapshot, &planned, 1.5f, &colour);
          colour.alpha = 1;
        }

      /* actual: filled from the actual start to the actual end, or to today while open */
      if (bar->actual_start != NULL)
        {
          guint32 a0 = spor_timeline_julian_of (bar->actual_start);
          guint32 a1 = bar->actual_end != NULL ? spor_timeline_julian_of (bar->actual_end) : MAX (today, a0);
          double x0 = spor_timeline_day_x (self, a0), x1 = spor_timeline_day_x (self, a1 + 1);

          colour.alpha = g_strcmp0 (bar->state, "on_hold") == 0 ? 0.4 : skipped ? 0.3 : 0.85;
          fill (snapshot, x0, area.origin.y + 2, MAX (x1 - x0, 2), area.size.height - 4, &colour);
          colour.alpha = 1;
        }

      /* overdue: a red edge at the planned end and a red outline */
      if (bar->overdue)
        {
          double xe = spor_timeline_day_x (self, planned_end + 1);

          outline (snapshot, &area, 2, &red);
          fill (snapshot, xe - 3, area.origin.y - 2, 3, area.size.height + 4, &red);
        }

      if ((int) row == self->selected && (int) i == self->focus_bar &&
          gtk_widget_has_focus (GTK_WIDGET (self)))
        {
          graphene_rect_t focus = area;
          GdkRGBA accent;

          gdk_rgba_parse (&accent, "#1c71d8");
          graphene_rect_inset (&focus, -3, -3);
          outline (snapshot, &focus, 2, &accent);
        }
    }

  /* milestones on the lower edge of the row */
  if (data->agreement_signed != NULL)
    diamond (snapshot, spor_timeline_day_x (self, spor_timeline_julian_of (data->agreement_signed)) + 0.5 * spor_timeline_px_per_day (self),
             y + ROW_HEIGHT - 5, &blue);
  if (data->internship_start != NULL)
    diamond (snapshot, spor_timeline_day_x (self, spor_timeline_julian_of (data->internship_start)) + 0.5 * spor_timeline_px_per_day (self),
             y + ROW_HEIGHT - 5, &green);
  if (data->exit_date != NULL)
    diamond (snapshot, spor_timeline_day_x (self, spor_timeline_julian_of (data->exit_date)) + 0.5 * spor_timeline_px_per_day (self),
             y + ROW_HEIGHT - 5, &milestone);
}

static void
draw_name (SporTimeline  *self,
           GtkSnapshot   *snapshot,
           guint          row,
           const GdkRGBA *fg)
{
  SporProgressRow *data = spor_timeline_get_row (self, row);
  double y = spor_timeline_row_y (self, row);
  GdkRGBA dim = *fg;

  if (data == NULL)
    return;
  dim.alpha = 0.65;
  {
    g_autoptr(PangoLayout) name = make_layout (self, data->name, spor_timeline_name_width (self) - 20, FALSE);
    g_autoptr(PangoLayout) status = make_layout (self, spor_value_label (&spor_values_participant_status, data->status), spor_timeline_name_width (self) - 20, TRUE);

    draw_text (snapshot, name, 12, y + 2, fg);
    draw_text (snapshot, status, 12, y + 20, &dim);
  }
}

void
spor_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SporTimeline *self = SPOR_TIMELINE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint n = spor_timeline_get_n_rows (self);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  guint first = (guint) (vvalue / ROW_HEIGHT);
  guint last = MIN (n, (guint) ((vvalue + MAX (height - HEADER_HEIGHT, 0)) / ROW_HEIGHT) + 1);
  double ppd = spor_timeline_px_per_day (self);
  guint32 from = self->first_day + (guint32) (gtk_adjustment_get_value (self->hadjustment) / ppd);
  guint32 to = from + (guint32) (spor_timeline_chart_width (self) / ppd) + 1;
  guint32 today = spor_timeline_today_julian (self);
  GdkRGBA fg, line, stripe, selected, red, bg;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  line = fg;
  line.alpha = 0.15;
  stripe = fg;
  stripe.alpha = 0.035;
  gdk_rgba_parse (&selected, "#3584e4");
  selected.alpha = 0.18;
  gdk_rgba_parse (&red, "#e01b24");
  gdk_rgba_parse (&bg, "#ffffff");
  bg.alpha = 0;

  if (n == 0)
    return;

  /* the chart, clipped right of the names and below the axis */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (spor_timeline_name_width (self), HEADER_HEIGHT,
                                                         (float) MAX (width - spor_timeline_name_width (self), 0),
                                                         (float) MAX (height - HEADER_HEIGHT, 0)));
  for (guint r = first; r < last; r++)
    {
      double y = spor_timeline_row_y (self, r);

      if ((int) r == self->selected)
        fill (snapshot, spor_timeline_name_width (self), y, width - spor_timeline_name_width (self), ROW_HEIGHT, &selected);
      else if (r % 2 == 1)
        fill (snapshot, spor_timeline_name_width (self), y, width - spor_timeline_name_width (self), ROW_HEIGHT, &stripe);
    }
  /* month lines through the rows */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, from);
    g_date_set_day (&date, 1);
    while (g_date_get_julian (&date) <= to)
      {
        fill (snapshot, spor_timeline_day_x (self, g_date_get_julian (&date)), HEADER_HEIGHT, 1, height, &line);
        g_date_add_months (&date, 1);
      }
  }
  for (guint r = first; r < last; r++)
    draw_row (self, snapshot, r, &fg, today);
  if (today >= from && today <= to)
    fill (snapshot, spor_timeline_day_x (self, today) + ppd / 2 - 1, HEADER_HEIGHT, 2, height, &red);
  gtk_snapshot_pop (snapshot);

  /* the axis */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (spor_timeline_name_width (self), 0,
                                                         (float) MAX (width - spor_timeline_name_width (self), 0),
                                                         HEADER_HEIGHT));
  draw_axis (self, snapshot, from, to, &fg, &line, HEADER_HEIGHT);
  if (today >= from && today <= to)
    fill (snapshot, spor_timeline_day_x (self, today) + ppd / 2 - 1, HEADER_HEIGHT - 16, 2, 16, &red);
  gtk_snapshot_pop (snapshot);
  fill (snapshot, 0, HEADER_HEIGHT - 1, width, 1, &line);

  /* the names */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, spor_timeline_name_width (self),
                                                         (float) MAX (height - HEADER_HEIGHT, 0)));
  for (guint r = first; r < last; r++)
    {
      if ((int) r == self->selected)
        fill (snapshot, 0, spor_timeline_row_y (self, r), spor_timeline_name_width (self), ROW_HEIGHT, &selected);
      draw_name (self, snapshot, r, &fg);
      if ((int) r == self->selected && self->focus_bar < 0 && gtk_widget_has_focus (widget))
        {
          GdkRGBA accent;
          gdk_rgba_parse (&accent, "#1c71d8");
          outline (snapshot, &GRAPHENE_RECT_INIT (2, (float) spor_timeline_row_y (self, r) + 1, spor_timeline_name_width (self) - 4,
                                                  ROW_HEIGHT - 2), 2, &accent);
        }
    }
  gtk_snapshot_pop (snapshot);
  fill (snapshot, spor_timeline_name_width (self) - 1, 0, 1, height, &line);
  (void) bg;
}
