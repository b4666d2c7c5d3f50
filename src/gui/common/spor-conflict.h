/* spor-conflict.h — a save refused because the record changed after the form read it
 *
 * The store refuses to update a record whose stored copy is newer than the one a form read
 * (SPOR_STORE_ERROR_CHANGED). Every editor then asks the user with spor_conflict_ask():
 * Discard My Changes (the form reads the newer copy), Keep Mine (the form is written over
 * it, after spor_conflict_take_stored()), or Cancel (back to the form, nothing written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_CONFLICT_CANCEL,
  SPOR_CONFLICT_DISCARD,
  SPOR_CONFLICT_KEEP_MINE,
} SporConflictChoice;

typedef void (*SporConflictFunc) (SporConflictChoice choice,
                                  gpointer           user_data);

/* Whether @error is the store's "changed elsewhere" refusal. */
gboolean spor_conflict_matches      (const GError    *error);
/* Asks over @form's window what to do about @what (the record's name, as the form shows it);
 * @func gets the answer once, then @destroy frees @user_data. */
void     spor_conflict_ask          (GtkWidget       *form,
                                     const char      *what,
                                     SporConflictFunc func,
                                     gpointer         user_data,
                                     GDestroyNotify   destroy);
/* The text of @field of the stored copy of @entity (for the question: the name the record
 * has now), or of @entity itself when the stored copy is gone. NULL and @error when the
 * stored copy cannot be read. */
char    *spor_conflict_stored_text  (SporStore       *store,
                                     SporEntity      *entity,
                                     const char      *field,
                                     GError         **error);
/* Makes the next spor_store_update() of @entity write over the stored copy: copies its
 * updated_at into @entity. FALSE with @error when the record is gone meanwhile. */
gboolean spor_conflict_take_stored  (SporStore       *store,
                                     SporEntity      *entity,
                                     GError         **error);

G_END_DECLS
