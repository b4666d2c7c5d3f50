/* spor-programmes-view.c — the Programmes page: programmes, their phases, goals and cohorts
 *
 * A sidebar lists the programmes (a handful, so a GtkListBox); the editor on the right
 * (spor-programmes-editor.c) is built from the store when a programme is opened, and its
 * parts are built again when the store announces a change of what they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-programme-row.h"
#include "spor-programmes.h"
#include "spor-programmes-view-private.h"
#include "spor-templates.h"
#include "spor-view.h"

static void spor_programmes_view_view_init (SporViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporProgrammesView, spor_programmes_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SPOR_TYPE_VIEW, spor_programmes_view_view_init))

enum {
  SHOW_COHORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The programmes, their phases and goals, the cohorts and how many are enrolled in them */
static const char * const followed_kinds[] = {
  "programme", "programme_goal", "phase", "cohort", "participant", NULL
};

/* ---- the sidebar --------------------------------------------------------------------- */

/* Lists the programmes, keeps the one selected (else selects the first), and fills the
 * editor anew for a programme it does not show yet, or refreshes it. */
static void
fill_list (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) programmes = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;
  gint64 id;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list))) != NULL)
    gtk_list_box_remove (self->programme_list, child);
  self->filling = FALSE;
  if (self->store == NULL)
    return;
  spor_query_order_by (query, "name", FALSE);
  programmes = spor_store_list (self->store, query, &error);
  if (programmes == NULL)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  for (guint i = 0; i < programmes->len; i++)
    {
      SporEntity *programme = g_ptr_array_index (programmes, i);
      GtkWidget *row = spor_programme_row_new (programme);

      gtk_list_box_append (self->programme_list, row);
      /* keep the programme that was open; else the first */
      if (spor_entity_get_id (programme) == self->programme_id || select == NULL)
        select = GTK_LIST_BOX_ROW (row);
    }
  if (programmes->len == 0)
    {
      spor_programmes_editor_show (self, 0);
      return;
    }
  self->filling = TRUE;
  gtk_list_box_select_row (self->programme_list, select);
  self->filling = FALSE;
  id = spor_programme_row_get_id (SPOR_PROGRAMME_ROW (select));
  if (id != self->shown_id)
    spor_programmes_editor_show (self, id);
  else
    spor_programmes_editor_refresh (self);
}

static void
on_programme_selected (SporProgrammesView *self,
                       GtkListBoxRow      *row)
{
  if (self->filling || row == NULL)
    return;
  spor_programmes_editor_show (self, spor_programme_row_get_id (SPOR_PROGRAMME_ROW (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (SporProgrammesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- new programmes ------------------------------------------------------------------ */

/* Opens a programme made a moment ago: the store's notification has not been read yet. */
static void
open_new (SporProgrammesView *self,
          SporProgramme      *programme)
{
  self->programme_id = spor_entity_get_id (SPOR_ENTITY (programme));
  spor_view_catch_up (GTK_WIDGET (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;

  gtk_popover_popdown (self->template_popover);
  if (self->store == NULL)
    return;
  programme = spor_templates_create_programme (self->store,
                                                         g_variant_get_string (parameter, NULL),
                                                         &error);
  if (programme == NULL)
    return spor_programmes_editor_report (self, error);
  open_new (self, programme);
}

/* programmes.choose-template: the empty page's "New from Template" opens the sidebar's
 * list of templates */
static void
choose_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  gtk_menu_button_popup (self->template_button);
}

static void
new_blank_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporProgramme) programme = NULL;

  if (self->store == NULL)
    return;
  programme = spor_programmes_create_blank (self->store, _("New Programme"), &error);
  if (programme == NULL)
    return spor_programmes_editor_report (self, error);
  open_new (self, programme);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* A button per built-in programme, whose action makes one from it */
static void
fill_templates (SporProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = spor_templates_list (&error);

  if (templates == NULL)
    {
      g_warning ("Programmes view: %s", error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      SporTemplate *t = g_ptr_array_index (templates, i);
      GtkWidget *button = gtk_button_new_with_label (t->name);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, t->organisations);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "programmes.new-from-template");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", t->key);
      gtk_box_append (self->template_box, button);
    }
}

/* ---- the view ------------------------------------------------------------------------ */

static void
load (GtkWidget *widget)
{
  SporProgrammesView *self = (SporProgrammesView *) widget;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programmes.new-blank", self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (self->template_popover))),
                            self->store != NULL);
  fill_list (self);
  if (self->store == NULL)
    spor_programmes_editor_show (self, 0);
}

void
spor_programmes_view_reload (SporProgrammesView *self)
{
  g_return_if_fail (SPOR_IS_PROGRAMMES_VIEW (self));
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

static void
reload (SporView *view)
{
  spor_programmes_view_reload (SPOR_PROGRAMMES_VIEW (view));
}

static void
spor_programmes_view_view_init (SporViewInterface *iface)
{
  iface->get_store = (SporStore * (*) (SporView *)) spor_programmes_view_get_store;
  iface->set_store = (void (*) (SporView *, SporStore *)) spor_programmes_view_set_store;
  iface->reload = reload;
}

gint64
spor_programmes_view_get_programme (SporProgrammesView *self)
{
  g_return_val_if_fail (SPOR_IS_PROGRAMMES_VIEW (self), 0);
  return self->programme_id;
}

/* "Show on the Timeline": the window selects the cohort in the Timeline view, then shows it */
static void
show_cohort_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (widget);

  g_signal_emit (self, signals[SHOW_COHORT], 0, self->programme_id, g_variant_get_int64 (parameter));
  gtk_widget_activate_action (widget, "win.view", "s", "timeline");
}

static void
spor_programmes_view_dispose (GObject *object)
{
  SporProgrammesView *self = SPOR_PROGRAMMES_VIEW (object);

  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PROGRAMMES_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->phase_rows, g_ptr_array_unref);
  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (spor_programmes_view_parent_class)->dispose (object);
}

static void
spor_programmes_view_class_init (SporProgrammesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_programmes_view_dispose;

  spor_view_class_install_store (object_class);

  /* SporProgrammesView::show-cohort (programme id, cohort id): "Show on the Timeline" */
  signals[SHOW_COHORT] =
    g_signal_new ("show-cohort", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-programmes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, template_box);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, template_popover);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, template_button);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, programme_list);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SporProgrammesView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  spor_programmes_editor_class_init (widget_class);
  spor_programmes_phases_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "programmes.new-blank", NULL, new_blank_action);
  gtk_widget_class_install_action (widget_class, "programmes.choose-template", NULL,
                                   choose_template_action);
  gtk_widget_class_install_action (widget_class, "programmes.new-from-template", "s",
                                   new_from_template_action);
  gtk_widget_class_install_action (widget_class, "programmes.show-cohort", "x", show_cohort_action);
}

static void
spor_programmes_view_init (SporProgrammesView *self)
{
  self->phase_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  spor_programmes_editor_init (self);
  fill_templates (self);
}

GtkWidget *
spor_programmes_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_PROGRAMMES_VIEW, "store", store, NULL);
}

SporStore *
spor_programmes_view_get_store (SporProgrammesView *self)
{
  g_return_val_if_fail (SPOR_IS_PROGRAMMES_VIEW (self), NULL);

  return self->store;
}

void
spor_programmes_view_set_store (SporProgrammesView *self,
                                SporStore          *store)
{
  g_return_if_fail (SPOR_IS_PROGRAMMES_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->programme_id = 0;
  self->shown_id = 0;
  spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);
  spor_programmes_view_reload (self);
  g_object_notify (G_OBJECT (self), "store");
}
