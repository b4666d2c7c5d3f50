/* spor-calendar-view.c — the Calendar page: the week grid, navigation, filters, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-blocks.h"
#include "spor-ical.h"

#include "spor-attendance-print.h"
#include "spor-attention-detail-row.h"
#include "spor-attention-row.h"
#include "spor-calendar-view-private.h"
#include "spor-gui.h"
#include "spor-occurrence-dialog.h"
#include "spor-record-choices.h"
#include "spor-week-grid.h"


static void spor_calendar_view_view_init (SporViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporCalendarView, spor_calendar_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SPOR_TYPE_VIEW, spor_calendar_view_view_init))

/* What the week, its problems and the filters show */
static const char * const followed_kinds[] = {
  "block", "block_requirement", "block_exception", "block_staff", "block_participant",
  "attendance", "programme", "location", "staff", "staff_role", "participant", NULL
};

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GDateTime *
parse_day (const char *iso)
{
  return spor_date_to_noon (iso);
}

/* Translators: a full date for g_date_time_format(), e.g. "29 November 2026" */
#define DAY_MONTH_YEAR N_("%-d %B %Y")

/* "Week 48 · 23–29 November 2026", with the month and year written once where shared */
char *
spor_calendar_view_format_week (const char *monday)
{
  g_autoptr(GDateTime) start = parse_day (monday);
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *range = NULL;

  if (start == NULL)
    return g_strdup ("");
  end = g_date_time_add_days (start, 6);
  if (g_date_time_get_month (start) == g_date_time_get_month (end))
    {
      g_autofree char *tail = g_date_time_format (end, _(DAY_MONTH_YEAR));
      /* Translators: a date range within one month: first day, then e.g. "29 November 2026" */
      range = g_strdup_printf (_("%d–%s"), g_date_time_get_day_of_month (start), g_strstrip (tail));
    }
  else if (g_date_time_get_year (start) == g_date_time_get_year (end))
    {
      /* Translators: a day and month for g_date_time_format(), e.g. "30 November" */
      g_autofree char *head = g_date_time_format (start, _("%-d %B"));
      g_autofree char *tail = g_date_time_format (end, _(DAY_MONTH_YEAR));
      /* Translators: a date range across two months: "30 November – 6 December 2026" */
      range = g_strdup_printf (_("%s – %s"), g_strstrip (head), g_strstrip (tail));
    }
  else
    {
      g_autofree char *head = g_date_time_format (start, _(DAY_MONTH_YEAR));
      g_autofree char *tail = g_date_time_format (end, _(DAY_MONTH_YEAR));
      range = g_strdup_printf (_("%s – %s"), g_strstrip (head), g_strstrip (tail));
    }
  /* Translators: the header of the week: "Week 48 · 23–29 November 2026" */
  return g_strdup_printf (_("Week %d · %s"), g_date_time_get_week_of_year (start), range);
}

/* Filters: drop-downs of the records, after an entry for all of them */

static void
fill_filter (SporCalendarView *self,
             GtkDropDown      *drop_down,
             GType             type,
             const char       *all_label,
             gint64            selected)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  spor_query_order_by (query, "name", FALSE);
  list = self->store != NULL ? spor_store_list (self->store, query, &error) : NULL;
  /* the filter offers all of them only; the toast says why */
  if (error != NULL)
    spor_gui_show_toast (GTK_WIDGET (self), error->message);
  records = spor_record_choices_new (type, list, all_label);
  spor_record_choices_set_model (drop_down, records, NULL, selected);
}

void
spor_calendar_view_fill_filters (SporCalendarView *self)
{
  self->filling = TRUE;
  fill_filter (self, self->programme_filter, SPOR_TYPE_PROGRAMME,
               _("All Programmes"), self->filter.programme_id);
  fill_filter (self, self->location_filter, SPOR_TYPE_LOCATION,
               _("All Locations"), self->filter.location_id);
  fill_filter (self, self->staff_filter, SPOR_TYPE_STAFF,
               _("All Staff"), self->filter.staff_id);
  self->filling = FALSE;
}

static void
show_attention (SporCalendarView *self)
{
  GtkWidget *child;
  guint n = 0;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);

  for (guint i = 0; self->week != NULL && i < self->week->occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (self->week->occurrences, i);

      if (o->problems == 0 || o->cancelled || spor_calendar_view_is_hidden (self, o->block_id))
        continue;
      gtk_list_box_append (self->attention_list, spor_attention_row_new (o));
      gtk_list_box_append (self->attention_list, spor_attention_detail_row_new (o->problem_text));
      n++;
    }
  title = n > 0 ? g_strdup_printf (ngettext ("Needs Attention (%u)", "Needs Attention (%u)", n), n)
                : g_strdup (_("Needs Attention"));
  gtk_label_set_label (self->attention_title, title);
  gtk_stack_set_visible_child_name (self->attention_stack, n > 0 ? "list" : "none");
}

void
spor_calendar_view_show_week (SporCalendarView *self)
{
  g_autoptr(SporWeek) shown = g_new0 (SporWeek, 1);

  /* Blocks waiting for their deletion to become final are not shown */
  shown->monday = g_strdup (self->week->monday);
  shown->occurrences = g_ptr_array_new ();
  for (guint i = 0; i < self->week->occurrences->len; i++)
    {
      SporOccurrence *o = g_ptr_array_index (self->week->occurrences, i);

      if (!spor_calendar_view_is_hidden (self, o->block_id))
        g_ptr_array_add (shown->occurrences, o);
    }
  spor_week_grid_set_week (self->week_grid, shown, NULL);
  show_attention (self);
}

static void
on_week_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SporCalendarView *self = data;
  g_autoptr(GError) error = NULL;
  /* read in the core's own thread, on a connection of its own */
  SporWeek *week = spor_blocks_query_week_finish (SPOR_STORE (source), result, &error);

  if (week == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Calendar view: %s", error->message);
          spor_gui_status_page_show_error (self->error_page, error);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      g_object_unref (self);
      return;
    }
  g_clear_pointer (&self->week, spor_week_free);
  self->week = week;
  spor_calendar_view_show_week (self);
  g_object_unref (self);
}

static void
load_week (SporCalendarView *self)
{
  g_autofree char *title = NULL;

  title = spor_calendar_view_format_week (self->monday);
  gtk_label_set_label (self->week_label, title);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  spor_blocks_query_week_async (self->store, self->monday, &self->filter, self->cancellable,
                                on_week_loaded, g_object_ref (self));
}

/* Reads the week at once, on this thread: for tests and right after a change. */
gboolean
spor_calendar_view_load_week_now (SporCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  SporWeek *week;

  g_return_val_if_fail (SPOR_IS_CALENDAR_VIEW (self), FALSE);
  spor_gui_load_if_waiting (GTK_WIDGET (self));

  if (self->store == NULL)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  week = spor_blocks_query_week (self->store, self->monday, &self->filter, &error);
  if (week == NULL)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return FALSE;
    }
  g_clear_pointer (&self->week, spor_week_free);
  self->week = week;
  spor_calendar_view_show_week (self);
  return TRUE;
}

void
spor_calendar_view_go_to (SporCalendarView *self,
                          const char       *date)
{
  g_autofree char *monday = spor_blocks_week_start (date);

  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));
  spor_gui_load_if_waiting (GTK_WIDGET (self));

  if (monday == NULL)
    return;
  g_free (self->monday);
  self->monday = g_steal_pointer (&monday);
  load_week (self);
}

const char *
spor_calendar_view_get_week (SporCalendarView *self)
{
  g_return_val_if_fail (SPOR_IS_CALENDAR_VIEW (self), NULL);

  return self->monday;
}

static void
shift_week (SporCalendarView *self,
            int               days)
{
  g_autoptr(GDateTime) day = parse_day (self->monday);
  g_autoptr(GDateTime) moved = g_date_time_add_days (day, days);
  g_autofree char *iso = g_date_time_format (moved, "%Y-%m-%d");

  spor_calendar_view_go_to (self, iso);
}

static void
load (GtkWidget *widget)
{
  SporCalendarView *self = (SporCalendarView *) widget;
  g_autoptr(GError) error = NULL;
  gint64 blocks;

  gtk_label_set_label (self->week_label, "");
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  blocks = spor_gui_count (self->store, SPOR_TYPE_BLOCK, &error);
  if (blocks < 0)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  spor_calendar_view_fill_filters (self);
  gtk_stack_set_visible_child_name (self->stack, blocks > 0 ? "week" : "empty");
  load_week (self);
}

void
spor_calendar_view_reload (SporCalendarView *self)
{
  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

static void
reload (SporView *view)
{
  spor_calendar_view_reload (SPOR_CALENDAR_VIEW (view));
}

static void
spor_calendar_view_view_init (SporViewInterface *iface)
{
  iface->get_store = (SporStore * (*) (SporView *)) spor_calendar_view_get_store;
  iface->set_store = (void (*) (SporView *, SporStore *)) spor_calendar_view_set_store;
  iface->reload = reload;
  iface->flush_pending = spor_calendar_view_flush_pending;
}

/* Export */

static void
on_export_response (GtkNativeDialog  *chooser,
                    int               response,
                    SporCalendarView *self)
{
  SporIcalSelection *selection = g_object_get_data (G_OBJECT (chooser), "selection");

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (path == NULL || !spor_ical_export_file (self->store, selection, path, &n, &error))
        spor_gui_show_toast (GTK_WIDGET (self), error != NULL ? error->message : _("The calendar could not be written there."));
      else
        {
          /* Translators: %u is a number of work blocks */
          g_autofree char *text = g_strdup_printf (ngettext ("Exported %u work block",
                                                             "Exported %u work blocks", n), n);
          spor_gui_show_toast (GTK_WIDGET (self), text);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
spor_calendar_view_export (SporCalendarView        *self,
                           const SporIcalSelection *selection,
                           const char              *suggested_name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export as iCalendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data_full (G_OBJECT (chooser), "selection", g_memdup2 (selection, sizeof *selection), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (widget);
  SporIcalSelection selection = { 0 };

  if (g_str_equal (action_name, "calendar.export-programme"))
    {
      if (self->filter.programme_id == 0)
        {
          spor_gui_show_toast (GTK_WIDGET (self), _("Choose a programme in the filter first."));
          return;
        }
      selection.programme_id = self->filter.programme_id;
    }
  else if (g_str_equal (action_name, "calendar.export-staff"))
    {
      if (self->filter.staff_id == 0)
        {
          spor_gui_show_toast (GTK_WIDGET (self), _("Choose a staff member in the filter first."));
          return;
        }
      selection.staff_id = self->filter.staff_id;
    }
  /* Translators: the suggested file name of an exported calendar */
  spor_calendar_view_export (self, &selection, _("work-blocks.ics"));
}

/* The week's attendance sheets, as the filters show the week */
static void
week_sheets_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (widget);

  if (g_str_equal (action_name, "calendar.print-week"))
    spor_attendance_print_run (widget, self->store, 0, self->monday, &self->filter);
  else
    spor_attendance_print_ask_export (widget, self->store, 0, self->monday, &self->filter);
}

/* Occurrences: what the dialog writes comes back through the store's notifications */

static void
on_dialog_edit (SporOccurrenceDialog *dialog,
                gint64                block_id,
                SporCalendarView     *self)
{
  gtk_window_close (GTK_WINDOW (dialog));
  spor_calendar_view_open_editor (self, block_id, NULL, NULL, NULL);
}

static void
on_dialog_delete (SporOccurrenceDialog *dialog,
                  gint64                block_id,
                  SporCalendarView     *self)
{
  gtk_window_close (GTK_WINDOW (dialog));
  spor_calendar_view_delete_block (self, block_id);
}

static void
on_dialog_export (SporOccurrenceDialog *dialog,
                  gint64                block_id,
                  SporCalendarView     *self)
{
  SporIcalSelection selection = { .block_id = block_id };

  spor_calendar_view_export (self, &selection, _("work-block.ics"));
}

void
spor_calendar_view_open_occurrence (SporCalendarView     *self,
                                    const SporOccurrence *occurrence)
{
  SporOccurrenceDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = spor_occurrence_dialog_new (self->store, occurrence);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "edit-block", G_CALLBACK (on_dialog_edit), self, 0);
  g_signal_connect_object (dialog, "delete-block", G_CALLBACK (on_dialog_delete), self, 0);
  g_signal_connect_object (dialog, "export-block", G_CALLBACK (on_dialog_export), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_occurrence_activated (SporCalendarView *self,
                         guint             index)
{
  const SporOccurrence *o = spor_week_grid_get_occurrence (self->week_grid, index);

  if (o != NULL)
    spor_calendar_view_open_occurrence (self, o);
}

static void
on_attention_activated (SporCalendarView *self,
                        GtkListBoxRow    *row)
{
  if (SPOR_IS_ATTENTION_ROW (row))
    spor_calendar_view_open_occurrence (self, spor_attention_row_get_occurrence (SPOR_ATTENTION_ROW (row)));
}

static void
on_create_requested (SporCalendarView *self,
                     const char       *date,
                     const char       *start,
                     const char       *end)
{
  spor_calendar_view_open_editor (self, 0, date, start, end);
}

static void
on_date_picked (SporCalendarView *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_picker);
  g_autofree char *iso = g_date_time_format (picked, "%Y-%m-%d");

  gtk_menu_button_popdown (self->date_button);
  spor_calendar_view_go_to (self, iso);
}

static void
on_filter_changed (SporCalendarView *self)
{
  if (self->filling)
    return;
  self->filter.programme_id = spor_record_choices_get_selected (self->programme_filter);
  self->filter.location_id = spor_record_choices_get_selected (self->location_filter);
  self->filter.staff_id = spor_record_choices_get_selected (self->staff_filter);
  load_week (self);
}

void
spor_calendar_view_set_filter (SporCalendarView     *self,
                               const SporWeekFilter *filter)
{
  spor_gui_load_if_waiting (GTK_WIDGET (self));
  self->filter = *filter;
  spor_calendar_view_fill_filters (self);
  load_week (self);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (widget);

  if (g_str_equal (action_name, "calendar.previous-week"))
    shift_week (self, -7);
  else if (g_str_equal (action_name, "calendar.next-week"))
    shift_week (self, 7);
  else
    {
      g_autofree char *today = today_iso ();

      spor_calendar_view_go_to (self, today);
    }
}

static void
new_block_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (widget);

  spor_calendar_view_open_editor (self, 0, self->monday, "09:00", "12:00");
}

SporWeekGrid *
spor_calendar_view_get_week_grid (SporCalendarView *self)
{
  g_return_val_if_fail (SPOR_IS_CALENDAR_VIEW (self), NULL);

  return self->week_grid;
}

static void
spor_calendar_view_dispose (GObject *object)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (object);

  /* the window carried out what was pending before it closed; this is the last chance */
  spor_calendar_view_drop_pending (self);
  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->week, spor_week_free);

  G_OBJECT_CLASS (spor_calendar_view_parent_class)->dispose (object);
}

static void
spor_calendar_view_finalize (GObject *object)
{
  SporCalendarView *self = SPOR_CALENDAR_VIEW (object);

  g_free (self->monday);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (spor_calendar_view_parent_class)->finalize (object);
}

static void
spor_calendar_view_class_init (SporCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_calendar_view_dispose;
  object_class->finalize = spor_calendar_view_finalize;

  spor_view_class_install_store (object_class);

  g_type_ensure (SPOR_TYPE_WEEK_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, week_label);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, date_button);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, date_picker);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, programme_filter);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, location_filter);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, staff_filter);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, flap);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, week_grid);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, attention_title);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, attention_stack);
  gtk_widget_class_bind_template_child (widget_class, SporCalendarView, attention_list);
  gtk_widget_class_bind_template_callback (widget_class, on_date_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_occurrence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_activated);

  gtk_widget_class_install_action (widget_class, "calendar.previous-week", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-week", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-block", NULL, new_block_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-programme", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-staff", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-all", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.print-week", NULL, week_sheets_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-week-sheets", NULL, week_sheets_action);
}

static void
spor_calendar_view_init (SporCalendarView *self)
{
  g_autoptr(GtkEventController) shortcuts = NULL;
  static const struct { const char *accel, *action; } keys[] = {
    { "<Alt>Left", "calendar.previous-week" },
    { "<Alt>Right", "calendar.next-week" },
    { "<Control>t", "calendar.today" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autofree char *today = today_iso ();

    self->monday = spor_blocks_week_start (today);
  }

  /* The view's shortcuts work wherever the focus is in the window while the view shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].accel),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), g_steal_pointer (&shortcuts));

  g_signal_connect_swapped (self->programme_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->location_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->staff_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  gtk_label_set_label (self->week_label, "");
}

GtkWidget *
spor_calendar_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_CALENDAR_VIEW, "store", store, NULL);
}

SporStore *
spor_calendar_view_get_store (SporCalendarView *self)
{
  g_return_val_if_fail (SPOR_IS_CALENDAR_VIEW (self), NULL);

  return self->store;
}

void
spor_calendar_view_set_store (SporCalendarView *self,
                              SporStore        *store)
{
  g_return_if_fail (SPOR_IS_CALENDAR_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (self->store == store)
    return;
  spor_calendar_view_drop_pending (self);
  g_set_object (&self->store, store);

  self->filter = (SporWeekFilter) { 0 };
  spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);
  spor_calendar_view_reload (self);
  g_object_notify (G_OBJECT (self), "store");
}
