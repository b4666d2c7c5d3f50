/* spor-timeline.c — participants' phases on a time axis
 *
 * The widget draws everything itself (measure/size_allocate/snapshot). Rows are fixed
 * height, so the rows on screen follow from the vertical adjustment; only those are read
 * from the store, through a small cache keyed by participant. This file holds the rows,
 * their texts, input, the source and the GObject; spor-timeline-layout.c and
 * spor-timeline-draw.c the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-programmes.h"
#include "spor-timeline-private.h"
#include "spor-util.h"

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

SporProgressRow *
spor_timeline_get_row (SporTimeline *self,
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
  data = spor_timeline_get_row (self, row);
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

void
spor_timeline_update_accessible (SporTimeline *self)
{
  g_autofree char *description = NULL;

  if (self->selected >= 0)
    description = spor_timeline_describe (self, (guint) self->selected, self->focus_bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
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
  data = spor_timeline_get_row (self, row);
  if (data != NULL)
    bar = CLAMP (bar, -1, (int) data->bars->len - 1);
  else
    bar = -1;
  self->selected = (int) row;
  self->focus_bar = bar;
  spor_timeline_scroll_to_row (self, row);
  if (data != NULL && bar >= 0)
    {
      SporProgressBar *b = g_ptr_array_index (data->bars, bar);
      spor_timeline_scroll_to_day (self, spor_timeline_julian_of (b->actual_start != NULL ? b->actual_start : b->planned_start));
    }
  spor_timeline_update_accessible (self);
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
  data = spor_timeline_get_row (self, (guint) row);
  for (guint i = 0; data != NULL && i < data->bars->len; i++)
    {
      graphene_rect_t area;

      if (spor_timeline_bar_area (self, data, (guint) row, i, &area) &&
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
  today = spor_timeline_today_julian (self);
  self->first_day = today - 30;
  self->last_day = today + 180;

  if (store != NULL && (programme_id > 0 || cohort_id > 0))
    {
      self->ids = spor_progress_rows_list_ids (store, programme_id, cohort_id, &error);
      if (self->ids == NULL)
        g_warning ("Timeline: %s", error->message);
      else if (spor_progress_rows_get_range (store, programme_id, cohort_id, &first, &last, &error))
        {
          guint32 f = spor_timeline_julian_of (first), l = spor_timeline_julian_of (last);

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
      h += ((double) kept_first_day - (double) self->first_day) * spor_timeline_px_per_day (self);
      for (guint i = 0; kept_participant > 0 && i < self->ids->len; i++)
        if (g_array_index (self->ids, gint64, i) == kept_participant)
          self->selected = (int) i;
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  spor_timeline_configure_adjustments (self);
  if (same && self->hadjustment != NULL && self->vadjustment != NULL)
    {
      gtk_adjustment_set_value (self->hadjustment, MAX (h, 0));
      gtk_adjustment_set_value (self->vadjustment, v);
    }
  /* show today when it is inside the period, once the width is known */
  self->scroll_to_today = !same;
  for (guint i = 0; i < self->row_widgets->len; i++)
    g_object_set_data (g_ptr_array_index (self->row_widgets, i), "spor-row", NULL);
  spor_timeline_update_accessible (self);
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
                gtk_adjustment_get_page_size (self->hadjustment) / 2) / spor_timeline_px_per_day (self);
  self->zoom = zoom;
  spor_timeline_configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment,
                            centre_day * spor_timeline_px_per_day (self) -
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
    g_signal_handlers_disconnect_by_func (self->hadjustment, spor_timeline_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, spor_timeline_adjustment_changed, self);
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
      spor_timeline_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      spor_timeline_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
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
  border->left = spor_timeline_name_width (self);
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
  spor_timeline_set_adjustment (self, &self->hadjustment, NULL);
  spor_timeline_set_adjustment (self, &self->vadjustment, NULL);

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
