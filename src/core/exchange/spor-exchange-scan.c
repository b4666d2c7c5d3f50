/* spor-exchange-scan.c — the one reader of exchange files' JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "spor-exchange-scan.h"

/* --- the stream -------------------------------------------------------------------------- */

static gboolean
reader_fill (SporScanReader *r)
{
  gssize n;

  if (r->pos < r->len)
    return TRUE;
  if (r->eof)
    return FALSE;
  n = g_input_stream_read (r->in, r->buf, sizeof r->buf, r->cancellable,
                           r->io_error == NULL ? &r->io_error : NULL);
  if (n <= 0)
    {
      r->eof = TRUE;
      return FALSE;
    }
  r->pos = 0;
  r->len = (gsize) n;
  return TRUE;
}

void
spor_scan_reader_init (SporScanReader *r,
                       GInputStream   *in,
                       GCancellable   *cancellable)
{
  memset (r, 0, sizeof *r);
  r->in = in;
  r->cancellable = cancellable;
  r->line = 1;
  /* Editors on Windows start UTF-8 files with a byte order mark; JSON allows a reader to
   * ignore it. */
  if (reader_fill (r) && r->len >= 3 && memcmp (r->buf, "\xef\xbb\xbf", 3) == 0)
    {
      r->pos = 3;
      r->offset = 3;
    }
}

int
spor_scan_peek (SporScanReader *r)
{
  return reader_fill (r) ? r->buf[r->pos] : -1;
}

int
spor_scan_get (SporScanReader *r)
{
  int c;

  if (!reader_fill (r))
    return -1;
  c = r->buf[r->pos++];
  r->offset++;
  if (c == '\n')
    r->line++;
  return c;
}

static gboolean
is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
spor_scan_skip_space (SporScanReader *r)
{
  int c;

  while ((c = spor_scan_peek (r)) != -1 && is_space (c))
    spor_scan_get (r);
  return c;
}

/* Appends the bytes of the buffer from r->pos up to @end (not taken yet) to @out and takes
 * them, counting lines. */
static void
take (SporScanReader *r,
      GString        *out,
      gsize           end)
{
  const guchar *from = r->buf + r->pos;
  gsize n = end - r->pos;

  g_string_append_len (out, (const char *) from, (gssize) n);
  for (const guchar *p = memchr (from, '\n', n); p != NULL;
       p = memchr (p + 1, '\n', n - (gsize) (p + 1 - from)))
    r->line++;
  r->pos = end;
  r->offset += n;
}

/* A text inside a value, after its opening quote: up to and with its closing quote. The
 * buffer is searched for the quote, a backslash or a line break at once. */
static SporScanResult
capture_string (SporScanReader *r,
                GString        *out)
{
  for (;;)
    {
      gsize i;
      int c;

      if (!reader_fill (r))
        return SPOR_SCAN_END;
      for (i = r->pos; i < r->len; i++)
        if (r->buf[i] == '"' || r->buf[i] == '\\' || r->buf[i] == '\n')
          break;
      take (r, out, i);
      if (out->len > SPOR_SCAN_MAX_VALUE_BYTES)
        return SPOR_SCAN_TOO_LARGE;
      if (i == r->len)
        continue;
      c = spor_scan_get (r);
      g_string_append_c (out, (char) c);
      if (c == '"')
        return SPOR_SCAN_OK;
      if (c == '\n')
        return SPOR_SCAN_LINE_BREAK;
      /* the escaped character, whatever it is */
      c = spor_scan_get (r);
      if (c == -1)
        return SPOR_SCAN_END;
      g_string_append_c (out, (char) c);
    }
}

SporScanResult
spor_scan_capture (SporScanReader *r,
                   GString        *out)
{
  int depth = 0;
  int c;

  g_string_truncate (out, 0);
  c = spor_scan_skip_space (r);
  if (c == -1)
    return SPOR_SCAN_END;

  if (c != '{' && c != '[' && c != '"')
    {
      /* a number, true, false or null: its bytes up to the next delimiter */
      while ((c = spor_scan_peek (r)) != -1 && !is_space (c) && c != ',' && c != ']' && c != '}')
        {
          g_string_append_c (out, (char) spor_scan_get (r));
          if (out->len > 64)
            break;
        }
      return out->len == 0 ? SPOR_SCAN_NO_VALUE : SPOR_SCAN_OK;
    }

  do
    {
      SporScanResult result;
      gsize i;

      if (!reader_fill (r))
        return SPOR_SCAN_END;
      /* the bytes up to the next that matters here */
      for (i = r->pos; i < r->len; i++)
        {
          guchar b = r->buf[i];

          if (b == '"' || b == '{' || b == '[' || b == '}' || b == ']')
            break;
        }
      take (r, out, i);
      if (out->len > SPOR_SCAN_MAX_VALUE_BYTES)
        return SPOR_SCAN_TOO_LARGE;
      if (i == r->len)
        continue;
      c = spor_scan_get (r);
      g_string_append_c (out, (char) c);
      if (c == '"' && (result = capture_string (r, out)) != SPOR_SCAN_OK)
        return result;
      else if ((c == '{' || c == '[') && ++depth > SPOR_SCAN_MAX_DEPTH)
        return SPOR_SCAN_TOO_DEEP;
      else if (c == '}' || c == ']')
        depth--;
    }
  while (depth > 0);
  return SPOR_SCAN_OK;
}

/* --- a flat record -----------------------------------------------------------------------
 * Records are flat objects of scalars, and millions of them pass through an import, so they
 * are parsed here without building a tree. A nested value is kept as G_TYPE_INVALID, which
 * the field checks then refuse by name. */

static void
skip_ws (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Appends the unescaped string at *p (at its opening quote) to @out, NUL-terminated. */
static gboolean
parse_string (const char **p,
              GString     *out)
{
  const char *q = *p + 1;

  for (;;)
    {
      const char *start = q;

      while (*q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      g_string_append_len (out, start, q - start);
      if (*q == '"')
        break;
      if (*q != '\\')
        return FALSE; /* a control character or the end */
      q++;
      switch (*q)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int c = hex4 (q + 1);

            if (c < 0)
              return FALSE;
            q += 4;
            if (c >= 0xd800 && c < 0xdc00)
              {
                int low = q[1] == '\\' && q[2] == 'u' ? hex4 (q + 3) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  return FALSE;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                q += 6;
              }
            else if (c >= 0xdc00 && c < 0xe000)
              return FALSE;
            if (c == 0)
              return FALSE; /* a NUL would cut the text short */
            g_string_append_unichar (out, (gunichar) c);
          }
          break;
        default:
          return FALSE;
        }
      q++;
    }
  g_string_append_c (out, '\0');
  *p = q + 1;
  return TRUE;
}

static gboolean
parse_number (const char **p,
              SporScanMember *m)
{
  const char *start = *p, *q = *p;
  gboolean integer = TRUE;
  char buf[64];

  if (*q == '-')
    q++;
  if (*q == '0')
    q++;
  else if (*q >= '1' && *q <= '9')
    while (g_ascii_isdigit (*q))
      q++;
  else
    return FALSE;
  if (*q == '.')
    {
      integer = FALSE;
      q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
    }
  if (*q == 'e' || *q == 'E')
    {
      integer = FALSE;
      q++;
      if (*q == '+' || *q == '-')
        q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
    }
  if ((gsize) (q - start) >= sizeof buf)
    {
      /* too many digits for any field: a number out of every range */
      m->vt = G_TYPE_DOUBLE;
      m->d = INFINITY;
      *p = q;
      return TRUE;
    }
  memcpy (buf, start, q - start);
  buf[q - start] = '\0';
  if (integer)
    {
      char *end = NULL;

      errno = 0;
      m->i = g_ascii_strtoll (buf, &end, 10);
      if (errno == ERANGE)
        {
          m->vt = G_TYPE_DOUBLE;
          m->d = INFINITY;
        }
      else
        m->vt = G_TYPE_INT64;
    }
  else
    {
      m->vt = G_TYPE_DOUBLE;
      m->d = g_ascii_strtod (buf, NULL);
    }
  *p = q;
  return TRUE;
}

/* Skips a nested array or object (the tokenizer has checked the brackets match). */
static gboolean
skip_nested (const char **p)
{
  const char *q = *p;
  int depth = 0;

  do
    {
      if (*q == '\0')
        return FALSE;
      if (*q == '"')
        {
          for (q++; *q != '"'; q++)
            {
              if (*q == '\0')
                return FALSE;
              if (*q == '\\' && q[1] != '\0')
                q++;
            }
        }
      else if (*q == '{' || *q == '[')
        depth++;
      else if (*q == '}' || *q == ']')
        depth--;
      q++;
    }
  while (depth > 0);
  *p = q;
  return TRUE;
}

/* One value at *p into @m (strings into @text); FALSE if it is not valid JSON. */
static gboolean
parse_member_value (const char    **p,
                    GString        *text,
                    gsize          *string_offset,
                    SporScanMember *m)
{
  switch (**p)
    {
    case '"':
      *string_offset = text->len;
      m->vt = G_TYPE_STRING;
      return parse_string (p, text);
    case 't':
    case 'f':
    case 'n':
      {
        static const char * const words[] = { "true", "false", "null" };
        guint w = **p == 't' ? 0 : **p == 'f' ? 1 : 2;
        gsize n = strlen (words[w]);

        if (strncmp (*p, words[w], n) != 0)
          return FALSE;
        *p += n;
        m->vt = w == 2 ? G_TYPE_NONE : G_TYPE_BOOLEAN;
        m->b = w == 0;
        return TRUE;
      }
    case '{':
    case '[':
      m->vt = G_TYPE_INVALID;
      return skip_nested (p);
    default:
      return parse_number (p, m);
    }
}

void
spor_scan_record_init (SporScanRecord *rec)
{
  rec->text = g_string_new (NULL);
  rec->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  rec->members = g_array_new (FALSE, FALSE, sizeof (SporScanMember));
}

void
spor_scan_record_clear (SporScanRecord *rec)
{
  if (rec->text != NULL)
    g_string_free (rec->text, TRUE);
  g_clear_pointer (&rec->offsets, g_array_unref);
  g_clear_pointer (&rec->members, g_array_unref);
  rec->text = NULL;
}

static void
record_reset (SporScanRecord *rec)
{
  g_string_truncate (rec->text, 0);
  g_array_set_size (rec->offsets, 0);
  g_array_set_size (rec->members, 0);
}

/* The text no longer moves: the members point into it. */
static void
record_point (SporScanRecord *rec)
{
  for (guint i = 0; i < rec->members->len; i++)
    {
      SporScanMember *m = &g_array_index (rec->members, SporScanMember, i);
      gsize key = g_array_index (rec->offsets, gsize, 2 * i);
      gsize str = g_array_index (rec->offsets, gsize, 2 * i + 1);

      m->key = rec->text->str + key;
      m->s = str != G_MAXSIZE ? rec->text->str + str : NULL;
    }
}

SporRecordResult
spor_scan_scalar (SporScanRecord *rec,
                  const char     *text,
                  SporScanMember *m)
{
  const char *p = text;
  gsize offsets[2] = { 0, G_MAXSIZE };
  SporScanMember value = { NULL, G_TYPE_NONE, NULL, 0, 0, FALSE };

  record_reset (rec);
  g_string_append_c (rec->text, '\0'); /* the empty key */
  skip_ws (&p);
  if (!parse_member_value (&p, rec->text, &offsets[1], &value))
    return SPOR_RECORD_INVALID;
  skip_ws (&p);
  if (*p != '\0')
    return SPOR_RECORD_INVALID;
  g_array_append_val (rec->members, value);
  g_array_append_vals (rec->offsets, offsets, 2);
  record_point (rec);
  *m = g_array_index (rec->members, SporScanMember, 0);
  return SPOR_RECORD_OK;
}

SporRecordResult
spor_scan_record (SporScanRecord *rec,
                  const char     *text)
{
  const char *p = text;

  record_reset (rec);
  skip_ws (&p);
  if (*p != '{')
    {
      SporScanMember m;

      /* some other JSON value: "not an object" only if it is valid at all */
      return spor_scan_scalar (rec, text, &m) == SPOR_RECORD_OK ? SPOR_RECORD_NOT_OBJECT
                                                              : SPOR_RECORD_INVALID;
    }
  p++;
  skip_ws (&p);
  if (*p == '}')
    p++;
  else
    for (;;)
      {
        SporScanMember m = { NULL, G_TYPE_NONE, NULL, 0, 0, FALSE };
        gsize offsets[2] = { rec->text->len, G_MAXSIZE };

        skip_ws (&p);
        if (*p != '"' || !parse_string (&p, rec->text))
          return SPOR_RECORD_INVALID;
        skip_ws (&p);
        if (*p++ != ':')
          return SPOR_RECORD_INVALID;
        skip_ws (&p);
        if (!parse_member_value (&p, rec->text, &offsets[1], &m))
          return SPOR_RECORD_INVALID;
        g_array_append_val (rec->members, m);
        g_array_append_vals (rec->offsets, offsets, 2);
        skip_ws (&p);
        if (*p == ',')
          {
            p++;
            continue;
          }
        if (*p++ == '}')
          break;
        return SPOR_RECORD_INVALID;
      }
  skip_ws (&p);
  if (*p != '\0')
    return SPOR_RECORD_INVALID;
  record_point (rec);
  return SPOR_RECORD_OK;
}

const SporScanMember *
spor_scan_find (SporScanRecord *rec,
                const char     *key)
{
  for (guint i = 0; i < rec->members->len; i++)
    {
      const SporScanMember *m = &g_array_index (rec->members, SporScanMember, i);

      if (g_str_equal (m->key, key))
        return m;
    }
  return NULL;
}

const char *
spor_scan_find_string (SporScanRecord *rec,
                       const char     *key)
{
  const SporScanMember *m = spor_scan_find (rec, key);

  return m != NULL && m->vt == G_TYPE_STRING ? m->s : NULL;
}

const SporScanMember *
spor_scan_find_twice (SporScanRecord *rec)
{
  for (guint i = 1; i < rec->members->len; i++)
    {
      const SporScanMember *m = &g_array_index (rec->members, SporScanMember, i);

      for (guint k = 0; k < i; k++)
        if (g_str_equal (g_array_index (rec->members, SporScanMember, k).key, m->key))
          return m;
    }
  return NULL;
}
