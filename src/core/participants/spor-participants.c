/* spor-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "spor-participant-item.h"
#include "spor-participants.h"
#include "spor-progress.h"
#include "spor-rules.h"
#include "spor-store-private.h"
#include "spor-util.h"

/* ------------------------------------------------------------------------------------ */
/* The query */

char *
spor_participants_match_expression (const char *search)
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
spor_participants_query_ids (SporStore           *store,
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
  g_autofree char *match = spor_participants_match_expression (search);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int param = 1;
  int rc;

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

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Searching participants"));
      return NULL;
    }
  return g_steal_pointer (&ids);
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
  gint64 count = -1;
  int param = 1;
  int rc;

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
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    spor_store_set_error (store, error, rc, _("Counting participants"));
  return count;
}

/* ------------------------------------------------------------------------------------ */
/* SporParticipantList */

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
};

static void spor_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SporParticipantList, spor_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spor_participant_list_model_init))

static void ensure_complete (SporParticipantList *self);

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
      g_clear_object (slot);
      *slot = spor_participant_item_load (self->store, id);
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
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->hidden, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (spor_participant_list_parent_class)->finalize (object);
}

static void
spor_participant_list_class_init (SporParticipantListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spor_participant_list_finalize;
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
  spor_participant_list_refresh (self, NULL);
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
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint8 *bitmap;
  int rc;

  stmt = spor_store_prepare (store, "SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  *max_id = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, id);
      *max_id = MAX (*max_id, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Searching participants"));
      return NULL;
    }
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

static gboolean
refresh_when_idle (gpointer data)
{
  SporParticipantList *self = data;

  self->complete_source = 0;
  update_ids (self, NULL);
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
  base = spor_participants_query_ids (self->store, NULL, self->programme_id, self->cohort_id,
                                      self->status, self->sort, 0, 0, &error);
  if (base == NULL)
    {
      g_warning ("Participants list: %s", error->message);
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
    first = spor_participants_query_ids (self->store, NULL, self->programme_id, self->cohort_id,
                                         self->status, self->sort, 0, FIRST_ROWS, error);
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
  match = spor_participants_match_expression (self->search);
  if (self->base == NULL && match == NULL && self->hidden->len == 0)
    return update_partial (self, error);
  self->partial = FALSE;

  if (self->base == NULL)
    self->base = spor_participants_query_ids (self->store, NULL, self->programme_id,
                                              self->cohort_id, self->status, self->sort, 0, 0,
                                              &local_error);
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
  g_clear_pointer (&self->base, g_array_unref);
  return update_ids (self, error);
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
  old_match = spor_participants_match_expression (self->search);
  new_match = spor_participants_match_expression (search);
  g_free (self->search);
  self->search = g_strdup (search);
  /* "anna " and "anna" ask the same: no second query. */
  if (g_strcmp0 (old_match, new_match) != 0)
    update_ids (self, NULL);
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
  spor_participant_list_refresh (self, NULL);
}

void
spor_participant_list_set_cohort (SporParticipantList *self,
                                  gint64               cohort_id)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (self->cohort_id == cohort_id)
    return;
  self->cohort_id = cohort_id;
  spor_participant_list_refresh (self, NULL);
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
  spor_participant_list_refresh (self, NULL);
}

void
spor_participant_list_set_sort (SporParticipantList *self,
                                SporParticipantSort  sort)
{
  g_return_if_fail (SPOR_IS_PARTICIPANT_LIST (self));
  if (self->sort == sort)
    return;
  self->sort = sort;
  spor_participant_list_refresh (self, NULL);
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
        update_ids (self, NULL);
        return;
      }
  if (!hidden)
    return;
  g_array_append_val (self->hidden, participant_id);
  update_ids (self, NULL);
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

/* ------------------------------------------------------------------------------------ */
/* Validation */

char *
spor_cpr_mask (const char *cpr)
{
  if (cpr == NULL || strlen (cpr) != 10)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (!g_ascii_isdigit (cpr[i]))
      return NULL;
  return g_strdup_printf ("%.6s-xxxx", cpr);
}

/* The record rules of a participant (spor-rules.h) */
void
spor_participant_rules (SporEntity *entity,
                        SporStore  *store,
                        GPtrArray  *problems)
{
  const char *cpr = spor_entity_get_text (entity, "cpr");
  const char *birth_date = spor_entity_get_text (entity, "birth_date");
  gint64 cohort_id = spor_entity_get_int (entity, "cohort_id");
  gint64 programme_id = spor_entity_get_int (entity, "programme_id");

  if (cpr != NULL && *cpr != '\0' && spor_date_is_valid (birth_date))
    {
      g_autofree char *birth = NULL;

      if (spor_cpr_parse (cpr, NULL, &birth, NULL) && g_strcmp0 (birth, birth_date) != 0)
        spor_problems_add (problems, "cpr", _("The CPR number does not match the date of birth"));
    }
  spor_rules_dates (entity, store, problems);

  if (cohort_id > 0 && programme_id > 0 && store != NULL)
    {
      gint64 of = spor_rules_cohort_programme (store, cohort_id);

      if (of != 0 && of != programme_id)
        spor_problems_add (problems, "cohort_id", _("The cohort belongs to another programme"));
    }
}

/* The record rules of a meeting: it is with a participant or with a cohort's group. */
void
spor_meeting_rules (SporEntity *entity,
                    SporStore  *store,
                    GPtrArray  *problems)
{
  if (spor_entity_get_int (entity, "participant_id") <= 0 &&
      spor_entity_get_int (entity, "cohort_id") <= 0)
    spor_problems_add (problems, "participant_id",
                       _("A meeting is with a participant or with a cohort"));
}

GPtrArray *
spor_participant_check (SporParticipant *participant)
{
  GPtrArray *problems;

  g_return_val_if_fail (SPOR_IS_PARTICIPANT (participant),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) spor_problem_free));

  problems = spor_check_record (SPOR_ENTITY (participant), NULL);
  /* The form shows each message beside its field: there the plain words read better than
   * the checker's “participant.name: …”. */
  for (guint i = 0; i < problems->len; i++)
    {
      SporProblem *problem = g_ptr_array_index (problems, i);
      const SporField *field = spor_entity_info_find_field (
        spor_entity_get_info (SPOR_ENTITY (participant)), problem->field);

      if (g_str_equal (problem->field, "name") &&
          spor_text_is_blank (spor_entity_get_text (SPOR_ENTITY (participant), "name")))
        {
          g_free (problem->message);
          problem->message = g_strdup (_("A name is required"));
        }
      else if (field != NULL && field->type == SPOR_FIELD_DATE &&
               !spor_date_is_valid (spor_entity_get_text (SPOR_ENTITY (participant), problem->field)))
        {
          g_free (problem->message);
          problem->message = g_strdup (_("Not a real date"));
        }
    }
  return problems;
}

static int
age_on (const char *birth_date,
        const char *today)
{
  GDate birth, now;
  int age;

  if (!spor_date_parse_to (birth_date, &birth) || !spor_date_parse_to (today, &now))
    return -1;
  age = (int) g_date_get_year (&now) - (int) g_date_get_year (&birth);
  if (g_date_get_month (&now) < g_date_get_month (&birth) ||
      (g_date_get_month (&now) == g_date_get_month (&birth) &&
       g_date_get_day (&now) < g_date_get_day (&birth)))
    age--;
  return age;
}

gboolean
spor_cohort_occupancy (SporStore  *store,
                       gint64      cohort_id,
                       gint64     *taken,
                       gint64     *capacity,
                       GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
    "SELECT c.capacity, (SELECT count(*) FROM participants p WHERE p.cohort_id = c.id"
    "                     AND p.status IN ('intake', 'active', 'on_hold'))"
    "  FROM cohorts c WHERE c.id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cohort_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (capacity != NULL)
        *capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
      if (taken != NULL)
        *taken = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND, _("No such cohort"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      spor_store_set_error (store, error, rc, _("Counting a cohort"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
spor_participant_warnings (SporStore        *store,
                           SporParticipant  *participant,
                           const char       *today,
                           GError          **error)
{
  SporEntity *entity = SPOR_ENTITY (participant);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_problem_free);
  g_autofree char *local_today = NULL;
  g_autoptr(SporProgramme) programme = NULL;
  gint64 programme_id = spor_entity_get_int (entity, "programme_id");
  gint64 cohort_id = spor_entity_get_int (entity, "cohort_id");
  const char *birth_date = spor_entity_get_text (entity, "birth_date");

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  if (today == NULL)
    today = local_today = spor_date_today ();

  if (programme_id > 0)
    {
      programme = spor_store_get (store, SPOR_TYPE_PROGRAMME, programme_id, error);
      if (programme == NULL)
        return NULL;
    }

  if (programme != NULL && birth_date != NULL && spor_date_is_valid (birth_date))
    {
      SporEntity *p = SPOR_ENTITY (programme);
      int age = age_on (birth_date, today);
      gboolean has_min = spor_entity_is_set (p, "min_age");
      gboolean has_max = spor_entity_is_set (p, "max_age");
      gint64 min_age = spor_entity_get_int (p, "min_age");
      gint64 max_age = spor_entity_get_int (p, "max_age");

      if ((has_min && age < min_age) || (has_max && age > max_age))
        {
          g_autofree char *message = NULL;
          if (has_min && has_max)
            /* Translators: ages in years */
            message = g_strdup_printf (_("Age %d is outside the programme's target range %d–%d"),
                                       age, (int) min_age, (int) max_age);
          else
            message = g_strdup_printf (_("Age %d is outside the programme's target range"), age);
          spor_problems_add (warnings, "birth_date", message);
        }
    }

  if (programme != NULL && spor_entity_get_bool (SPOR_ENTITY (programme), "not_self_supporting") &&
      g_strcmp0 (spor_entity_get_text (entity, "provision"), "self_supporting") == 0)
    spor_problems_add (warnings, "provision",
                 _("The programme is for people who are not self-supporting"));

  if (cohort_id > 0)
    {
      gint64 taken = 0, capacity = -1;
      const char *status = spor_entity_get_text (entity, "status");
      gboolean takes_place = g_strcmp0 (status, "intake") == 0 ||
                             g_strcmp0 (status, "active") == 0 ||
                             g_strcmp0 (status, "on_hold") == 0;

      if (!spor_cohort_occupancy (store, cohort_id, &taken, &capacity, error))
        return NULL;
      /* Count this participant once, whether or not they are in the cohort already. */
      if (spor_entity_get_id (entity) > 0)
        {
          g_autoptr(SporParticipant) stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                              spor_entity_get_id (entity), NULL);
          const char *old_status = stored ? spor_entity_get_text (SPOR_ENTITY (stored), "status") : NULL;
          if (stored != NULL && spor_entity_get_int (SPOR_ENTITY (stored), "cohort_id") == cohort_id &&
              (g_strcmp0 (old_status, "intake") == 0 || g_strcmp0 (old_status, "active") == 0 ||
               g_strcmp0 (old_status, "on_hold") == 0))
            taken--;
        }
      if (takes_place)
        taken++;
      if (capacity >= 0 && taken > capacity)
        {
          g_autofree char *message =
            /* Translators: participants in a cohort and its places */
            g_strdup_printf (_("The cohort is above capacity: %d participants for %d places"),
                             (int) taken, (int) capacity);
          spor_problems_add (warnings, "cohort_id", message);
        }
    }

  return g_steal_pointer (&warnings);
}

gboolean
spor_participant_save (SporStore        *store,
                       SporParticipant  *participant,
                       GError          **error)
{
  SporEntity *entity = SPOR_ENTITY (participant);
  g_autoptr(GPtrArray) problems = NULL;
  const char *cpr;
  gint64 cohort_id, old_cohort_id = 0;
  gboolean is_new;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPOR_IS_PARTICIPANT (participant), FALSE);

  problems = spor_participant_check (participant);
  if (problems->len > 0)
    {
      SporProblem *first = g_ptr_array_index (problems, 0);
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, first->message);
      return FALSE;
    }

  cpr = spor_entity_get_text (entity, "cpr");
  if (cpr != NULL && *cpr == '\0')
    spor_entity_unset (entity, "cpr");
  else if (cpr != NULL)
    {
      g_autofree char *digits = NULL;
      g_autofree char *birth = NULL;
      if (!spor_cpr_parse (cpr, &digits, &birth, error))
        return FALSE;
      spor_entity_set_text (entity, "cpr", digits);
      if (!spor_entity_is_set (entity, "birth_date"))
        spor_entity_set_text (entity, "birth_date", birth);
    }

  is_new = spor_entity_get_id (entity) <= 0;
  cohort_id = spor_entity_get_int (entity, "cohort_id");

  if (!spor_store_begin (store, error))
    return FALSE;
  if (!is_new)
    {
      g_autoptr(SporParticipant) stored = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                          spor_entity_get_id (entity), error);
      if (stored == NULL)
        goto fail;
      old_cohort_id = spor_entity_get_int (SPOR_ENTITY (stored), "cohort_id");
    }
  if (cohort_id > 0)
    {
      g_autoptr(SporCohort) cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);
      if (cohort == NULL)
        goto fail;
      /* The cohort decides the programme. */
      spor_entity_set_int (entity, "programme_id",
                           spor_entity_get_int (SPOR_ENTITY (cohort), "programme_id"));
    }
  if (is_new ? !spor_store_insert (store, entity, error) : !spor_store_update (store, entity, error))
    goto fail;
  if (cohort_id > 0 && cohort_id != old_cohort_id)
    {
      g_autoptr(SporParticipant) fresh = NULL;

      if (!spor_progress_enrol (store, spor_entity_get_id (entity), cohort_id, error))
        goto fail;
      /* Enrolment may set status and start date: give the caller the stored record. */
      fresh = spor_store_get (store, SPOR_TYPE_PARTICIPANT, spor_entity_get_id (entity), error);
      if (fresh == NULL)
        goto fail;
      spor_entity_set_text (entity, "status", spor_entity_get_text (SPOR_ENTITY (fresh), "status"));
      spor_entity_set_text (entity, "start_date",
                            spor_entity_get_text (SPOR_ENTITY (fresh), "start_date"));
      spor_entity_set_keys (entity, spor_entity_get_id (entity), spor_entity_get_uuid (entity),
                            spor_entity_get_created_at (entity),
                            spor_entity_get_updated_at (SPOR_ENTITY (fresh)));
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  if (is_new)
    spor_entity_set_keys (entity, 0, NULL, NULL, NULL);
  return FALSE;
}

/* ------------------------------------------------------------------------------------ */
/* Waiting list */

GArray *
spor_waiting_list_ids (SporStore  *store,
                       gint64      programme_id,
                       GError    **error)
{
  sqlite3_stmt *stmt = spor_store_prepare (store,
    "SELECT id FROM participants WHERE status = 'waiting' AND (?1 = 0 OR programme_id = ?1)"
    " ORDER BY programme_id, waiting_position IS NULL, waiting_position, waiting_since, id",
    error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      spor_store_set_error (store, error, rc, _("Reading the waiting list"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Numbers a programme's waiting list 1, 2, 3 … in @order (participant ids). */
static gboolean
renumber (SporStore  *store,
          GArray     *order,
          GError    **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT,
                                                     g_array_index (order, gint64, i), error);
      if (p == NULL)
        return FALSE;
      spor_entity_set_int (SPOR_ENTITY (p), "waiting_position", i + 1);
      if (!spor_store_update (store, SPOR_ENTITY (p), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
spor_waiting_list_add (SporStore   *store,
                       gint64       participant_id,
                       gint64       programme_id,
                       const char  *date,
                       GError     **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree char *today = NULL;
  SporEntity *e;

  if (date == NULL)
    date = today = spor_date_today ();
  if (!spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Not a real date"));
      return FALSE;
    }
  if (!spor_store_begin (store, error))
    return FALSE;
  p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
  if (p == NULL)
    goto fail;
  order = spor_waiting_list_ids (store, programme_id, error);
  if (order == NULL)
    goto fail;
  e = SPOR_ENTITY (p);
  spor_entity_set_text (e, "status", "waiting");
  spor_entity_set_int (e, "programme_id", programme_id);
  spor_entity_unset (e, "cohort_id");
  spor_entity_set_text (e, "waiting_since", date);
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == participant_id)
      g_array_remove_index (order, i--);
  spor_entity_set_int (e, "waiting_position", order->len + 1);
  if (!spor_store_update (store, e, error) || !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

gboolean
spor_waiting_list_move (SporStore  *store,
                        gint64      participant_id,
                        guint       position,
                        GError    **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(GArray) order = NULL;
  guint from = G_MAXUINT;

  if (!spor_store_begin (store, error))
    return FALSE;
  p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
  if (p == NULL)
    goto fail;
  if (g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (p), "status"), "waiting") != 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The participant is not on the waiting list"));
      goto fail;
    }
  order = spor_waiting_list_ids (store, spor_entity_get_int (SPOR_ENTITY (p), "programme_id"), error);
  if (order == NULL)
    goto fail;
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == participant_id)
      from = i;
  g_assert (from != G_MAXUINT);
  if (position < 1 || position > order->len)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The waiting list has no place %u"), position);
      goto fail;
    }
  g_array_remove_index (order, from);
  g_array_insert_val (order, position - 1, participant_id);
  if (!renumber (store, order, error) || !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

gboolean
spor_waiting_list_admit (SporStore  *store,
                         gint64      participant_id,
                         gint64      cohort_id,
                         gboolean   *over_capacity,
                         GError    **error)
{
  g_autoptr(SporParticipant) p = NULL;
  g_autoptr(SporCohort) cohort = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 programme_id, taken = 0, capacity = -1;
  SporEntity *e;

  if (!spor_store_begin (store, error))
    return FALSE;
  p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, error);
  if (p == NULL)
    goto fail;
  cohort = spor_store_get (store, SPOR_TYPE_COHORT, cohort_id, error);
  if (cohort == NULL)
    goto fail;
  e = SPOR_ENTITY (p);
  if (g_strcmp0 (spor_entity_get_text (e, "status"), "waiting") != 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The participant is not on the waiting list"));
      goto fail;
    }
  programme_id = spor_entity_get_int (e, "programme_id");

  spor_entity_set_text (e, "status", "intake");
  spor_entity_unset (e, "waiting_position");
  spor_entity_set_int (e, "programme_id", spor_entity_get_int (SPOR_ENTITY (cohort), "programme_id"));
  spor_entity_set_int (e, "cohort_id", cohort_id);
  if (!spor_store_update (store, e, error))
    goto fail;
  if (!spor_progress_enrol (store, participant_id, cohort_id, error))
    goto fail;

  /* The others close up. */
  order = spor_waiting_list_ids (store, programme_id, error);
  if (order == NULL || !renumber (store, order, error))
    goto fail;
  if (!spor_cohort_occupancy (store, cohort_id, &taken, &capacity, error))
    goto fail;
  if (!spor_store_commit (store, error))
    goto fail;
  if (over_capacity != NULL)
    *over_capacity = capacity >= 0 && taken > capacity;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------------------------ */
/* Erasure */

/* The store erases (spor_store_erase): the same way for a delete here and an erasure that
 * comes from another site. */
gboolean
spor_participant_erase (SporStore  *store,
                        gint64      participant_id,
                        GError    **error)
{
  g_autoptr(SporParticipant) p = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id,
                                                 error);

  return p != NULL && spor_store_erase (store, SPOR_ENTITY (p), error);
}

/* ------------------------------------------------------------------------------------ */
/* Staff of a participant */

static GPtrArray *
list_links (SporStore   *store,
            gint64       participant_id,
            const char  *role,
            GError     **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_PARTICIPANT_STAFF);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_where_text (query, "role", role);
  return spor_store_list (store, query, error);
}

GArray *
spor_participant_get_staff (SporStore   *store,
                            gint64       participant_id,
                            const char  *role,
                            GError     **error)
{
  g_autoptr(GPtrArray) links = list_links (store, participant_id, role, error);
  GArray *ids;

  if (links == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < links->len; i++)
    {
      gint64 id = spor_entity_get_int (links->pdata[i], "staff_id");
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gboolean
spor_participant_set_staff (SporStore   *store,
                            gint64       participant_id,
                            const char  *role,
                            GArray      *staff_ids,
                            GError     **error)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!spor_store_begin (store, error))
    return FALSE;
  links = list_links (store, participant_id, role, error);
  if (links == NULL)
    goto fail;
  for (guint i = 0; i < links->len; i++)
    {
      gint64 staff_id = spor_entity_get_int (links->pdata[i], "staff_id");
      if (!contains_id (staff_ids, staff_id))
        {
          if (!spor_store_delete (store, links->pdata[i], error))
            goto fail;
        }
      else
        g_array_append_val (present, staff_id);
    }
  for (guint i = 0; staff_ids != NULL && i < staff_ids->len; i++)
    {
      gint64 staff_id = g_array_index (staff_ids, gint64, i);
      g_autoptr(SporParticipantStaff) link = NULL;

      if (contains_id (present, staff_id))
        continue;
      link = spor_entity_new (SPOR_TYPE_PARTICIPANT_STAFF);
      spor_entity_set_int (SPOR_ENTITY (link), "participant_id", participant_id);
      spor_entity_set_int (SPOR_ENTITY (link), "staff_id", staff_id);
      spor_entity_set_text (SPOR_ENTITY (link), "role", role);
      if (!spor_store_insert (store, SPOR_ENTITY (link), error))
        goto fail;
      g_array_append_val (present, staff_id);
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------------------------ */
/* Meetings */

GPtrArray *
spor_participant_list_meetings (SporStore  *store,
                                gint64      participant_id,
                                GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_MEETING);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_order_by (query, "date", TRUE);
  return spor_store_list (store, query, error);
}

gboolean
spor_participant_add_meeting (SporStore   *store,
                              gint64       participant_id,
                              const char  *kind,
                              const char  *date,
                              gint64       staff_id,
                              const char  *notes,
                              GError     **error)
{
  g_autoptr(SporMeeting) meeting = NULL;

  if (!spor_value_list_contains (&spor_values_meeting_kind, kind))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Choose the kind of meeting"));
      return FALSE;
    }
  if (date == NULL || !spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID, _("Not a real date"));
      return FALSE;
    }
  meeting = spor_entity_new (SPOR_TYPE_MEETING);
  spor_entity_set_int (SPOR_ENTITY (meeting), "participant_id", participant_id);
  spor_entity_set_text (SPOR_ENTITY (meeting), "kind", kind);
  spor_entity_set_text (SPOR_ENTITY (meeting), "date", date);
  if (staff_id > 0)
    spor_entity_set_int (SPOR_ENTITY (meeting), "staff_id", staff_id);
  if (notes != NULL && *notes != '\0')
    spor_entity_set_text (SPOR_ENTITY (meeting), "notes", notes);
  return spor_store_insert (store, SPOR_ENTITY (meeting), error);
}
