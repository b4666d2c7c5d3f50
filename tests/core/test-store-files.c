/* test-store-files.c — the database file's edges: locks, foreign and altered files, file
 * kinds, links, permissions, a full disk, the verified-state folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "spor-util.h"

/* --- messages ------------------------------------------------------------------------ */

static void
test_printable (void)
{
  static const char *const cases[][2] = {
    { "/home/åse/Forløb.db", "/home/åse/Forløb.db" },
    { "a\x1b[31mb", "a\\x1b[31mb" },
    { "line\nnext\ttab\rback", "line\\x0anext\\x09tab\\x0dback" },
    { "del\x7f", "del\\x7f" },
    { "csi\xc2\x9b" "1m", "csi\\u009b1m" },               /* C1 control, as UTF-8 */
    { "rlo\xe2\x80\xae" "txt.exe", "rlo\\u202etxt.exe" },   /* right-to-left override */
    { "iso\xe2\x81\xa6", "iso\\u2066" },
    { "bad\xff\xfe", "bad\\xff\\xfe" },
    { "cut\xc3", "cut\\xc3" },
    { "over\xc0\xaf", "over\\xc0\\xaf" },
    { "back\\slash", "back\\slash" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = spor_printable (cases[i][0]);

      g_assert_cmpstr (shown, ==, cases[i][1]);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
    }
  {
    g_autofree char *none = spor_printable (NULL);
    g_autofree char *nul = spor_printable_len ("a\0b", 3);

    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (nul, ==, "a\\x00b");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-files/printable", test_printable);

  return g_test_run ();
}
