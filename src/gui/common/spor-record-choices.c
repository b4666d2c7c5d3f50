/* spor-record-choices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-record-choices.h"

GListModel *
spor_record_choices_new (GType       type,
                         GPtrArray  *records,
                         const char *none_label)
{
  GListStore *store;

  g_return_val_if_fail (g_type_is_a (type, SPOR_TYPE_ENTITY), NULL);

  store = g_list_store_new (type);
  if (none_label != NULL)
    {
      g_autoptr(SporEntity) none = spor_entity_new (type);

      spor_entity_set_text (none, "name", none_label);
      g_list_store_append (store, none);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    g_list_store_append (store, g_ptr_array_index (records, i));
  return G_LIST_MODEL (store);
}

static gboolean
is_drop_down (gpointer drop_down)
{
  return GTK_IS_DROP_DOWN (drop_down) || ADW_IS_COMBO_ROW (drop_down);
}

static guint
find (GListModel *records,
      gint64      id)
{
  guint n = records != NULL ? g_list_model_get_n_items (records) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SporEntity) record = g_list_model_get_item (records, i);

      if (spor_entity_get_id (record) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
spor_record_choices_set_model (gpointer       drop_down,
                               GListModel    *records,
                               GtkExpression *label,
                               gint64         id)
{
  g_autoptr(GtkExpression) expression = label;
  guint position;

  g_return_if_fail (is_drop_down (drop_down));
  g_return_if_fail (G_IS_LIST_MODEL (records));

  if (expression == NULL)
    expression = gtk_property_expression_new (g_list_model_get_item_type (records), NULL, "name");
  position = find (records, id);
  g_object_set (drop_down,
                "expression", expression,
                "model", records,
                "selected", position != GTK_INVALID_LIST_POSITION ? position : 0,
                NULL);
}

gboolean
spor_record_choices_select (gpointer drop_down,
                            gint64   id)
{
  g_autoptr(GListModel) records = NULL;
  guint position;

  g_return_val_if_fail (is_drop_down (drop_down), FALSE);

  g_object_get (drop_down, "model", &records, NULL);
  if ((position = find (records, id)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_object_set (drop_down, "selected", position, NULL);
  return TRUE;
}

SporEntity *
spor_record_choices_get_selected_record (gpointer drop_down)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (is_drop_down (drop_down), NULL);

  g_object_get (drop_down, "selected-item", &item, NULL);
  /* the model holds the record: it outlives this reference */
  if (!SPOR_IS_ENTITY (item) || spor_entity_get_id (SPOR_ENTITY (item)) <= 0)
    return NULL;
  return SPOR_ENTITY (item);
}

gint64
spor_record_choices_get_selected (gpointer drop_down)
{
  SporEntity *record = spor_record_choices_get_selected_record (drop_down);

  return record != NULL ? spor_entity_get_id (record) : 0;
}

void
spor_record_choices_store_selected (gpointer    drop_down,
                                    SporEntity *entity,
                                    const char *field)
{
  gint64 id = spor_record_choices_get_selected (drop_down);

  g_return_if_fail (SPOR_IS_ENTITY (entity));

  if (id > 0)
    spor_entity_set_int (entity, field, id);
  else
    spor_entity_unset (entity, field);
}
