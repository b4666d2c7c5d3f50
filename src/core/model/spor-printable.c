/* spor-printable.c — text that is safe to show, whatever its bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-printable.h"

/* Control characters, and characters that reorder text or break lines. */
static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
         c == 0x061c ||                   /* Arabic letter mark */
         (c >= 0x200e && c <= 0x200f) ||  /* left-to-right and right-to-left marks */
         (c >= 0x2028 && c <= 0x202e) ||  /* line and paragraph separators, embeddings */
         (c >= 0x2066 && c <= 0x2069);    /* isolates */
}

char *
spor_printable_len (const char *text,
                    gsize       length)
{
  GString *out = g_string_sized_new (length + 1);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == 0)
        {
          g_string_append (out, "\\x00");
          p++;
          continue;
        }
      if (needs_escape (c))
        g_string_append_printf (out, c < 0x80 ? "\\x%02x" : "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
spor_printable (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return spor_printable_len (text, strlen (text));
}
