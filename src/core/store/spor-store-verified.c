/* spor-store-verified.c — which database files Spor has checked: fingerprints in the
 * verified-state folder, and the files this process holds open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "spor-store-open.h"

/* PRAGMA quick_check reads the whole file, seconds for a national data set, so it runs
 * when the file may have changed outside Spor: on first sight, or when the file's
 * identity, size or time of change differ from what Spor saw when it last closed the file
 * cleanly. Spor's own writes go through SQLite's journal and keep a checked file sound; a
 * crash leaves the fingerprint stale, so the next opening checks again. */

static char *
fingerprint (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino,
                          (intmax_t) st.st_size, (intmax_t) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec);
}

static char *
verified_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "spor", "verified", NULL);
}

/* One small file per database, named by a checksum of its path, so that two processes
 * closing different databases at once cannot lose each other's record. It holds the path
 * (to tell checksum collisions apart) and the fingerprint. */
static char *
verified_file (const char *path)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  g_autofree char *dir = verified_dir ();

  return g_build_filename (dir, name, NULL);
}

gboolean
spor_store_fingerprint_trusted (const char *path)
{
  g_autofree char *file = verified_file (path);
  g_autofree char *known = NULL;
  g_autofree char *current = fingerprint (path);
  g_autofree char *expected = NULL;

  if (current == NULL || !g_file_get_contents (file, &known, NULL, NULL))
    return FALSE;
  expected = g_strconcat (path, "\n", current, "\n", NULL);
  return g_strcmp0 (known, expected) == 0;
}

#define PRUNE_INTERVAL (24 * 60 * 60)
#define ENTRY_MAX_SIZE 8192

static gboolean
is_entry_name (const char *name)
{
  gsize n = 0;

  for (; name[n] != '\0'; n++)
    if (!g_ascii_isxdigit (name[n]))
      return FALSE;
  return n == 64;
}

/* Whether the entry @file still describes its database as it is now. */
static gboolean
entry_current (const char *file)
{
  g_autofree char *contents = NULL;
  g_autofree char *current = NULL;
  char *newline;
  GStatBuf st;

  if (g_stat (file, &st) != 0 || st.st_size > ENTRY_MAX_SIZE ||
      !g_file_get_contents (file, &contents, NULL, NULL) ||
      (newline = strchr (contents, '\n')) == NULL)
    return FALSE;
  *newline = '\0';
  current = fingerprint (contents);
  return current != NULL && g_str_has_prefix (newline + 1, current) &&
         strcmp (newline + 1 + strlen (current), "\n") == 0;
}

/* Entries whose database is gone, or has changed since (its fingerprint cannot match
 * again: a file's identity and time of change do not go back), are removed when an entry
 * is written, at most once a day: a stamp file's time says when that last happened. */
static void
prune_verified (const char *dir)
{
  g_autofree char *stamp = g_build_filename (dir, ".pruned", NULL);
  g_autoptr(GDir) d = NULL;
  GStatBuf st;
  const char *name;

  if (g_stat (stamp, &st) == 0 && ABS ((gint64) time (NULL) - (gint64) st.st_mtime) < PRUNE_INTERVAL)
    return;
  if (!g_file_set_contents_full (stamp, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, NULL) ||
      (d = g_dir_open (dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (is_entry_name (name) && !entry_current (file))
        g_unlink (file);
    }
}

void
spor_store_remember_fingerprint (const char *path)
{
  g_autofree char *file = verified_file (path);
  g_autofree char *dir = verified_dir ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *current = NULL;
  g_autofree char *contents = NULL;

  /* Still in use by another connection: its changes are not seen yet. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return;
  current = fingerprint (path);
  if (current == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    return;
  contents = g_strconcat (path, "\n", current, "\n", NULL);
  if (g_file_set_contents_full (file, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
    prune_verified (dir);
}

void
spor_store_forget_fingerprint (const char *path)
{
  g_autofree char *file = verified_file (path);

  g_unlink (file);
}

/* Files this process holds open after checking them: a second connection to one of them
 * (a worker thread's) needs no second check. Path → number of open stores. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;

gboolean
spor_store_file_held_open (const char *path)
{
  gboolean held;

  G_LOCK (open_files);
  held = open_files != NULL && g_hash_table_contains (open_files, path);
  G_UNLOCK (open_files);
  return held;
}

void
spor_store_hold_file (const char *path)
{
  G_LOCK (open_files);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_files, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_files, path)) + 1));
  G_UNLOCK (open_files);
}

void
spor_store_release_file (const char *path)
{
  guint n;

  G_LOCK (open_files);
  n = open_files != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (open_files, path)) : 0;
  if (n > 1)
    g_hash_table_insert (open_files, g_strdup (path), GUINT_TO_POINTER (n - 1));
  else if (n == 1)
    g_hash_table_remove (open_files, path);
  G_UNLOCK (open_files);
}
