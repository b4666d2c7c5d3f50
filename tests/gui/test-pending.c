/* test-pending.c — deletions that wait for their Undo are carried out before the window
 * closes; one that fails (another program holds the database) keeps the window open and
 * tells the user what was not deleted and why, with Try Again — never lost without a word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-blocks.h"

#include "spor-calendar-view.h"
#include "spor-gui.h"
#include "spor-participant-page.h"
#include "spor-participants-view.h"
#include "spor-window.h"

#include "gui-test-util.h"

#define NOT_DELETED "Could Not Delete"
#define BUSY "was not deleted: another program is using the database"

typedef struct {
  GuiFixture  base;
  gint64      soeren;
  gint64      aase;
  SporWindow *window;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  gui_fixture_set_up (&f->base, data);
  f->soeren = gui_add_participant (f->base.store, "Søren Prøvesen", "12345678");
  f->aase = gui_add_participant (f->base.store, "Åse Opdigtet", NULL);
  f->window = g_object_ref (spor_window_new (NULL, f->base.store));
  gtk_window_present (GTK_WINDOW (f->window));
  gui_iterate ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  if (gtk_widget_get_visible (GTK_WIDGET (f->window)))
    gtk_window_destroy (GTK_WINDOW (f->window));
  gui_iterate ();
  g_clear_object (&f->window);
  gui_fixture_tear_down (&f->base, data);
}

static gpointer
window_child (Fixture    *f,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), SPOR_TYPE_WINDOW, name);
}

/* Deletes a participant as the user does: the page's Delete, then the question's Delete. */
static void
delete_participant (Fixture *f,
                    gint64   id)
{
  SporParticipantsView *view = window_child (f, "participants_view");
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), SPOR_TYPE_PARTICIPANTS_VIEW,
                                                               "page"));

  spor_participants_view_show_participant (view, id);
  gui_iterate ();
  g_assert_true (gtk_widget_activate_action (page, "participant.delete", NULL));
  gui_answer_dialog ("Delete Participant?", "delete", "will be erased", NULL);
}

static guint
n_listed (Fixture *f)
{
  GtkWidget *view = window_child (f, "participants_view");
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (view, SPOR_TYPE_PARTICIPANTS_VIEW,
                                                                    "list_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* Closed before the toast goes: the participant is erased, not kept. */
static void
test_close_participant (Fixture       *f,
                        gconstpointer  data)
{
  delete_participant (f, f->soeren);
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));

  gtk_window_close (GTK_WINDOW (f->window));
  gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_null (gui_find_message_dialog ());
  g_assert_false (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->aase));
}

/* A work block deleted in the Calendar, closed before its toast goes: deleted. */
static void
test_close_block (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = gui_add_block (f->base.store, "Sy og design");

  spor_window_show_view (f->window, "calendar");
  gui_iterate ();
  spor_calendar_view_delete_block (window_child (f, "calendar_view"), id);
  gui_iterate ();
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_BLOCK, id));

  gtk_window_close (GTK_WINDOW (f->window));
  gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (gui_record_exists (&f->base, SPOR_TYPE_BLOCK, id));
}

/* Another connection holds a write transaction: closing fails to erase, the window stays
 * open with the reason; Try Again while it still holds it asks again; once it lets go, Try
 * Again erases and the window closes. */
static void
test_close_busy (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SporStore) other = gui_open_store (&f->base);
  g_autoptr(GError) error = NULL;

  delete_participant (f, f->soeren);
  g_assert_true (spor_store_begin (other, &error));
  g_assert_no_error (error);

  gtk_window_close (GTK_WINDOW (f->window));
  gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  gui_answer_dialog (NOT_DELETED, "retry", "“Søren Prøvesen” was not deleted", BUSY,
                     "The window stays open", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  /* closing again while the question is open does not close either */
  gtk_window_close (GTK_WINDOW (f->window));
  gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));

  spor_store_rollback (other);
  gui_answer_dialog (NOT_DELETED, "retry", "“Søren Prøvesen” was not deleted", BUSY, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->aase));
}

/* A deletion that becomes final while the window stays (the next one starts) and fails: the
 * user is told; Keep Record brings the participant back, and nothing was erased. */
static void
test_keep_after_failure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SporStore) other = gui_open_store (&f->base);
  g_autoptr(GError) error = NULL;

  delete_participant (f, f->soeren);
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (spor_store_begin (other, &error));
  g_assert_no_error (error);
  delete_participant (f, f->aase);
  gui_answer_dialog (NOT_DELETED, "keep", "“Søren Prøvesen” was not deleted", BUSY,
                     "keep the record", NULL);
  spor_store_rollback (other);
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));
  g_assert_cmpint (spor_participants_view_get_selected (window_child (f, "participants_view")), ==, f->soeren);
  /* Åse waits for her Undo; Søren is listed again */
  g_assert_cmpuint (n_listed (f), ==, 1);

  gtk_window_close (GTK_WINDOW (f->window));
  gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->soeren));
  g_assert_false (gui_record_exists (&f->base, SPOR_TYPE_PARTICIPANT, f->aase));
}

/* Counts the widgets of @type at and under @root. */
static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* The window has one toast overlay, and the views send their toasts to it: the Undo of a
 * deletion in the Participants view and of one in the Calendar are both on it. */
static void
test_one_overlay (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *overlay = window_child (f, "toast_overlay");
  gint64 block;

  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY), ==, 1);
  g_assert_null (gui_find_button (overlay, "_Undo"));
  delete_participant (f, f->soeren);
  g_assert_nonnull (gui_find_button (overlay, "_Undo"));

  block = gui_add_block (f->base.store, "Sy og design");
  spor_window_show_view (f->window, "calendar");
  gui_iterate ();
  /* the first toast goes (and Søren's erasure with it) when the next one comes */
  spor_calendar_view_delete_block (window_child (f, "calendar_view"), block);
  gui_iterate ();
  g_assert_nonnull (gui_find_button (overlay, "_Undo"));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY), ==, 1);
  g_assert_true (gui_record_exists (&f->base, SPOR_TYPE_BLOCK, block));
}

/* A widget outside a window with an overlay cannot show a toast: that is said with a
 * warning (fatal in tests, so in a subprocess) that does not repeat the text, which may
 * name a person. */
static void
test_no_overlay (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));

      spor_gui_show_toast (label, "Søren Prøvesen deleted");
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*GtkLabel is not in a window with a toast overlay: a message was not shown*");
  g_test_trap_assert_stderr_unmatched ("*Søren*");
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/pending/close-participant", test_close_participant);
  ADD ("/pending/close-block", test_close_block);
  ADD ("/pending/close-busy", test_close_busy);
  ADD ("/pending/keep-after-failure", test_keep_after_failure);
  ADD ("/pending/one-overlay", test_one_overlay);
#undef ADD
  g_test_add_func ("/pending/no-overlay", test_no_overlay);

  return g_test_run ();
}
