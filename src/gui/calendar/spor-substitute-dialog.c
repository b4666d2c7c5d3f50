/* spor-substitute-dialog.c — a substitute for one staff member at one occurrence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-blocks-exceptions.h"

#include "spor-record-choices.h"
#include "spor-substitute-dialog.h"

struct _SporSubstituteDialog
{
  AdwMessageDialog  parent_instance;

  GtkDropDown      *staff_drop_down;
  GtkDropDown      *substitute_drop_down;
};

G_DEFINE_FINAL_TYPE (SporSubstituteDialog, spor_substitute_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
spor_substitute_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPOR_TYPE_SUBSTITUTE_DIALOG);
  G_OBJECT_CLASS (spor_substitute_dialog_parent_class)->dispose (object);
}

static void
spor_substitute_dialog_class_init (SporSubstituteDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_substitute_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kulturspor/Spor/spor-substitute-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SporSubstituteDialog, staff_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SporSubstituteDialog, substitute_drop_down);
}

static void
spor_substitute_dialog_init (SporSubstituteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "substitute", _("_Substitute"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "substitute",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "substitute");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

/* The staff members of block @block_id, by name */
static GPtrArray *
block_staff (SporStore  *store,
             gint64      block_id,
             GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_BLOCK_STAFF);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  spor_query_where_int (query, "block_id", block_id);
  if ((links = spor_store_list (store, query, error)) == NULL)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "staff_id");
      SporStaff *person;

      if (g_hash_table_contains (seen, &id))
        continue;
      if ((person = spor_store_get (store, SPOR_TYPE_STAFF, id, error)) == NULL)
        return NULL;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (staff, person);
    }
  return g_steal_pointer (&staff);
}

SporSubstituteDialog *
spor_substitute_dialog_new (GtkWindow  *parent,
                            SporStore  *store,
                            gint64      block_id,
                            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_STAFF);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GListModel) staff_model = NULL;
  g_autoptr(GListModel) everyone_model = NULL;
  SporSubstituteDialog *self;
  gint64 first_other = 0;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  spor_query_order_by (query, "name", FALSE);
  /* a drop-down is for choosing among hundreds, not thousands */
  spor_query_set_page (query, 0, 2000);
  if ((staff = block_staff (store, block_id, error)) == NULL ||
      (everyone = spor_store_list (store, query, error)) == NULL)
    return NULL;
  if (staff->len == 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("The block has no staff to substitute: add its staff in the block first."));
      return NULL;
    }
  /* offered first: the first staff member who is not in the block already */
  for (guint i = 0; i < everyone->len && first_other == 0; i++)
    {
      gboolean in_block = FALSE;

      for (guint s = 0; s < staff->len; s++)
        in_block |= spor_entity_get_id (staff->pdata[s]) == spor_entity_get_id (everyone->pdata[i]);
      if (!in_block)
        first_other = spor_entity_get_id (everyone->pdata[i]);
    }
  self = g_object_new (SPOR_TYPE_SUBSTITUTE_DIALOG, "transient-for", parent, NULL);
  staff_model = spor_record_choices_new (SPOR_TYPE_STAFF, staff, NULL);
  everyone_model = spor_record_choices_new (SPOR_TYPE_STAFF, everyone, NULL);
  spor_record_choices_set_model (self->staff_drop_down, staff_model, NULL, 0);
  spor_record_choices_set_model (self->substitute_drop_down, everyone_model, NULL, first_other);
  return self;
}

gboolean
spor_substitute_dialog_apply (SporSubstituteDialog  *self,
                              SporStore             *store,
                              gint64                 block_id,
                              const char            *date,
                              GError               **error)
{
  g_return_val_if_fail (SPOR_IS_SUBSTITUTE_DIALOG (self), FALSE);

  return spor_blocks_substitute_staff (store, block_id, date,
                                       spor_record_choices_get_selected (self->staff_drop_down),
                                       spor_record_choices_get_selected (self->substitute_drop_down),
                                       error);
}
