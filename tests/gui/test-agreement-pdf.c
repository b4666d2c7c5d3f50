/* test-agreement-pdf.c — "Export as PDF" of a start agreement: 0600, whole or not at all,
 * never over the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "spor-agreement-print.h"
#include "spor-agreements.h"
#include "spor-store.h"

#include "gui-test-util.h"

#define DIR_VARIABLE "SPOR_TEST_PDF_DIR"

typedef struct {
  char      *dir;
  char      *db;
  SporStore *store;
  gint64     agreement;
} Fixture;

/* A participant with a draft agreement, in a database in @dir */
static void
fill (Fixture    *f,
      const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SporParticipant) p = spor_entity_new (SPOR_TYPE_PARTICIPANT);
  g_autoptr(SporAgreement) a = NULL;

  f->dir = g_strdup (dir);
  f->db = g_build_filename (dir, "spor.db", NULL);
  f->store = spor_store_open (f->db, &error);
  g_assert_no_error (error);
  if (spor_store_count_all (f->store, SPOR_TYPE_PARTICIPANT, &error) == 0)
    {
      spor_entity_set_text (SPOR_ENTITY (p), "name", "Åse Opdigtet");
      spor_entity_set_text (SPOR_ENTITY (p), "status", "active");
      g_assert_true (spor_store_insert (f->store, SPOR_ENTITY (p), &error));
      g_assert_no_error (error);
      a = spor_agreement_start_version (f->store, spor_entity_get_id (SPOR_ENTITY (p)), &error);
      g_assert_no_error (error);
      spor_entity_set_text (SPOR_ENTITY (a), "goals", "Lære at sy en frakke");
      g_assert_true (spor_agreement_save_draft (f->store, a, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(SporQuery) q = spor_query_new (SPOR_TYPE_AGREEMENT);
    g_autoptr(GPtrArray) agreements = spor_store_list (f->store, q, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (agreements->len, ==, 1);
    f->agreement = spor_entity_get_id (g_ptr_array_index (agreements, 0));
  }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("spor-gui-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  fill (f, dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  gui_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}



/* The names in the fixture's folder other than the database's, joined by spaces */
static char *
other_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "spor.db"))
      g_string_append_printf (names, "%s%s", names->len ? " " : "", name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A4 with the participant and the goals; 0600 whatever the umask, also over a file others
 * could read. */
static void
test_written (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "aftale.pdf", NULL);
  g_autoptr(GError) error = NULL;
  mode_t umask_before = umask (022);

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *text = NULL;

      g_assert_true (spor_agreement_print_export (f->store, f->agreement, pdf, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (gui_file_mode (pdf), ==, 0600);
      text = gui_pdf_text (pdf);
      g_assert_nonnull (strstr (text, "Åse Opdigtet"));
      g_assert_nonnull (strstr (text, "Lære at sy en frakke"));
      g_assert_nonnull (strstr (text, "Page 1 of 1"));
      g_assert_cmpint (g_chmod (pdf, 0644), ==, 0);
    }
  umask (umask_before);
}

static void
test_database_refused (Fixture       *f,
                       gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *target = g_strconcat (f->db, suffixes[i], NULL);
      g_autofree char *names = NULL;

      g_assert_false (spor_agreement_print_export (f->store, f->agreement, target, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
      g_clear_error (&error);
      names = other_files (f);
      g_assert_cmpstr (names, ==, "");
    }
  /* the database is whole: reopened, the agreement is there */
  g_clear_object (&f->store);
  f->store = spor_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spor_store_count_all (f->store, SPOR_TYPE_AGREEMENT, &error), ==, 1);
}

/* A file size limit in a child process: the PDF fails half-way, and nothing is left of it;
 * an earlier file at the target stays as it was. */
static void
test_over_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pdf", NULL);

  if (g_test_subprocess ())
    {
      Fixture child = { 0 };
      struct rlimit limit = { 1024, 1024 };
      g_autoptr(GError) error = NULL;

      fill (&child, g_getenv (DIR_VARIABLE));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *target = g_build_filename (child.dir, i == 0 ? "new.pdf" : "old.pdf",
                                                      NULL);

          g_assert_false (spor_agreement_print_export (child.store, child.agreement, target,
                                                       &error));
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
          g_clear_error (&error);
        }
      g_print ("refused\n");
      g_clear_object (&child.store);
      return;
    }
  g_assert_true (g_file_set_contents (old, "earlier", -1, NULL));
  g_clear_object (&f->store);
  g_setenv (DIR_VARIABLE, f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*refused*");
  {
    g_autofree char *names = other_files (f);
    g_autofree char *kept = NULL;

    g_assert_cmpstr (names, ==, "old.pdf");
    g_assert_true (g_file_get_contents (old, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "earlier");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/agreement-pdf/written", test_written);
  ADD ("/gui/agreement-pdf/database-refused", test_database_refused);
  ADD ("/gui/agreement-pdf/over-limit", test_over_limit);

  return g_test_run ();
}
