/* gui-test-util.h — what the widget tests of views, editors and deletions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

/* Starts GTK and libadwaita for a test; FALSE, with a TAP "skip" line, when there is no
 * display (the caller then exits with 77). */
gboolean          gui_test_init           (int           *argc,
                                           char        ***argv);
/* Removes @path and, when it is a folder, everything in it (not what a link points to). */
void              gui_remove_tree         (const char    *path);

/* A folder with a database file, removed with everything in it at the end. */
typedef struct {
  char      *dir;
  char      *path;
  SporStore *store;
} GuiFixture;

void              gui_fixture_set_up      (GuiFixture    *fixture,
                                           gconstpointer  data);
void              gui_fixture_tear_down   (GuiFixture    *fixture,
                                           gconstpointer  data);
/* Adds the test @path, run on a fresh GuiFixture. */
typedef void      (*GuiTestFunc)          (GuiFixture    *fixture,
                                           gconstpointer  data);
void              gui_test_add            (const char    *path,
                                           GuiTestFunc    test);
/* Another connection to the fixture's file, as another program has. */
SporStore        *gui_open_store          (GuiFixture    *fixture);

/* Runs the main loop until nothing is pending, idles included. */
void              gui_iterate             (void);
/* Runs the main loop until @done (@data) is TRUE; fails the test after @seconds. */
void              gui_wait_for            (gboolean     (*done) (gpointer data),
                                           gpointer       data,
                                           guint          seconds);
/* A window with @child under a toast overlay, as in the main window, shown and mapped. */
GtkWidget        *gui_window_with         (GtkWidget     *child);
GtkWidget        *gui_window_sized        (GtkWidget     *child,
                                           int            width,
                                           int            height);

GtkWidget        *gui_find_widget         (GtkWidget     *root,
                                           GType          type);
/* Adds every widget of @type under @root to @found, depth first; returns @found. */
GPtrArray        *gui_collect             (GtkWidget     *root,
                                           GType          type,
                                           GPtrArray     *found);
/* The permission bits of @path */
guint             gui_file_mode           (const char    *path);
/* The entry row under @root whose title starts with @title. */
AdwEntryRow      *gui_find_entry_row      (GtkWidget     *root,
                                           const char    *title);
/* The button under @root labelled @label (as written, with its mnemonic). */
GtkWidget        *gui_find_button         (GtkWidget     *root,
                                           const char    *label);
/* The first toplevel window of @type, or NULL. */
GtkWindow        *gui_find_toplevel       (GType          type);
/* Whether an action row under @root has a subtitle containing @text. */
gboolean          gui_subtitle_shows      (GtkWidget     *root,
                                           const char    *text);
/* Whether a toast on @window's overlay (or a label anywhere in it) says @text. */
gboolean          gui_toast_shows         (GtkWidget     *window,
                                           const char    *text);
/* The message dialog on screen, or NULL. */
AdwMessageDialog *gui_find_message_dialog (void);
/* Answers the dialog on screen, after checking that its heading is @heading and its body
 * contains each of the NULL-terminated texts that follow. */
void              gui_answer_dialog       (const char    *heading,
                                           const char    *response,
                                           ...) G_GNUC_NULL_TERMINATED;

/* The text of the PDF file @pdf, laid out as on the page (pdftotext). */
char             *gui_pdf_text            (const char    *pdf);

/* Makes every read of @table through @store fail, as a damaged or locked file would (an
 * SQLite authorizer that denies it; the file is not touched); @table NULL lets all reads
 * through again. The message the user then sees contains GUI_DENIED. */
#define GUI_DENIED "is prohibited"
void              gui_deny_reads          (SporStore     *store,
                                           const char    *table);

/* A participant with a name and a phone number, saved through @store. */
gint64            gui_add_participant     (SporStore     *store,
                                           const char    *name,
                                           const char    *phone);
/* A work block on Tuesday 24 November 2026 only, 09:00–12:00, saved through @store. */
gint64            gui_add_block           (SporStore     *store,
                                           const char    *title);
/* Erases a participant through @store. */
void              gui_erase_participant   (SporStore     *store,
                                           gint64         id);
/* The position of participant @id in a list of participants, G_MAXUINT when not there. */
guint             gui_list_position       (GListModel    *model,
                                           gint64         id);
/* The text of field @field of record @id, read through a connection of its own: what
 * another program opening the file sees. */
char             *gui_read_text           (GuiFixture    *fixture,
                                           GType          type,
                                           gint64         id,
                                           const char    *field);
/* Whether record @id exists, read through a connection of its own. */
gboolean          gui_record_exists       (GuiFixture    *fixture,
                                           GType          type,
                                           gint64         id);

G_END_DECLS
