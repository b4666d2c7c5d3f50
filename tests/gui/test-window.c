/* test-window.c — the main window and the preferences on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spor-sample.h"
#include "spor-store.h"

#include "spor-participants-view.h"
#include "spor-preferences-window.h"
#include "spor-programmes-view.h"
#include "spor-timeline-view.h"
#include "spor-window.h"

#include "gui-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("spor-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "spor.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gui_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
present_and_wait (GtkWindow *window)
{
  gtk_window_present (window);
  gui_wait_for (widget_is_mapped, window, 20);
}

/* Lets pending idles and frames run, so that nothing still holds a widget. */
static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
main_page (SporWindow *window)
{
  return gtk_stack_get_visible_child_name (child (window, SPOR_TYPE_WINDOW, "main_stack"));
}

static SporWindow *
window_new (SporStore *store)
{
  SporWindow *window = spor_window_new (NULL, store);

  /* The test's own reference, so that it can check the window is finalized. */
  g_object_ref (window);
  present_and_wait (GTK_WINDOW (window));
  return window;
}

static gboolean
only_test_holds (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

/* Background reads (a week of the calendar) hold the store until they end. */
static void
store_release (SporStore *store)
{
  gui_wait_for (only_test_holds, store, 20);
  g_assert_finalize_object (store);
}

static void
window_destroy (SporWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

static SporStore *
store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *title;
  } pages[] = {
    { "participants", "Participants" },
    { "calendar", "Calendar" },
    { "timeline", "Timeline" },
    { "programmes", "Programmes" },
    { "people", "People & Places" },
  };
  SporStore *store = store_open (fixture->path);
  SporWindow *window = window_new (store);
  AdwViewStack *view_stack = child (window, SPOR_TYPE_WINDOW, "view_stack");
  GListModel *model = G_LIST_MODEL (adw_view_stack_get_pages (view_stack));

  g_assert_true (spor_window_get_store (window) == store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (pages));
  g_object_unref (model);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page_child = adw_view_stack_get_child_by_name (view_stack, pages[i].name);
      AdwViewStackPage *page;

      g_assert_nonnull (page_child);
      page = adw_view_stack_get_page (view_stack, page_child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, pages[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
    }

  /* An empty database greets the user. */
  g_assert_cmpstr (main_page (window), ==, "welcome");

  /* "Start Empty" shows the views, each with its empty state. */
  g_signal_emit_by_name (child (window, SPOR_TYPE_WINDOW, "start_empty_button"), "clicked");
  g_assert_cmpstr (main_page (window), ==, "views");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     child (child (window, SPOR_TYPE_WINDOW, "participants_view"),
                            SPOR_TYPE_PARTICIPANTS_VIEW, "stack")),
                   ==, "empty");

  /* Without a programme, the next step offered is to set one up; it leads to Programmes,
   * whose own empty page offers its templates. */
  {
    GtkWidget *participants = child (window, SPOR_TYPE_WINDOW, "participants_view");
    GtkWidget *setup = child (participants, SPOR_TYPE_PARTICIPANTS_VIEW, "setup_programme_button");
    GtkWidget *programmes = child (window, SPOR_TYPE_WINDOW, "programmes_view");
    GtkWidget *popover = child (programmes, SPOR_TYPE_PROGRAMMES_VIEW, "template_popover");

    g_assert_true (gtk_widget_get_visible (setup));
    g_assert_nonnull (strstr (adw_status_page_get_description (
                                child (participants, SPOR_TYPE_PARTICIPANTS_VIEW, "empty_page")),
                              "Set up a programme first"));
    g_signal_emit_by_name (setup, "clicked");
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "programmes");
    g_assert_false (gtk_widget_get_visible (popover));
    g_assert_true (gtk_widget_activate_action (programmes, "programmes.choose-template", NULL));
    settle ();
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  window_destroy (window);
  g_assert_finalize_object (store);
}

static void
test_window_with_data (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporSampleCounts counts = { 0 };
  SporStore *store = store_open (fixture->path);
  SporWindow *window;

  g_assert_true (spor_sample_create (store, 3, 1, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.participants, ==, 3);

  window = window_new (store);

  /* A database with participants opens straight on the views. */
  g_assert_cmpstr (main_page (window), ==, "views");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     child (child (window, SPOR_TYPE_WINDOW, "participants_view"),
                            SPOR_TYPE_PARTICIPANTS_VIEW, "stack")),
                   ==, "main");

  /* A view not yet looked at has read nothing; it reads when it is shown. */
  {
    GtkStack *timeline = child (child (window, SPOR_TYPE_WINDOW, "timeline_view"),
                                SPOR_TYPE_TIMELINE_VIEW, "stack");

    g_assert_cmpstr (gtk_stack_get_visible_child_name (timeline), ==, "empty");
    spor_window_show_view (window, "timeline");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (timeline), ==, "timeline");
  }

  /* win.show-participant opens one participant in the Participants view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "programmes"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-participant", "x",
                                             (gint64) 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "participants");
  g_assert_cmpint (spor_participants_view_get_selected (
                     SPOR_PARTICIPANTS_VIEW (child (window, SPOR_TYPE_WINDOW, "participants_view"))),
                   ==, 2);

  /* Alt+1 … Alt+4 go through win.view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "calendar"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "calendar");
  spor_window_show_view (window, "programmes");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "programmes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "people"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "people");

  /* win.search (Ctrl+F, bound on the window) brings the participants' search from any view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "participants");
  {
    GtkWidget *entry = GTK_WIDGET (child (child (window, SPOR_TYPE_WINDOW, "participants_view"),
                                          SPOR_TYPE_PARTICIPANTS_VIEW, "search_entry"));
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }

  window_destroy (window);
  store_release (store);
}

static gboolean
shows_views (gpointer data)
{
  return g_strcmp0 (main_page (data), "views") == 0;
}

static void
test_window_sample_button (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = store_open (fixture->path);
  SporWindow *window = window_new (store);
  gint64 participants;

  g_assert_cmpstr (main_page (window), ==, "welcome");

  g_signal_emit_by_name (child (window, SPOR_TYPE_WINDOW, "sample_button"), "clicked");
  g_assert_cmpstr (main_page (window), ==, "busy");

  /* The sample is written on a second connection in a thread; the window's own
   * connection then sees it. */
  gui_wait_for (shows_views, window, 150);

  participants = spor_store_count_all (store, SPOR_TYPE_PARTICIPANT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (participants, ==, SPOR_WINDOW_SAMPLE_PARTICIPANTS);

  settle ();
  window_destroy (window);
  g_assert_finalize_object (store);
}

static gboolean
not_busy (gpointer data)
{
  return g_strcmp0 (main_page (data), "busy") != 0;
}

static void
test_window_sample_cancel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = store_open (fixture->path);
  SporWindow *window = window_new (store);

  g_signal_emit_by_name (child (window, SPOR_TYPE_WINDOW, "sample_button"), "clicked");
  g_signal_emit_by_name (child (window, SPOR_TYPE_WINDOW, "cancel_sample_button"), "clicked");

  /* Either the job was stopped (back to the welcome) or it had finished already. */
  gui_wait_for (not_busy, window, 150);

  if (g_strcmp0 (main_page (window), "welcome") == 0)
    {
      g_assert_cmpint (spor_store_count_all (store, SPOR_TYPE_PARTICIPANT, &error), ==, 0);
      g_assert_no_error (error);
    }

  settle ();
  window_destroy (window);
  g_assert_finalize_object (store);
}

static void
test_window_state (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  SporSampleCounts counts = { 0 };
  SporStore *store = store_open (fixture->path);
  SporWindow *window;
  g_autofree char *view = NULL;

  g_assert_true (spor_sample_create (store, 2, 7, &counts, NULL, &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "last-view", "timeline");

  window = window_new (store);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     child (window, SPOR_TYPE_WINDOW, "view_stack")),
                   ==, "timeline");

  spor_window_show_view (window, "programmes");
  gtk_window_close (GTK_WINDOW (window));
  settle ();

  view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (view, ==, "programmes");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >, 0);

  g_assert_finalize_object (window);
  g_assert_finalize_object (store);
}

static void
test_preferences_site_name (Fixture       *fixture,
                            gconstpointer  data)
{
  SporStore *store = store_open (fixture->path);
  GtkWidget *preferences = spor_preferences_window_new (store);
  g_autofree char *saved = NULL;
  GtkEditable *row;

  g_object_ref (preferences);
  present_and_wait (GTK_WINDOW (preferences));

  row = child (preferences, SPOR_TYPE_PREFERENCES_WINDOW, "site_name_row");
  gtk_editable_set_text (row, "  Syddjurs Bibliotek  ");
  g_signal_emit_by_name (row, "apply");

  saved = spor_store_dup_site_name (store, NULL);
  g_assert_cmpstr (saved, ==, "Syddjurs Bibliotek");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Syddjurs Bibliotek");

  gtk_window_destroy (GTK_WINDOW (preferences));
  settle ();
  g_assert_finalize_object (preferences);

  /* A second window shows what was saved. */
  preferences = spor_preferences_window_new (store);
  g_object_ref (preferences);
  row = child (preferences, SPOR_TYPE_PREFERENCES_WINDOW, "site_name_row");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Syddjurs Bibliotek");
  gtk_window_destroy (GTK_WINDOW (preferences));
  settle ();
  g_assert_finalize_object (preferences);

  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/window/pages", test_window_pages);
  ADD ("/gui/window/with-data", test_window_with_data);
  ADD ("/gui/window/sample-button", test_window_sample_button);
  ADD ("/gui/window/sample-cancel", test_window_sample_cancel);
  ADD ("/gui/window/state", test_window_state);
  ADD ("/gui/preferences/site-name", test_preferences_site_name);

  return g_test_run ();
}
