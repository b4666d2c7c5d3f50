/* spor-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-sample.h"

#include "spor-calendar-view.h"
#include "spor-export-dialog.h"
#include "spor-import-dialog.h"
#include "spor-gui.h"
#include "spor-participants-view.h"
#include "spor-people-view.h"
#include "spor-programmes-view.h"
#include "spor-pending-delete.h"
#include "spor-timeline-view.h"
#include "spor-view.h"
#include "spor-window.h"

/* How often the window looks for commits of other programs while it has the focus */
#define POLL_SECONDS 3

typedef enum {
  MODE_WELCOME,
  MODE_BUSY,
  MODE_VIEWS,
} WindowMode;

struct _SporWindow
{
  AdwApplicationWindow  parent_instance;

  SporStore            *store;
  GSettings            *settings;
  GCancellable         *sample_cancellable;
  GApplication         *sample_hold;   /* held while the sample is made */
  WindowMode            mode;
  guint                 poll_source;
  gboolean              asking;      /* a report of failed deletions waits for an answer */

  /* template */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkButton            *sample_button;
  GtkLabel             *sample_note;
  GtkButton            *start_empty_button;
  GtkButton            *cancel_sample_button;
  GtkSpinner           *busy_spinner;
  AdwViewStack         *view_stack;
  SporParticipantsView *participants_view;
  SporCalendarView     *calendar_view;
  SporTimelineView     *timeline_view;
  SporProgrammesView   *programmes_view;
  SporPeopleView       *people_view;
};

G_DEFINE_FINAL_TYPE (SporWindow, spor_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = {
  "participants", "calendar", "timeline", "programmes", "people", NULL
};

static gboolean
is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

/* What "Explore with Sample Data" hands to its thread. */
static void
update_switcher (SporWindow *self)
{
  gboolean views = self->mode == MODE_VIEWS;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, views);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    views &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
set_mode (SporWindow *self,
          WindowMode  mode)
{
  static const char * const page_names[] = { "welcome", "busy", "views" };
  GAction *action;

  self->mode = mode;

  gtk_stack_set_visible_child_name (self->main_stack, page_names[mode]);
  gtk_spinner_set_spinning (self->busy_spinner, mode == MODE_BUSY);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), mode == MODE_VIEWS);

  update_switcher (self);

  if (mode == MODE_WELCOME)
    gtk_widget_grab_focus (GTK_WIDGET (self->sample_button));
}

static void
on_title_visible_changed (SporWindow *self)
{
  update_switcher (self);
}

/* The welcome page is for a database with nothing in it yet. One that cannot be counted
 * is not taken for empty: the views show, and say why they cannot read it. */
static gboolean
store_is_empty (SporStore *store)
{
  g_autoptr(GError) error = NULL;

  return spor_store_count_all (store, SPOR_TYPE_PARTICIPANT, &error) == 0 &&
         spor_store_count_all (store, SPOR_TYPE_PROGRAMME, &error) == 0;
}

static SporView *
view_at (SporWindow *self,
         guint       i)
{
  GtkWidget *views[] = {
    GTK_WIDGET (self->participants_view), GTK_WIDGET (self->calendar_view),
    GTK_WIDGET (self->timeline_view), GTK_WIDGET (self->programmes_view),
    GTK_WIDGET (self->people_view),
  };

  g_assert (i < G_N_ELEMENTS (views));
  return SPOR_VIEW (views[i]);
}

#define N_VIEWS (G_N_ELEMENTS (view_names) - 1)

static void
show_error_dialog (SporWindow   *self,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @user_data: the window, and the application it held while the sample was made */
static void
sample_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SporWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) application = g_steal_pointer (&self->sample_hold);
  SporSampleCounts counts = { 0 };
  gboolean cancelled, made;

  /* made in the core's own thread; the store announces the new records itself */
  made = spor_sample_create_finish (SPOR_STORE (source_object), result, &counts, &error);
  cancelled = self->sample_cancellable != NULL &&
              g_cancellable_is_cancelled (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  if (application != NULL)
    g_application_release (application);

  /* The window was closed while the thread ran: nothing left to show. */
  if (self->main_stack == NULL)
    return;

  if (!made)
    {
      set_mode (self, MODE_WELCOME);
      if (!cancelled && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Create Sample Data"), error);
      return;
    }
  set_mode (self, MODE_VIEWS);

  {
    g_autofree char *text = NULL;
    AdwToast *toast;

    text = g_strdup_printf (ngettext ("Sample data created: %u participant",
                                      "Sample data created: %u participants",
                                      counts.participants),
                            counts.participants);
    toast = spor_gui_toast_new (text);
    spor_window_add_toast (self, toast);
  }
}

static void
on_sample_clicked (SporWindow *self)
{
  GtkApplication *application;

  if (self->sample_cancellable != NULL || self->store == NULL)
    return;

  /* Keep the application running until the thread has finished, even when the window is
   * closed: the thread is then cancelled and rolls back. */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      g_application_hold (G_APPLICATION (application));
      self->sample_hold = G_APPLICATION (g_object_ref (application));
    }

  self->sample_cancellable = g_cancellable_new ();
  set_mode (self, MODE_BUSY);
  spor_sample_create_async (self->store, SPOR_WINDOW_SAMPLE_PARTICIPANTS, 1,
                            self->sample_cancellable, sample_done, g_object_ref (self));
}

static void
on_cancel_sample_clicked (SporWindow *self)
{
  if (self->sample_cancellable != NULL)
    g_cancellable_cancel (self->sample_cancellable);
}

static void
on_start_empty_clicked (SporWindow *self)
{
  set_mode (self, MODE_VIEWS);
}

void
spor_window_show_view (SporWindow *self,
                       const char *name)
{
  g_return_if_fail (SPOR_IS_WINDOW (self));
  g_return_if_fail (is_view_name (name));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
view_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SporWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->mode == MODE_VIEWS && is_view_name (name))
    spor_window_show_view (self, name);
}

/* win.view holds the name of the view shown, so menus and other programs can see it. */
/* win.show-participant (x: the participant's id) opens the participant in the
 * Participants view; other views activate it. */
static void
show_participant_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SporWindow *self = user_data;

  if (self->mode != MODE_VIEWS)
    set_mode (self, MODE_VIEWS);
  spor_window_show_view (self, "participants");
  spor_participants_view_show_participant (self->participants_view, g_variant_get_int64 (parameter));
}

/* win.export and win.import: sharing with other sites (spor-export-dialog.c,
 * spor-import-dialog.c). */
static void
on_exported (SporWindow       *self,
             GFile            *file,
             SporExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);
  guint n = (guint) MIN (spor_export_dialog_get_n_held_back (dialog), G_MAXUINT);

  if (n > 0)
    {
      /* Translators: %u is a number of participants */
      g_autofree char *held = g_strdup_printf (ngettext (
          "%u participant without consent to share was left out",
          "%u participants without consent to share were left out", n), n);
      g_autofree char *both = g_strconcat (text, ". ", held, NULL);

      spor_window_add_toast (self, spor_gui_toast_new (both));
      return;
    }
  spor_window_add_toast (self, spor_gui_toast_new (text));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SporWindow *self = user_data;
  SporExportDialog *dialog = spor_export_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SporWindow *self = user_data;
  SporImportDialog *dialog = spor_import_dialog_new (GTK_WINDOW (self), self->store);

  /* what the import writes reaches the views through the store's notification */
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.search (Ctrl+F anywhere in the window, from start-up on): the participants' search.
 * The Participants view answers Ctrl+F itself when the focus is inside it. */
static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SporWindow *self = user_data;

  if (self->mode != MODE_VIEWS)
    return;
  spor_window_show_view (self, "participants");
  gtk_widget_activate_action (GTK_WIDGET (self->participants_view), "participants.search", NULL);
}

static const GActionEntry window_actions[] = {
  { "view", view_activated, "s", "'participants'", NULL, { 0 } },
  { "show-participant", show_participant_activated, "x", NULL, NULL, { 0 } },
  { "export", export_activated, NULL, NULL, NULL, { 0 } },
  { "import", import_activated, NULL, NULL, NULL, { 0 } },
  { "search", search_activated, NULL, NULL, NULL, { 0 } },
};

static void
on_visible_view_changed (SporWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  if (is_view_name (name))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Settings schema %s is not installed; the window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_state (SporWindow *self)
{
  g_autofree char *view = NULL;
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (is_view_name (view))
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

static void
save_state (SporWindow *self)
{
  const char *view;
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (is_view_name (view))
    g_settings_set_string (self->settings, "last-view", view);
}

static void
on_report_answered (gboolean  all_deleted,
                    gpointer  data)
{
  g_autoptr(SporWindow) self = data;

  self->asking = FALSE;
  /* kept records: the window stays open, as the report said */
  if (all_deleted)
    gtk_window_close (GTK_WINDOW (self));
}

/* Deletions still inside their Undo period become final before the window closes; one that
 * fails keeps the window open and the user is told (spor-pending-delete.h). */
static gboolean
flush_before_closing (SporWindow *self)
{
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_VIEWS; i++)
    spor_view_flush_pending (view_at (self, i), failed);
  if (failed->len == 0)
    return TRUE;
  self->asking = TRUE;
  spor_pending_delete_report (GTK_WINDOW (self), failed, TRUE, on_report_answered,
                              g_object_ref (self));
  return FALSE;
}

static gboolean
spor_window_close_request (GtkWindow *window)
{
  SporWindow *self = SPOR_WINDOW (window);

  if (self->asking)
    return TRUE;
  save_state (self);
  if (!flush_before_closing (self))
    return TRUE;
  g_clear_handle_id (&self->poll_source, g_source_remove);

  if (self->sample_cancellable != NULL)
    g_cancellable_cancel (self->sample_cancellable);

  if (GTK_WINDOW_CLASS (spor_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (spor_window_parent_class)->close_request (window);

  return FALSE;
}

static void
use_app_icon_if_installed (SporWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  if (display != NULL &&
      gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (display), APP_ID))
    adw_status_page_set_icon_name (self->welcome_page, APP_ID);
}

static void
spor_window_constructed (GObject *object)
{
  SporWindow *self = SPOR_WINDOW (object);

  G_OBJECT_CLASS (spor_window_parent_class)->constructed (object);

  for (guint i = 0; i < N_VIEWS; i++)
    spor_view_set_store (view_at (self, i), self->store);

  use_app_icon_if_installed (self);
  restore_state (self);

  if (self->store != NULL && store_is_empty (self->store))
    set_mode (self, MODE_WELCOME);
  else
    set_mode (self, MODE_VIEWS);
}

static void
spor_window_dispose (GObject *object)
{
  SporWindow *self = SPOR_WINDOW (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->sample_cancellable != NULL)
    g_cancellable_cancel (self->sample_cancellable);

  /* Let go of the view stack before it goes: the switchers must not outlive it holding on
   * to its pages. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_WINDOW);

  G_OBJECT_CLASS (spor_window_parent_class)->dispose (object);
}

static void
spor_window_finalize (GObject *object)
{
  SporWindow *self = SPOR_WINDOW (object);

  g_clear_object (&self->sample_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_window_parent_class)->finalize (object);
}

static void
spor_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SporWindow *self = SPOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SporWindow *self = SPOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_window_class_init (SporWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = spor_window_constructed;
  object_class->dispose = spor_window_dispose;
  object_class->finalize = spor_window_finalize;
  object_class->get_property = spor_window_get_property;
  object_class->set_property = spor_window_set_property;

  window_class->close_request = spor_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SPOR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SPOR_TYPE_PARTICIPANTS_VIEW);
  g_type_ensure (SPOR_TYPE_CALENDAR_VIEW);
  g_type_ensure (SPOR_TYPE_TIMELINE_VIEW);
  g_type_ensure (SPOR_TYPE_PROGRAMMES_VIEW);
  g_type_ensure (SPOR_TYPE_PEOPLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SporWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, sample_note);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, start_empty_button);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, cancel_sample_button);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, participants_view);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, programmes_view);
  gtk_widget_class_bind_template_child (widget_class, SporWindow, people_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_sample_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_empty_clicked);

  /* Alt+1 … Alt+5 switch views; they reach win.view through the window's action group. */
  for (guint i = 0; view_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.view", "s", view_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

/* Commits of other programs (spor --import in a terminal, another Spor on the same file)
 * are seen when the window gets the focus and every few seconds while it has it: the
 * store then announces that anything may have changed, and the views read again. */
static gboolean
poll_store (gpointer data)
{
  SporWindow *self = data;

  if (self->store != NULL)
    spor_store_poll (self->store);
  return G_SOURCE_CONTINUE;
}

static void
on_active_changed (SporWindow *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    {
      g_clear_handle_id (&self->poll_source, g_source_remove);
      return;
    }
  poll_store (self);
  if (self->poll_source == 0)
    self->poll_source = g_timeout_add_seconds (POLL_SECONDS, poll_store, self);
}

/* "Show on the Timeline" in the programmes view */
static void
on_show_cohort (SporWindow *self,
                gint64      programme_id,
                gint64      cohort_id)
{
  spor_timeline_view_show (self->timeline_view, programme_id, cohort_id);
}

static void
spor_window_init (SporWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->programmes_view, "show-cohort", G_CALLBACK (on_show_cohort), self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions, G_N_ELEMENTS (window_actions),
                                   self);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed), self);

  self->settings = settings_new_if_installed ();

  {
    g_autofree char *note = NULL;

    note = g_strdup_printf (ngettext ("The sample data is invented: %u fictional participant "
                                      "in four programmes, written to this database.",
                                      "The sample data is invented: %u fictional participants "
                                      "in four programmes, written to this database.",
                                      SPOR_WINDOW_SAMPLE_PARTICIPANTS),
                            SPOR_WINDOW_SAMPLE_PARTICIPANTS);
    gtk_label_set_label (self->sample_note, note);
  }
}

SporWindow *
spor_window_new (GtkApplication *application,
                 SporStore      *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

SporStore *
spor_window_get_store (SporWindow *self)
{
  g_return_val_if_fail (SPOR_IS_WINDOW (self), NULL);

  return self->store;
}

void
spor_window_add_toast (SporWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (SPOR_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
