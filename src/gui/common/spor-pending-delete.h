/* spor-pending-delete.h — a deletion that waits for its Undo, and is never lost
 *
 * A view hides the record at once and shows a toast with Undo; the deletion is carried out
 * when the toast goes, or before the window closes or the application quits (SporView's
 * flush_pending). A deletion that fails — another program holds the database — is not
 * dropped: spor_pending_delete_report() tells the user what was not deleted and why, with
 * Try Again, and the record stays until it is deleted or the user keeps it.
 *
 * Signal "finished" (gboolean deleted): the record was deleted, or the deletion was given up
 * (Undo, or kept after a failure) and the view shows the record again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* Deletes record @id; a record that is gone already counts as deleted. */
typedef gboolean (*SporDeleteFunc) (SporStore  *store,
                                    gint64      id,
                                    GError    **error);

#define SPOR_TYPE_PENDING_DELETE (spor_pending_delete_get_type ())
G_DECLARE_FINAL_TYPE (SporPendingDelete, spor_pending_delete, SPOR, PENDING_DELETE, GObject)

/* @title is what the user knows the record by, e.g. a participant's name. */
SporPendingDelete *spor_pending_delete_new       (SporStore         *store,
                                                  gint64             id,
                                                  const char        *title,
                                                  SporDeleteFunc     func);
gint64             spor_pending_delete_get_id    (SporPendingDelete *self);
const char        *spor_pending_delete_get_title (SporPendingDelete *self);
gboolean           spor_pending_delete_is_pending (SporPendingDelete *self);
/* Why the last attempt failed; NULL when none did. */
const GError      *spor_pending_delete_get_error (SporPendingDelete *self);

/* Shows @text with Undo on the toast overlay of @widget's window (spor_gui_add_toast());
 * when the toast goes without Undo the deletion runs, and a failure is reported over that
 * window. */
void               spor_pending_delete_add_toast (SporPendingDelete *self,
                                                  GtkWidget         *widget,
                                                  const char        *text);
/* Carries out the deletion; TRUE when the record is gone ("finished" with TRUE). On failure
 * it stays pending, with the reason in spor_pending_delete_get_error(). */
gboolean           spor_pending_delete_run       (SporPendingDelete *self);
/* Gives the deletion up: "finished" with FALSE. */
void               spor_pending_delete_undo      (SporPendingDelete *self);

/* Called when every failed deletion has been carried out (TRUE) or the user kept them. */
typedef void (*SporPendingReportFunc) (gboolean  all_deleted,
                                       gpointer  user_data);

/* Tells the user which deletions of @failed (SporPendingDelete) failed and why, over
 * @parent: Try Again runs them again and asks again about those that still fail; Keep gives
 * them up. @closing says the window waits for the answer before it closes. */
void               spor_pending_delete_report    (GtkWindow             *parent,
                                                  GPtrArray             *failed,
                                                  gboolean               closing,
                                                  SporPendingReportFunc  done,
                                                  gpointer               user_data);

G_END_DECLS
