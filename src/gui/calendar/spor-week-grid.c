/* spor-week-grid.c — a week of occurrences drawn as a grid of days and hours
 *
 * One widget draws the whole week (measure, size_allocate, snapshot), as a calendar of a few
 * hundred occurrences would be slow as a few hundred child widgets. Occurrences that overlap
 * on a day share its column side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spor-week-grid-child.h"
#include "spor-week-grid.h"

#define HEADER_HEIGHT 44
#define GUTTER_WIDTH  52
#define HOUR_HEIGHT   48
#define MIN_DAY_WIDTH 40
#define NAT_DAY_WIDTH 132
#define SNAP_MINUTES  15
#define MIN_LANE_WIDTH 48  /* narrower lanes fold into a "+N" chip */
#define NARROW_BOX 90      /* narrower boxes show their title on one line */

typedef struct {
  SporOccurrence  *occurrence;
  int              day;     /* 0 = Monday; -1 outside the week */
  int              start;   /* minutes after midnight */
  int              end;
  guint            lane;
  guint            n_lanes;
  guint            cluster;   /* items that overlap one another share a cluster */
  graphene_rect_t  area;
  gboolean         drawn;
  PangoLayout     *layout;  /* its text, made when first drawn at this size */
} Item;

struct _SporWeekGrid
{
  GtkWidget   parent_instance;

  GDate       monday;
  char       *today;        /* YYYY-MM-DD, NULL = the real today */
  GArray     *items;        /* Item */
  GPtrArray  *occurrences;  /* SporOccurrence, owned */
  guint       first_hour;
  guint       last_hour;
  int         selected;

  double      drag_x, drag_y;
  double      drag_dx, drag_dy;
  gboolean    dragging;

  guint       tick_id;
  guint       n_clusters;
  GArray     *chips;        /* Chip: where folded items are counted */
  GPtrArray  *children;     /* SporWeekGridChild, one per drawn item, for AT-SPI */
  guint       children_idle;
};

typedef struct {
  graphene_rect_t area;
  guint           n_hidden;
} Chip;

G_DEFINE_FINAL_TYPE (SporWeekGrid, spor_week_grid, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OCCURRENCE_ACTIVATED,
  SIGNAL_CREATE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A fallback palette for programmes without a colour of their own */
static const char * const palette[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#c64600", "#1c71d8", "#26a269", "#a51d2d",
};

static void
item_clear (gpointer data)
{
  g_clear_object (&((Item *) data)->layout);
}

static int
parse_minutes (const char *hhmm)
{
  return MAX (spor_time_to_minutes (hhmm), 0);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  return spor_date_parse_to (text, date);
}

static double
day_width (SporWeekGrid *self)
{
  return MAX (1.0, (gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_WIDTH) / 7.0);
}

double
spor_week_grid_y_for_minutes (SporWeekGrid *self,
                              int           minutes)
{
  g_return_val_if_fail (SPOR_IS_WEEK_GRID (self), 0);

  return HEADER_HEIGHT + (minutes - (int) self->first_hour * 60) * HOUR_HEIGHT / 60.0;
}

void
spor_week_grid_get_day_area (SporWeekGrid    *self,
                             guint            day,
                             graphene_rect_t *area)
{
  double w = day_width (self);

  graphene_rect_init (area, GUTTER_WIDTH + day * w, HEADER_HEIGHT, w,
                      gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_HEIGHT);
}

/* Days, minutes and lanes of the occurrences */
static void
layout_items (SporWeekGrid *self)
{
  g_array_set_size (self->items, 0);
  if (self->occurrences == NULL || !g_date_valid (&self->monday))
    return;

  for (guint i = 0; i < self->occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (self->occurrences, i);
      Item item = { o, -1, parse_minutes (o->start_time), parse_minutes (o->end_time), 0, 1 };
      GDate d;

      if (parse_date (o->actual_date, &d))
        {
          int day = g_date_days_between (&self->monday, &d);

          item.day = day >= 0 && day < 7 ? day : -1;
        }
      g_array_append_val (self->items, item);
    }

  /* Per day: the first free lane; a cluster of overlapping items shares its lane count. */
  self->n_clusters = 0;
  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
      guint cluster_start = 0;
      int cluster_end = -1;

      for (guint i = 0; i <= self->items->len; i++)
        {
          Item *item = i < self->items->len ? &g_array_index (self->items, Item, i) : NULL;

          if (item != NULL && item->day != day)
            continue;
          if (item == NULL || item->start >= cluster_end)
            {
              /* Close the cluster: every item in it gets the cluster's lane count */
              for (guint j = cluster_start; j < i; j++)
                if (g_array_index (self->items, Item, j).day == day)
                  {
                    g_array_index (self->items, Item, j).n_lanes = MAX (1, lane_ends->len);
                    g_array_index (self->items, Item, j).cluster = self->n_clusters;
                  }
              self->n_clusters++;
              g_array_set_size (lane_ends, 0);
              cluster_start = i;
              cluster_end = -1;
              if (item == NULL)
                break;
            }
          {
            guint lane;

            for (lane = 0; lane < lane_ends->len; lane++)
              if (g_array_index (lane_ends, int, lane) <= item->start)
                break;
            if (lane == lane_ends->len)
              g_array_append_val (lane_ends, item->end);
            else
              g_array_index (lane_ends, int, lane) = item->end;
            item->lane = lane;
            cluster_end = MAX (cluster_end, item->end);
          }
        }
    }
}

static void
place_items (SporWeekGrid *self)
{
  double w = day_width (self);
  double first = self->first_hour * 60, last = self->last_hour * 60 + 60;
  guint max_lanes = MAX (1, (guint) ((w - 4) / MIN_LANE_WIDTH));
  g_autofree int *chip_of_cluster = g_new (int, MAX (self->n_clusters, 1));

  for (guint c = 0; c < self->n_clusters; c++)
    chip_of_cluster[c] = -1;
  g_array_set_size (self->chips, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      guint lanes = MIN (item->n_lanes, max_lanes);
      double lane_w, y0, y1;

      g_clear_object (&item->layout);
      item->drawn = item->day >= 0 && item->end > first && item->start < last;
      if (!item->drawn)
        continue;
      lane_w = (w - 4) / lanes;
      y0 = spor_week_grid_y_for_minutes (self, MAX (item->start, (int) first));
      y1 = spor_week_grid_y_for_minutes (self, MIN (item->end, (int) last));
      if (item->n_lanes > max_lanes && item->lane >= max_lanes - 1)
        {
          /* Too many side by side: the last lane counts the rest */
          Chip *chip;

          item->drawn = FALSE;
          if (chip_of_cluster[item->cluster] < 0)
            {
              Chip c = { GRAPHENE_RECT_INIT (GUTTER_WIDTH + item->day * w + 2 + (lanes - 1) * lane_w,
                                             y0 + 1, lane_w - 2, 22), 0 };

              g_array_append_val (self->chips, c);
              chip_of_cluster[item->cluster] = (int) self->chips->len - 1;
            }
          chip = &g_array_index (self->chips, Chip, chip_of_cluster[item->cluster]);
          chip->n_hidden++;
          /* The chip starts at the earliest folded item */
          if (y0 + 1 < chip->area.origin.y)
            chip->area.origin.y = y0 + 1;
          continue;
        }
      graphene_rect_init (&item->area, GUTTER_WIDTH + item->day * w + 2 + item->lane * lane_w,
                          y0 + 1, lane_w - 2, MAX (y1 - y0 - 2, 6));
    }
}

static void
spor_week_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SporWeekGrid *self = SPOR_WEEK_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + 7 * MIN_DAY_WIDTH;
      *natural = GUTTER_WIDTH + 7 * NAT_DAY_WIDTH;
    }
  else
    {
      *minimum = *natural = HEADER_HEIGHT + (self->last_hour - self->first_hour + 1) * HOUR_HEIGHT;
    }
}

static void
on_child_clicked (SporWeekGridChild *child,
                  SporWeekGrid      *self)
{
  guint index = spor_week_grid_child_get_index (child);

  if (index >= self->items->len)
    return;
  spor_week_grid_select (self, (int) index);
  g_signal_emit (self, signals[SIGNAL_OCCURRENCE_ACTIVATED], 0, index);
}

/* One undrawn child button over each drawn occurrence, in the order drawn, so that a
 * screen reader lists, reads and activates them (see spor-week-grid-child.h). They are made
 * and named from an idle, never while the grid is being allocated (a new child asks its
 * parents for a new allocation), and only placed in size_allocate. */
static gboolean
sync_children (gpointer data)
{
  SporWeekGrid *self = data;
  guint n = 0;

  self->children_idle = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      GtkWidget *child;

      if (!item->drawn)
        continue;
      if (n == self->children->len)
        {
          child = spor_week_grid_child_new ();
          g_signal_connect (child, "clicked", G_CALLBACK (on_child_clicked), self);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
          g_ptr_array_add (self->children, child);
        }
      child = g_ptr_array_index (self->children, n++);
      spor_week_grid_child_set_occurrence (SPOR_WEEK_GRID_CHILD (child), i, item->occurrence);
    }
  while (self->children->len > n)
    gtk_widget_unparent (g_ptr_array_steal_index (self->children, self->children->len - 1));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_sync_children (SporWeekGrid *self)
{
  if (self->children_idle == 0)
    self->children_idle = g_idle_add (sync_children, self);
}

static void
allocate_children (SporWeekGrid *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      GtkWidget *child;
      int min, nat, min_h;

      if (!item->drawn)
        continue;
      if (n == self->children->len ||
          spor_week_grid_child_get_index (g_ptr_array_index (self->children, n)) != i)
        {
          /* the items drawn changed (a new week, another width): made anew from the idle */
          schedule_sync_children (self);
          if (n == self->children->len)
            break;
        }
      child = g_ptr_array_index (self->children, n++);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat, NULL, NULL);
      /* a GtkButton wants its minimum size; the box may be smaller, the child is not drawn */
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { (int) item->area.origin.x, (int) item->area.origin.y,
                                                   MAX ((int) item->area.size.width, min),
                                                   MAX ((int) item->area.size.height, min_h) }, -1);
    }
  if (n < self->children->len)
    {
      schedule_sync_children (self);
      /* until then the extra ones keep a place of their own */
      for (guint c = n; c < self->children->len; c++)
        {
          GtkWidget *child = g_ptr_array_index (self->children, c);
          int min, nat, min_h;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, min, min_h }, -1);
        }
    }
}

static void
spor_week_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SporWeekGrid *self = SPOR_WEEK_GRID (widget);

  place_items (self);
  allocate_children (self);
}

static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
programme_colour (const SporOccurrence *o,
                  GdkRGBA              *rgba)
{
  if (o->colour == NULL || !gdk_rgba_parse (rgba, o->colour))
    gdk_rgba_parse (rgba, palette[(guint) (o->programme_id > 0 ? o->programme_id : 0) % G_N_ELEMENTS (palette)]);
}

static char *
today_string (SporWeekGrid *self)
{
  if (self->today != NULL)
    return g_strdup (self->today);
  return spor_date_today ();
}

static void
draw_text (GtkWidget       *widget,
           GtkSnapshot     *snapshot,
           const char      *markup,
           double           x,
           double           y,
           double           width,
           PangoAlignment   align,
           const GdkRGBA   *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The day headers and the hour lines */
static void
draw_frame (SporWeekGrid  *self,
            GtkSnapshot   *snapshot,
            int            today_column,
            const GdkRGBA *fg,
            const GdkRGBA *accent)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double w = day_width (self);
  GdkRGBA line = *fg;

  line.alpha = 0.15;
  /* Today's column */
  if (today_column >= 0)
    {
      GdkRGBA tint = *accent;

      tint.alpha = 0.08;
      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (GUTTER_WIDTH + today_column * w, 0, w, height));
    }

  /* Day headers: the weekday and the date, in the locale's words */
  for (int day = 0; day < 7 && g_date_valid (&self->monday); day++)
    {
      GDate d = self->monday;
      char name[64], date[64];
      g_autofree char *markup = NULL;
      GdkRGBA color = day == today_column ? *accent : *fg;

      g_date_add_days (&d, day);
      g_date_strftime (name, sizeof name, "%a", &d);
      /* Translators: a day of the month and short month for strftime(), e.g. "23 Nov" */
      g_date_strftime (date, sizeof date, _("%e %b"), &d);
      markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", name, g_strstrip (date));
      draw_text (widget, snapshot, markup, GUTTER_WIDTH + day * w, 4, w, PANGO_ALIGN_CENTER, &color);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (GUTTER_WIDTH + day * w, 0, 1, height));
    }
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  /* Hour rows, 24-hour times */
  for (guint h = self->first_hour; h <= self->last_hour; h++)
    {
      double y = spor_week_grid_y_for_minutes (self, h * 60);
      g_autofree char *label = g_strdup_printf ("<small>%02u:00</small>", h);
      GdkRGBA dim = *fg;

      dim.alpha = 0.6;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y, width - GUTTER_WIDTH, 1));
      draw_text (widget, snapshot, label, 0, y + 2, GUTTER_WIDTH - 6, PANGO_ALIGN_RIGHT, &dim);
    }
}

/* One occurrence: its box, the programme's stripe, its text and its border */
static void
draw_item (SporWeekGrid  *self,
           GtkSnapshot   *snapshot,
           guint          i,
           Item          *item,
           const GdkRGBA *fg,
           const GdkRGBA *accent,
           const GdkRGBA *warning)
{
  GtkWidget *widget = GTK_WIDGET (self);
  SporOccurrence *o = item->occurrence;
  GskRoundedRect rounded;
  GdkRGBA colour, fill, border, text = *fg;
  g_autofree char *markup = NULL;
  float border_width;

  programme_colour (o, &colour);
  fill = colour;
  fill.alpha = o->cancelled ? 0.08 : 0.22;
  border = o->problems != 0 && !o->cancelled ? *warning : colour;
  border_width = o->problems != 0 && !o->cancelled ? 2 : 1;
  if ((int) i == self->selected && gtk_widget_has_focus (widget))
    {
      border = *accent;
      border_width = 3;
    }
  gsk_rounded_rect_init_from_rect (&rounded, &item->area, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &fill, &item->area);
  /* A stripe in the programme's colour along the left edge */
  gtk_snapshot_append_color (snapshot, &colour,
                             &GRAPHENE_RECT_INIT (item->area.origin.x, item->area.origin.y, 4, item->area.size.height));
  if (o->cancelled)
    text.alpha = 0.55;
  if (item->layout == NULL)
    {
      /* Translators: the times of a work block in the week grid */
      markup = g_markup_printf_escaped ("%s<b>%s%s</b>\n<small>%s–%s%s%s</small>",
                                        o->problems != 0 && !o->cancelled ? "⚠ " : "",
                                        o->cancelled ? _("Cancelled: ") : "",
                                        o->title, o->start_time, o->end_time,
                                        o->location != NULL ? "\n" : "",
                                        o->location != NULL ? o->location : "");
      item->layout = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_markup (item->layout, markup, -1);
      pango_layout_set_width (item->layout, (int) (MAX (item->area.size.width - 10, 1) * PANGO_SCALE));
      /* A narrow box (blocks side by side) gets one ellipsized line per part rather than
       * words broken into a column of letters. */
      if (item->area.size.width < NARROW_BOX)
        pango_layout_set_height (item->layout, -1);
      else
        pango_layout_set_height (item->layout, (int) (MAX (item->area.size.height - 4, 1) * PANGO_SCALE));
      pango_layout_set_wrap (item->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (item->area.origin.x + 7, item->area.origin.y + 2));
  gtk_snapshot_append_layout (snapshot, item->layout, &text);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
  {
    float widths[4] = { border_width, border_width, border_width, border_width };
    GdkRGBA colours[4] = { border, border, border, border };

    gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
  }
}

/* Folded items: "+N" */
static void
draw_chips (SporWeekGrid  *self,
            GtkSnapshot   *snapshot,
            const GdkRGBA *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint c = 0; c < self->chips->len; c++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, c);
      g_autofree char *label = g_strdup_printf ("<small><b>+%u</b></small>", chip->n_hidden);
      GskRoundedRect rounded;
      GdkRGBA fill = *fg;

      fill.alpha = 0.12;
      gsk_rounded_rect_init_from_rect (&rounded, &chip->area, 6);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &fill, &chip->area);
      gtk_snapshot_pop (snapshot);
      draw_text (widget, snapshot, label, chip->area.origin.x, chip->area.origin.y + 2,
                 chip->area.size.width, PANGO_ALIGN_CENTER, fg);
    }
}

/* The current time, on today's column */
static void
draw_now (SporWeekGrid *self,
          GtkSnapshot  *snapshot,
          int           today_column)
{
  double w = day_width (self);

  if (today_column >= 0 && self->today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

      if (minutes >= (int) self->first_hour * 60 && minutes <= (int) (self->last_hour + 1) * 60)
        {
          GdkRGBA red = { 0.88, 0.11, 0.14, 1 };
          double y = spor_week_grid_y_for_minutes (self, minutes);

          gtk_snapshot_append_color (snapshot, &red,
                                     &GRAPHENE_RECT_INIT (GUTTER_WIDTH + today_column * w, y - 1, w, 2));
          gtk_snapshot_append_color (snapshot, &red,
                                     &GRAPHENE_RECT_INIT (GUTTER_WIDTH + today_column * w - 3, y - 4, 6, 8));
        }
    }
}

static void
spor_week_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SporWeekGrid *self = SPOR_WEEK_GRID (widget);
  g_autofree char *today = today_string (self);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 }, warning = { 0.90, 0.38, 0.0, 1 };
  GDate today_date;
  int today_column = -1;

  get_color (widget, &fg);
  if (parse_date (today, &today_date) && g_date_valid (&self->monday))
    {
      int d = g_date_days_between (&self->monday, &today_date);

      today_column = d >= 0 && d < 7 ? d : -1;
    }
  draw_frame (self, snapshot, today_column, &fg, &accent);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->drawn)
        draw_item (self, snapshot, i, item, &fg, &accent, &warning);
    }
  draw_chips (self, snapshot, &fg);
  draw_now (self, snapshot, today_column);
}

/* Input */

static int
item_at (SporWeekGrid *self,
         double        x,
         double        y)
{
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = &g_array_index (self->items, Item, i - 1);

      if (item->drawn && graphene_rect_contains_point (&item->area, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i - 1;
    }
  return -1;
}

static void
update_accessible (SporWeekGrid *self)
{
  const SporOccurrence *o = spor_week_grid_get_occurrence (self, self->selected >= 0 ? (guint) self->selected : G_MAXUINT);
  g_autofree char *description = NULL;

  if (o != NULL)
    /* Translators: the selected block for a screen reader: title, day, times, problems */
    description = g_strdup_printf (_("%s, %s, %s–%s. %s"), o->title, o->actual_date, o->start_time,
                                   o->end_time, o->cancelled ? _("Cancelled.")
                                                : o->problem_text != NULL ? o->problem_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
}

void
spor_week_grid_select (SporWeekGrid *self,
                       int           index)
{
  g_return_if_fail (SPOR_IS_WEEK_GRID (self));

  if (index >= (int) self->items->len)
    index = (int) self->items->len - 1;
  self->selected = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
spor_week_grid_get_selected (SporWeekGrid *self)
{
  g_return_val_if_fail (SPOR_IS_WEEK_GRID (self), -1);

  return self->selected;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SporWeekGrid   *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->dragging = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SporWeekGrid   *self)
{
  self->drag_dx = dx;
  self->drag_dy = dy;
}

static int
snap_minutes (SporWeekGrid *self,
              double        y)
{
  int minutes = (int) ((y - HEADER_HEIGHT) * 60.0 / HOUR_HEIGHT) + (int) self->first_hour * 60;

  minutes = (minutes / SNAP_MINUTES) * SNAP_MINUTES;
  return CLAMP (minutes, 0, 23 * 60 + 45);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SporWeekGrid   *self)
{
  int hit = item_at (self, self->drag_x, self->drag_y);

  self->dragging = FALSE;
  if (ABS (dx) < 6 && ABS (dy) < 6)
    {
      if (hit >= 0)
        {
          spor_week_grid_select (self, hit);
          g_signal_emit (self, signals[SIGNAL_OCCURRENCE_ACTIVATED], 0, (guint) hit);
        }
      return;
    }
  if (hit < 0 && self->drag_x > GUTTER_WIDTH && self->drag_y > HEADER_HEIGHT && g_date_valid (&self->monday))
    {
      int day = (int) ((self->drag_x - GUTTER_WIDTH) / day_width (self));
      int a = snap_minutes (self, MIN (self->drag_y, self->drag_y + dy));
      int b = snap_minutes (self, MAX (self->drag_y, self->drag_y + dy)) + SNAP_MINUTES;
      char date[11], start[6], end[6];
      GDate d = self->monday;

      if (day < 0 || day > 6)
        return;
      b = MIN (b, 23 * 60 + 59);
      g_date_add_days (&d, day);
      spor_date_write_iso (&d, date);
      spor_time_write (a, start);
      spor_time_write (b, end);
      g_signal_emit (self, signals[SIGNAL_CREATE_REQUESTED], 0, date, start, end);
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SporWeekGrid          *self)
{
  int n = (int) self->items->len;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      spor_week_grid_select (self, self->selected < 0 ? 0 : MIN (self->selected + 1, n - 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      spor_week_grid_select (self, self->selected < 0 ? 0 : MAX (self->selected - 1, 0));
      return TRUE;
    case GDK_KEY_Home:
      spor_week_grid_select (self, 0);
      return TRUE;
    case GDK_KEY_End:
      spor_week_grid_select (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected >= 0)
        g_signal_emit (self, signals[SIGNAL_OCCURRENCE_ACTIVATED], 0, (guint) self->selected);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_tick (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (data));
  return G_SOURCE_CONTINUE;
}

static void
on_focus_changed (SporWeekGrid *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->selected < 0 && self->items->len > 0)
    spor_week_grid_select (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
spor_week_grid_dispose (GObject *object)
{
  SporWeekGrid *self = SPOR_WEEK_GRID (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->children_idle, g_source_remove);
  while (self->children != NULL && self->children->len > 0)
    gtk_widget_unparent (g_ptr_array_steal_index (self->children, self->children->len - 1));
  g_clear_pointer (&self->children, g_ptr_array_unref);
  G_OBJECT_CLASS (spor_week_grid_parent_class)->dispose (object);
}

static void
spor_week_grid_finalize (GObject *object)
{
  SporWeekGrid *self = SPOR_WEEK_GRID (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_free (self->today);
  G_OBJECT_CLASS (spor_week_grid_parent_class)->finalize (object);
}

static void
spor_week_grid_class_init (SporWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_week_grid_dispose;
  object_class->finalize = spor_week_grid_finalize;
  widget_class->measure = spor_week_grid_measure;
  widget_class->size_allocate = spor_week_grid_size_allocate;
  widget_class->snapshot = spor_week_grid_snapshot;

  /* The occurrence at @index was clicked or chosen with Enter */
  signals[SIGNAL_OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* A drag on empty space asks for a new block: date, start and end time */
  signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "weekgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
spor_week_grid_init (SporWeekGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  self->children = g_ptr_array_new ();
  g_array_set_clear_func (self->items, item_clear);
  self->first_hour = 7;
  self->last_hour = 20;
  self->selected = -1;
  g_date_clear (&self->monday, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed), NULL);
  self->tick_id = g_timeout_add_seconds (60, on_tick, self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Work blocks of the week"), -1);
}

GtkWidget *
spor_week_grid_new (void)
{
  return g_object_new (SPOR_TYPE_WEEK_GRID, NULL);
}

void
spor_week_grid_set_week (SporWeekGrid *self,
                         SporWeek     *week,
                         const char   *today)
{
  g_return_if_fail (SPOR_IS_WEEK_GRID (self));

  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_free (self->today);
  self->today = g_strdup (today);
  g_date_clear (&self->monday, 1);
  if (week != NULL)
    {
      self->occurrences = g_ptr_array_new_full (week->occurrences->len, (GDestroyNotify) spor_occurrence_free);
      for (guint i = 0; i < week->occurrences->len; i++)
        g_ptr_array_add (self->occurrences, spor_occurrence_copy (g_ptr_array_index (week->occurrences, i)));
      parse_date (week->monday, &self->monday);
    }
  layout_items (self);
  place_items (self);
  self->selected = -1;
  update_accessible (self);
  /* the occurrences' accessible children follow */
  schedule_sync_children (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spor_week_grid_set_hours (SporWeekGrid *self,
                          guint         first,
                          guint         last)
{
  g_return_if_fail (SPOR_IS_WEEK_GRID (self));
  g_return_if_fail (first <= last && last <= 23);

  self->first_hour = first;
  self->last_hour = last;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
spor_week_grid_get_n_occurrences (SporWeekGrid *self)
{
  g_return_val_if_fail (SPOR_IS_WEEK_GRID (self), 0);

  return self->items->len;
}

const SporOccurrence *
spor_week_grid_get_occurrence (SporWeekGrid *self,
                               guint         index)
{
  g_return_val_if_fail (SPOR_IS_WEEK_GRID (self), NULL);

  if (index >= self->items->len)
    return NULL;
  return g_array_index (self->items, Item, index).occurrence;
}

gboolean
spor_week_grid_get_occurrence_area (SporWeekGrid    *self,
                                    guint            index,
                                    graphene_rect_t *area)
{
  Item *item;

  g_return_val_if_fail (SPOR_IS_WEEK_GRID (self), FALSE);

  if (index >= self->items->len)
    return FALSE;
  item = &g_array_index (self->items, Item, index);
  *area = item->area;
  return item->drawn;
}
