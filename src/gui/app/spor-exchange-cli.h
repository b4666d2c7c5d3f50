/* spor-exchange-cli.h — `spor --export FILE` and `spor --import FILE` on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit status of an exchange command in @options, or -1 when there is none.
 * 0 done, 2 the file was refused (nothing written), 1 any other failure. */
int spor_exchange_cli_handle (GVariantDict *options);

G_END_DECLS
