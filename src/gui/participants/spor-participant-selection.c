/* spor-participant-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-participant-selection.h"

struct _SporParticipantSelection
{
  GObject              parent_instance;
  SporParticipantList *list;
  gint64               selected_id;
};

static void spor_participant_selection_list_init      (GListModelInterface        *iface);
static void spor_participant_selection_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporParticipantSelection, spor_participant_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spor_participant_selection_list_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      spor_participant_selection_selection_init))

enum {
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return SPOR_TYPE_PARTICIPANT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SPOR_PARTICIPANT_SELECTION (model)->list));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (SPOR_PARTICIPANT_SELECTION (model)->list), position);
}

static void
spor_participant_selection_list_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  SporParticipantSelection *self = SPOR_PARTICIPANT_SELECTION (model);

  return self->selected_id > 0 &&
         spor_participant_list_get_id (self->list, position) == self->selected_id;
}

static gboolean
select_item (GtkSelectionModel *model,
             guint              position,
             gboolean           unselect_rest)
{
  SporParticipantSelection *self = SPOR_PARTICIPANT_SELECTION (model);
  gint64 id = spor_participant_list_get_id (self->list, position);

  if (id <= 0)
    return FALSE;
  spor_participant_selection_set_selected_id (self, id);
  return TRUE;
}

static gboolean
unselect_item (GtkSelectionModel *model,
               guint              position)
{
  SporParticipantSelection *self = SPOR_PARTICIPANT_SELECTION (model);

  if (is_selected (model, position))
    spor_participant_selection_set_selected_id (self, 0);
  return TRUE;
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  spor_participant_selection_set_selected_id (SPOR_PARTICIPANT_SELECTION (model), 0);
  return TRUE;
}

static void
spor_participant_selection_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->unselect_all = unselect_all;
}

static void
on_items_changed (SporParticipantSelection *self,
                  guint                     position,
                  guint                     removed,
                  guint                     added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
spor_participant_selection_dispose (GObject *object)
{
  SporParticipantSelection *self = SPOR_PARTICIPANT_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  G_OBJECT_CLASS (spor_participant_selection_parent_class)->dispose (object);
}

static void
spor_participant_selection_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SporParticipantSelection *self = SPOR_PARTICIPANT_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_participant_selection_class_init (SporParticipantSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spor_participant_selection_dispose;
  object_class->get_property = spor_participant_selection_get_property;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spor_participant_selection_init (SporParticipantSelection *self)
{
}

SporParticipantSelection *
spor_participant_selection_new (SporParticipantList *list)
{
  SporParticipantSelection *self;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (list), NULL);

  self = g_object_new (SPOR_TYPE_PARTICIPANT_SELECTION, NULL);
  self->list = g_object_ref (list);
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

gint64
spor_participant_selection_get_selected_id (SporParticipantSelection *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_SELECTION (self), 0);
  return self->selected_id;
}

static void
selection_changed_at (SporParticipantSelection *self,
                      gint64                    id)
{
  guint position;

  if (id <= 0)
    return;
  position = spor_participant_list_find (self->list, id);
  if (position != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
}

void
spor_participant_selection_set_selected_id (SporParticipantSelection *self,
                                            gint64                    id)
{
  gint64 old;

  g_return_if_fail (SPOR_IS_PARTICIPANT_SELECTION (self));

  if (self->selected_id == id)
    return;
  old = self->selected_id;
  self->selected_id = id;
  selection_changed_at (self, old);
  selection_changed_at (self, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}
