/* spor-private-file.h — writing a file with personal data: mode 0600, whole or not at all
 *
 * Exports (the exchange file, the .ics calendar, an agreement's PDF) hold personal data,
 * so a failed or killed export must leave nothing behind, and an earlier file at the target
 * must stay as it was until the new one replaces it whole.
 *
 * The data goes to a file without a name in the target's folder (O_TMPFILE), mode 0600.
 * spor_private_file_commit() syncs it and only then gives it the target's name (linkat
 * through /proc/self/fd; rename over an existing target). Until then a failure, a cancel or
 * a killed process leaves no trace: the kernel drops a nameless file with its last
 * descriptor. Where the file system has no O_TMPFILE, a hidden temporary file
 * (".spor-export-XXXXXX") in the same folder stands in; it is removed on every failure
 * path, but a process killed while writing leaves it.
 *
 * The database must never be overwritten by an export: a target that is the database's
 * file or one of SQLite's files beside it (-wal, -shm, -journal) is refused, compared by
 * device and inode where the files exist and by the resolved path (symbolic links, "..")
 * otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SporPrivateFile SporPrivateFile;

typedef enum {
  SPOR_PRIVATE_FILE_DEFAULT    = 0,
  SPOR_PRIVATE_FILE_NAMED_TEMP = 1 << 0, /* use the fallback even where O_TMPFILE works */
} SporPrivateFileFlags;

/* Whether writing @path would overwrite the database @database or its -wal, -shm or
 * -journal file. */
gboolean         spor_private_file_is_database   (const char           *path,
                                                  const char           *database);

/* Starts writing @path. Fails (G_IO_ERROR_INVALID_FILENAME) for the database @database
 * (may be NULL) and its files, G_IO_ERROR_IS_DIRECTORY for a folder, and with the system's
 * reason when the folder cannot take a new file. */
SporPrivateFile *spor_private_file_new           (const char           *path,
                                                  const char           *database,
                                                  GError              **error);
SporPrivateFile *spor_private_file_new_full      (const char           *path,
                                                  const char           *database,
                                                  SporPrivateFileFlags  flags,
                                                  GError              **error);
/* The descriptor and a stream over it (owned by @self; the stream does not close it). */
int              spor_private_file_get_fd        (SporPrivateFile      *self);
GOutputStream   *spor_private_file_get_stream    (SporPrivateFile      *self);
gboolean         spor_private_file_write         (SporPrivateFile      *self,
                                                  const void           *data,
                                                  gsize                 size,
                                                  GError              **error);
/* Syncs the data and puts the file in place. On failure nothing is left at the target
 * that was not there before. */
gboolean         spor_private_file_commit        (SporPrivateFile      *self,
                                                  GError              **error);
/* Closes it; a file not committed is dropped. */
void             spor_private_file_free          (SporPrivateFile      *self);

/* All of it at once: new, write, commit. */
gboolean         spor_private_file_set_contents  (const char           *path,
                                                  const char           *database,
                                                  const void           *data,
                                                  gsize                 size,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporPrivateFile, spor_private_file_free)

G_END_DECLS
