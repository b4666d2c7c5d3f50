/* spor-fold.c — text for searching: folded words, contact data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-fold.h"

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
