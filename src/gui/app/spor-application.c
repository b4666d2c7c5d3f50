/* spor-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "spor-store.h"

#include "spor-accessible-names.h"
#include "spor-application.h"
#include "spor-application-cli.h"
#include "spor-gui.h"
#include "spor-preferences-window.h"
#include "spor-window.h"

struct _SporApplication
{
  AdwApplication  parent_instance;

  gint64          start_time;
  gboolean        bench;
  gboolean        bench_reported;
  guint           signal_sources[3];
  gboolean        quit_signalled;
};

G_DEFINE_FINAL_TYPE (SporApplication, spor_application, ADW_TYPE_APPLICATION)


static gboolean open_database (SporApplication *self,
                               const char      *path);

/* Runs before the application registers or touches a display: what can be answered from
 * the command line alone is answered here. */
static int
spor_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  return spor_application_cli_handle (options);
}

/* --- benchmark ------------------------------------------------------------------------- */

static void
on_bench_after_paint (GdkFrameClock   *frame_clock,
                      SporApplication *self)
{
  double elapsed_ms;

  if (self->bench_reported)
    return;

  self->bench_reported = TRUE;
  elapsed_ms = (g_get_monotonic_time () - self->start_time) / 1000.0;

  g_signal_handlers_disconnect_by_func (frame_clock, on_bench_after_paint, self);

  printf ("startup.first_frame_ms %.1f\n", elapsed_ms);
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
}

static void
on_bench_window_mapped (GtkWidget       *window,
                        SporApplication *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_bench_window_mapped, self);

  if (frame_clock != NULL)
    g_signal_connect_object (frame_clock, "after-paint",
                             G_CALLBACK (on_bench_after_paint), self, 0);
}

/* --- opening a database ---------------------------------------------------------------- */

typedef struct {
  SporApplication *application;
  char            *path;
  char            *message;
} OpenFailure;

static void
open_failure_free (OpenFailure *failure)
{
  g_clear_object (&failure->application);
  g_free (failure->path);
  g_free (failure->message);
  g_free (failure);
}

static void show_open_failure (SporApplication *self,
                               const char      *path,
                               const char      *message);

static gboolean
has_main_window (SporApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SPOR_IS_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     OpenFailure     *failure)
{
  SporApplication *self = failure->application;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        open_database (self, path);
      else
        show_open_failure (self, failure->path, failure->message);
    }
  else
    {
      /* Back to the choice: another file, or quit. */
      show_open_failure (self, failure->path, failure->message);
    }

  g_application_release (G_APPLICATION (self));
  g_object_unref (chooser);
  open_failure_free (failure);
}

static void
choose_another_database (OpenFailure *failure)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) file = g_file_new_for_path (failure->path);
  g_autoptr(GFile) folder = g_file_get_parent (file);

  chooser = gtk_file_chooser_native_new (_("Open Database"), NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Spor Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (folder != NULL && g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  /* No window may be left while the chooser is up; keep running until it answers. */
  g_application_hold (G_APPLICATION (failure->application));

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), failure);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_failure_response (AdwMessageDialog *dialog,
                          const char       *response,
                          OpenFailure      *failure)
{
  if (g_strcmp0 (response, "open") == 0)
    {
      OpenFailure *copy = g_new0 (OpenFailure, 1);

      copy->application = g_object_ref (failure->application);
      copy->path = g_strdup (failure->path);
      copy->message = g_strdup (failure->message);
      choose_another_database (copy);
    }
}

static void
show_open_failure (SporApplication *self,
                   const char      *path,
                   const char      *message)
{
  AdwMessageDialog *dialog;
  OpenFailure *failure;

  failure = g_new0 (OpenFailure, 1);
  failure->application = g_object_ref (self);
  failure->path = g_strdup (path);
  failure->message = g_strdup (message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Could Not Open the Database"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: the first %s is the reason, the second a file path */
                                  _("%s\n\nFile: %s\n\nSpor has not changed this file. "
                                    "You can open another database file instead."),
                                  message, path);
  /* No mnemonics: GTK 4.8 then gives the buttons garbled accessible names. */
  adw_message_dialog_add_responses (dialog,
                                    "close", has_main_window (self) ? _("Close") : _("Quit"),
                                    "open", _("Open Another Database…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_failure_response),
                         failure, (GClosureNotify) (void (*) (void)) open_failure_free, 0);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static SporWindow *
find_window_for_path (SporApplication *self,
                      const char      *path)
{
  g_autofree char *wanted = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autofree char *open_path = NULL;
      SporStore *store;

      if (!SPOR_IS_WINDOW (l->data))
        continue;

      store = spor_window_get_store (l->data);
      open_path = g_canonicalize_filename (spor_store_get_path (store), NULL);
      if (g_strcmp0 (open_path, wanted) == 0)
        return l->data;
    }

  return NULL;
}

/* Opens the database at @path (NULL: the default one) in a window of its own, or shows why
 * it cannot be opened. */
static gboolean
open_database (SporApplication *self,
               const char      *path)
{
  g_autofree char *resolved = NULL;
  g_autoptr(SporStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SporWindow *window;

  resolved = path != NULL ? g_strdup (path) : spor_store_default_path ();

  window = find_window_for_path (self, resolved);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return TRUE;
    }

  store = spor_store_open (resolved, &error);
  if (store == NULL)
    {
      g_printerr (_("spor: could not open the database “%s”: %s\n"), resolved, error->message);

      if (self->bench)
        g_application_quit (G_APPLICATION (self));
      else
        show_open_failure (self, resolved, error->message);

      return FALSE;
    }

  window = spor_window_new (GTK_APPLICATION (self), store);

  if (self->bench)
    g_signal_connect_object (window, "map", G_CALLBACK (on_bench_window_mapped), self, 0);

  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static int
spor_application_command_line (GApplication            *application,
                               GApplicationCommandLine *command_line)
{
  SporApplication *self = SPOR_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *database = NULL;

  /* A relative path is relative to where spor was started, which for a second invocation
   * is not where this (first) instance runs. */
  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      path = g_file_get_path (file);
    }

  if (!open_database (self, path) && self->bench)
    return 1;

  return 0;
}

static void
spor_application_activate (GApplication *application)
{
  SporApplication *self = SPOR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    open_database (self, NULL);
}

/* --- actions --------------------------------------------------------------------------- */

static SporWindow *
get_main_window (SporApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SPOR_IS_WINDOW (active))
    return SPOR_WINDOW (active);

  if (active != NULL && SPOR_IS_WINDOW (gtk_window_get_transient_for (active)))
    return SPOR_WINDOW (gtk_window_get_transient_for (active));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SPOR_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SporApplication *self = user_data;
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Spor"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Kulturspor",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Spor keeps the participants of culture-based employment "
                                      "programmes on track: from intake and the start "
                                      "agreement, through work blocks and phases, to the exit."),
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        NULL);

  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SporApplication *self = user_data;
  SporWindow *window = get_main_window (self);
  GtkWidget *preferences;

  if (window == NULL)
    return;

  preferences = spor_preferences_window_new (spor_window_get_store (window));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SporApplication *self = user_data;
  SporWindow *window = get_main_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SporApplication *self = user_data;
  GList *windows = NULL;

  /* Closing (rather than quitting outright) lets each window keep its size and view and
   * stop a running job; the application ends when the last window is gone. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_activated, NULL, NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
};

/* --- life cycle ------------------------------------------------------------------------ */

/* SIGTERM (the session ends, kill), SIGINT (Ctrl+C in a terminal) and SIGHUP quit as
 * app.quit does: each window carries out the deletions that wait for their Undo before it
 * closes, and one that fails keeps its window open with the reason. A second signal quits
 * regardless; what could not be deleted then stays in the database. */
static gboolean
on_quit_signal (gpointer data)
{
  SporApplication *self = data;

  if (self->quit_signalled)
    {
      g_printerr (_("spor: quitting; what could not be deleted is kept\n"));
      g_application_quit (G_APPLICATION (self));
      return G_SOURCE_CONTINUE;
    }
  self->quit_signalled = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
spor_application_startup (GApplication *application)
{
  SporApplication *self = SPOR_APPLICATION (application);
  static const char * const quit_accels[] = { "<Primary>q", NULL };
  static const char * const preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (spor_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  spor_accessible_names_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  /* Ctrl+? for win.show-help-overlay comes with gtk/help-overlay.ui in the resources. */

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, on_quit_signal, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, on_quit_signal, self);
  self->signal_sources[2] = g_unix_signal_add (SIGHUP, on_quit_signal, self);
}

static void
spor_application_shutdown (GApplication *application)
{
  SporApplication *self = SPOR_APPLICATION (application);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  G_APPLICATION_CLASS (spor_application_parent_class)->shutdown (application);
}

static void
spor_application_class_init (SporApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = spor_application_handle_local_options;
  app_class->command_line = spor_application_command_line;
  app_class->activate = spor_application_activate;
  app_class->startup = spor_application_startup;
  app_class->shutdown = spor_application_shutdown;
}

static void
spor_application_init (SporApplication *self)
{

  g_application_add_main_option_entries (G_APPLICATION (self), spor_application_cli_options ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the participants of culture-based "
                                              "employment programmes on track."));
}

SporApplication *
spor_application_new (gint64 start_time)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_COMMAND_LINE;
  gboolean bench = g_strcmp0 (g_getenv ("SPOR_BENCH"), "1") == 0;
  SporApplication *self;

  /* A measurement must not be handed to an instance that is already running. */
  if (bench)
    flags |= G_APPLICATION_NON_UNIQUE;

  self = g_object_new (SPOR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/dk/kulturspor/Spor",
                       NULL);
  self->start_time = start_time;
  self->bench = bench;

  return self;
}
