/* spor-schema-reference.c — run at build time: writes the schema that Spor's migrations
 * make for every schema version into the file named on the command line, which is then
 * compiled into Spor (see spor-store-open.c: reference_schema()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-store-open.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT\n", argv[0]);
      return 2;
    }
  if (!spor_store_write_reference (text, &error) ||
      !g_file_set_contents (argv[1], text->str, (gssize) text->len, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
