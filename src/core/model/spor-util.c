/* spor-util.c — identifiers, text folding and printable text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-util.h"

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

/* Lower-cased @word with the Danish letters spelt out (æ→ae, ø→oe, å→aa) or reduced to
 * their base letter (ø→o, å→a); other accented letters lose their accent either way. */
static char *
fold_word (const char *word,
           gboolean    spelt_out)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  GString *s = g_string_sized_new (strlen (lower) + 4);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0x00e6: /* æ */
        case 0x00e4: /* ä */
          g_string_append (s, "ae");
          break;
        case 0x00f8: /* ø */
        case 0x00f6: /* ö */
          g_string_append (s, spelt_out ? "oe" : "o");
          break;
        case 0x00e5: /* å */
          g_string_append (s, spelt_out ? "aa" : "a");
          break;
        case 0x00fc: /* ü */
          g_string_append (s, spelt_out ? "ue" : "u");
          break;
        default:
          if (c < 0x80)
            g_string_append_c (s, (char) c);
          else
            {
              char buf[8] = { 0 };
              g_autofree char *ascii = NULL;

              g_unichar_to_utf8 (c, buf);
              ascii = g_str_to_ascii (buf, "C");
              g_string_append (s, ascii);
            }
          break;
        }
    }
  return g_string_free (s, FALSE);
}

static void
append_unique (GString    *out,
               GHashTable *seen,
               char       *word)
{
  if (*word == '\0' || g_hash_table_contains (seen, word))
    {
      g_free (word);
      return;
    }
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
  g_hash_table_add (seen, word);
}

/* @text, or a copy of it with U+FFFD for every byte that is not valid UTF-8 (kept in
 * *@copy): the folding below steps through characters and must not step past the end. */
static const char *
valid_utf8 (const char  *text,
            char       **copy)
{
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *copy = g_utf8_make_valid (text, -1);
  return *copy;
}

char *
spor_fold (const char *text)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *copy = NULL;
  GString *out;
  const char *p, *start = NULL;

  if (text == NULL)
    return g_strdup ("");
  text = valid_utf8 (text, &copy);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  out = g_string_new (NULL);
  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = c != 0 && g_unichar_isalnum (c);

      if (word_char && start == NULL)
        start = p;
      else if (!word_char && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          append_unique (out, seen, fold_word (word, TRUE));
          append_unique (out, seen, fold_word (word, FALSE));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return g_string_free (out, FALSE);
}

char *
spor_fold_term (const char *term)
{
  g_autofree char *copy = NULL;

  return fold_word (term != NULL ? valid_utf8 (term, &copy) : "", TRUE);
}

char *
spor_contact_text (const char *email,
                   const char *phone)
{
  g_autofree char *email_copy = NULL, *phone_copy = NULL;
  GString *s;

  if (email != NULL)
    email = valid_utf8 (email, &email_copy);
  if (phone != NULL)
    phone = valid_utf8 (phone, &phone_copy);
  s = g_string_new (email);

  if (phone != NULL && *phone != '\0')
    {
      GString *digits = g_string_new (NULL);

      for (const char *p = phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, phone);
      if (digits->len > 0)
        g_string_append_printf (s, " %s", digits->str);
      /* A Danish number written with its country code also finds the eight digits. */
      if (digits->len == 10 && g_str_has_prefix (digits->str, "45"))
        g_string_append_printf (s, " %s", digits->str + 2);
      g_string_free (digits, TRUE);
    }
  return g_string_free (s, FALSE);
}

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
