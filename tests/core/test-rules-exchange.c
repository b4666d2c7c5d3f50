/* test-rules-exchange.c — the anonymised export before and after an erasure: every
 * reference to a participant carries that participant's pseudonym, the erasure travels as
 * a tombstone under the same pseudonym, and nothing of the erased person is left in the
 * file; free text about a person stays out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

#include "rules-test-util.h"
#include "spor-exchange.h"
#include "spor-participants.h"
#include "spor-programmes.h"
#include "spor-progress.h"
#include "spor-store-private.h"

typedef struct {
  SporStore *store;
  char      *dir;
  gint64     erased, kept;
  char      *erased_uuid, *kept_uuid;
  char       erased_pseudonym[37], kept_pseudonym[37];
} Fixture;

static gint64
add_person (Fixture    *f,
            gint64      cohort,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autofree char *notes = g_strdup_printf ("Noter om %s", name);

  spor_entity_set_text (p, "name", name);
  spor_entity_set_text (p, "status", "intake");
  spor_entity_set_bool (p, "consent_sharing", TRUE);
  spor_entity_set_text (p, "notes", notes);
  assert_ok (spor_store_insert (f->store, p, &error));
  assert_ok (spor_progress_enrol (f->store, spor_entity_get_id (p), cohort, &error));
  return spor_entity_get_id (p);
}

static char *
uuid_of (SporStore *store,
         gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporEntity) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, id, &error);

  g_assert_no_error (error);
  return g_strdup (spor_entity_get_uuid (p));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint8 secret[32];
  gint64 prog, cohort;

  f->store = test_open_new_store ();
  f->dir = test_make_tmp_dir ();
  prog = rules_add_programme (f->store, "Aspiranterne", -1, -1);
  rules_add_phase (f->store, prog, "Screening", 2, "weeks", "sequential");
  rules_add_phase (f->store, prog, "Storytelling", 1, "months", "sequential");
  cohort = rules_add_cohort (f->store, prog, "2026-01-05", -1);
  f->erased = add_person (f, cohort, "Xylofonia Quintessa");
  f->kept = add_person (f, cohort, "Bodil Prøvesen");
  assert_ok (spor_meetings_add (f->store, f->erased, "coaching", "2026-02-02", 0,
                                           "Xylofonia talte om musik", &error));
  assert_ok (spor_meetings_add (f->store, f->kept, "coaching", "2026-02-02", 0,
                                           "Bodil talte om syning", &error));
  f->erased_uuid = uuid_of (f->store, f->erased);
  f->kept_uuid = uuid_of (f->store, f->kept);
  g_assert_true (spor_store_get_site_secret (f->store, secret, &error));
  spor_exchange_pseudonym (secret, "participant", f->erased_uuid, f->erased_pseudonym);
  spor_exchange_pseudonym (secret, "participant", f->kept_uuid, f->kept_pseudonym);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->erased_uuid);
  g_free (f->kept_uuid);
  g_free (f->dir);
  g_assert_finalize_object (f->store);
}

/* Exports everything to @name; returns the parsed file and its text. */
static JsonNode *
export (Fixture     *f,
        const char  *name,
        gboolean     anonymize,
        char       **text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SporExportOptions options = { NULL, NULL, anonymize };
  gsize length = 0;

  assert_ok (spor_exchange_export (f->store, file, &options, NULL, NULL, NULL, &error));
  g_file_get_contents (path, text, &length, &error);
  g_assert_no_error (error);
  return json_from_string (*text, &error);
}

static JsonArray *
array_of (JsonNode   *root,
          const char *member)
{
  JsonObject *object = json_node_get_object (root);

  g_assert_true (json_object_has_member (object, member));
  return json_object_get_array_member (object, member);
}

/* The UUIDs in participants[], joined by spaces, in file order. */
static char *
participant_ids (JsonNode *root)
{
  JsonArray *people = array_of (root, "participants");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (people); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (people, i),
                                                           "uuid"));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* How many references to a participant the records of the file hold, asserting that each
 * is one of @allowed. */
static guint
count_participant_refs (JsonNode   *root,
                        const char *allowed)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = 0;

  for (GList *m = members; m != NULL; m = m->next)
    {
      JsonNode *node = json_object_get_member (object, m->data);
      JsonArray *records;

      if (!JSON_NODE_HOLDS_ARRAY (node) || g_str_equal (m->data, "tombstones"))
        continue;
      records = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);
          const char *ref = json_object_get_string_member_with_default (record, "participant", NULL);

          if (ref == NULL)
            continue;
          if (strstr (allowed, ref) == NULL)
            g_error ("%s[%u].participant is %s, not one of the participants (%s)",
                     (const char *) m->data, i, ref, allowed);
          n++;
        }
    }
  return n;
}

/* The tombstone of @uuid as "entity uuid", or NULL */
static char *
tombstone_of (JsonNode   *root,
              const char *uuid)
{
  JsonArray *tombs = array_of (root, "tombstones");

  for (guint i = 0; i < json_array_get_length (tombs); i++)
    {
      JsonObject *t = json_array_get_object_element (tombs, i);

      if (g_strcmp0 (json_object_get_string_member (t, "uuid"), uuid) == 0)
        return g_strdup_printf ("%s %s", json_object_get_string_member (t, "entity"), uuid);
    }
  return NULL;
}

static void
assert_nothing_of (const char *text,
                   const char *what)
{
  const char *at = strstr (text, what);

  if (at != NULL)
    g_error ("the file holds “%s”: %.200s", what, at > text + 100 ? at - 100 : text);
}

static void
test_anonymised_references (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = export (f, "anon.json", TRUE, &text);
  g_autofree char *ids = participant_ids (root);
  g_autofree char *expected = g_strdup_printf ("%s %s", f->erased_pseudonym, f->kept_pseudonym);

  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "anonymized"));
  g_assert_cmpstr (ids, ==, expected);
  /* phase progress (2 each) and meetings (1 each) refer to them by the same pseudonyms */
  g_assert_cmpuint (count_participant_refs (root, ids), ==, 6);
  assert_nothing_of (text, f->erased_uuid);
  assert_nothing_of (text, f->kept_uuid);
  assert_nothing_of (text, "Xylofonia");
  assert_nothing_of (text, "Bodil");
}

static void
test_anonymised_after_erase (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *full_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *tomb = NULL;
  g_autofree char *expected = NULL;

  assert_ok (spor_participant_erase (f->store, f->erased, &error));
  root = export (f, "anon-after.json", TRUE, &text);
  ids = participant_ids (root);
  g_assert_cmpstr (ids, ==, f->kept_pseudonym);
  g_assert_cmpuint (count_participant_refs (root, ids), ==, 3);
  /* the erasure travels under the pseudonym the participant had */
  tomb = tombstone_of (root, f->erased_pseudonym);
  expected = g_strconcat ("participant ", f->erased_pseudonym, NULL);
  g_assert_cmpstr (tomb, ==, expected);
  assert_nothing_of (text, f->erased_uuid);
  assert_nothing_of (text, "Xylofonia");

  /* a full export carries the tombstone of the real record, and nothing else of the person */
  full = export (f, "full-after.json", FALSE, &full_text);
  g_clear_pointer (&tomb, g_free);
  g_clear_pointer (&expected, g_free);
  tomb = tombstone_of (full, f->erased_uuid);
  expected = g_strconcat ("participant ", f->erased_uuid, NULL);
  g_assert_cmpstr (tomb, ==, expected);
  assert_nothing_of (full_text, "Xylofonia");
  g_assert_null (tombstone_of (full, f->erased_pseudonym));
}

int
main (int   argc,
      char *argv[])
{
  /* Only local files here: no GIO modules (see test-exchange.c). */
  g_setenv ("GIO_MODULE_DIR", "/nonexistent", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/rules/exchange/anonymised-references", test_anonymised_references);
  ADD ("/rules/exchange/anonymised-after-erase", test_anonymised_after_erase);
#undef ADD

  return g_test_run ();
}
