/* spor-application-cli.h — Spor's command line: its options and the commands that run
 * without a window (--version, --export, --import, --export-ics, --create-sample)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options, for g_application_add_main_option_entries() */
const GOptionEntry *spor_application_cli_options (void);

/* Runs the command in @options and gives its exit status, or -1 when @options hold no
 * command and the application is to start: 0 done, 2 an exchange file was refused
 * (nothing written), 1 any other failure. */
int                 spor_application_cli_handle  (GVariantDict *options);

G_END_DECLS
