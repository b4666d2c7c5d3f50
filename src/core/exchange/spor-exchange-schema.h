/* spor-exchange-schema.h — the JSON Schema of the exchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The JSON Schema of the format, made from the entity descriptions (pretty printed). */
char *spor_exchange_build_schema (void);

G_END_DECLS
