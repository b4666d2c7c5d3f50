/* spor-timeline-layout.c — where the timeline puts things: days and pixels, the bars'
 * places, scrolling, its size and the accessible children of the rows on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-timeline-private.h"
#include "spor-util.h"

/* ---- days and pixels ------------------------------------------------------------------ */

/* The names column: narrower in a narrow window, so the chart keeps some room. */
int
spor_timeline_name_width (SporTimeline *self)
{
  return CLAMP (gtk_widget_get_width (GTK_WIDGET (self)) * 35 / 100, NAME_WIDTH_MIN, NAME_WIDTH_MAX);
}

guint32
spor_timeline_julian_of (const char *iso)
{
  return spor_date_to_julian (iso);
}

guint32
spor_timeline_today_julian (SporTimeline *self)
{
  g_autofree char *today = self->today != NULL ? g_strdup (self->today) : spor_date_today ();

  return spor_timeline_julian_of (today);
}

int
spor_timeline_chart_width (SporTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - spor_timeline_name_width (self), 1);
}

double
spor_timeline_px_per_day (SporTimeline *self)
{
  switch (self->zoom)
    {
    case SPOR_TIMELINE_ZOOM_WEEKS:
      return 22.0;
    case SPOR_TIMELINE_ZOOM_MONTHS:
      return 5.0;
    case SPOR_TIMELINE_ZOOM_PERIOD:
    default:
      return MAX ((double) spor_timeline_chart_width (self) / (double) MAX (self->last_day - self->first_day + 1, 1),
                  0.2);
    }
}

/* x in widget coordinates of the start of julian day @day */
double
spor_timeline_day_x (SporTimeline *self,
       guint32       day)
{
  return spor_timeline_name_width (self) + ((double) day - (double) self->first_day) * spor_timeline_px_per_day (self)
         - gtk_adjustment_get_value (self->hadjustment);
}

double
spor_timeline_row_y (SporTimeline *self,
       guint         row)
{
  return HEADER_HEIGHT + (double) row * ROW_HEIGHT - gtk_adjustment_get_value (self->vadjustment);
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

gboolean
spor_timeline_bar_area (SporTimeline    *self,
          SporProgressRow *data,
          guint            row,
          guint            index,
          graphene_rect_t *area)
{
  SporProgressBar *bar = g_ptr_array_index (data->bars, index);
  guint32 start = spor_timeline_julian_of (bar->planned_start), end = spor_timeline_julian_of (bar->planned_end);
  guint lane, n_lanes;
  double x0, x1, top = spor_timeline_row_y (self, row) + BAR_INSET, height = ROW_HEIGHT - 2 * BAR_INSET;

  if (bar->actual_start != NULL && spor_timeline_julian_of (bar->actual_start) < start)
    start = spor_timeline_julian_of (bar->actual_start);
  if (bar->actual_end != NULL && spor_timeline_julian_of (bar->actual_end) > end)
    end = spor_timeline_julian_of (bar->actual_end);
  if (start == 0 || end == 0)
    return FALSE;
  bar_lane (data, index, &lane, &n_lanes);
  height /= n_lanes;
  x0 = spor_timeline_day_x (self, start);
  x1 = spor_timeline_day_x (self, end + 1);
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
  data = spor_timeline_get_row (self, row);
  if (data == NULL || bar >= data->bars->len)
    return FALSE;
  return spor_timeline_bar_area (self, data, row, bar, area);
}

/* ---- scrolling ----------------------------------------------------------------------- */

void
spor_timeline_configure_adjustments (SporTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = (double) (self->last_day - self->first_day + 1) * spor_timeline_px_per_day (self);
  double content_h = (double) spor_timeline_get_n_rows (self) * ROW_HEIGHT;
  double page_w = MAX (width - spor_timeline_name_width (self), 0), page_h = MAX (height - HEADER_HEIGHT, 0);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                     MAX (content_w - page_w, 0)),
                              0, MAX (content_w, page_w), spor_timeline_px_per_day (self) * 7,
                              page_w * 0.9, page_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (content_h - page_h, 0)),
                              0, MAX (content_h, page_h), ROW_HEIGHT,
                              page_h * 0.9, page_h);
}

void
spor_timeline_adjustment_changed (SporTimeline *self)
{
  /* the rows on screen changed: their accessible children follow */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spor_timeline_set_adjustment (SporTimeline   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, spor_timeline_adjustment_changed, self);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (spor_timeline_adjustment_changed), self);
  spor_timeline_configure_adjustments (self);
}

void
spor_timeline_scroll_to_row (SporTimeline *self,
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

void
spor_timeline_scroll_to_day (SporTimeline *self,
               guint32       day)
{
  double x = ((double) day - self->first_day) * spor_timeline_px_per_day (self);
  double value = gtk_adjustment_get_value (self->hadjustment);
  double page = gtk_adjustment_get_page_size (self->hadjustment);

  if (page <= 0)
    return;
  if (x < value || x > value + page)
    gtk_adjustment_set_value (self->hadjustment, MAX (x - page / 3, 0));
}

/* ---- size ---------------------------------------------------------------------------- */

void
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
  SporProgressRow *data = spor_timeline_get_row (self, row);
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
      double y = spor_timeline_row_y (self, row);

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

void
spor_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SporTimeline *self = SPOR_TIMELINE (widget);
  guint32 today = spor_timeline_today_julian (self);

  spor_timeline_configure_adjustments (self);
  allocate_rows (self, width, height);
  if (self->scroll_to_today && width > spor_timeline_name_width (self))
    {
      self->scroll_to_today = FALSE;
      if (self->zoom != SPOR_TIMELINE_ZOOM_PERIOD && today > self->first_day && today < self->last_day)
        spor_timeline_scroll_to_day (self, today);
    }
}
