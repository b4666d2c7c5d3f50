/* spor-pending-delete.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "spor-gui.h"
#include "spor-pending-delete.h"

typedef enum {
  STATE_PENDING,
  STATE_DELETED,
  STATE_UNDONE,
} State;

struct _SporPendingDelete
{
  GObject          parent_instance;

  SporStore       *store;
  gint64           id;
  char            *title;
  SporDeleteFunc   func;
  State            state;
  GError          *error;
  AdwToast        *toast;
  GtkWidget       *widget;   /* weak: the failure is reported over its window */
};

G_DEFINE_FINAL_TYPE (SporPendingDelete, spor_pending_delete, G_TYPE_OBJECT)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget_toast (SporPendingDelete *self,
              gboolean           dismiss)
{
  AdwToast *toast = g_steal_pointer (&self->toast);

  if (toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (toast, self);
  if (dismiss)
    spor_gui_toast_dismiss (toast);
  g_object_unref (toast);
}

static void
finish (SporPendingDelete *self,
        State              state)
{
  g_autoptr(SporPendingDelete) hold = g_object_ref (self);

  self->state = state;
  forget_toast (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, state == STATE_DELETED);
}

static void
spor_pending_delete_dispose (GObject *object)
{
  SporPendingDelete *self = SPOR_PENDING_DELETE (object);

  forget_toast (self, FALSE);
  g_clear_weak_pointer (&self->widget);
  G_OBJECT_CLASS (spor_pending_delete_parent_class)->dispose (object);
}

static void
spor_pending_delete_finalize (GObject *object)
{
  SporPendingDelete *self = SPOR_PENDING_DELETE (object);

  g_clear_object (&self->store);
  g_clear_error (&self->error);
  g_free (self->title);
  G_OBJECT_CLASS (spor_pending_delete_parent_class)->finalize (object);
}

static void
spor_pending_delete_class_init (SporPendingDeleteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spor_pending_delete_dispose;
  object_class->finalize = spor_pending_delete_finalize;

  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
spor_pending_delete_init (SporPendingDelete *self)
{
}

SporPendingDelete *
spor_pending_delete_new (SporStore      *store,
                         gint64          id,
                         const char     *title,
                         SporDeleteFunc  func)
{
  SporPendingDelete *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (SPOR_TYPE_PENDING_DELETE, NULL);
  self->store = g_object_ref (store);
  self->id = id;
  self->title = g_strdup (title != NULL ? title : "");
  self->func = func;
  return self;
}

gint64
spor_pending_delete_get_id (SporPendingDelete *self)
{
  g_return_val_if_fail (SPOR_IS_PENDING_DELETE (self), 0);
  return self->id;
}

const char *
spor_pending_delete_get_title (SporPendingDelete *self)
{
  g_return_val_if_fail (SPOR_IS_PENDING_DELETE (self), NULL);
  return self->title;
}

gboolean
spor_pending_delete_is_pending (SporPendingDelete *self)
{
  g_return_val_if_fail (SPOR_IS_PENDING_DELETE (self), FALSE);
  return self->state == STATE_PENDING;
}

const GError *
spor_pending_delete_get_error (SporPendingDelete *self)
{
  g_return_val_if_fail (SPOR_IS_PENDING_DELETE (self), NULL);
  return self->error;
}

gboolean
spor_pending_delete_run (SporPendingDelete *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPOR_IS_PENDING_DELETE (self), FALSE);

  if (self->state != STATE_PENDING)
    return self->state == STATE_DELETED;
  if (!self->func (self->store, self->id, &error) &&
      !g_error_matches (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      /* the toast has gone; the record stays hidden until the user answers the report */
      forget_toast (self, TRUE);
      return FALSE;
    }
  g_clear_error (&self->error);
  finish (self, STATE_DELETED);
  return TRUE;
}

void
spor_pending_delete_undo (SporPendingDelete *self)
{
  g_return_if_fail (SPOR_IS_PENDING_DELETE (self));

  if (self->state == STATE_PENDING)
    finish (self, STATE_UNDONE);
}

/* ---- the toast ------------------------------------------------------------------------ */

static void
on_toast_undo (AdwToast          *toast,
               SporPendingDelete *self)
{
  /* the toast dismisses itself after its button */
  forget_toast (self, FALSE);
  spor_pending_delete_undo (self);
}

static void
on_toast_dismissed (AdwToast          *toast,
                    SporPendingDelete *self)
{
  g_autoptr(SporPendingDelete) hold = g_object_ref (self);
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;

  forget_toast (self, FALSE);
  if (self->state == STATE_PENDING && !spor_pending_delete_run (self))
    {
      g_autoptr(GPtrArray) failed = g_ptr_array_new ();

      g_ptr_array_add (failed, self);
      spor_pending_delete_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, failed,
                                  FALSE, NULL, NULL);
    }
}

void
spor_pending_delete_add_toast (SporPendingDelete *self,
                               GtkWidget         *widget,
                               const char        *text)
{
  g_return_if_fail (SPOR_IS_PENDING_DELETE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  forget_toast (self, TRUE);
  g_set_weak_pointer (&self->widget, widget);
  self->toast = g_object_ref (spor_gui_toast_new (text));
  adw_toast_set_button_label (self->toast, _("_Undo"));
  adw_toast_set_timeout (self->toast, 8);
  g_signal_connect (self->toast, "button-clicked", G_CALLBACK (on_toast_undo), self);
  g_signal_connect (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed), self);
  spor_gui_add_toast (widget, g_object_ref (self->toast));
}

/* ---- telling the user ----------------------------------------------------------------- */

typedef struct {
  GtkWindow             *parent;
  GPtrArray             *failed;
  gboolean               closing;
  SporPendingReportFunc  done;
  gpointer               user_data;
} Report;

static void
report_free (Report *r)
{
  g_clear_object (&r->parent);
  g_ptr_array_unref (r->failed);
  g_free (r);
}

static void
on_report_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Report           *r)
{
  gboolean retry = g_strcmp0 (response, "retry") == 0;
  g_autoptr(GPtrArray) still = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < r->failed->len; i++)
    {
      SporPendingDelete *p = g_ptr_array_index (r->failed, i);

      if (!retry)
        spor_pending_delete_undo (p);
      else if (!spor_pending_delete_run (p))
        g_ptr_array_add (still, g_object_ref (p));
    }
  if (still->len > 0)
    spor_pending_delete_report (r->parent, still, r->closing, r->done, r->user_data);
  else if (r->done != NULL)
    r->done (retry, r->user_data);
}

static const char *
reason (SporPendingDelete *p)
{
  /* the store's message names the step that waited; the user needs only who holds it */
  if (g_error_matches (p->error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_BUSY))
    return _("another program is using the database");
  return p->error->message;
}

static char *
report_body (GPtrArray *failed,
             gboolean   closing)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = failed->len;

  if (n == 1)
    {
      SporPendingDelete *p = g_ptr_array_index (failed, 0);

      /* Translators: the first %s is what was to be deleted (a name), the second why not */
      g_string_append_printf (body, _("“%s” was not deleted: %s"), p->title, reason (p));
    }
  else
    {
      g_string_append_printf (body, ngettext ("%u record was not deleted:", "%u records were not deleted:", n), n);
      for (guint i = 0; i < n; i++)
        {
          SporPendingDelete *p = g_ptr_array_index (failed, i);

          /* Translators: a name, then why it was not deleted */
          g_string_append_printf (body, _("\n“%s”: %s"), p->title, reason (p));
        }
    }
  g_string_append (body, "\n\n");
  if (closing)
    g_string_append (body, ngettext ("The window stays open until it is deleted or kept. "
                                     "Try again when the other program is done with the "
                                     "database, or keep the record.",
                                     "The window stays open until they are deleted or kept. "
                                     "Try again when the other program is done with the "
                                     "database, or keep the records.", n));
  else
    g_string_append (body, ngettext ("Try again when the other program is done with the "
                                     "database, or keep the record.",
                                     "Try again when the other program is done with the "
                                     "database, or keep the records.", n));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

void
spor_pending_delete_report (GtkWindow             *parent,
                            GPtrArray             *failed,
                            gboolean               closing,
                            SporPendingReportFunc  done,
                            gpointer               user_data)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Report *r;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (failed != NULL && failed->len > 0);

  r = g_new0 (Report, 1);
  r->parent = parent != NULL ? g_object_ref (parent) : NULL;
  r->failed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < failed->len; i++)
    g_ptr_array_add (r->failed, g_object_ref (g_ptr_array_index (failed, i)));
  r->closing = closing;
  r->done = done;
  r->user_data = user_data;

  body = report_body (failed, closing);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Delete"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", ngettext ("_Keep Record", "_Keep Records", failed->len),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_report_response), r,
                         (GClosureNotify) (void (*) (void)) report_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
