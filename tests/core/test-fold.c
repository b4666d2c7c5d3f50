/* test-fold.c — Danish folding and the participant search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "core-test-util.h"
#include "spor-store-private.h"
#include "spor-util.h"

static gboolean
has_word (const char *folded,
          const char *word)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  return g_strv_contains ((const char * const *) words, word);
}

static void
test_fold_variants (void)
{
  g_autofree char *a = spor_fold ("Søren Åse Ærø-Kjærgaard");
  g_autofree char *b = spor_fold ("ÉMILE Müller");
  g_autofree char *empty = spor_fold (NULL);

  g_test_message ("%s | %s", a, b);
  g_assert_true (has_word (a, "soeren"));
  g_assert_true (has_word (a, "soren"));
  g_assert_true (has_word (a, "aase"));
  g_assert_true (has_word (a, "ase"));
  g_assert_true (has_word (a, "aeroe"));
  g_assert_true (has_word (a, "aero"));
  g_assert_true (has_word (a, "kjaergaard"));
  g_assert_true (has_word (b, "emile"));
  g_assert_true (has_word (b, "mueller"));
  g_assert_true (has_word (b, "muller"));
  g_assert_cmpstr (empty, ==, "");
}

static void
test_fold_term (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Søren", "soeren" }, { "soren", "soren" }, { "ÅSE", "aase" }, { "Æble", "aeble" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = spor_fold_term (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* Invalid UTF-8 in, valid UTF-8 out, and never a byte read past the end: each input is a
 * heap copy of exactly its own length, so a read past the terminator is an error under
 * AddressSanitizer. */
static void
test_fold_invalid_utf8 (void)
{
  struct { const char *in; const char *word; } cases[] = {
    { "S\xc3\xb8ren\xc3", "soren" },        /* a two-byte sequence cut off at the end */
    { "Anna \xe2\x82", "anna" },            /* a three-byte sequence cut off */
    { "Bo\xf0\x9f\x98", "bo" },             /* a four-byte sequence cut off */
    { "\xf0", NULL },                       /* nothing but a lead byte */
    { "\x80" "Cecilie\xbf", "cecilie" },    /* lone continuation bytes */
    { "\xc0\xaf" "Dorte", "dorte" },        /* overlong "/" */
    { "Erik\xe0\x80\xaf", "erik" },         /* overlong, three bytes */
    { "Frida\xed\xa0\x80", "frida" },       /* a UTF-16 surrogate */
    { "G\xf4\x90\x80\x80ustav", NULL },     /* above U+10FFFF */
    { "\xfe\xffHanne", "hanne" },           /* bytes that never occur in UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *in = g_strdup (cases[i].in);
      g_autofree char *folded = spor_fold (in);
      g_autofree char *term = spor_fold_term (in);
      g_autofree char *contact = spor_contact_text (in, in);

      g_test_message ("%u: %s", i, folded);
      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_true (g_utf8_validate (term, -1, NULL));
      g_assert_true (g_utf8_validate (contact, -1, NULL));
      if (cases[i].word != NULL)
        g_assert_true (has_word (folded, cases[i].word));
    }

  /* valid text is folded as before, with the invalid byte only separating words */
  {
    g_autofree char *in = g_strdup ("\xc3\x85se\xff" "B\xc3\xb8gh");
    g_autofree char *folded = spor_fold (in);

    g_assert_true (has_word (folded, "aase"));
    g_assert_true (has_word (folded, "bogh"));
    g_assert_true (has_word (folded, "boegh"));
  }
}

static void
test_contact_text (void)
{
  g_autofree char *text = spor_contact_text ("anna@eksempel.invalid", "+45 99 12 34 56");
  g_autofree char *none = spor_contact_text (NULL, NULL);

  g_assert_nonnull (strstr (text, "anna@eksempel.invalid"));
  g_assert_nonnull (strstr (text, "4599123456"));
  g_assert_nonnull (strstr (text, " 99123456"));
  g_assert_cmpstr (none, ==, "");
}

static GArray *
search (SporStore  *store,
        const char *match)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (spor_store_get_db (store),
                                       "SELECT rowid FROM participants_fts WHERE participants_fts "
                                       "MATCH ? ORDER BY rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static gint64
add (SporStore  *store,
     const char *name,
     const char *email,
     const char *phone)
{
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(GError) error = NULL;

  spor_entity_set_text (p, "name", name);
  spor_entity_set_text (p, "email", email);
  spor_entity_set_text (p, "phone", phone);
  assert_ok (spor_store_insert (store, p, &error));
  return spor_entity_get_id (p);
}

static void
assert_finds (SporStore  *store,
              const char *match,
              gint64      id)
{
  g_autoptr(GArray) ids = search (store, match);

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
}

static void
test_index (void)
{
  g_autoptr(SporStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 soren = add (store, "Søren Kjærgaard", NULL, NULL);
  gint64 aase = add (store, "Åse Bøgh", "aase.b@eksempel.invalid", NULL);
  gint64 anna = add (store, "Anna Holm", "anna.holm@eksempel.invalid", "+45 99 12 34 56");

  assert_finds (store, "folded: soren*", soren);
  assert_finds (store, "folded: soeren", soren);
  assert_finds (store, "folded: aase", aase);
  assert_finds (store, "folded: ase", aase);
  assert_finds (store, "folded: bogh", aase);
  assert_finds (store, "contact: 99123456", anna);
  assert_finds (store, "contact: \"anna holm eksempel invalid\"", anna);

  /* the index follows changes and deletions */
  {
    g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, soren, &error);

    g_assert_no_error (error);
    spor_entity_set_text (p, "name", "Søren Ærøe");
    assert_ok (spor_store_update (store, p, &error));
    assert_finds (store, "folded: aeroe", soren);
    {
      g_autoptr(GArray) old = search (store, "folded: kjaergaard");
      g_assert_cmpuint (old->len, ==, 0);
    }
    assert_ok (spor_store_delete (store, p, &error));
    {
      g_autoptr(GArray) gone = search (store, "folded: soren");
      g_assert_cmpuint (gone->len, ==, 0);
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fold/variants", test_fold_variants);
  g_test_add_func ("/fold/term", test_fold_term);
  g_test_add_func ("/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/fold/contact", test_contact_text);
  g_test_add_func ("/fold/index", test_index);

  return g_test_run ();
}
