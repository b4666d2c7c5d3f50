/* spor-timeline.c — participants' phases on a time axis
 *
 * The widget draws everything itself (measure/size_allocate/snapshot). Rows are fixed
 * height, so the rows on screen follow from the vertical adjustment; only those are read
 * from the store, through a small cache keyed by participant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-timeline.h"
#include "spor-util.h"

#define NAME_WIDTH_MAX 220
#define NAME_WIDTH_MIN 110
#define HEADER_HEIGHT 44
#define ROW_HEIGHT    38
#define BAR_INSET     7
#define CACHE_LIMIT   600

struct _SporTimeline
{
  GtkWidget         parent_instance;

  SporStore        *store;
  gint64            programme_id;
  gint64            cohort_id;
  GArray           *ids;        /* participant ids, in row order */
  GHashTable       *rows;       /* participant id → SporProgressRow */
  guint             n_loaded;
  char             *today;      /* NULL: the local date */

  guint32           first_day;  /* julian day at x = 0 of the chart */
  guint32           last_day;
  SporTimelineZoom  zoom;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  gboolean          scroll_to_today;  /* once the width is known */
  int               selected;   /* row, -1 none */
  int               focus_bar;  /* bar of the selected row, -1 the row itself */

  /* One invisible child per row on screen, for assistive technologies: each names its
   * participant and describes the row's phases and milestones. */
  GPtrArray        *row_widgets;
};

static void spor_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporTimeline, spor_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      spor_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SELECTED,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The GNOME palette, one colour per phase position. */
static const char * const phase_colours[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#c061cb", "#e66100", "#2190a4",
  "#26a269", "#986a44", "#813d9c", "#c01c28",
};

void
spor_timeline_phase_colour (guint    position,
                            GdkRGBA *colour)
{
  gdk_rgba_parse (colour, phase_colours[position % G_N_ELEMENTS (phase_colours)]);
}

/* ---- days and pixels ------------------------------------------------------------------ */

/* The names column: narrower in a narrow window, so the chart keeps some room. */
static int
name_width (SporTimeline *self)
{
  return CLAMP (gtk_widget_get_width (GTK_WIDGET (self)) * 35 / 100, NAME_WIDTH_MIN, NAME_WIDTH_MAX);
}

static guint32
julian_of (const char *iso)
{
  return spor_date_to_julian (iso);
}

static guint32
today_julian (SporTimeline *self)
{
  g_autofree char *today = self->today != NULL ? g_strdup (self->today) : spor_date_today ();

  return julian_of (today);
}

static int
chart_width (SporTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - name_width (self), 1);
}

static double
px_per_day (SporTimeline *self)
{
  switch (self->zoom)
    {
    case SPOR_TIMELINE_ZOOM_WEEKS:
      return 22.0;
    case SPOR_TIMELINE_ZOOM_MONTHS:
      return 5.0;
    case SPOR_TIMELINE_ZOOM_PERIOD:
    default:
      return MAX ((double) chart_width (self) / (double) MAX (self->last_day - self->first_day + 1, 1),
                  0.2);
    }
}

/* x in widget coordinates of the start of julian day @day */
static double
day_x (SporTimeline *self,
       guint32       day)
{
  return name_width (self) + ((double) day - (double) self->first_day) * px_per_day (self)
         - gtk_adjustment_get_value (self->hadjustment);
}

static double
row_y (SporTimeline *self,
       guint         row)
{
  return HEADER_HEIGHT + (double) row * ROW_HEIGHT - gtk_adjustment_get_value (self->vadjustment);
}

/* ---- rows ---------------------------------------------------------------------------- */

guint
spor_timeline_get_n_rows (SporTimeline *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE (self), 0);
  return self->ids != NULL ? self->ids->len : 0;
}

gint64
spor_timeline_get_participant (SporTimeline *self,
                               guint         row)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE (self), 0);
  if (row >= spor_timeline_get_n_rows (self))
    return 0;
  return g_array_index (self->ids, gint64, row);
}

guint
spor_timeline_get_n_loaded (SporTimeline *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE (self), 0);
  return self->n_loaded;
}

static SporProgressRow *
get_row (SporTimeline *self,
         guint         row)
{
  gint64 id = spor_timeline_get_participant (self, row);
  SporProgressRow *data;
  g_autoptr(GError) error = NULL;

  if (id == 0 || self->store == NULL)
    return NULL;
  data = g_hash_table_lookup (self->rows, &id);
  if (data != NULL)
    return data;
  if (g_hash_table_size (self->rows) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->rows);
  data = spor_progress_rows_get (self->store, id, self->today, &error);
  if (data == NULL)
    {
      g_warning ("Timeline: could not read a row: %s", error->message);
      return NULL;
    }
  self->n_loaded++;
  g_hash_table_insert (self->rows, &data->participant_id, data);
  return data;
}

/* ---- texts --------------------------------------------------------------------------- */

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "planned") == 0)
    return _("not started");
  if (g_strcmp0 (state, "active") == 0)
    return _("in progress");
  if (g_strcmp0 (state, "on_hold") == 0)
    return _("on hold");
  if (g_strcmp0 (state, "done") == 0)
    return _("finished");
  if (g_strcmp0 (state, "skipped") == 0)
    return _("skipped");
  return "";
}

/* A date in the locale's format. */
static char *
format_date (const char *iso)
{
  char *shown = spor_date_format_locale (iso);

  return shown != NULL ? shown : g_strdup ("");
}

char *
spor_timeline_describe (SporTimeline *self,
                        guint         row,
                        int           bar)
{
  SporProgressRow *data;
  GString *text;

  g_return_val_if_fail (SPOR_IS_TIMELINE (self), NULL);
  data = get_row (self, row);
  if (data == NULL)
    return NULL;
  text = g_string_new (NULL);

  if (bar < 0 || (guint) bar >= data->bars->len)
    {
      /* Translators: a timeline row: participant name and status */
      g_string_append_printf (text, _("%s, %s"), data->name, spor_value_label (&spor_values_participant_status, data->status));
      if (data->agreement_signed != NULL)
        {
          g_autofree char *d = format_date (data->agreement_signed);
          g_string_append (text, "; ");
          g_string_append_printf (text, _("agreement signed %s"), d);
        }
      if (data->internship_start != NULL)
        {
          g_autofree char *d = format_date (data->internship_start);
          g_string_append (text, "; ");
          g_string_append_printf (text, _("internship from %s"), d);
        }
      if (data->exit_date != NULL)
        {
          g_autofree char *d = format_date (data->exit_date);
          g_string_append (text, "; ");
          g_string_append_printf (text, _("exit %s"), d);
        }
      return g_string_free (text, FALSE);
    }

  {
    SporProgressBar *b = g_ptr_array_index (data->bars, bar);
    g_autofree char *ps = format_date (b->planned_start);
    g_autofree char *pe = format_date (b->planned_end);

    /* Translators: phase name, planned start and end dates */
    g_string_append_printf (text, _("%s, planned %s to %s"), b->phase_name, ps, pe);
    if (b->actual_start != NULL)
      {
        g_autofree char *as = format_date (b->actual_start);

        g_string_append (text, ", ");
        if (b->actual_end != NULL)
          {
            g_autofree char *ae = format_date (b->actual_end);
            /* Translators: actual start and end of a phase */
            g_string_append_printf (text, _("actual %s to %s"), as, ae);
          }
        else
          /* Translators: actual start of a phase that has not ended */
          g_string_append_printf (text, _("started %s"), as);
      }
    g_string_append (text, ", ");
    g_string_append (text, state_label (b->state));
    if (b->overdue)
      {
        g_string_append (text, ", ");
        g_string_append (text, _("overdue"));
      }
  }
  return g_string_free (text, FALSE);
}

static void
update_accessible (SporTimeline *self)
{
  g_autofree char *description = NULL;

  if (self->selected >= 0)
    description = spor_timeline_describe (self, (guint) self->selected, self->focus_bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* ---- bars' places -------------------------------------------------------------------- */

/* The lane of a bar among consecutive parallel tracks, and how many lanes the group has. */
static void
bar_lane (SporProgressRow *data,
          guint            index,
          guint           *lane,
          guint           *n_lanes)
{
  guint first = index, last = index;

  *lane = 0;
  *n_lanes = 1;
  if (index >= data->bars->len)
    return;
  /* parallel bars overlap in time: detect a group by equal planned starts */
  while (first > 0)
    {
      SporProgressBar *a = g_ptr_array_index (data->bars, first - 1);
      SporProgressBar *b = g_ptr_array_index (data->bars, index);
      if (g_strcmp0 (a->planned_start, b->planned_start) != 0)
        break;
      first--;
    }
  while (last + 1 < data->bars->len)
    {
      SporProgressBar *a = g_ptr_array_index (data->bars, last + 1);
      SporProgressBar *b = g_ptr_array_index (data->bars, index);
      if (g_strcmp0 (a->planned_start, b->planned_start) != 0)
        break;
      last++;
    }
  *lane = index - first;
  *n_lanes = last - first + 1;
}

static gboolean
bar_area (SporTimeline    *self,
          SporProgressRow *data,
          guint            row,
          guint            index,
          graphene_rect_t *area)
{
  SporProgressBar *bar = g_ptr_array_index (data->bars, index);
  guint32 start = julian_of (bar->planned_start), end = julian_of (bar->planned_end);
  guint lane, n_lanes;
  double x0, x1, top = row_y (self, row) + BAR_INSET, height = ROW_HEIGHT - 2 * BAR_INSET;

  if (bar->actual_start != NULL && julian_of (bar->actual_start) < start)
    start = julian_of (bar->actual_start);
  if (bar->actual_end != NULL && julian_of (bar->actual_end) > end)
    end = julian_of (bar->actual_end);
  if (start == 0 || end == 0)
    return FALSE;
  bar_lane (data, index, &lane, &n_lanes);
  height /= n_lanes;
  x0 = day_x (self, start);
  x1 = day_x (self, end + 1);
  graphene_rect_init (area, (float) x0, (float) (top + lane * height),
                      (float) MAX (x1 - x0, 2), (float) MAX (height - 1, 2));
  return TRUE;
}

gboolean
spor_timeline_get_bar_area (SporTimeline    *self,
                            guint            row,
                            guint            bar,
                            graphene_rect_t *area)
{
  SporProgressRow *data;

  g_return_val_if_fail (SPOR_IS_TIMELINE (self), FALSE);
  data = get_row (self, row);
  if (data == NULL || bar >= data->bars->len)
    return FALSE;
  return bar_area (self, data, row, bar, area);
}

/* ---- scrolling ----------------------------------------------------------------------- */

static void
configure_adjustments (SporTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = (double) (self->last_day - self->first_day + 1) * px_per_day (self);
  double content_h = (double) spor_timeline_get_n_rows (self) * ROW_HEIGHT;
  double page_w = MAX (width - name_width (self), 0), page_h = MAX (height - HEADER_HEIGHT, 0);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                     MAX (content_w - page_w, 0)),
                              0, MAX (content_w, page_w), px_per_day (self) * 7,
                              page_w * 0.9, page_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (content_h - page_h, 0)),
                              0, MAX (content_h, page_h), ROW_HEIGHT,
                              page_h * 0.9, page_h);
}

static void
adjustment_changed (SporTimeline *self)
{
  /* the rows on screen changed: their accessible children follow */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SporTimeline   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);
  configure_adjustments (self);
}

static void
scroll_to_row (SporTimeline *self,
               guint         row)
{
  double top = (double) row * ROW_HEIGHT;
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (page <= 0)  /* not allocated yet */
    return;
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + ROW_HEIGHT > value + page)
    gtk_adjustment_set_value (self->vadjustment, top + ROW_HEIGHT - page);
}

static void
scroll_to_day (SporTimeline *self,
               guint32       day)
{
  double x = ((double) day - self->first_day) * px_per_day (self);
  double value = gtk_adjustment_get_value (self->hadjustment);
  double page = gtk_adjustment_get_page_size (self->hadjustment);

  if (page <= 0)
    return;
  if (x < value || x > value + page)
    gtk_adjustment_set_value (self->hadjustment, MAX (x - page / 3, 0));
}

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
  double ppd = px_per_day (self);
  GDate date;
  GdkRGBA dim = *fg;

  dim.alpha = 0.6;
  g_date_clear (&date, 1);

  /* months: a line at each first day, the name in the upper half */
  g_date_set_julian (&date, from);
  g_date_set_day (&date, 1);
  while (g_date_get_julian (&date) <= to)
    {
      double x = day_x (self, g_date_get_julian (&date));
      char buffer[64];
      GDate next = date;
      double w;

      g_date_add_months (&next, 1);
      w = day_x (self, g_date_get_julian (&next)) - MAX (x, name_width (self));
      fill (snapshot, x, 0, 1, height, line);
      if (w > 30 && g_date_strftime (buffer, sizeof buffer, w > 110 ? "%B %Y" : "%b", &date) > 0)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, buffer, (int) w - 8, FALSE);
          draw_text (snapshot, layout, MAX (x, name_width (self)) + 4, 3, fg);
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
        double x = day_x (self, g_date_get_julian (&date));
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
  SporProgressRow *data = get_row (self, row);
  GdkRGBA milestone = { 0.1, 0.1, 0.1, 1 }, red, green, blue;
  double y = row_y (self, row);

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
      guint32 planned_start = julian_of (bar->planned_start), planned_end = julian_of (bar->planned_end);
      gboolean skipped = g_strcmp0 (bar->state, "skipped") == 0;

      if (!bar_area (self, data, row, i, &area))
        continue;
      spor_timeline_phase_colour ((guint) bar->position, &colour);

      /* planned: an outline over the planned days */
      if (planned_start > 0 && planned_end > 0)
        {
          graphene_rect_t planned = area;
          double x0 = day_x (self, planned_start), x1 = day_x (self, planned_end + 1);

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
          guint32 a0 = julian_of (bar->actual_start);
          guint32 a1 = bar->actual_end != NULL ? julian_of (bar->actual_end) : MAX (today, a0);
          double x0 = day_x (self, a0), x1 = day_x (self, a1 + 1);

          colour.alpha = g_strcmp0 (bar->state, "on_hold") == 0 ? 0.4 : skipped ? 0.3 : 0.85;
          fill (snapshot, x0, area.origin.y + 2, MAX (x1 - x0, 2), area.size.height - 4, &colour);
          colour.alpha = 1;
        }

      /* overdue: a red edge at the planned end and a red outline */
      if (bar->overdue)
        {
          double xe = day_x (self, planned_end + 1);

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
    diamond (snapshot, day_x (self, julian_of (data->agreement_signed)) + 0.5 * px_per_day (self),
             y + ROW_HEIGHT - 5, &blue);
  if (data->internship_start != NULL)
    diamond (snapshot, day_x (self, julian_of (data->internship_start)) + 0.5 * px_per_day (self),
             y + ROW_HEIGHT - 5, &green);
  if (data->exit_date != NULL)
    diamond (snapshot, day_x (self, julian_of (data->exit_date)) + 0.5 * px_per_day (self),
             y + ROW_HEIGHT - 5, &milestone);
}

static void
draw_name (SporTimeline  *self,
           GtkSnapshot   *snapshot,
           guint          row,
           const GdkRGBA *fg)
{
  SporProgressRow *data = get_row (self, row);
  double y = row_y (self, row);
  GdkRGBA dim = *fg;

  if (data == NULL)
    return;
  dim.alpha = 0.65;
  {
    g_autoptr(PangoLayout) name = make_layout (self, data->name, name_width (self) - 20, FALSE);
    g_autoptr(PangoLayout) status = make_layout (self, spor_value_label (&spor_values_participant_status, data->status), name_width (self) - 20, TRUE);

    draw_text (snapshot, name, 12, y + 2, fg);
    draw_text (snapshot, status, 12, y + 20, &dim);
  }
}

static void
spor_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SporTimeline *self = SPOR_TIMELINE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint n = spor_timeline_get_n_rows (self);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  guint first = (guint) (vvalue / ROW_HEIGHT);
  guint last = MIN (n, (guint) ((vvalue + MAX (height - HEADER_HEIGHT, 0)) / ROW_HEIGHT) + 1);
  double ppd = px_per_day (self);
  guint32 from = self->first_day + (guint32) (gtk_adjustment_get_value (self->hadjustment) / ppd);
  guint32 to = from + (guint32) (chart_width (self) / ppd) + 1;
  guint32 today = today_julian (self);
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
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (name_width (self), HEADER_HEIGHT,
                                                         (float) MAX (width - name_width (self), 0),
                                                         (float) MAX (height - HEADER_HEIGHT, 0)));
  for (guint r = first; r < last; r++)
    {
      double y = row_y (self, r);

      if ((int) r == self->selected)
        fill (snapshot, name_width (self), y, width - name_width (self), ROW_HEIGHT, &selected);
      else if (r % 2 == 1)
        fill (snapshot, name_width (self), y, width - name_width (self), ROW_HEIGHT, &stripe);
    }
  /* month lines through the rows */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, from);
    g_date_set_day (&date, 1);
    while (g_date_get_julian (&date) <= to)
      {
        fill (snapshot, day_x (self, g_date_get_julian (&date)), HEADER_HEIGHT, 1, height, &line);
        g_date_add_months (&date, 1);
      }
  }
  for (guint r = first; r < last; r++)
    draw_row (self, snapshot, r, &fg, today);
  if (today >= from && today <= to)
    fill (snapshot, day_x (self, today) + ppd / 2 - 1, HEADER_HEIGHT, 2, height, &red);
  gtk_snapshot_pop (snapshot);

  /* the axis */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (name_width (self), 0,
                                                         (float) MAX (width - name_width (self), 0),
                                                         HEADER_HEIGHT));
  draw_axis (self, snapshot, from, to, &fg, &line, HEADER_HEIGHT);
  if (today >= from && today <= to)
    fill (snapshot, day_x (self, today) + ppd / 2 - 1, HEADER_HEIGHT - 16, 2, 16, &red);
  gtk_snapshot_pop (snapshot);
  fill (snapshot, 0, HEADER_HEIGHT - 1, width, 1, &line);

  /* the names */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, name_width (self),
                                                         (float) MAX (height - HEADER_HEIGHT, 0)));
  for (guint r = first; r < last; r++)
    {
      if ((int) r == self->selected)
        fill (snapshot, 0, row_y (self, r), name_width (self), ROW_HEIGHT, &selected);
      draw_name (self, snapshot, r, &fg);
      if ((int) r == self->selected && self->focus_bar < 0 && gtk_widget_has_focus (widget))
        {
          GdkRGBA accent;
          gdk_rgba_parse (&accent, "#1c71d8");
          outline (snapshot, &GRAPHENE_RECT_INIT (2, (float) row_y (self, r) + 1, name_width (self) - 4,
                                                  ROW_HEIGHT - 2), 2, &accent);
        }
    }
  gtk_snapshot_pop (snapshot);
  fill (snapshot, name_width (self) - 1, 0, 1, height, &line);
  (void) bg;
}

/* ---- size ---------------------------------------------------------------------------- */

static void
spor_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SporTimeline *self = SPOR_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH_MIN + 80;
      *natural = NAME_WIDTH_MAX + 800;
    }
  else
    {
      *minimum = HEADER_HEIGHT + ROW_HEIGHT;
      *natural = HEADER_HEIGHT + (int) CLAMP (spor_timeline_get_n_rows (self), 1, 12) * ROW_HEIGHT;
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
describe_row_widget (SporTimeline *self,
                     GtkWidget    *child,
                     guint         row)
{
  SporProgressRow *data = get_row (self, row);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *summary = NULL;

  if (data == NULL)
    return;
  summary = spor_timeline_describe (self, row, -1);
  g_string_append (description, summary);
  for (guint i = 0; i < data->bars->len; i++)
    {
      g_autofree char *bar = spor_timeline_describe (self, row, (int) i);

      g_string_append (description, "; ");
      g_string_append (description, bar);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, data->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (child), "spor-description",
                          g_string_free (g_steal_pointer (&description), FALSE), g_free);
  g_object_set_data (G_OBJECT (child), "spor-row", GUINT_TO_POINTER (row + 1));
  g_object_set_data (G_OBJECT (child), "spor-participant", GINT_TO_POINTER ((int) data->participant_id));
}

static void
allocate_rows (SporTimeline *self,
               int           width,
               int           height)
{
  guint n = spor_timeline_get_n_rows (self);
  double value = gtk_adjustment_get_value (self->vadjustment);
  guint first = (guint) (value / ROW_HEIGHT);
  guint last = MIN (n, (guint) ((value + MAX (height - HEADER_HEIGHT, 0)) / ROW_HEIGHT) + 1);
  guint needed = last > first ? last - first : 0;

  while (self->row_widgets->len < needed)
    {
      GtkWidget *child = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);

      gtk_widget_set_can_target (child, FALSE);
      gtk_widget_set_can_focus (child, FALSE);
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      g_ptr_array_add (self->row_widgets, child);
    }
  while (self->row_widgets->len > needed)
    {
      GtkWidget *child = g_ptr_array_steal_index (self->row_widgets, self->row_widgets->len - 1);
      gtk_widget_unparent (child);
    }
  for (guint i = 0; i < needed; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->row_widgets, i);
      guint row = first + i;
      int min, nat;
      double y = row_y (self, row);

      /* describe again only when the row shown here changes */
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "spor-row")) != row + 1 ||
          (gint64) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "spor-participant")) !=
          spor_timeline_get_participant (self, row))
        describe_row_widget (self, child, row);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { 0, (int) y, width, ROW_HEIGHT }, -1);
    }
}

static void
spor_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SporTimeline *self = SPOR_TIMELINE (widget);
  guint32 today = today_julian (self);

  configure_adjustments (self);
  allocate_rows (self, width, height);
  if (self->scroll_to_today && width > name_width (self))
    {
      self->scroll_to_today = FALSE;
      if (self->zoom != SPOR_TIMELINE_ZOOM_PERIOD && today > self->first_day && today < self->last_day)
        scroll_to_day (self, today);
    }
}

/* ---- input --------------------------------------------------------------------------- */

static void
activate_row (SporTimeline *self,
              guint         row)
{
  gint64 id = spor_timeline_get_participant (self, row);

  if (id == 0)
    return;
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-participant", "x", id);
}

void
spor_timeline_select (SporTimeline *self,
                      guint         row,
                      int           bar)
{
  SporProgressRow *data;

  g_return_if_fail (SPOR_IS_TIMELINE (self));
  if (spor_timeline_get_n_rows (self) == 0)
    return;
  row = MIN (row, spor_timeline_get_n_rows (self) - 1);
  data = get_row (self, row);
  if (data != NULL)
    bar = CLAMP (bar, -1, (int) data->bars->len - 1);
  else
    bar = -1;
  self->selected = (int) row;
  self->focus_bar = bar;
  scroll_to_row (self, row);
  if (data != NULL && bar >= 0)
    {
      SporProgressBar *b = g_ptr_array_index (data->bars, bar);
      scroll_to_day (self, julian_of (b->actual_start != NULL ? b->actual_start : b->planned_start));
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

int
spor_timeline_get_selected (SporTimeline *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE (self), -1);
  return self->selected;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             SporTimeline          *self)
{
  guint n = spor_timeline_get_n_rows (self);
  int row = MAX (self->selected, 0);
  int page = MAX ((int) (gtk_adjustment_get_page_size (self->vadjustment) / ROW_HEIGHT) - 1, 1);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      spor_timeline_select (self, (guint) MAX (row - 1, 0), self->focus_bar);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      spor_timeline_select (self, self->selected < 0 ? 0 : (guint) row + 1, self->focus_bar);
      return TRUE;
    case GDK_KEY_Page_Up:
      spor_timeline_select (self, (guint) MAX (row - page, 0), self->focus_bar);
      return TRUE;
    case GDK_KEY_Page_Down:
      spor_timeline_select (self, (guint) row + (guint) page, self->focus_bar);
      return TRUE;
    case GDK_KEY_Home:
      spor_timeline_select (self, 0, -1);
      return TRUE;
    case GDK_KEY_End:
      spor_timeline_select (self, n - 1, -1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      spor_timeline_select (self, (guint) row, MAX (self->focus_bar - 1, -1));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      spor_timeline_select (self, (guint) row, self->focus_bar + 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected >= 0)
        activate_row (self, (guint) self->selected);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      spor_timeline_set_zoom (self, self->zoom == SPOR_TIMELINE_ZOOM_PERIOD
                              ? SPOR_TIMELINE_ZOOM_MONTHS : SPOR_TIMELINE_ZOOM_WEEKS);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      spor_timeline_set_zoom (self, self->zoom == SPOR_TIMELINE_ZOOM_WEEKS
                              ? SPOR_TIMELINE_ZOOM_MONTHS : SPOR_TIMELINE_ZOOM_PERIOD);
      return TRUE;
    default:
      return FALSE;
    }
}

static int
row_at (SporTimeline *self,
        double        y)
{
  double offset = y - HEADER_HEIGHT + gtk_adjustment_get_value (self->vadjustment);
  int row;

  if (y < HEADER_HEIGHT || offset < 0)
    return -1;
  row = (int) (offset / ROW_HEIGHT);
  return row < (int) spor_timeline_get_n_rows (self) ? row : -1;
}

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               SporTimeline    *self)
{
  int row = row_at (self, y);
  int bar = -1;
  SporProgressRow *data;

  if (row < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  data = get_row (self, (guint) row);
  for (guint i = 0; data != NULL && i < data->bars->len; i++)
    {
      graphene_rect_t area;

      if (bar_area (self, data, (guint) row, i, &area) &&
          graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT ((float) x, (float) y)))
        bar = (int) i;
    }
  spor_timeline_select (self, (guint) row, bar);
  if (n_press == 2)
    activate_row (self, (guint) row);
}

static void
focus_changed (SporTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- source -------------------------------------------------------------------------- */

void
spor_timeline_set_source (SporTimeline *self,
                          SporStore    *store,
                          gint64        programme_id,
                          gint64        cohort_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint32 today;
  /* The same source again (the view is shown again, or the data changed): read it anew but
   * keep the place, the first day and the selected participant. */
  gboolean same = store != NULL && store == self->store && self->ids != NULL &&
                  programme_id == self->programme_id && cohort_id == self->cohort_id;
  double h = same && self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double v = same && self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  guint32 kept_first_day = self->first_day;
  gint64 kept_participant = same && self->selected >= 0
    ? spor_timeline_get_participant (self, (guint) self->selected) : 0;

  g_return_if_fail (SPOR_IS_TIMELINE (self));

  g_set_object (&self->store, store);
  self->programme_id = programme_id;
  self->cohort_id = cohort_id;
  g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->ids, g_array_unref);
  self->n_loaded = 0;
  self->selected = -1;
  self->focus_bar = -1;
  today = today_julian (self);
  self->first_day = today - 30;
  self->last_day = today + 180;

  if (store != NULL && (programme_id > 0 || cohort_id > 0))
    {
      self->ids = spor_progress_rows_list_ids (store, programme_id, cohort_id, &error);
      if (self->ids == NULL)
        g_warning ("Timeline: %s", error->message);
      else if (spor_progress_rows_get_range (store, programme_id, cohort_id, &first, &last, &error))
        {
          guint32 f = julian_of (first), l = julian_of (last);

          if (f > 0)
            {
              /* a week of air before, a month after; start on a Monday */
              GDate date;

              g_date_clear (&date, 1);
              g_date_set_julian (&date, f - 7);
              while (g_date_get_weekday (&date) != G_DATE_MONDAY)
                g_date_subtract_days (&date, 1);
              self->first_day = g_date_get_julian (&date);
              self->last_day = MAX (l > 0 ? l + 30 : f + 180, self->first_day + 60);
            }
        }
      else
        g_warning ("Timeline: %s", error->message);
    }

  if (same)
    {
      /* the same day stays at the left edge if the period now starts elsewhere */
      h += ((double) kept_first_day - (double) self->first_day) * px_per_day (self);
      for (guint i = 0; kept_participant > 0 && i < self->ids->len; i++)
        if (g_array_index (self->ids, gint64, i) == kept_participant)
          self->selected = (int) i;
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  configure_adjustments (self);
  if (same && self->hadjustment != NULL && self->vadjustment != NULL)
    {
      gtk_adjustment_set_value (self->hadjustment, MAX (h, 0));
      gtk_adjustment_set_value (self->vadjustment, v);
    }
  /* show today when it is inside the period, once the width is known */
  self->scroll_to_today = !same;
  for (guint i = 0; i < self->row_widgets->len; i++)
    g_object_set_data (g_ptr_array_index (self->row_widgets, i), "spor-row", NULL);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
spor_timeline_set_zoom (SporTimeline    *self,
                        SporTimelineZoom zoom)
{
  double centre_day;

  g_return_if_fail (SPOR_IS_TIMELINE (self));
  if (self->zoom == zoom)
    return;
  /* keep the day in the middle of the chart in the middle */
  centre_day = (gtk_adjustment_get_value (self->hadjustment) +
                gtk_adjustment_get_page_size (self->hadjustment) / 2) / px_per_day (self);
  self->zoom = zoom;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment,
                            centre_day * px_per_day (self) -
                            gtk_adjustment_get_page_size (self->hadjustment) / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

SporTimelineZoom
spor_timeline_get_zoom (SporTimeline *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE (self), SPOR_TIMELINE_ZOOM_MONTHS);
  return self->zoom;
}

void
spor_timeline_set_today (SporTimeline *self,
                         const char   *today)
{
  g_return_if_fail (SPOR_IS_TIMELINE (self));
  g_free (self->today);
  self->today = g_strdup (today);
  g_hash_table_remove_all (self->rows);
  for (guint i = 0; i < self->row_widgets->len; i++)
    g_object_set_data (g_ptr_array_index (self->row_widgets, i), "spor-row", NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
spor_timeline_dispose (GObject *object)
{
  SporTimeline *self = SPOR_TIMELINE (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  while (self->row_widgets != NULL && self->row_widgets->len > 0)
    gtk_widget_unparent (g_ptr_array_steal_index (self->row_widgets, self->row_widgets->len - 1));
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (spor_timeline_parent_class)->dispose (object);
}

static void
spor_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SporTimeline *self = SPOR_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SporTimeline *self = SPOR_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      spor_timeline_set_zoom (self, (SporTimelineZoom) g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
get_border (GtkScrollable *scrollable,
            GtkBorder     *border)
{
  SporTimeline *self = SPOR_TIMELINE (scrollable);

  /* the axis and the names stay put while the chart scrolls under them */
  border->top = HEADER_HEIGHT;
  border->left = name_width (self);
  border->right = border->bottom = 0;
  return TRUE;
}

static void
spor_timeline_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = get_border;
}

static void
spor_timeline_class_init (SporTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_timeline_dispose;
  object_class->get_property = spor_timeline_get_property;
  object_class->set_property = spor_timeline_set_property;
  widget_class->measure = spor_timeline_measure;
  widget_class->size_allocate = spor_timeline_size_allocate;
  widget_class->snapshot = spor_timeline_snapshot;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, SPOR_TIMELINE_ZOOM_WEEKS, SPOR_TIMELINE_ZOOM_PERIOD,
                      SPOR_TIMELINE_ZOOM_MONTHS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* SporTimeline::row-activated: (participant id) */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
spor_timeline_init (SporTimeline *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->row_widgets = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                      (GDestroyNotify) spor_progress_row_free);
  self->zoom = SPOR_TIMELINE_ZOOM_MONTHS;
  self->selected = -1;
  self->focus_bar = -1;
  self->first_day = self->last_day = 0;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
spor_timeline_new (void)
{
  return g_object_new (SPOR_TYPE_TIMELINE, NULL);
}
