/* spor-timeline-view.c — the Timeline page: a programme or cohort on a time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-phase-stepper.h"
#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-record-choices.h"
#include "spor-timeline.h"
#include "spor-timeline-legend-item.h"
#include "spor-timeline-summary-item.h"
#include "spor-timeline-view.h"
#include "spor-util.h"
#include "spor-view.h"

struct _SporTimelineView
{
  AdwBin          parent_instance;

  SporStore      *store;
  GHashTable     *programmes_seen;  /* ids of the programmes the picker listed, NULL at first */
  gboolean        filling;

  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkDropDown    *programme_dropdown;
  GtkDropDown    *cohort_dropdown;
  GtkToggleButton *weeks_button;
  GtkToggleButton *months_button;
  GtkToggleButton *period_button;
  GtkBox         *summary_box;
  GtkBox         *legend_box;
  GtkWidget      *legend_key;
  GtkToggleButton *flap_button;
  GtkFlowBox     *toolbar;
  SporTimeline   *timeline;
  AdwFlap        *flap;
  GtkLabel       *participant_label;
  SporPhaseStepper *stepper;
};

static void spor_timeline_view_view_init (SporViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporTimelineView, spor_timeline_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SPOR_TYPE_VIEW, spor_timeline_view_view_init))

/* The pickers, the rows and their milestones, the summary and the side panel */
static const char * const followed_kinds[] = {
  "programme", "phase", "cohort", "participant", "phase_progress", "agreement", "placement",
  NULL
};

static void on_selected_changed (SporTimelineView *self);

/* Removes the children of @box, but for @keep */
static void
clear_box (GtkBox    *box,
           GtkWidget *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_box_remove (box, child);
      child = next;
    }
}

static gint64
selected_programme (SporTimelineView *self)
{
  return spor_record_choices_get_selected (self->programme_dropdown);
}

static gint64
selected_cohort (SporTimelineView *self)
{
  return spor_record_choices_get_selected (self->cohort_dropdown);
}

static void
show_summary (SporTimelineView *self,
              gint64            programme_id,
              gint64            cohort_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporCohortSummary) summary = NULL;
  g_autoptr(GPtrArray) phases = NULL;

  clear_box (self->summary_box, NULL);
  clear_box (self->legend_box, self->legend_key);
  summary = spor_progress_summarise (self->store, programme_id, cohort_id, NULL, &error);
  if (summary == NULL)
    {
      /* the summary's place says why there is none */
      gtk_box_append (self->summary_box,
                      spor_timeline_summary_item_new (_("Could Not Read the Database"), error->message, TRUE));
      return;
    }
  {
    g_autofree char *n = spor_gui_format_count (summary->participants);
    g_autofree char *detail = NULL;
    g_autofree char *title = g_strdup_printf (ngettext ("%s participant", "%s participants",
                                                        summary->participants), n);

    /* Translators: parts of the cohort summary “2 behind · 3 completed · 1 dropped out” */
    g_autofree char *behind = g_strdup_printf (ngettext ("%u behind", "%u behind", summary->behind),
                                               summary->behind);
    g_autofree char *completed = g_strdup_printf (ngettext ("%u completed", "%u completed", summary->completed),
                                                  summary->completed);
    g_autofree char *dropped_out = g_strdup_printf (ngettext ("%u dropped out", "%u dropped out",
                                                              summary->dropped_out),
                                                    summary->dropped_out);

    detail = g_strjoin (" · ", behind, completed, dropped_out, NULL);
    gtk_box_append (self->summary_box, spor_timeline_summary_item_new (title, detail, summary->behind > 0));
  }
  for (guint i = 0; i < summary->phases->len; i++)
    {
      SporPhaseCount *count = g_ptr_array_index (summary->phases, i);
      /* Translators: parts of “5 in phase · 4 on time · 1 behind”, participants in a phase now */
      g_autofree char *in_phase = g_strdup_printf (ngettext ("%u in phase", "%u in phase", count->in_phase),
                                                   count->in_phase);
      g_autofree char *on_time = g_strdup_printf (ngettext ("%u on time", "%u on time", count->on_time),
                                                  count->on_time);
      g_autofree char *behind = g_strdup_printf (ngettext ("%u behind", "%u behind", count->behind),
                                                 count->behind);
      g_autofree char *detail = g_strjoin (" · ", in_phase, on_time, behind, NULL);

      gtk_box_append (self->summary_box, spor_timeline_summary_item_new (count->phase_name, detail, count->behind > 0));
      /* the phases come before the key */
      gtk_widget_insert_before (spor_timeline_legend_item_new ((guint) count->position, count->phase_name),
                                GTK_WIDGET (self->legend_box), self->legend_key);
    }
}

static void
show_source (SporTimelineView *self)
{
  gint64 programme_id = selected_programme (self), cohort_id = selected_cohort (self);

  spor_timeline_set_source (self->timeline, self->store, programme_id, cohort_id);
  /* the timeline keeps its selection when it shows the same cohort again */
  if (spor_timeline_get_n_rows (self->timeline) > 0 && spor_timeline_get_selected (self->timeline) < 0)
    spor_timeline_select (self->timeline, 0, -1);
  else
    on_selected_changed (self);
  if (self->store != NULL && programme_id > 0)
    show_summary (self, programme_id, cohort_id);
}

/* The newest cohort that has started (@cohorts are newest first): the one staff look at
 * most; else the newest; 0 when there are none. */
static gint64
newest_started (GPtrArray *cohorts)
{
  g_autofree char *today = spor_date_today ();

  if (cohorts == NULL || cohorts->len == 0)
    return 0;
  for (guint i = 0; i < cohorts->len; i++)
    if (g_strcmp0 (spor_entity_get_text (g_ptr_array_index (cohorts, i), "start_date"), today) <= 0)
      return spor_entity_get_id (g_ptr_array_index (cohorts, i));
  return spor_entity_get_id (g_ptr_array_index (cohorts, 0));
}

/* @prefer: the cohort to keep selected when it is still there; else the newest started */
static void
fill_cohorts (SporTimelineView *self,
              gint64            prefer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GListModel) records = NULL;

  if (self->store != NULL && selected_programme (self) > 0)
    cohorts = spor_programmes_list_cohorts (self->store, selected_programme (self), &error);
  records = spor_record_choices_new (SPOR_TYPE_COHORT, cohorts, _("All Cohorts"));
  self->filling = TRUE;
  spor_record_choices_set_model (self->cohort_dropdown, records, NULL, newest_started (cohorts));
  if (prefer > 0)
    spor_record_choices_select (self->cohort_dropdown, prefer);
  self->filling = FALSE;
}

static void
on_programme_selected (SporTimelineView *self)
{
  if (self->filling)
    return;
  fill_cohorts (self, 0);
  show_source (self);
}

static void
on_cohort_selected (SporTimelineView *self)
{
  if (self->filling)
    return;
  show_source (self);
}

static void
on_zoom_toggled (SporTimelineView *self)
{
  if (gtk_toggle_button_get_active (self->weeks_button))
    spor_timeline_set_zoom (self->timeline, SPOR_TIMELINE_ZOOM_WEEKS);
  else if (gtk_toggle_button_get_active (self->period_button))
    spor_timeline_set_zoom (self->timeline, SPOR_TIMELINE_ZOOM_PERIOD);
  else
    spor_timeline_set_zoom (self->timeline, SPOR_TIMELINE_ZOOM_MONTHS);
}

static void
on_zoom_changed (SporTimelineView *self)
{
  switch (spor_timeline_get_zoom (self->timeline))
    {
    case SPOR_TIMELINE_ZOOM_WEEKS:
      gtk_toggle_button_set_active (self->weeks_button, TRUE);
      break;
    case SPOR_TIMELINE_ZOOM_PERIOD:
      gtk_toggle_button_set_active (self->period_button, TRUE);
      break;
    case SPOR_TIMELINE_ZOOM_MONTHS:
    default:
      gtk_toggle_button_set_active (self->months_button, TRUE);
      break;
    }
}

static void
on_row_activated (SporTimelineView *self,
                  gint64            participant_id)
{
  /* the window's win.show-participant action does the work */
}

/* The side panel follows the selected row. */
static void
on_selected_changed (SporTimelineView *self)
{
  int row = spor_timeline_get_selected (self->timeline);
  gint64 id = row >= 0 ? spor_timeline_get_participant (self->timeline, (guint) row) : 0;
  g_autoptr(SporEntity) participant = NULL;
  g_autoptr(GError) error = NULL;

  if (id == spor_phase_stepper_get_participant (self->stepper))
    return;
  if (id > 0 && self->store != NULL)
    participant = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, id, &error);
  /* the panel's heading names the participant, or says why it cannot */
  gtk_label_set_label (self->participant_label,
                       participant != NULL ? spor_entity_get_text (participant, "name")
                       : error != NULL ? error->message : "");
  spor_phase_stepper_set_participant (self->stepper, self->store, id);
  /* beside the chart when there is room; folded, it waits to be asked for */
  adw_flap_set_reveal_flap (self->flap, id > 0 && !adw_flap_get_folded (self->flap));
}

static void
on_folded_changed (SporTimelineView *self)
{
  /* folded, the panel would cover the chart: it opens only when asked for */
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap) &&
                            spor_phase_stepper_get_participant (self->stepper) > 0);
}

static void
on_open_clicked (SporTimelineView *self)
{
  gint64 id = spor_phase_stepper_get_participant (self->stepper);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-participant", "x", id);
}

/* A programme made since the last look is the one to show; else @previous. Remembers the
 * programmes listed now for the next look. */
static gint64
newest_programme (SporTimelineView *self,
                  GPtrArray        *programmes,
                  gint64            previous)
{
  g_autoptr(GHashTable) seen = g_steal_pointer (&self->programmes_seen);
  gint64 newest = 0;

  self->programmes_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < programmes->len; i++)
    {
      gint64 id = spor_entity_get_id (g_ptr_array_index (programmes, i));

      if (seen != NULL && !g_hash_table_contains (seen, &id) && id > newest)
        newest = id;
      g_hash_table_add (self->programmes_seen, g_memdup2 (&id, sizeof id));
    }
  return newest > 0 ? newest : previous;
}

static void
load (GtkWidget *widget)
{
  SporTimelineView *self = (SporTimelineView *) widget;
  g_autoptr(GError) error = NULL;
  g_autoptr(SporQuery) query = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GListModel) records = NULL;
  gint64 previous, previous_cohort;

  previous = selected_programme (self);
  previous_cohort = selected_cohort (self);
  if (self->store == NULL)
    {
      spor_timeline_set_source (self->timeline, NULL, 0, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  query = spor_query_new (SPOR_TYPE_PROGRAMME);
  spor_query_order_by (query, "name", FALSE);
  programmes = spor_store_list (self->store, query, &error);
  if (programmes == NULL)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (programmes->len == 0)
    {
      spor_timeline_set_source (self->timeline, NULL, 0, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  previous = newest_programme (self, programmes, previous);
  records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, programmes, NULL);
  self->filling = TRUE;
  spor_record_choices_set_model (self->programme_dropdown, records, NULL, previous);
  self->filling = FALSE;
  fill_cohorts (self, selected_programme (self) == previous ? previous_cohort : 0);
  /* the timeline keeps its place and selection when it shows the same cohort again */
  show_source (self);
  spor_phase_stepper_reload (self->stepper);
  gtk_stack_set_visible_child_name (self->stack, "timeline");
}

void
spor_timeline_view_reload (SporTimelineView *self)
{
  g_return_if_fail (SPOR_IS_TIMELINE_VIEW (self));
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

static void
reload (SporView *view)
{
  spor_timeline_view_reload (SPOR_TIMELINE_VIEW (view));
}

static void
spor_timeline_view_view_init (SporViewInterface *iface)
{
  iface->get_store = (SporStore * (*) (SporView *)) spor_timeline_view_get_store;
  iface->set_store = (void (*) (SporView *, SporStore *)) spor_timeline_view_set_store;
  iface->reload = reload;
}

void
spor_timeline_view_show (SporTimelineView *self,
                         gint64            programme_id,
                         gint64            cohort_id)
{
  g_return_if_fail (SPOR_IS_TIMELINE_VIEW (self));
  /* a cohort started a moment ago is in the picker once the change has been read */
  spor_view_catch_up (GTK_WIDGET (self));

  spor_record_choices_select (self->programme_dropdown, programme_id);
  spor_record_choices_select (self->cohort_dropdown, cohort_id);
}

SporTimeline *
spor_timeline_view_get_timeline (SporTimelineView *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

static void
spor_timeline_view_dispose (GObject *object)
{
  SporTimelineView *self = SPOR_TIMELINE_VIEW (object);

  /* The stack is the bin's own child: let the bin drop it, so that it is unparented once. */
  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programmes_seen, g_hash_table_unref);

  G_OBJECT_CLASS (spor_timeline_view_parent_class)->dispose (object);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SporTimelineView *self = SPOR_TIMELINE_VIEW (widget);
  SporTimelineZoom zoom = spor_timeline_get_zoom (self->timeline);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom = zoom == SPOR_TIMELINE_ZOOM_PERIOD ? SPOR_TIMELINE_ZOOM_MONTHS : SPOR_TIMELINE_ZOOM_WEEKS;
  else
    zoom = zoom == SPOR_TIMELINE_ZOOM_WEEKS ? SPOR_TIMELINE_ZOOM_MONTHS : SPOR_TIMELINE_ZOOM_PERIOD;
  spor_timeline_set_zoom (self->timeline, zoom);
}

static void
spor_timeline_view_class_init (SporTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_timeline_view_dispose;

  spor_view_class_install_store (object_class);

  g_type_ensure (SPOR_TYPE_TIMELINE);
  g_type_ensure (SPOR_TYPE_PHASE_STEPPER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, weeks_button);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, months_button);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, period_button);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, legend_key);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cohort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, flap);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, flap_button);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, participant_label);
  gtk_widget_class_bind_template_child (widget_class, SporTimelineView, stepper);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
}

static void
spor_timeline_view_init (SporTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the toolbar wraps like a flow box but is no list: focus goes to its controls only */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  g_signal_connect_swapped (self->timeline, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->timeline, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_object_bind_property (self->flap, "reveal-flap", self->flap_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (on_folded_changed), self);
}

GtkWidget *
spor_timeline_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_TIMELINE_VIEW, "store", store, NULL);
}

SporStore *
spor_timeline_view_get_store (SporTimelineView *self)
{
  g_return_val_if_fail (SPOR_IS_TIMELINE_VIEW (self), NULL);

  return self->store;
}

void
spor_timeline_view_set_store (SporTimelineView *self,
                              SporStore        *store)
{
  g_return_if_fail (SPOR_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);
  spor_timeline_view_reload (self);
  g_object_notify (G_OBJECT (self), "store");
}
