/* spor-participants-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-choice.h"
#include "spor-choice-lists.h"
#include "spor-gui.h"
#include "spor-participant-editor.h"
#include "spor-participant-list-print.h"
#include "spor-participant-page.h"
#include "spor-participant-row.h"
#include "spor-participant-selection.h"
#include "spor-participants-view.h"
#include "spor-participants.h"
#include "spor-pending-delete.h"
#include "spor-print-document.h"
#include "spor-programmes.h"
#include "spor-record-choices.h"
#include "spor-view.h"

struct _SporParticipantsView
{
  AdwBin               parent_instance;

  SporStore           *store;
  SporParticipantList *list;
  SporParticipantSelection *selection;
  SporPendingDelete   *pending;    /* the erasure waiting for its Undo */
  gboolean             filling;
  gboolean             list_fresh; /* just read: the first reload need not read it again */

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkSearchEntry      *search_entry;
  AdwStatusPage       *empty_page;
  GtkWidget           *setup_programme_button;
  GtkWidget           *new_participant_button;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *programme_dropdown;
  GtkDropDown         *cohort_dropdown;
  GtkDropDown         *sort_dropdown;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkStack            *detail_stack;
  SporParticipantPage *page;
};

static void spor_participants_view_view_init (SporViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporParticipantsView, spor_participants_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SPOR_TYPE_VIEW, spor_participants_view_view_init))

/* What the list, its rows and its filters show; the page follows its own kinds. */
static const char * const followed_kinds[] = { "participant", "programme", "cohort", NULL };

static void
update_list_state (SporParticipantsView *self)
{
  guint n = spor_participant_list_get_count (self->list);
  g_autofree char *count = spor_gui_format_count (n);
  g_autofree char *text = NULL;

  /* Translators: %s is a number */
  text = g_strdup_printf (ngettext ("%s participant", "%s participants", n), count);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
}

static void
show_detail (SporParticipantsView *self,
             gint64                id)
{
  spor_participant_page_set_participant (self->page, self->store, id);
  gtk_stack_set_visible_child_name (self->detail_stack, id > 0 ? "page" : "none");
}

static void
on_selection_changed (SporParticipantsView *self)
{
  gint64 id = spor_participant_selection_get_selected_id (self->selection);

  /* The detail pane keeps the participant it shows until another one is chosen. */
  if (self->filling || id <= 0)
    return;
  show_detail (self, id);
}

static void
on_row_activated (SporParticipantsView *self,
                  guint                 position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_back_clicked (SporParticipantsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GTK 4.8 has no gtk_list_view_scroll_to(): its list action does the same. */
static void
scroll_to (SporParticipantsView *self,
           guint                 position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Keeps the shown participant selected across a refresh of the list. */
static void
reselect (SporParticipantsView *self)
{
  gint64 shown = spor_participant_page_get_participant (self->page);
  guint position = shown > 0 ? spor_participant_list_find (self->list, shown) : G_MAXUINT;

  self->filling = TRUE;
  spor_participant_selection_set_selected_id (self->selection, shown);
  self->filling = FALSE;
  if (position != G_MAXUINT)
    scroll_to (self, position);
  update_list_state (self);
}

/* A search or filter that no longer lists the participant shown closes the page, so that
 * what is shown is always one of the people listed. */
static void
clear_detail_if_unlisted (SporParticipantsView *self)
{
  gint64 shown = spor_participant_page_get_participant (self->page);

  if (shown > 0 && spor_participant_list_find (self->list, shown) == G_MAXUINT)
    show_detail (self, 0);
}

static void
on_search_changed (SporParticipantsView *self)
{
  if (self->list == NULL)
    return;
  spor_participant_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  clear_detail_if_unlisted (self);
  reselect (self);
}

static void
on_search_activate (SporParticipantsView *self)
{
  /* Enter opens the first match. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    on_row_activated (self, 0);
}

static void
on_filter_changed (SporParticipantsView *self)
{
  if (self->list == NULL || self->filling)
    return;
  spor_participant_list_set_status (self->list, spor_choice_get_selected (self->status_dropdown));
  spor_participant_list_set_programme (self->list, spor_record_choices_get_selected (self->programme_dropdown));
  spor_participant_list_set_cohort (self->list, spor_record_choices_get_selected (self->cohort_dropdown));
  spor_participant_list_set_sort (self->list, (SporParticipantSort) gtk_drop_down_get_selected (self->sort_dropdown));
  clear_detail_if_unlisted (self);
  reselect (self);
}

static void
fill_cohorts (SporParticipantsView *self)
{
  gint64 programme_id = spor_record_choices_get_selected (self->programme_dropdown);
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  if (programme_id > 0 &&
      (cohorts = spor_programmes_list_cohorts (self->store, programme_id, &error)) == NULL)
    spor_gui_show_toast (GTK_WIDGET (self), error->message);
  records = spor_record_choices_new (SPOR_TYPE_COHORT, cohorts, _("All cohorts"));
  spor_record_choices_set_model (self->cohort_dropdown, records, NULL, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cohort_dropdown), programme_id > 0);
}

static void
on_programme_changed (SporParticipantsView *self)
{
  if (self->filling)
    return;
  self->filling = TRUE;
  fill_cohorts (self);
  self->filling = FALSE;
  on_filter_changed (self);
}

static void
fill_programmes (SporParticipantsView *self)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = spor_record_choices_get_selected (self->programme_dropdown);

  self->filling = TRUE;
  spor_query_order_by (query, "name", FALSE);
  if ((programmes = spor_store_list (self->store, query, &error)) == NULL)
    spor_gui_show_toast (GTK_WIDGET (self), error->message);
  records = spor_record_choices_new (SPOR_TYPE_PROGRAMME, programmes, _("All programmes"));
  spor_record_choices_set_model (self->programme_dropdown, records, NULL, previous);
  if (spor_record_choices_get_selected (self->programme_dropdown) == 0)
    fill_cohorts (self);
  self->filling = FALSE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, spor_participant_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  SporParticipantItem *participant = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  spor_participant_row_set_item (SPOR_PARTICIPANT_ROW (row), participant);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spor_participant_item_get_name (participant), -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  spor_participant_row_set_item (SPOR_PARTICIPANT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The empty page's next step: without a programme to admit anyone to, setting one up
 * comes first; a participant can still be added. */
static void
show_next_step (SporParticipantsView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean no_programme = spor_gui_count (self->store, SPOR_TYPE_PROGRAMME, &error) == 0;

  gtk_widget_set_visible (self->setup_programme_button, no_programme);
  if (no_programme)
    gtk_widget_remove_css_class (self->new_participant_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->new_participant_button, "suggested-action");
  adw_status_page_set_description (self->empty_page, no_programme
    ? _("Set up a programme first: participants are admitted to its cohorts. Participants you add will be listed here.")
    : _("Participants you add will be listed here."));
}

static void
load (GtkWidget *widget)
{
  SporParticipantsView *self = (SporParticipantsView *) widget;
  g_autoptr(GError) error = NULL;
  gint64 total;

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  total = spor_gui_count (self->store, SPOR_TYPE_PARTICIPANT, &error);
  if (total < 0)
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  fill_programmes (self);
  /* Every change of a list of 72,000 rows costs the list view time: read it once only. */
  if (self->list_fresh)
    self->list_fresh = FALSE;
  else if (!spor_participant_list_refresh (self->list, &error))
    {
      spor_gui_status_page_show_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  reselect (self);
  spor_participant_page_reload (self->page);
  if (spor_participant_page_get_participant (self->page) > 0 &&
      spor_participant_list_find (self->list, spor_participant_page_get_participant (self->page)) == G_MAXUINT &&
      total == 0)
    show_detail (self, 0);
  if (total == 0)
    show_next_step (self);
  gtk_stack_set_visible_child_name (self->stack, total > 0 || self->pending != NULL ? "main" : "empty");
}

void
spor_participants_view_reload (SporParticipantsView *self)
{
  g_return_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self));
  spor_gui_load_when_shown (GTK_WIDGET (self), load);
}

static void
reload (SporView *view)
{
  spor_participants_view_reload (SPOR_PARTICIPANTS_VIEW (view));
}

void
spor_participants_view_show_participant (SporParticipantsView *self,
                                         gint64                participant_id)
{
  guint position;

  g_return_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self));
  /* a participant saved a moment ago is in the list once the change has been read */
  spor_view_catch_up (GTK_WIDGET (self));
  if (self->list == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "main");
  position = spor_participant_list_find (self->list, participant_id);
  if (position == G_MAXUINT)
    {
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->programme_dropdown, 0);
      fill_cohorts (self);
      self->filling = FALSE;
      spor_participant_list_set_search (self->list, NULL);
      spor_participant_list_set_status (self->list, NULL);
      spor_participant_list_set_programme (self->list, 0);
      spor_participant_list_set_cohort (self->list, 0);
      position = spor_participant_list_find (self->list, participant_id);
    }
  update_list_state (self);
  if (position == G_MAXUINT)
    return;
  self->filling = TRUE;
  spor_participant_selection_set_selected_id (self->selection, participant_id);
  self->filling = FALSE;
  scroll_to (self, position);
  show_detail (self, participant_id);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

gint64
spor_participants_view_get_selected (SporParticipantsView *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self), 0);
  return spor_participant_page_get_participant (self->page);
}

static void
on_editor_saved (SporParticipantsView *self,
                 gint64                id)
{
  spor_participants_view_show_participant (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  editor = spor_participant_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Erasure waits for the toast: the person is hidden at once and erased when the toast goes
 * away without Undo, or before the window closes or the application quits. */
static void
on_pending_finished (SporPendingDelete    *pending,
                     gboolean              deleted,
                     SporParticipantsView *self)
{
  gint64 id = spor_pending_delete_get_id (pending);

  g_signal_handlers_disconnect_by_data (pending, self);
  if (pending == self->pending)
    {
      g_clear_object (&self->pending);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo-delete", FALSE);
    }
  if (self->list == NULL)
    return;
  spor_participant_list_set_hidden (self->list, id, FALSE);
  if (deleted)
    {
      g_autoptr(GError) error = NULL;

      /* The erased id is still in the list's cached order: read it again. */
      if (!spor_participant_list_refresh (self->list, &error))
        {
          spor_gui_status_page_show_error (self->error_page, error);
          gtk_stack_set_visible_child_name (self->stack, "error");
          return;
        }
      update_list_state (self);
    }
  else
    spor_participants_view_show_participant (self, id);
}

/* The search and filters in words, for the printed list: "“søren” · Active · Sy og design" */
static char *
describe_shown (SporParticipantsView *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *status = spor_choice_get_selected (self->status_dropdown);
  SporEntity *programme = spor_record_choices_get_selected_record (self->programme_dropdown);
  SporEntity *cohort = spor_record_choices_get_selected_record (self->cohort_dropdown);

  if (search != NULL && *search != '\0')
    /* Translators: a search as it is printed above a participant list */
    g_ptr_array_add (parts, g_strdup_printf (_("Search: “%s”"), search));
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (spor_value_label (&spor_values_participant_status, status)));
  if (programme != NULL)
    g_ptr_array_add (parts, g_strdup (spor_entity_get_text (programme, "name")));
  if (cohort != NULL)
    g_ptr_array_add (parts, g_strdup (spor_entity_get_text (cohort, "name")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static gboolean
export_list (const char  *path,
             gpointer     data,
             GError     **error)
{
  SporParticipantsView *self = data;
  g_autofree char *shown = describe_shown (self);

  if (self->list == NULL)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The list shows no participants: there is nothing to print."));
      return FALSE;
    }
  return spor_participant_list_print_export (self->list, shown, path, error);
}

static void
print_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->list == NULL)
    return;
  if (g_str_equal (action_name, "participants.export-list"))
    {
      /* Translators: the suggested file name of a printed participant list */
      spor_print_document_ask_export (widget, _("participants.pdf"), export_list,
                                      g_object_ref (self), g_object_unref);
      return;
    }
  shown = describe_shown (self);
  operation = spor_participant_list_print_new (self->list, shown, &error);
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    spor_gui_show_toast (widget, error->message);
}

static void
flush_pending (SporView  *view,
               GPtrArray *failed)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (view);

  if (self->pending != NULL && !spor_pending_delete_run (self->pending))
    g_ptr_array_add (failed, g_object_ref (self->pending));
  spor_participant_page_flush_pending (self->page, failed);
}

/* Carries out the waiting erasure when there is no window left to ask in. */
static void
drop_pending (SporParticipantsView *self)
{
  g_autoptr(SporPendingDelete) pending = g_steal_pointer (&self->pending);

  if (pending == NULL)
    return;
  if (!spor_pending_delete_run (pending))
    g_message ("A participant's erasure was not carried out: %s",
               spor_pending_delete_get_error (pending)->message);
  g_signal_handlers_disconnect_by_data (pending, self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (widget);

  if (self->pending != NULL)
    spor_pending_delete_undo (self->pending);
}

static void
delete_now (SporParticipantsView *self,
            gint64                id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, id, &error);
  const char *name;
  g_autofree char *title = NULL;

  if (p == NULL)
    return spor_gui_show_toast (GTK_WIDGET (self), error->message);
  name = spor_entity_get_text (SPOR_ENTITY (p), "name");
  /* One deletion waits at a time: an earlier one becomes final now, or the user hears why
   * not. */
  if (self->pending != NULL && !spor_pending_delete_run (self->pending))
    {
      g_autoptr(GPtrArray) failed = g_ptr_array_new ();
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_ptr_array_add (failed, self->pending);
      spor_pending_delete_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, failed,
                                  FALSE, NULL, NULL);
      g_clear_object (&self->pending);
    }

  self->pending = spor_pending_delete_new (self->store, id, name, spor_participant_erase);
  g_signal_connect (self->pending, "finished", G_CALLBACK (on_pending_finished), self);
  spor_participant_list_set_hidden (self->list, id, TRUE);
  show_detail (self, 0);
  update_list_state (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: %s is a participant's name */
  title = g_strdup_printf (_("%s deleted"), name);
  spor_pending_delete_add_toast (self->pending, GTK_WIDGET (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo-delete", TRUE);
}

/* What the question "Delete Participant?" is about; the view may go before the answer */
typedef struct {
  SporParticipantsView *self;  /* weak */
  gint64                id;
} DeleteQuestion;

static void
delete_question_free (gpointer  data,
                      GClosure *closure)
{
  DeleteQuestion *q = data;

  g_clear_weak_pointer (&q->self);
  g_free (q);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteQuestion   *q)
{
  if (g_strcmp0 (response, "delete") == 0 && q->self != NULL)
    delete_now (q->self, q->id);
}

static void
on_delete_requested (SporParticipantsView *self,
                     gint64                id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_store_get (self->store, SPOR_TYPE_PARTICIPANT, id, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  DeleteQuestion *q;

  if (p == NULL)
    return spor_gui_show_toast (GTK_WIDGET (self), error->message);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete Participant?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s and everything recorded about them — agreements, meetings, "
                                    "attendance, placements and notes — will be erased. The audit log "
                                    "keeps only that a record was erased."),
                                  spor_entity_get_text (SPOR_ENTITY (p), "name"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  q = g_new0 (DeleteQuestion, 1);
  g_set_weak_pointer (&q->self, self);
  q->id = id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), q, delete_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
spor_participants_view_dispose (GObject *object)
{
  SporParticipantsView *self = SPOR_PARTICIPANTS_VIEW (object);

  /* the window carried out what was pending before it closed; this is the last chance */
  drop_pending (self);
  spor_view_follow (GTK_WIDGET (self), NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_PARTICIPANTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (spor_participants_view_parent_class)->dispose (object);
}

static void
spor_participants_view_class_init (SporParticipantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spor_participants_view_dispose;

  spor_view_class_install_store (object_class);

  g_type_ensure (SPOR_TYPE_PARTICIPANT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-participants-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SporParticipantsView, name)
  BIND (stack);
  BIND (error_page);
  BIND (leaflet);
  BIND (list_pane);
  BIND (detail_pane);
  BIND (search_entry);
  BIND (empty_page);
  BIND (setup_programme_button);
  BIND (new_participant_button);
  BIND (status_dropdown);
  BIND (programme_dropdown);
  BIND (cohort_dropdown);
  BIND (sort_dropdown);
  BIND (count_label);
  BIND (list_stack);
  BIND (list_view);
  BIND (detail_stack);
  BIND (page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "participants.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "participants.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "participants.print-list", NULL, print_list_action);
  gtk_widget_class_install_action (widget_class, "participants.export-list", NULL, print_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "participants.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "participants.search", NULL);
}

static void
spor_participants_view_init (SporParticipantsView *self)
{
  g_autoptr(GListModel) statuses = spor_choice_lists_participant_statuses (_("All statuses"));
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo-delete", FALSE);
  self->filling = TRUE;
  spor_choice_set_model (self->status_dropdown, statuses, NULL);
  self->filling = FALSE;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Typing anywhere in the view goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  g_signal_connect_object (self->page, "delete-requested", G_CALLBACK (on_delete_requested), self,
                           G_CONNECT_SWAPPED);
}

static void
spor_participants_view_view_init (SporViewInterface *iface)
{
  iface->get_store = (SporStore * (*) (SporView *)) spor_participants_view_get_store;
  iface->set_store = (void (*) (SporView *, SporStore *)) spor_participants_view_set_store;
  iface->reload = reload;
  iface->flush_pending = flush_pending;
}

GtkWidget *
spor_participants_view_new (SporStore *store)
{
  g_return_val_if_fail (store == NULL || SPOR_IS_STORE (store), NULL);

  return g_object_new (SPOR_TYPE_PARTICIPANTS_VIEW, "store", store, NULL);
}

SporStore *
spor_participants_view_get_store (SporParticipantsView *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self), NULL);

  return self->store;
}

void
spor_participants_view_set_store (SporParticipantsView *self,
                                  SporStore            *store)
{
  g_return_if_fail (SPOR_IS_PARTICIPANTS_VIEW (self));
  g_return_if_fail (store == NULL || SPOR_IS_STORE (store));

  if (self->store == store)
    return;
  drop_pending (self);
  g_set_object (&self->store, store);
  spor_view_follow (GTK_WIDGET (self), store, followed_kinds, load);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  show_detail (self, 0);
  if (store != NULL)
    {
      self->list = spor_participant_list_new (store);
      self->selection = spor_participant_selection_new (self->list);
      g_signal_connect_object (self->selection, "notify::selected-id",
                               G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
      self->list_fresh = TRUE;
      on_filter_changed (self);
    }

  spor_participants_view_reload (self);
  /* The model goes in once it holds its rows. */
  if (self->selection != NULL)
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_notify (G_OBJECT (self), "store");
}
