/* spor-participant-list.c — the list of participants: a lazy GListModel over SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "spor-participant-list.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* --- the query ---------------------------------------------------------------------- */

char *
spor_participant_list_match_expression (const char *search)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = g_string_new (NULL);

  if (search == NULL)
    return NULL;
  words = g_strsplit_set (search, " \t\n,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;
      gboolean has_word = FALSE;

      if (words[i][0] == '\0')
        continue;
      folded = spor_fold_term (words[i]);
      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word = TRUE;
      if (!has_word)
        continue;

      /* Each word is one quoted FTS5 string with a prefix star: quotes inside are doubled,
       * so nothing typed can become FTS5 syntax. A word with a digit or an @ is a phone
       * number or an e-mail address and is looked up in the contact column only, a name
       * in the name columns only: fewer index terms to merge for a short prefix. */
      if (match->len > 0)
        g_string_append_c (match, ' ');
      if (strpbrk (folded, "0123456789@") != NULL)
        g_string_append (match, "{contact} : ");
      else
        g_string_append (match, "{name folded} : ");
      g_string_append_c (match, '"');
      for (const char *p = folded; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }
  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

GArray *
spor_participant_list_query_ids (SporStore           *store,
                                 const char          *search,
                                 gint64               programme_id,
                                 gint64               cohort_id,
                                 const char          *status,
                                 SporParticipantSort  sort,
                                 guint                offset,
                                 guint                limit,
                                 GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT p.id FROM participants p");
  g_autofree char *match = spor_participant_list_match_expression (search);
  sqlite3_stmt *stmt;
  int param = 1;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  /* Only the fixed fragments below become SQL; every value is a bound parameter. */
  if (match != NULL)
    g_string_append (sql, " JOIN participants_fts f ON f.rowid = p.id AND participants_fts MATCH ?");
  g_string_append (sql, " WHERE 1");
  if (programme_id > 0)
    g_string_append (sql, " AND p.programme_id = ?");
  if (cohort_id > 0)
    g_string_append (sql, " AND p.cohort_id = ?");
  if (status != NULL && *status != '\0')
    g_string_append (sql, " AND p.status = ?");
  switch (sort)
    {
    case SPOR_PARTICIPANT_SORT_START_DATE:
      g_string_append (sql, " ORDER BY p.start_date IS NULL, p.start_date DESC, p.name COLLATE NOCASE, p.id");
      break;
    case SPOR_PARTICIPANT_SORT_STATUS:
      /* the order of the statuses' list, each status a bound parameter */
      g_string_append (sql, " ORDER BY CASE p.status");
      for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_participant_status); i++)
        g_string_append_printf (sql, " WHEN ? THEN %u", i);
      g_string_append_printf (sql, " ELSE %u END, p.name COLLATE NOCASE, p.id",
                              spor_value_list_get_n_values (&spor_values_participant_status));
      break;
    case SPOR_PARTICIPANT_SORT_WAITING:
      g_string_append (sql, " ORDER BY p.waiting_position IS NULL, p.waiting_position, p.waiting_since,"
                            " p.name COLLATE NOCASE, p.id");
      break;
    case SPOR_PARTICIPANT_SORT_NAME:
    default:
      g_string_append (sql, " ORDER BY p.name COLLATE NOCASE, p.id");
      break;
    }
  g_string_append (sql, " LIMIT ? OFFSET ?");

  stmt = spor_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, param++, match, -1, SQLITE_TRANSIENT);
  if (programme_id > 0)
    sqlite3_bind_int64 (stmt, param++, programme_id);
  if (cohort_id > 0)
    sqlite3_bind_int64 (stmt, param++, cohort_id);
  if (status != NULL && *status != '\0')
    sqlite3_bind_text (stmt, param++, status, -1, SQLITE_TRANSIENT);
  if (sort == SPOR_PARTICIPANT_SORT_STATUS)
    for (guint i = 0; i < spor_value_list_get_n_values (&spor_values_participant_status); i++)
      sqlite3_bind_text (stmt, param++, spor_value_list_get_value (&spor_values_participant_status, i),
                         -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param++, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, param++, offset);

  return spor_store_collect_ids (store, stmt, _("Searching participants"), error);
}

/* The number of participants the filters (without a search) let through. */
static gint64
count_filtered (SporStore   *store,
                gint64       programme_id,
                gint64       cohort_id,
                const char  *status,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM participants p WHERE 1");
  sqlite3_stmt *stmt;
  int param = 1;

  /* Only the fixed fragments below become SQL; every value is a bound parameter. */
  if (programme_id > 0)
    g_string_append (sql, " AND p.programme_id = ?");
  if (cohort_id > 0)
    g_string_append (sql, " AND p.cohort_id = ?");
  if (status != NULL && *status != '\0')
    g_string_append (sql, " AND p.status = ?");
  stmt = spor_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return -1;
  if (programme_id > 0)
    sqlite3_bind_int64 (stmt, param++, programme_id);
  if (cohort_id > 0)
    sqlite3_bind_int64 (stmt, param++, cohort_id);
  if (status != NULL && *status != '\0')
    sqlite3_bind_text (stmt, param++, status, -1, SQLITE_TRANSIENT);
  return spor_store_collect_count (store, stmt, _("Counting participants"), error);
}

/* --- SporParticipantList ------------------------------------------------------------ */

#define CACHE_SIZE 256

struct _SporParticipantList
{
  GObject              parent_instance;
  SporStore           *store;
  GArray              *ids;
  char                *search;
  gint64               programme_id;
  gint64               cohort_id;
  char                *status;
  SporParticipantSort  sort;
  GArray              *hidden;
  /* The ids in order for the filters without the search, read once per filter change or
   * refresh: a search only intersects the FTS5 matches with it, so typing never re-sorts
   * tens of thousands of rows. */
  GArray              *base;
  /* Opening shows the first rows at once: the list knows its length from a count and
   * holds only the first ids until the rest are read when idle (or asked for). It first
   * says it has a screenful of rows and the rest (pending_rows) once idle, after the first
   * frame: GTK 4.8's list view makes a row for each of the first 200 items it is given. */
  guint                n_items;
  guint                pending_rows;
  gboolean             partial;
  guint                complete_source;
  guint                grow_source;
  /* A small cache keyed by position modulo CACHE_SIZE: the rows on screen are asked for
   * again and again, the rest of a 72,000-row list is never held. */
  SporParticipantItem *cache[CACHE_SIZE];
  /* Why the last refresh or read failed (NULL: it did not), for the "error" property */
  GError              *error;
  guint                notify_source;
};

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void spor_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporParticipantList, spor_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spor_participant_list_model_init))

static void ensure_complete (SporParticipantList *self);
static void reload (SporParticipantList *self);

static gboolean
notify_when_idle (gpointer data)
{
  SporParticipantList *self = data;

  self->notify_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  return G_SOURCE_REMOVE;
}

/* Keeps @error (taken; NULL: none) as the list's error and says so when it changed. While
 * GTK reads the list (get_item) the notification waits until idle: a handler may change
 * the list. */
static void
keep_error (SporParticipantList *self,
            GError              *error,
            gboolean             later)
{
  gboolean changed = (self->error == NULL) != (error == NULL) ||
                     (error != NULL && g_strcmp0 (error->message, self->error->message) != 0);

  g_clear_error (&self->error);
  self->error = error;
  if (!changed)
    return;
  if (!later)
    {
      g_clear_handle_id (&self->notify_source, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  else if (self->notify_source == 0)
    self->notify_source = g_idle_add (notify_when_idle, self);
}

static GType
list_get_item_type (GListModel *model)
{
  return SPOR_TYPE_PARTICIPANT_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  return SPOR_PARTICIPANT_LIST (model)->n_items;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  SporParticipantList *self = SPOR_PARTICIPANT_LIST (model);
  SporParticipantItem **slot;
  gint64 id;

  if (position >= self->n_items)
    return NULL;
  if (position >= self->ids->len)
    ensure_complete (self);
  if (position >= self->ids->len)
    return NULL;
  id = g_array_index (self->ids, gint64, position);
  slot = &self->cache[position % CACHE_SIZE];
  if (*slot == NULL || spor_participant_item_get_id (*slot) != id)
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (slot);
      *slot = spor_participant_item_load (self->store, id, &error);
      if (error != NULL)
        keep_error (self, g_steal_pointer (&error), TRUE);
    }
  return g_object_ref (*slot);
}

static void
spor_participant_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
clear_cache (SporParticipantList *self)
{
  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i]);
}

static void
spor_participant_list_finalize (GObject *object)
{
  SporParticipantList *self = SPOR_PARTICIPANT_LIST (object);

  clear_cache (self);
  g_clear_handle_id (&self->complete_source, g_source_remove);
  g_clear_handle_id (&self->grow_source, g_source_remove);
  g_clear_handle_id (&self->notify_source, g_source_remove);
  g_clear_error (&self->error);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->hidden, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_participant_list_parent_class)->finalize (object);
}

static void
spor_participant_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SporParticipantList *self = SPOR_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spor_participant_list_class_init (SporParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spor_participant_list_finalize;
  object_class->get_property = spor_participant_list_get_property;

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spor_participant_list_init (SporParticipantList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hidden = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SporParticipantList *
spor_participant_list_new (SporStore *store)
{
  SporParticipantList *self;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  self = g_object_new (SPOR_TYPE_PARTICIPANT_LIST, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

SporStore *
spor_participant_list_get_store (SporParticipantList *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), NULL);
  return self->store;
}

/* The rowids of the participants that match @match, as a bitmap indexed by id. */
static guint8 *
match_bitmap (SporStore   *store,
              const char  *match,
              gint64      *max_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) rowids = NULL;
  guint8 *bitmap;

  stmt = spor_store_prepare (store, "SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  rowids = spor_store_collect_ids (store, stmt, _("Searching participants"), error);
  if (rowids == NULL)
    return NULL;
  *max_id = 0;
  for (guint i = 0; i < rowids->len; i++)
    *max_id = MAX (*max_id, g_array_index (rowids, gint64, i));
  bitmap = g_malloc0 (*max_id / 8 + 1);
  for (guint i = 0; i < rowids->len; i++)
    {
      gint64 id = g_array_index (rowids, gint64, i);
      if (id > 0)
        bitmap[id / 8] |= 1 << (id % 8);
    }
  return bitmap;
}

static gboolean update_ids (SporParticipantList *self, GError **error);

#define FIRST_ROWS 200
/* More rows than a tall screen shows */
#define FIRST_SCREEN 64

/* Reads the ids again for a change that has no caller to tell: the list keeps the error. */
static void
update (SporParticipantList *self)
{
  g_autoptr(GError) error = NULL;

  update_ids (self, &error);
  keep_error (self, g_steal_pointer (&error), FALSE);
}

static void
reload (SporParticipantList *self)
{
  g_clear_pointer (&self->base, g_array_unref);
  update (self);
}

static gboolean
refresh_when_idle (gpointer data)
{
  SporParticipantList *self = data;

  self->complete_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* Reads the whole order now, when the first rows are not enough. */
static void
ensure_complete (SporParticipantList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) base = NULL;
  guint total = self->n_items + self->pending_rows;

  if (!self->partial)
    return;
  g_clear_handle_id (&self->complete_source, g_source_remove);
  self->partial = FALSE;
  base = spor_participant_list_query_ids (self->store, NULL, self->programme_id, self->cohort_id,
                                          self->status, self->sort, 0, 0, &error);
  if (base == NULL)
    {
      /* rows past the first stay empty; the list says why */
      keep_error (self, g_steal_pointer (&error), TRUE);
      return;
    }
  self->base = g_array_ref (base);
  g_array_set_size (self->ids, 0);
  g_array_append_vals (self->ids, base->data, MIN (base->len, total));
  if (base->len != total)
    {
      /* Another connection wrote meanwhile. This may run inside get_item(), where the
       * list must not change: keep the length (empty rows at the end) and start over
       * when idle. */
      g_array_set_size (self->ids, total);
      self->complete_source = g_idle_add_full (G_PRIORITY_LOW, refresh_when_idle, self, NULL);
    }
}

static gboolean
complete_when_idle (gpointer data)
{
  SporParticipantList *self = data;

  self->complete_source = 0;
  ensure_complete (self);
  return G_SOURCE_REMOVE;
}

/* The rows after the first screenful, announced once the first frame is drawn */
static void
grow (SporParticipantList *self)
{
  guint from = self->n_items;

  g_clear_handle_id (&self->grow_source, g_source_remove);
  if (self->pending_rows == 0)
    return;
  self->n_items += self->pending_rows;
  self->pending_rows = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->n_items - from);
}

static gboolean
grow_when_idle (gpointer data)
{
  SporParticipantList *self = data;

  self->grow_source = 0;
  grow (self);
  return G_SOURCE_REMOVE;
}

static gboolean
update_partial (SporParticipantList  *self,
                GError              **error)
{
  g_autoptr(GArray) first = NULL;
  gint64 count;
  guint removed;

  count = count_filtered (self->store, self->programme_id, self->cohort_id, self->status, error);
  if (count >= 0)
    first = spor_participant_list_query_ids (self->store, NULL, self->programme_id,
                                             self->cohort_id, self->status, self->sort, 0,
                                             FIRST_ROWS, error);
  if (first == NULL)
    {
      count = 0;
      first = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  removed = self->n_items;
  g_array_unref (self->ids);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->n_items = 0;
  clear_cache (self);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  g_array_unref (self->ids);
  self->ids = g_array_ref (first);
  self->n_items = (guint) MIN (count, FIRST_SCREEN);
  self->pending_rows = (guint) count - self->n_items;
  if (self->pending_rows > 0)
    self->grow_source = g_idle_add (grow_when_idle, self);
  self->partial = first->len < (guint) count;
  if (self->partial)
    self->complete_source = g_idle_add_full (G_PRIORITY_LOW, complete_when_idle, self, NULL);
  if (self->n_items > 0 || removed == 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  return error == NULL || *error == NULL;
}

static gboolean
update_ids (SporParticipantList  *self,
            GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GError) local_error = NULL;
  guint removed;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), FALSE);

  g_clear_handle_id (&self->complete_source, g_source_remove);
  g_clear_handle_id (&self->grow_source, g_source_remove);
  self->pending_rows = 0;
  match = spor_participant_list_match_expression (self->search);
  if (self->base == NULL && match == NULL && self->hidden->len == 0)
    return update_partial (self, error);
  self->partial = FALSE;

  if (self->base == NULL)
    self->base = spor_participant_list_query_ids (self->store, NULL, self->programme_id,
                                                  self->cohort_id, self->status, self->sort, 0,
                                                  0, &local_error);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->base != NULL && match == NULL)
    g_array_append_vals (ids, self->base->data, self->base->len);
  else if (self->base != NULL)
    {
      gint64 max_id = 0;
      g_autofree guint8 *bitmap = match_bitmap (self->store, match, &max_id, &local_error);

      for (guint i = 0; bitmap != NULL && i < self->base->len; i++)
        {
          gint64 id = g_array_index (self->base, gint64, i);
          if (id > 0 && id <= max_id && (bitmap[id / 8] & (1 << (id % 8))))
            g_array_append_val (ids, id);
        }
    }
  if (self->hidden->len > 0)
    for (guint i = 0; i < ids->len; i++)
      for (guint j = 0; j < self->hidden->len; j++)
        if (g_array_index (ids, gint64, i) == g_array_index (self->hidden, gint64, j))
          {
            g_array_remove_index (ids, i--);
            break;
          }

  /* Two signals, all out then all in: given one signal that removes and adds, GTK 4.8's
   * list view compares every added item with the removed ones, which reads every row. */
  removed = self->n_items;
  g_array_unref (self->ids);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->n_items = 0;
  clear_cache (self);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  self->n_items = self->ids->len;
  if (self->ids->len > 0 || removed == 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
spor_participant_list_refresh (SporParticipantList  *self,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), FALSE);

  g_clear_pointer (&self->base, g_array_unref);
  update_ids (self, &local_error);
  keep_error (self, local_error != NULL ? g_error_copy (local_error) : NULL, FALSE);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

const GError *
spor_participant_list_get_error (SporParticipantList *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), NULL);
  return self->error;
}

void
spor_participant_list_set_search (SporParticipantList *self,
                                  const char          *search)
{
  g_autofree char *old_match = NULL;
  g_autofree char *new_match = NULL;

  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  old_match = spor_participant_list_match_expression (self->search);
  new_match = spor_participant_list_match_expression (search);
  g_free (self->search);
  self->search = g_strdup (search);
  /* "anna " and "anna" ask the same: no second query. */
  if (g_strcmp0 (old_match, new_match) != 0)
    update (self);
}

const char *
spor_participant_list_get_search (SporParticipantList *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), NULL);
  return self->search;
}

void
spor_participant_list_set_programme (SporParticipantList *self,
                                     gint64               programme_id)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (self->programme_id == programme_id)
    return;
  self->programme_id = programme_id;
  reload (self);
}

void
spor_participant_list_set_cohort (SporParticipantList *self,
                                  gint64               cohort_id)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (self->cohort_id == cohort_id)
    return;
  self->cohort_id = cohort_id;
  reload (self);
}

void
spor_participant_list_set_status (SporParticipantList *self,
                                  const char          *status)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (status != NULL && *status == '\0')
    status = NULL;
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  reload (self);
}

void
spor_participant_list_set_sort (SporParticipantList *self,
                                SporParticipantSort  sort)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (self->sort == sort)
    return;
  self->sort = sort;
  reload (self);
}

void
spor_participant_list_set_hidden (SporParticipantList *self,
                                  gint64               participant_id,
                                  gboolean             hidden)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));

  for (guint i = 0; i < self->hidden->len; i++)
    if (g_array_index (self->hidden, gint64, i) == participant_id)
      {
        if (hidden)
          return;
        g_array_remove_index (self->hidden, i);
        update (self);
        return;
      }
  if (!hidden)
    return;
  g_array_append_val (self->hidden, participant_id);
  update (self);
}

guint
spor_participant_list_find (SporParticipantList *self,
                            gint64               participant_id)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), G_MAXUINT);
  grow (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == participant_id)
      return i;
  ensure_complete (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == participant_id)
      return i;
  return G_MAXUINT;
}

guint
spor_participant_list_get_count (SporParticipantList *self)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), 0);
  return self->n_items + self->pending_rows;
}

gint64
spor_participant_list_get_id (SporParticipantList *self,
                              guint                position)
{
  g_return_val_if_fail (SPOR_IS_PARTICIPANT_LIST (self), 0);
  if (position >= self->n_items)
    return 0;
  if (position >= self->ids->len)
    ensure_complete (self);
  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}
