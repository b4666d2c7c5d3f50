/* spor-store-private.h — for the rest of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "spor-store.h"

G_BEGIN_DECLS

sqlite3      *spor_store_get_db          (SporStore  *self);
/* A cached prepared statement; reset it (sqlite3_reset) when done. */
sqlite3_stmt *spor_store_prepare         (SporStore  *self,
                                          const char *sql,
                                          GError    **error);
gboolean      spor_store_exec            (SporStore  *self,
                                          const char *sql,
                                          GError    **error);
void          spor_store_set_error       (SporStore  *self,
                                          GError    **error,
                                          int         rc,
                                          const char *what);
gboolean      spor_store_audit           (SporStore  *self,
                                          const char *entity,
                                          const char *uuid,
                                          const char *action,
                                          const char *fields,
                                          GError    **error);
gboolean      spor_store_add_tombstone   (SporStore  *self,
                                          const char *entity,
                                          const char *uuid,
                                          GError    **error);
gboolean      spor_store_get_site_secret (SporStore  *self,
                                          guint8      secret[32]);
/* For writes made with the store's statements: announced with the transaction's commit. */
void          spor_store_note_change     (SporStore        *self,
                                          const char       *entity,
                                          gint64            id,
                                          SporChangeAction  action);

G_END_DECLS
