/* spor-private-file.c — writing a file with personal data: mode 0600, whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spor-private-file.h"

#define TEMP_TEMPLATE ".spor-export-XXXXXX"
#define MAX_LINKS     40

struct _SporPrivateFile
{
  char          *path;
  char          *dir;
  char          *temp_path;  /* the fallback's named file; NULL for a nameless one */
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

/* The path the kernel would write for @path: symbolic links (also a dangling one at the
 * end) and ".." resolved as the kernel does, through the folder that exists. */
static char *
resolve_path (const char *path,
              guint       depth)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    {
      char *result = g_strdup (real);

      free (real);
      return result;
    }
  if (depth < MAX_LINKS && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *link = g_file_read_link (path, NULL);

      if (link != NULL)
        {
          g_autofree char *parent = g_path_get_dirname (path);
          g_autofree char *next = g_path_is_absolute (link)
                                  ? g_strdup (link) : g_build_filename (parent, link, NULL);

          return resolve_path (next, depth + 1);
        }
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real != NULL)
    {
      char *result = g_build_filename (real, base, NULL);

      free (real);
      return result;
    }
  return g_canonicalize_filename (path, NULL);
}

gboolean
spor_private_file_is_database (const char *path,
                               const char *database)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *target = NULL;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);
  if (database == NULL)
    return FALSE;
  exists = g_stat (path, &st) == 0;
  target = resolve_path (path, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *resolved = resolve_path (file, 0);
      GStatBuf fs;

      if (exists && g_stat (file, &fs) == 0 && fs.st_dev == st.st_dev && fs.st_ino == st.st_ino)
        return TRUE;
      if (g_strcmp0 (resolved, target) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *format,
                 const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, name,
               g_strerror (saved_errno));
}

/* Whether linkat() can give a nameless file a name: it goes through /proc/self/fd. */
static gboolean
can_link_nameless (void)
{
  return access ("/proc/self/fd", X_OK) == 0;
}

SporPrivateFile *
spor_private_file_new_full (const char           *path,
                            const char           *database,
                            SporPrivateFileFlags  flags,
                            GError              **error)
{
  g_autoptr(SporPrivateFile) self = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("No file name was given"));
      return NULL;
    }
  if (spor_private_file_is_database (path, database))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %s is a file path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is the database Spor is working on, or one of its files: "
                     "choose another file name"), name);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %s is a file path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("“%s” is a folder"), name);
      return NULL;
    }

  self = g_new0 (SporPrivateFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);

  if ((flags & SPOR_PRIVATE_FILE_NAMED_TEMP) == 0 && can_link_nameless ())
    {
      self->fd = g_open (self->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
      /* EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system without it */
      if (self->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          /* Translators: the first %s is a folder, the second the system's reason */
          set_errno_error (error, errno, _("No file can be made in the folder “%s”: %s"),
                           self->dir);
          return NULL;
        }
    }
  if (self->fd < 0)
    {
      char *temp = g_build_filename (self->dir, TEMP_TEMPLATE, NULL);

      self->fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
      if (self->fd < 0)
        {
          int saved_errno = errno;

          g_free (temp);
          set_errno_error (error, saved_errno, _("No file can be made in the folder “%s”: %s"),
                           self->dir);
          return NULL;
        }
      self->temp_path = temp;
    }
  /* Exactly 0600, whatever the umask. Where the file system cannot change modes (the
   * document portal's), the file was made with 0600 less the umask, never wider. */
  (void) fchmod (self->fd, 0600);
  return g_steal_pointer (&self);
}

SporPrivateFile *
spor_private_file_new (const char  *path,
                       const char  *database,
                       GError     **error)
{
  return spor_private_file_new_full (path, database, SPOR_PRIVATE_FILE_DEFAULT, error);
}

int
spor_private_file_get_fd (SporPrivateFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

GOutputStream *
spor_private_file_get_stream (SporPrivateFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->stream == NULL)
    self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return self->stream;
}

gboolean
spor_private_file_write (SporPrivateFile  *self,
                         const void       *data,
                         gsize             size,
                         GError          **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);
  while (size > 0)
    {
      gssize n = write (self->fd, p, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, _("Writing “%s” failed: %s"), self->path);
          return FALSE;
        }
      p += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Makes the rename itself durable; a failure here loses nothing already written. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Gives the nameless file the target's name, replacing a file there only by rename(). */
static gboolean
link_nameless (SporPrivateFile  *self,
               GError          **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  g_autofree char *temp = NULL;
  int saved_errno;

  if (linkat (AT_FDCWD, proc, AT_FDCWD, self->path, AT_SYMLINK_FOLLOW) == 0)
    return TRUE;
  saved_errno = errno;
  for (guint attempt = 0; saved_errno == EEXIST && attempt < 100; attempt++)
    {
      g_free (temp);
      temp = g_strdup_printf ("%s/.spor-export-%08x", self->dir, g_random_int ());
      if (linkat (AT_FDCWD, proc, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0)
        {
          if (g_rename (temp, self->path) == 0)
            return TRUE;
          saved_errno = errno;
          g_unlink (temp);
          break;
        }
      saved_errno = errno;
    }
  /* Translators: the first %s is a file path, the second the system's reason */
  set_errno_error (error, saved_errno, _("“%s” could not be put in place: %s"), self->path);
  return FALSE;
}

gboolean
spor_private_file_commit (SporPrivateFile  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (self->stream != NULL && !g_output_stream_flush (self->stream, NULL, error))
    return FALSE;
  /* EINVAL: a file system without fsync (some FUSE ones); nothing was lost */
  if (fsync (self->fd) != 0 && errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    {
      /* Translators: the first %s is a file path, the second the system's reason */
      set_errno_error (error, errno, _("Writing “%s” failed: %s"), self->path);
      return FALSE;
    }
  if (self->temp_path == NULL)
    {
      if (!link_nameless (self, error))
        return FALSE;
    }
  else
    {
      if (g_rename (self->temp_path, self->path) != 0)
        {
          set_errno_error (error, errno, _("“%s” could not be put in place: %s"), self->path);
          return FALSE;
        }
      g_clear_pointer (&self->temp_path, g_free);
    }
  sync_folder (self->dir);
  self->committed = TRUE;
  return TRUE;
}

void
spor_private_file_free (SporPrivateFile *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->temp_path != NULL && !self->committed)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self->dir);
  g_free (self);
}

gboolean
spor_private_file_set_contents (const char  *path,
                                const char  *database,
                                const void  *data,
                                gsize        size,
                                GError     **error)
{
  g_autoptr(SporPrivateFile) file = spor_private_file_new (path, database, error);

  return file != NULL &&
         spor_private_file_write (file, data, size, error) &&
         spor_private_file_commit (file, error);
}
