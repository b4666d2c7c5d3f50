/* spor-conflict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-conflict.h"

gboolean
spor_conflict_matches (const GError *error)
{
  return g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CHANGED);
}

typedef struct {
  SporConflictFunc func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Question;

static void
question_free (Question *q)
{
  if (q->destroy != NULL)
    q->destroy (q->user_data);
  g_free (q);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Question         *q)
{
  SporConflictChoice choice = SPOR_CONFLICT_CANCEL;

  if (g_strcmp0 (response, "discard") == 0)
    choice = SPOR_CONFLICT_DISCARD;
  else if (g_strcmp0 (response, "keep") == 0)
    choice = SPOR_CONFLICT_KEEP_MINE;
  q->func (choice, q->user_data);
}

void
spor_conflict_ask (GtkWidget        *form,
                   const char       *what,
                   SporConflictFunc  func,
                   gpointer          user_data,
                   GDestroyNotify    destroy)
{
  GtkRoot *root = form != NULL ? gtk_widget_get_root (form) : NULL;
  AdwMessageDialog *dialog;
  Question *q;

  g_return_if_fail (func != NULL);

  q = g_new0 (Question, 1);
  q->func = func;
  q->user_data = user_data;
  q->destroy = destroy;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Changed Elsewhere"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the record's name as the form shows it */
                                  _("“%s” was changed elsewhere — by an import, another window "
                                    "or another program — after this form was opened. Discard "
                                    "your changes to see the newer copy, or keep yours and write "
                                    "them over it."),
                                  what != NULL && *what != '\0' ? what : _("The record"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard My Changes"),
                                    "keep", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), q,
                         (GClosureNotify) (void (*) (void)) question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
spor_conflict_stored_text (SporStore   *store,
                           SporEntity  *entity,
                           const char  *field,
                           GError     **error)
{
  g_autoptr(SporEntity) stored = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), NULL);

  stored = spor_store_get (store, G_OBJECT_TYPE (entity), spor_entity_get_id (entity), &read_error);
  if (stored == NULL && !g_error_matches (read_error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return g_strdup (spor_entity_get_text (stored != NULL ? stored : entity, field));
}

gboolean
spor_conflict_take_stored (SporStore   *store,
                           SporEntity  *entity,
                           GError     **error)
{
  g_autoptr(SporEntity) stored = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPOR_IS_ENTITY (entity), FALSE);

  stored = spor_store_get (store, G_OBJECT_TYPE (entity), spor_entity_get_id (entity), error);
  if (stored == NULL)
    return FALSE;
  spor_entity_set_keys (entity, spor_entity_get_id (stored), spor_entity_get_uuid (stored),
                        spor_entity_get_created_at (stored), spor_entity_get_updated_at (stored));
  return TRUE;
}
