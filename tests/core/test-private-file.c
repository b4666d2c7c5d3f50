/* test-private-file.c — files with personal data: 0600, whole or not at all, never the
 * database
 *
 * Failures are real ones: a child process with a file size limit (RLIMIT_FSIZE, SIGXFSZ
 * ignored) gets EFBIG half-way, and a child process kills itself with SIGKILL while
 * writing. Afterwards the folder must hold exactly what it held before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "spor-private-file.h"

#define DIR_VARIABLE "SPOR_TEST_PRIVATE_DIR"
#define BIG (1024 * 1024)

static const SporPrivateFileFlags both_ways[] = {
  SPOR_PRIVATE_FILE_DEFAULT, SPOR_PRIVATE_FILE_NAMED_TEMP
};

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autoptr(GBytes) bytes = test_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* A new file and a replaced one are 0600 whatever the umask and the old file's mode, and
 * nothing else is left in the folder; both with O_TMPFILE and with the named fallback. */
static void
test_written_private (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (both_ways); w++)
    {
      g_autofree char *dir = test_make_tmp_dir ();
      g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
      g_autofree char *old = g_build_filename (dir, "old.json", NULL);
      g_autofree char *names = NULL;
      g_autoptr(GError) error = NULL;
      mode_t umask_before = umask (0);

      write_file (old, "earlier", 0644);
      for (guint i = 0; i < 2; i++)
        {
          const char *path = i == 0 ? fresh : old;
          g_autoptr(SporPrivateFile) file = spor_private_file_new_full (path, NULL, both_ways[w],
                                                                        &error);

          g_assert_no_error (error);
          g_assert_nonnull (file);
          assert_ok (spor_private_file_write (file, "{\"new\": ", 8, &error));
          assert_ok (g_output_stream_write_all (spor_private_file_get_stream (file), "true}", 5,
                                                NULL, NULL, &error));
          /* not there (a new one) or as it was (an old one) until committed */
          if (i == 0)
            g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          else
            assert_contents (path, "earlier");
          assert_ok (spor_private_file_commit (file, &error));
          assert_contents (path, "{\"new\": true}");
          g_assert_cmpuint (mode_of (path), ==, 0600);
        }
      umask (umask_before);
      names = test_list_dir (dir);
      g_assert_cmpstr (names, ==, "new.json old.json");
    }
}

/* A file given up before its commit leaves nothing, and an old file as it was. */
static void
test_abandoned (void)
{
  for (guint w = 0; w < G_N_ELEMENTS (both_ways); w++)
    {
      g_autofree char *dir = test_make_tmp_dir ();
      g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
      g_autofree char *old = g_build_filename (dir, "old.json", NULL);
      g_autofree char *names = NULL;
      g_autoptr(GError) error = NULL;

      write_file (old, "earlier", 0644);
      for (guint i = 0; i < 2; i++)
        {
          SporPrivateFile *file = spor_private_file_new_full (i == 0 ? fresh : old, NULL,
                                                              both_ways[w], &error);

          g_assert_no_error (error);
          assert_ok (spor_private_file_write (file, "half", 4, &error));
          spor_private_file_free (file);
        }
      names = test_list_dir (dir);
      g_assert_cmpstr (names, ==, "old.json");
      assert_contents (old, "earlier");
      g_assert_cmpuint (mode_of (old), ==, 0644);
    }
}

static void
test_bad_targets (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.json", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  SporPrivateFile *file;

  file = spor_private_file_new (missing, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No file can be made in the folder"));
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  file = spor_private_file_new (dir, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  file = spor_private_file_new ("", NULL, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  names = test_list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

/* The database and SQLite's files beside it, named in every way that reaches them */
static void
test_database_refused (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *db = g_build_filename (dir, "spor.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "spor.db-wal", NULL);
  g_autofree char *soft = g_build_filename (dir, "link.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.json", NULL);
  g_autofree char *dotdot = g_build_filename (sub, "..", "spor.db", NULL);
  g_autofree char *dotdot_shm = g_build_filename (sub, "..", "spor.db-shm", NULL);
  g_autofree char *journal = g_build_filename (dir, "spor.db-journal", NULL);
  g_autofree char *relative_db = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *names = NULL;
  const char *targets[7];
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_file (db, "the database", 0600);
  write_file (wal, "its log", 0600);
  g_assert_cmpint (symlink (db, soft), ==, 0);
  g_assert_cmpint (symlink ("spor.db-shm", dangling), ==, 0); /* -shm does not exist */
  g_assert_cmpint (link (db, hard), ==, 0);
  targets[0] = db;
  targets[1] = wal;
  targets[2] = soft;
  targets[3] = dangling;
  targets[4] = hard;
  targets[5] = dotdot;
  targets[6] = dotdot_shm;

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint w = 0; w < G_N_ELEMENTS (both_ways); w++)
      {
        SporPrivateFile *file = spor_private_file_new_full (targets[t], db, both_ways[w], &error);

        g_assert_null (file);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
        g_assert_nonnull (strstr (error->message, "is the database Spor is working on"));
        g_clear_error (&error);
      }
  g_assert_true (spor_private_file_is_database (journal, db));
  g_assert_false (spor_private_file_set_contents (journal, db, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  /* the database named relative to the working folder */
  g_assert_cmpint (g_chdir (sub), ==, 0);
  relative_db = g_build_filename ("..", "spor.db", NULL);
  g_assert_true (spor_private_file_is_database (db, relative_db));
  g_assert_true (spor_private_file_is_database ("../spor.db-wal", db));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  /* nothing was changed */
  assert_contents (db, "the database");
  assert_contents (wal, "its log");
  names = test_list_dir (dir);
  g_assert_cmpstr (names, ==, "dangling.json hard.json link.json spor.db spor.db-wal sub");

  /* other names in the same folder are fine */
  g_assert_false (spor_private_file_is_database (journal, NULL));
  {
    g_autofree char *other = g_build_filename (dir, "spor.db.json", NULL);
    g_autofree char *near = g_build_filename (dir, "spor.db-walx", NULL);

    g_assert_false (spor_private_file_is_database (other, db));
    g_assert_false (spor_private_file_is_database (near, db));
    assert_ok (spor_private_file_set_contents (other, db, "{}", 2, &error));
  }
}

/* In a child: writes BIG bytes to @name in the folder of DIR_VARIABLE, under a file size
 * limit of 64 KiB; the write must fail with EFBIG and the message must say so. */
static void
child_over_limit (const char           *name,
                  SporPrivateFileFlags  flags)
{
  g_autofree char *path = g_build_filename (g_getenv (DIR_VARIABLE), name, NULL);
  g_autofree char *data = g_malloc0 (BIG);
  struct rlimit limit = { 64 * 1024, 64 * 1024 };
  g_autoptr(GError) error = NULL;
  SporPrivateFile *file;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  file = spor_private_file_new_full (path, NULL, flags, &error);
  g_assert_no_error (error);
  g_assert_false (spor_private_file_write (file, data, BIG, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Writing"));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  spor_private_file_free (file);
  g_print ("refused\n");
}

static void
test_over_limit (void)
{
  if (g_test_subprocess ())
    {
      const char *name = g_getenv ("SPOR_TEST_NAME");
      SporPrivateFileFlags flags = atoi (g_getenv ("SPOR_TEST_FLAGS"));

      child_over_limit (name, flags);
      return;
    }
  for (guint w = 0; w < G_N_ELEMENTS (both_ways); w++)
    {
      g_autofree char *dir = test_make_tmp_dir ();
      g_autofree char *old = g_build_filename (dir, "old.json", NULL);
      g_autofree char *flags = g_strdup_printf ("%d", both_ways[w]);

      write_file (old, "earlier", 0644);
      g_setenv (DIR_VARIABLE, dir, TRUE);
      g_setenv ("SPOR_TEST_FLAGS", flags, TRUE);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *names = NULL;

          g_setenv ("SPOR_TEST_NAME", i == 0 ? "new.json" : "old.json", TRUE);
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
          g_test_trap_assert_passed ();
          g_test_trap_assert_stdout ("*refused*");
          names = test_list_dir (dir);
          g_assert_cmpstr (names, ==, "old.json");
          assert_contents (old, "earlier");
        }
    }
}

/* In a child: writes half of the data, then is killed */
static void
child_killed (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv (DIR_VARIABLE), name, NULL);
  g_autofree char *data = g_malloc0 (BIG);
  g_autoptr(GError) error = NULL;
  SporPrivateFile *file = spor_private_file_new (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (spor_private_file_write (file, data, BIG / 2, &error));
  g_print ("writing\n");
  fflush (stdout);
  raise (SIGKILL);
  g_print ("not killed\n");
}

static gboolean
has_tmpfile (const char *dir)
{
  int fd = open (dir, O_TMPFILE | O_WRONLY, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

static void
test_killed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *old = NULL;

  if (g_test_subprocess ())
    {
      child_killed (g_getenv ("SPOR_TEST_NAME"));
      return;
    }
  dir = test_make_tmp_dir ();
  if (!has_tmpfile (dir))
    {
      g_test_skip ("the temporary folder's file system has no O_TMPFILE");
      return;
    }
  old = g_build_filename (dir, "old.json", NULL);
  write_file (old, "earlier", 0644);
  g_setenv (DIR_VARIABLE, dir, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *names = NULL;

      g_setenv ("SPOR_TEST_NAME", i == 0 ? "new.json" : "old.json", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stdout ("*writing*");
      g_test_trap_assert_stdout_unmatched ("*not killed*");
      names = test_list_dir (dir);
      g_assert_cmpstr (names, ==, "old.json");
      assert_contents (old, "earlier");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/private-file/written-private", test_written_private);
  g_test_add_func ("/private-file/abandoned", test_abandoned);
  g_test_add_func ("/private-file/bad-targets", test_bad_targets);
  g_test_add_func ("/private-file/database-refused", test_database_refused);
  g_test_add_func ("/private-file/over-limit", test_over_limit);
  g_test_add_func ("/private-file/killed", test_killed);

  return g_test_run ();
}
