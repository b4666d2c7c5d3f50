/* spor-uuid.h — identifiers of records: UUIDs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new UUID (RFC 9562 version 7): time-ordered, so unique indexes grow at their end. */
char  *spor_uuid_new            (void);
void   spor_uuid_fill           (char        out[37]);
gboolean spor_uuid_is_valid     (const char *text);
/* A valid UUID in its one stored form, lower case (in place). */
void   spor_uuid_normalise      (char       *uuid);

G_END_DECLS
