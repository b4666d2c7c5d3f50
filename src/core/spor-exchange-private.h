/* spor-exchange-private.h — what the export, the import and the schema writer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-exchange.h"

G_BEGIN_DECLS

/* The name of each field of @info in the file ("programme_id" is "programme" there: it
 * holds a UUID), interned, for the life of the process. */
const char    **spor_exchange_field_names  (const SporEntityInfo *info);

/* A refusal of the file: SPOR_EXCHANGE_ERROR_REFUSED, “place: reason (line N)”. @place is
 * shown as it is: escape what came from the file (spor_printable). */
void            spor_exchange_refuse       (GError    **error,
                                            const char *place,
                                            guint       line,
                                            const char *format,
                                            ...) G_GNUC_PRINTF (4, 5);

/* The UUIDs an import has met (spor-exchange-seen.c). Made before the import's transaction
 * begins (it attaches a scratch database), freed after it ends. */
typedef struct _SporImportSeen SporImportSeen;

SporImportSeen *spor_import_seen_new       (SporStore      *store,
                                            gboolean        empty,
                                            goffset         size,
                                            GError        **error);
void            spor_import_seen_free      (SporImportSeen *seen);
/* Refuses a UUID the file has had before; @written: whether the caller writes the record
 * (into an empty database, else its UUID is kept in the scratch table). */
gboolean        spor_import_seen_check     (SporImportSeen *seen,
                                            const char     *uuid,
                                            gboolean        written,
                                            const char     *place,
                                            guint           line,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporImportSeen, spor_import_seen_free)

G_END_DECLS
