/* test-follow.c — views follow the store: a change made through the store, or by another
 * connection, shows in the views without anyone reloading them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-blocks.h"
#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-templates.h"

#include "spor-calendar-view.h"
#include "spor-participant-page.h"
#include "spor-participants-view.h"
#include "spor-programmes-view.h"
#include "spor-timeline-view.h"
#include "spor-view.h"
#include "spor-week-grid.h"
#include "spor-window.h"

#include "gui-test-util.h"

static guint n_loads;

static void
count_load (GtkWidget *widget)
{
  n_loads++;
}

static void
insert_named (SporStore  *store,
              GType       type,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) e = spor_entity_new (type);

  spor_entity_set_text (e, "name", name);
  g_assert_true (spor_store_insert (store, e, &error));
  g_assert_no_error (error);
}

/* Only the kinds followed count; a burst is one load when idle; off screen a change only
 * marks the widget stale; catching up loads at once. */
static void
test_follow (GuiFixture    *f,
             gconstpointer  data)
{
  static const char * const kinds[] = { "programme", NULL };
  GtkWidget *label = g_object_ref_sink (gtk_label_new (""));
  GtkWidget *window;

  n_loads = 0;
  spor_view_follow (label, f->store, kinds, count_load);
  insert_named (f->store, SPOR_TYPE_PROGRAMME, "Aspiranterne");
  insert_named (f->store, SPOR_TYPE_PROGRAMME, "Sy og design");
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 0);
  window = gui_window_with (label);
  g_assert_cmpuint (n_loads, ==, 1);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Forløb %u", i);
      insert_named (f->store, SPOR_TYPE_PROGRAMME, name);
    }
  g_assert_cmpuint (n_loads, ==, 1);
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 2);

  insert_named (f->store, SPOR_TYPE_LOCATION, "Kulturskolen Rønde");
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 2);
  spor_store_notify_many (f->store);
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 3);

  insert_named (f->store, SPOR_TYPE_PROGRAMME, "Unge med Kant");
  spor_view_catch_up (label);
  g_assert_cmpuint (n_loads, ==, 4);
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 4);

  spor_view_follow (label, NULL, NULL, NULL);
  insert_named (f->store, SPOR_TYPE_PROGRAMME, "Den Digitale Ressourcebank");
  gui_iterate ();
  g_assert_cmpuint (n_loads, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (label);
}

/* Opening and closing a connection of its own, as the calendar's week thread does, is no
 * change; a commit of another connection is, once. */
static void
test_poll (GuiFixture    *f,
           gconstpointer  data)
{
  g_autoptr(SporStore) other = gui_open_store (f);

  g_assert_false (spor_store_poll (f->store));
  g_clear_object (&other);
  g_assert_false (spor_store_poll (f->store));
  other = gui_open_store (f);
  insert_named (other, SPOR_TYPE_PROGRAMME, "Aspiranterne");
  g_assert_true (spor_store_poll (f->store));
  g_assert_false (spor_store_poll (f->store));
}

typedef struct {
  gint64 programme;
  gint64 cohort;
  gint64 people[3];
} Programme;

static void
make_programme (SporStore *store,
                Programme *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = spor_templates_create_programme (store, "aspiranterne", &error);
  g_autoptr(SporCohort) cohort = NULL;
  static const char * const names[] = { "Asta Afprøvning", "Bent Bladsen", "Cille Coach" };

  g_assert_no_error (error);
  p->programme = spor_entity_get_id (SPOR_ENTITY (programme));
  cohort = spor_programmes_create_cohort (store, p->programme, "Hold 1", "2026-01-05", 12, &error);
  g_assert_no_error (error);
  p->cohort = spor_entity_get_id (SPOR_ENTITY (cohort));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    p->people[i] = gui_add_participant (store, names[i], NULL);
}

/* "0 of 12 enrolled" becomes "1 of 12" after an enrolment elsewhere in the window, and "2 of
 * 12" after one by another connection, once the window looks; a field the user is typing
 * in is not built again under them. */
static void
test_programmes_enrolled (GuiFixture    *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) other = NULL;
  g_autoptr(SporEntity) programme = NULL;
  Programme p;
  GtkWidget *view, *window;
  g_autofree char *description = NULL;

  make_programme (f->store, &p);
  view = spor_programmes_view_new (f->store);
  window = gui_window_with (view);
  description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (view, "Description"))));
  g_assert_cmpint (spor_programmes_view_get_programme (SPOR_PROGRAMMES_VIEW (view)), ==, p.programme);
  g_assert_true (gui_subtitle_shows (view, "0 of 12 enrolled"));

  g_assert_true (spor_progress_enrol (f->store, p.people[0], p.cohort, &error));
  gui_iterate ();
  g_assert_true (gui_subtitle_shows (view, "1 of 12 enrolled"));

  gtk_editable_set_text (GTK_EDITABLE (gui_find_entry_row (view, "Name")), "Aspiranterne, rettet her");
  other = gui_open_store (f);
  g_assert_true (spor_progress_enrol (other, p.people[1], p.cohort, &error));
  programme = spor_store_get (other, SPOR_TYPE_PROGRAMME, p.programme, &error);
  spor_entity_set_text (programme, "description", "Seks måneder");
  g_assert_true (spor_store_update (other, programme, &error));
  g_assert_no_error (error);
  gui_iterate ();
  g_assert_true (gui_subtitle_shows (view, "1 of 12 enrolled"));
  g_assert_true (spor_store_poll (f->store));
  gui_iterate ();
  g_assert_true (gui_subtitle_shows (view, "2 of 12 enrolled"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (view, "Name"))), ==,
                   "Aspiranterne, rettet her");
  /* the programme's form is kept whole, the description the user did not touch with it */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find_entry_row (view, "Description"))), ==,
                   description);
  g_assert_cmpstr (description, !=, "Seks måneder");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
rename_participant (SporStore  *store,
                    gint64      id,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);

  spor_entity_set_text (p, "name", name);
  g_assert_true (spor_store_update (store, p, &error));
  g_assert_no_error (error);
}

/* The list and the page follow; the participant shown stays selected across the reload. */
static void
test_participants (GuiFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporStore) other = NULL;
  gint64 aase = gui_add_participant (f->store, "Åse Opdigtet", NULL);
  gint64 bo = gui_add_participant (f->store, "Bo Fiktiv", NULL);
  GtkWidget *view = spor_participants_view_new (f->store);
  GtkWidget *window = gui_window_with (view);
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (view, SPOR_TYPE_PARTICIPANTS_VIEW,
                                                                         "list_view"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  GtkWidget *page = gui_find_widget (view, SPOR_TYPE_PARTICIPANT_PAGE);
  GtkLabel *name_label = GTK_LABEL (gtk_widget_get_template_child (page, SPOR_TYPE_PARTICIPANT_PAGE, "name_label"));
  gint64 ny;

  spor_participants_view_show_participant (SPOR_PARTICIPANTS_VIEW (view), aase);
  gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  ny = gui_add_participant (f->store, "Ane Nyborg", NULL);
  gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (gui_list_position (model, ny), ==, 0);
  g_assert_cmpint (spor_participants_view_get_selected (SPOR_PARTICIPANTS_VIEW (view)), ==, aase);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), gui_list_position (model, aase)));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));

  rename_participant (f->store, aase, "Åse Omdøbt");
  gui_iterate ();
  g_assert_cmpstr (gtk_label_get_label (name_label), ==, "Åse Omdøbt");

  /* another connection: seen when the window looks */
  other = gui_open_store (f);
  rename_participant (other, aase, "Åse Andetsted");
  gui_erase_participant (other, bo);
  g_assert_true (spor_store_poll (f->store));
  gui_iterate ();
  g_assert_cmpstr (gtk_label_get_label (name_label), ==, "Åse Andetsted");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (gui_list_position (model, bo), ==, G_MAXUINT);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), gui_list_position (model, aase)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's hosted phase stepper follows too: an enrolment elsewhere shows its phases. */
static void
test_participant_page (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Programme p;
  GtkWidget *page, *window;
  GtkLabel *summary;

  make_programme (f->store, &p);
  page = g_object_new (SPOR_TYPE_PARTICIPANT_PAGE, NULL);
  window = gui_window_with (page);
  spor_participant_page_set_participant (SPOR_PARTICIPANT_PAGE (page), f->store, p.people[0]);
  gui_iterate ();
  summary = GTK_LABEL (gtk_widget_get_template_child (page, SPOR_TYPE_PARTICIPANT_PAGE, "summary_label"));
  g_assert_null (strstr (gtk_label_get_label (summary), "Hold 1"));
  g_assert_false (gui_subtitle_shows (page, "Planned"));

  g_assert_true (spor_progress_enrol (f->store, p.people[0], p.cohort, &error));
  g_assert_no_error (error);
  gui_iterate ();
  g_assert_nonnull (strstr (gtk_label_get_label (summary), "Aspiranterne · Hold 1"));
  g_assert_true (gui_subtitle_shows (page, "Planned"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_occurrences (gpointer grid)
{
  return spor_week_grid_get_n_occurrences (grid) > 0;
}

static gboolean
has_no_occurrences (gpointer grid)
{
  return spor_week_grid_get_n_occurrences (grid) == 0;
}

/* A block made elsewhere appears in the week shown; deleted elsewhere, it goes. */
static void
test_calendar (GuiFixture    *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporBlock) block = spor_entity_new (SPOR_TYPE_BLOCK);
  g_autoptr(SporStore) other = NULL;
  GtkWidget *view = spor_calendar_view_new (f->store);
  GtkWidget *window = gui_window_with (view);
  SporWeekGrid *grid = spor_calendar_view_get_week_grid (SPOR_CALENDAR_VIEW (view));

  spor_calendar_view_go_to (SPOR_CALENDAR_VIEW (view), "2026-11-24");
  g_assert_true (spor_calendar_view_load_week_now (SPOR_CALENDAR_VIEW (view)));
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 0);

  spor_entity_set_text (SPOR_ENTITY (block), "title", "Sy og design");
  spor_entity_set_text (SPOR_ENTITY (block), "kind", "weekly");
  spor_entity_set_int (SPOR_ENTITY (block), "weekdays", SPOR_WEEKDAY_BIT (2) | SPOR_WEEKDAY_BIT (4));
  spor_entity_set_text (SPOR_ENTITY (block), "start_time", "09:00");
  spor_entity_set_text (SPOR_ENTITY (block), "end_time", "12:00");
  spor_entity_set_text (SPOR_ENTITY (block), "period_start", "2026-11-01");
  g_assert_true (spor_blocks_save (f->store, block, &error));
  g_assert_no_error (error);
  gui_wait_for (has_occurrences, grid, 20);
  g_assert_cmpuint (spor_week_grid_get_n_occurrences (grid), ==, 2);

  other = gui_open_store (f);
  g_assert_true (spor_blocks_delete (other, spor_entity_get_id (SPOR_ENTITY (block)), &error));
  g_assert_no_error (error);
  g_assert_true (spor_store_poll (f->store));
  gui_wait_for (has_no_occurrences, grid, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_iterate ();
}

static gboolean
has_three_rows (gpointer timeline)
{
  return spor_timeline_get_n_rows (timeline) == 3;
}

/* An enrolment made elsewhere adds the participant's row to the cohort shown. */
static void
test_timeline (GuiFixture    *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Programme p;
  GtkWidget *view, *window;
  SporTimeline *timeline;

  make_programme (f->store, &p);
  g_assert_true (spor_progress_enrol (f->store, p.people[0], p.cohort, &error));
  g_assert_true (spor_progress_enrol (f->store, p.people[1], p.cohort, &error));
  view = spor_timeline_view_new (f->store);
  window = gui_window_with (view);
  spor_timeline_view_show (SPOR_TIMELINE_VIEW (view), p.programme, p.cohort);
  gui_iterate ();
  timeline = spor_timeline_view_get_timeline (SPOR_TIMELINE_VIEW (view));
  g_assert_cmpuint (spor_timeline_get_n_rows (timeline), ==, 2);

  g_assert_true (spor_progress_enrol (f->store, p.people[2], p.cohort, &error));
  g_assert_no_error (error);
  gui_wait_for (has_three_rows, timeline, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_views (gpointer window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (window, SPOR_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "views") == 0;
}

/* The sample is written by a thread on a connection of its own; the window's views read
 * again when it is done, without being told by hand. */
static void
test_window_sample (GuiFixture    *f,
                    gconstpointer  data)
{
  SporWindow *window = g_object_ref (spor_window_new (NULL, f->store));
  GtkWidget *participants = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SPOR_TYPE_WINDOW,
                                                                        "participants_view"));
  GtkLabel *count;

  gtk_window_present (GTK_WINDOW (window));
  gui_iterate ();
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (window), SPOR_TYPE_WINDOW, "sample_button"),
                         "clicked");
  gui_wait_for (shows_views, window, 150);
  gui_iterate ();
  count = GTK_LABEL (gtk_widget_get_template_child (participants, SPOR_TYPE_PARTICIPANTS_VIEW, "count_label"));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "60 participants");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_iterate ();
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  gui_test_add ("/follow/follow", test_follow);
  gui_test_add ("/follow/poll", test_poll);
  gui_test_add ("/follow/programmes-enrolled", test_programmes_enrolled);
  gui_test_add ("/follow/participants", test_participants);
  gui_test_add ("/follow/participant-page", test_participant_page);
  gui_test_add ("/follow/calendar", test_calendar);
  gui_test_add ("/follow/timeline", test_timeline);
  gui_test_add ("/follow/window-sample", test_window_sample);

  return g_test_run ();
}
