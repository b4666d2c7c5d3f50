/* gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "spor-blocks.h"
#include "spor-participants.h"
#include "spor-store-private.h"

#include "gui-test-util.h"

gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

void
gui_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          gui_remove_tree (child);
        }
    }
  g_remove (path);
}

void
gui_fixture_set_up (GuiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("spor-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "spor.db", NULL);
  fixture->store = spor_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

void
gui_fixture_tear_down (GuiFixture    *fixture,
                       gconstpointer  data)
{
  gui_iterate ();
  g_clear_object (&fixture->store);
  gui_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

void
gui_test_add (const char  *path,
              GuiTestFunc  test)
{
  g_test_add_vtable (path, sizeof (GuiFixture), NULL,
                     (GTestFixtureFunc) gui_fixture_set_up, (GTestFixtureFunc) test,
                     (GTestFixtureFunc) gui_fixture_tear_down);
}

SporStore *
gui_open_store (GuiFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SporStore *store = spor_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

void
gui_iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
gui_wait_for (gboolean (*done) (gpointer data),
              gpointer   data,
              guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s", seconds);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

GtkWidget *
gui_window_sized (GtkWidget *child,
                  int        width,
                  int        height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  /* as in the main window: the views send their toasts to the window's overlay */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  gui_wait_for (is_mapped, window, 20);
  gui_iterate ();
  return window;
}

GtkWidget *
gui_window_with (GtkWidget *child)
{
  return gui_window_sized (child, 1100, 800);
}

guint
gui_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

GtkWidget *
gui_find_widget (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = gui_find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

GPtrArray *
gui_collect (GtkWidget *root,
             GType      type,
             GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      gui_collect (child, type, found);
    }
  return found;
}

AdwEntryRow *
gui_find_entry_row (GtkWidget  *root,
                    const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
        return ADW_ENTRY_ROW (child);
      if ((found = gui_find_entry_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
gui_find_button (GtkWidget  *root,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = gui_find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

gboolean
gui_subtitle_shows (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) &&
          strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) ?: "", text) != NULL)
        return TRUE;
      if (gui_subtitle_shows (child, text))
        return TRUE;
    }
  return FALSE;
}

gboolean
gui_toast_shows (GtkWidget  *window,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (window); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (gui_toast_shows (child, text))
        return TRUE;
    }
  return FALSE;
}

AdwMessageDialog *
gui_find_message_dialog (void)
{
  GtkWindow *dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

void
gui_answer_dialog (const char *heading,
                   const char *response,
                   ...)
{
  AdwMessageDialog *dialog;
  const char *body;
  va_list texts;

  gui_iterate ();
  dialog = gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  body = adw_message_dialog_get_body (dialog);
  va_start (texts, response);
  for (const char *text = va_arg (texts, const char *); text != NULL; text = va_arg (texts, const char *))
    if (strstr (body, text) == NULL)
      g_error ("The dialog “%s” does not say “%s”: %s", heading, text, body);
  va_end (texts);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gui_iterate ();
}

char *
gui_pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static int
deny_table (void       *table,
            int         action,
            const char *arg1,
            const char *arg2,
            const char *database,
            const char *trigger)
{
  return action == SQLITE_READ && g_strcmp0 (arg1, table) == 0 ? SQLITE_DENY : SQLITE_OK;
}

void
gui_deny_reads (SporStore  *store,
                const char *table)
{
  static char denied[64];

  /* setting an authorizer expires the store's prepared statements: they are checked anew */
  g_strlcpy (denied, table != NULL ? table : "", sizeof denied);
  sqlite3_set_authorizer (spor_store_get_db (store), table != NULL ? deny_table : NULL, denied);
}

gint64
gui_add_participant (SporStore  *store,
                     const char *name,
                     const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);

  spor_entity_set_text (SPOR_ENTITY (p), "name", name);
  if (phone != NULL)
    spor_entity_set_text (SPOR_ENTITY (p), "phone", phone);
  g_assert_true (spor_participant_save (store, p, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (SPOR_ENTITY (p));
}

gint64
gui_add_block (SporStore  *store,
               const char *title)
{
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (SPOR_ENTITY (block), "title", title);
  spor_entity_set_text (SPOR_ENTITY (block), "kind", "once");
  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", 0);
  spor_entity_set_text (SPOR_ENTITY (block), "start_time", "09:00");
  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "12:00");
  spor_entity_set_text (SPOR_ENTITY (block), "period_start", "2026-11-24");
  g_assert_true (spor_blocks_save (store, block, &error));
  g_assert_no_error (error);
  return spor_entity_get_id (SPOR_ENTITY (block));
}

void
gui_erase_participant (SporStore *store,
                       gint64     id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (spor_participant_erase (store, id, &error));
  g_assert_no_error (error);
}

guint
gui_list_position (GListModel *model,
                   gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SporParticipantItem) item = g_list_model_get_item (model, i);

      if (spor_participant_item_get_id (item) == id)
        return i;
    }
  return G_MAXUINT;
}

char *
gui_read_text (GuiFixture *fixture,
               GType       type,
               gint64      id,
               const char *field)
{
  g_autoptr(SporStore) store = gui_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) entity = spor_store_get (store, type, id, &error);

  g_assert_no_error (error);
  return g_strdup (spor_entity_get_text (entity, field));
}

gboolean
gui_record_exists (GuiFixture *fixture,
                   GType       type,
                   gint64      id)
{
  g_autoptr(SporStore) store = gui_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) entity = spor_store_get (store, type, id, &error);

  if (entity == NULL)
    g_assert_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND);
  return entity != NULL;
}
