/* test-mnemonics.c — no two labels of one window, dialog or menu share an access key
 *
 * Each surface is built on a database with sample data and walked as it is shown: the
 * labels that use an underline (buttons, rows, check buttons, message dialog responses) of
 * the widgets that are visible, the visible page of each stack only, and each menu of
 * each menu button with its sections (a submenu is a surface of its own). The test runs
 * once in English and once in every translation (meson sets LANGUAGE and SPOR_LOCALE_DIR),
 * so a key that only collides in Danish fails too. All collisions are listed at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "spor-blocks.h"
#include "spor-participants.h"
#include "spor-sample.h"

#include "spor-admit-dialog.h"
#include "spor-agreement-editor.h"
#include "spor-block-editor.h"
#include "spor-export-dialog.h"
#include "spor-import-dialog.h"
#include "spor-leave-dialog.h"
#include "spor-meeting-editor.h"
#include "spor-occurrence-dialog.h"
#include "spor-participant-editor.h"
#include "spor-participants-view.h"
#include "spor-preferences-window.h"
#include "spor-window.h"

#include "gui-test-util.h"

/* The access key of @label ("_Save" → 's'), 0 for none; "__" is a literal underline. */
static gunichar
access_key (const char *label)
{
  for (const char *p = label; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p != '_')
        continue;
      if (p[1] == '_')
        {
          p++;
          continue;
        }
      if (p[1] != '\0')
        return g_unichar_tolower (g_utf8_get_char (p + 1));
    }
  return 0;
}

typedef struct {
  const char *surface;
  GHashTable *keys;      /* gunichar → the first label with that key */
  GString    *problems;
} Keys;

static void
keys_add (Keys       *keys,
          const char *label)
{
  gunichar key = access_key (label);
  const char *before;

  if (key == 0)
    return;
  before = g_hash_table_lookup (keys->keys, GUINT_TO_POINTER (key));
  if (before == NULL)
    g_hash_table_insert (keys->keys, GUINT_TO_POINTER (key), g_strdup (label));
  else if (g_strcmp0 (before, label) != 0)
    {
      char text[8] = "";

      g_autofree char *line = NULL;

      g_unichar_to_utf8 (key, text);
      line = g_strdup_printf ("%s: “%s” and “%s” share the key %s\n", keys->surface, before, label, text);
      /* a row repeated in a list says it once */
      if (strstr (keys->problems->str, line) == NULL)
        g_string_append (keys->problems, line);
    }
}

static void walk_menu (GMenuModel *menu, const char *surface, GString *problems);

static void
keys_check (const char *surface,
            GString    *problems,
            void      (*collect) (gpointer root, Keys *keys),
            gpointer    root)
{
  Keys keys = { surface, g_hash_table_new_full (NULL, NULL, NULL, g_free), problems };

  collect (root, &keys);
  g_hash_table_unref (keys.keys);
}

/* The labels of @menu and its sections; each submenu is checked as a surface of its own. */
static void
collect_menu (gpointer root,
              Keys    *keys)
{
  GMenuModel *menu = root;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        keys_add (keys, label);
      if (section != NULL)
        collect_menu (section, keys);
      if (submenu != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s › %s", keys->surface, label ? label : "?");

          walk_menu (submenu, name, keys->problems);
        }
    }
}

static void
walk_menu (GMenuModel *menu,
           const char *surface,
           GString    *problems)
{
  keys_check (surface, problems, collect_menu, menu);
}

/* The labels of what is shown of @root; menus of menu buttons are checked on their own. */
static void
collect_widgets (gpointer root,
                 Keys    *keys)
{
  GtkWidget *widget = root;

  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    keys_add (keys, gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    {
      const char *name = gtk_widget_get_tooltip_text (widget);
      g_autofree char *surface = g_strdup_printf ("%s › menu %s", keys->surface,
                                                  name != NULL ? name : G_OBJECT_TYPE_NAME (widget));

      walk_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), surface, keys->problems);
    }
  if (GTK_IS_STACK (widget))
    {
      GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (widget));

      if (page != NULL)
        collect_widgets (page, keys);
      return;
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      GtkWidget *page = adw_view_stack_get_visible_child (ADW_VIEW_STACK (widget));

      if (page != NULL)
        collect_widgets (page, keys);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, keys);
}

static void
check_window (GtkWidget  *window,
              const char *surface,
              GString    *problems)
{
  gtk_window_present (GTK_WINDOW (window));
  gui_iterate ();
  keys_check (surface, problems, collect_widgets, window);
}

static gint64
first_id (SporStore  *store,
          GType       type,
          const char *field,
          const char *value)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (field != NULL)
    spor_query_where_text (query, field, value);
  found = spor_store_list (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  return spor_entity_get_id (g_ptr_array_index (found, 0));
}

static char *
this_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));

  return g_date_time_format (monday, "%Y-%m-%d");
}

/* The main window on each view; on Participants with an active participant open, whose
 * page shows the phase stepper; each menu of its menu buttons. */
static void
check_main_window (GuiFixture *f,
                   GString    *problems)
{
  static const char * const views[] = { "participants", "programmes", "calendar", "timeline" };
  SporWindow *window = spor_window_new (NULL, f->store);
  gint64 active = first_id (f->store, SPOR_TYPE_PARTICIPANT, "status", "active");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *surface = g_strdup_printf ("main window, %s", views[i]);

      spor_window_show_view (window, views[i]);
      if (i == 0)
        spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (gui_find_widget (GTK_WIDGET (window),
                                                                                          SPOR_TYPE_PARTICIPANTS_VIEW)),
                                                 active);
      check_window (GTK_WIDGET (window), surface, problems);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_dialogs (GuiFixture *f,
               GString    *problems)
{
  g_autoptr(GError) error = NULL;
  gint64 participant = first_id (f->store, SPOR_TYPE_PARTICIPANT, "status", "active");
  gint64 waiting = first_id (f->store, SPOR_TYPE_PARTICIPANT, "status", "waiting");
  gint64 block = first_id (f->store, SPOR_TYPE_BLOCK, NULL, NULL);
  g_autofree char *monday = this_monday ();
  SporWeekFilter filter = { 0 };
  g_autoptr(SporWeek) week = spor_blocks_query_week (f->store, monday, &filter, &error);
  struct { const char *surface; GtkWidget *window; } dialogs[11] = { { NULL, NULL } };
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (week->occurrences->len, >, 0);
  dialogs[n++] = (typeof (dialogs[0])) { "export dialog", GTK_WIDGET (spor_export_dialog_new (NULL, f->store)) };
  dialogs[n++] = (typeof (dialogs[0])) { "import dialog", GTK_WIDGET (spor_import_dialog_new (NULL, f->store)) };
  dialogs[n++] = (typeof (dialogs[0])) { "preferences", spor_preferences_window_new (f->store) };
  dialogs[n++] = (typeof (dialogs[0])) { "participant editor", spor_participant_editor_new (NULL, f->store, participant) };
  dialogs[n++] = (typeof (dialogs[0])) { "new participant", spor_participant_editor_new (NULL, f->store, 0) };
  dialogs[n++] = (typeof (dialogs[0])) { "start agreement", spor_agreement_editor_new (NULL, f->store, participant, 0) };
  dialogs[n++] = (typeof (dialogs[0])) { "meeting editor", spor_meeting_editor_new (NULL, f->store, participant) };
  dialogs[n++] = (typeof (dialogs[0])) { "block editor", GTK_WIDGET (spor_block_editor_new (f->store, block)) };
  dialogs[n++] = (typeof (dialogs[0])) { "occurrence dialog",
                                         GTK_WIDGET (spor_occurrence_dialog_new (f->store,
                                                                                 g_ptr_array_index (week->occurrences, 0))) };
  dialogs[n++] = (typeof (dialogs[0])) { "complete dialog", GTK_WIDGET (spor_leave_dialog_new (NULL, FALSE)) };
  dialogs[n++] = (typeof (dialogs[0])) { "drop-out dialog", GTK_WIDGET (spor_leave_dialog_new (NULL, TRUE)) };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (dialogs));

  for (guint i = 0; i < n; i++)
    {
      check_window (dialogs[i].window, dialogs[i].surface, problems);
      gtk_window_destroy (GTK_WINDOW (dialogs[i].window));
    }

  {
    g_autoptr(SporEntity) p = spor_store_get (f->store, SPOR_TYPE_PARTICIPANT, waiting, &error);
    g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_COHORT);
    g_autoptr(GPtrArray) cohorts = NULL;
    SporAdmitDialog *admit;

    g_assert_no_error (error);
    spor_query_where_int (query, "programme_id", spor_entity_get_int (p, "programme_id"));
    cohorts = spor_store_list (f->store, query, &error);
    g_assert_no_error (error);
    admit = spor_admit_dialog_new (NULL, f->store, cohorts, &error);
    g_assert_no_error (error);
    check_window (GTK_WIDGET (admit), "admit dialog", problems);
    gtk_window_destroy (GTK_WINDOW (admit));
  }
}

static void
test_no_collisions (GuiFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);

  /* run in a translation, the catalogue must really be read */
  if (GPOINTER_TO_INT (data))
    g_assert_cmpstr (_("_Cancel"), !=, "_Cancel");
  g_assert_true (spor_sample_create (f->store, 60, 1, NULL, NULL, &error));
  check_main_window (f, problems);
  check_dialogs (f, problems);
  if (problems->len > 0)
    g_error ("access keys that collide (LANGUAGE=%s):\n%s", g_getenv ("LANGUAGE"), problems->str);
}

/* The walk finds what it should: a collision made on purpose is reported. */
static void
test_finds_collision (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *window = gui_window_with (box);
  GtkWidget *hidden = gtk_button_new_with_mnemonic ("_Hidden");
  g_autoptr(GString) problems = g_string_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Save"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Send"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("Save __as"));
  gtk_box_append (GTK_BOX (box), hidden);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Help"));
  gtk_widget_set_visible (hidden, FALSE);
  check_window (window, "test", problems);
  g_assert_cmpstr (problems->str, ==, "test: “_Save” and “_Send” share the key s\n");
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_cmpuint (access_key ("Gem _udkast"), ==, 'u');
  g_assert_cmpuint (access_key ("_Ændr"), ==, g_utf8_get_char ("æ"));
  g_assert_cmpuint (access_key ("no key"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("SPOR_LOCALE_DIR");
  gboolean translated = argc > 1 && g_str_equal (argv[argc - 1], "--translated");

  if (translated)
    argc--;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init() sets a locale of its own; the environment's is wanted here */
  setlocale (LC_ALL, "");
  if (locale_dir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/mnemonics/finds-collision", test_finds_collision);
  g_test_add ("/mnemonics/no-collisions", GuiFixture, GINT_TO_POINTER (translated), gui_fixture_set_up,
              test_no_collisions, gui_fixture_tear_down);
  return g_test_run ();
}
