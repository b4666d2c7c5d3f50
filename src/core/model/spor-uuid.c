/* spor-uuid.c — identifiers of records: UUIDs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "spor-uuid.h"

G_LOCK_DEFINE_STATIC (clock);

void
spor_uuid_fill (char out[37])
{
  static gint64 last_ms = 0;
  static guint counter = 0;
  static const char hex[] = "0123456789abcdef";
  guint8 b[16];
  gint64 ms;
  guint32 r1 = g_random_int (), r2 = g_random_int ();

  G_LOCK (clock);
  ms = g_get_real_time () / 1000;
  if (ms <= last_ms)
    {
      /* Same millisecond: count up in the 12 bits after the version, so order holds. */
      counter++;
      if (counter > 0xfff)
        {
          last_ms++;
          counter = g_random_int_range (0, 0x400);
        }
      ms = last_ms;
    }
  else
    {
      last_ms = ms;
      counter = g_random_int_range (0, 0x400);
    }
  b[0] = (ms >> 40) & 0xff;
  b[1] = (ms >> 32) & 0xff;
  b[2] = (ms >> 24) & 0xff;
  b[3] = (ms >> 16) & 0xff;
  b[4] = (ms >> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  G_UNLOCK (clock);

  b[8] = 0x80 | ((r1 >> 24) & 0x3f);
  b[9] = (r1 >> 16) & 0xff;
  b[10] = (r1 >> 8) & 0xff;
  b[11] = r1 & 0xff;
  b[12] = (r2 >> 24) & 0xff;
  b[13] = (r2 >> 16) & 0xff;
  b[14] = (r2 >> 8) & 0xff;
  b[15] = r2 & 0xff;

  for (guint i = 0, o = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex[b[i] >> 4];
      out[o++] = hex[b[i] & 0xf];
    }
  out[36] = '\0';
}

char *
spor_uuid_new (void)
{
  char *out = g_malloc (37);

  spor_uuid_fill (out);
  return out;
}

gboolean
spor_uuid_is_valid (const char *text)
{
  /* the same test as g_uuid_string_is_valid(), written out: an import makes millions */
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    if (i == 8 || i == 13 || i == 18 || i == 23 ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return text[36] == '\0';
}

void
spor_uuid_normalise (char *uuid)
{
  for (char *p = uuid; *p != '\0'; p++)
    if (*p >= 'A' && *p <= 'F')
      *p += 'a' - 'A';
}
