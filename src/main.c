/* main.c — starts Spor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "spor-application.h"

int
main (int   argc,
      char *argv[])
{
  /* First thing: SPOR_BENCH=1 measures the time to the first frame from here. */
  gint64 start_time = g_get_monotonic_time ();
  g_autoptr(SporApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/run), the translations are the build tree's. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SPOR_LOCALE_DIR") != NULL
                                   ? g_getenv ("SPOR_LOCALE_DIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = spor_application_new (start_time);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
