/* spor-blocks-staffing.c — who a block needs and who is in it, and putting it back for Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-blocks.h"
#include "spor-blocks-private.h"
#include "spor-store-private.h"

static GPtrArray *
list_where (SporStore  *store,
            GType       type,
            gint64      block_id,
            const char *field,
            const char *text,
            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (type);

  spor_query_where_int (query, "block_id", block_id);
  if (field != NULL)
    spor_query_where_text (query, field, text);
  return spor_store_list (store, query, error);
}

gboolean
spor_blocks_set_requirement (SporStore  *store,
                             gint64      block_id,
                             const char *role,
                             guint       count,
                             GError    **error)
{
  g_autoptr(GPtrArray) existing = NULL;

  if (count > 100)
    return spor_store_invalid (error, _("A block can require at most 100 staff of one role."));
  if (!spor_store_begin (store, error))
    return FALSE;
  existing = list_where (store, SPOR_TYPE_BLOCK_REQUIREMENT, block_id, "role", role, error);
  if (existing == NULL)
    return spor_store_fail (store);
  if (existing->len > 0)
    {
      SporEntity *r = g_ptr_array_index (existing, 0);

      if (count == 0)
        {
          if (!spor_store_delete (store, r, error))
            return spor_store_fail (store);
        }
      else if (spor_entity_get_int (r, "count") != count)
        {
          spor_entity_set_int (r, "count", count);
          if (!spor_store_update (store, r, error))
            return spor_store_fail (store);
        }
    }
  else if (count > 0)
    {
      g_autoptr(SporBlockRequirement) r = spor_entity_new (SPOR_TYPE_BLOCK_REQUIREMENT);

      spor_entity_set_int (SPOR_ENTITY (r), "block_id", block_id);
      spor_entity_set_text (SPOR_ENTITY (r), "role", role);
      spor_entity_set_int (SPOR_ENTITY (r), "count", count);
      if (!spor_store_insert (store, SPOR_ENTITY (r), error))
        return spor_store_fail (store);
    }
  return spor_store_commit (store, error);
}

GHashTable *
spor_blocks_get_requirements (SporStore *store,
                              gint64     block_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) list = list_where (store, SPOR_TYPE_BLOCK_REQUIREMENT, block_id, NULL, NULL, error);
  GHashTable *table;

  if (list == NULL)
    return NULL;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      SporEntity *r = g_ptr_array_index (list, i);

      g_hash_table_insert (table, g_strdup (spor_entity_get_text (r, "role")),
                           GINT_TO_POINTER ((int) spor_entity_get_int (r, "count")));
    }
  return table;
}

gboolean
spor_blocks_assign_staff (SporStore  *store,
                          gint64      block_id,
                          gint64      staff_id,
                          const char *role,
                          GError    **error)
{
  g_autoptr(SporBlockStaff) link = spor_entity_new (SPOR_TYPE_BLOCK_STAFF);

  spor_entity_set_int (SPOR_ENTITY (link), "block_id", block_id);
  spor_entity_set_int (SPOR_ENTITY (link), "staff_id", staff_id);
  spor_entity_set_text (SPOR_ENTITY (link), "role", role);
  return spor_store_insert (store, SPOR_ENTITY (link), error);
}

gboolean
spor_blocks_delete_all (SporStore *store,
                        GPtrArray *list,
                        GError   **error)
{
  if (!spor_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (!spor_store_delete (store, g_ptr_array_index (list, i), error))
      return spor_store_fail (store);
  return spor_store_commit (store, error);
}

/* Deletes the links of @type between the block and record @id in @field */
static gboolean
unlink_from_block (SporStore   *store,
                   GType        type,
                   gint64       block_id,
                   const char  *field,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(SporQuery) query = spor_query_new (type);
  g_autoptr(GPtrArray) list = NULL;

  spor_query_where_int (query, "block_id", block_id);
  spor_query_where_int (query, field, id);
  list = spor_store_list (store, query, error);
  return list != NULL && spor_blocks_delete_all (store, list, error);
}

gboolean
spor_blocks_unassign_staff (SporStore *store,
                            gint64     block_id,
                            gint64     staff_id,
                            GError   **error)
{
  return unlink_from_block (store, SPOR_TYPE_BLOCK_STAFF, block_id, "staff_id", staff_id, error);
}

gboolean
spor_blocks_add_participant (SporStore *store,
                             gint64     block_id,
                             gint64     participant_id,
                             GError   **error)
{
  g_autoptr(SporBlockParticipant) link = spor_entity_new (SPOR_TYPE_BLOCK_PARTICIPANT);

  spor_entity_set_int (SPOR_ENTITY (link), "block_id", block_id);
  spor_entity_set_int (SPOR_ENTITY (link), "participant_id", participant_id);
  return spor_store_insert (store, SPOR_ENTITY (link), error);
}

gboolean
spor_blocks_remove_participant (SporStore *store,
                                gint64     block_id,
                                gint64     participant_id,
                                GError   **error)
{
  return unlink_from_block (store, SPOR_TYPE_BLOCK_PARTICIPANT, block_id, "participant_id",
                            participant_id, error);
}

/* The state of a block, for Undo */

struct _SporBlockState
{
  SporBlock *block;
  GPtrArray *requirements;  /* SporBlockRequirement */
  GPtrArray *staff;         /* SporBlockStaff */
  GPtrArray *participants;  /* SporBlockParticipant */
};

static void
block_state_clear (SporBlockState *state)
{
  g_clear_object (&state->block);
  g_clear_pointer (&state->requirements, g_ptr_array_unref);
  g_clear_pointer (&state->staff, g_ptr_array_unref);
  g_clear_pointer (&state->participants, g_ptr_array_unref);
}

SporBlockState *
spor_block_state_ref (SporBlockState *state)
{
  return g_rc_box_acquire (state);
}

void
spor_block_state_unref (SporBlockState *state)
{
  g_rc_box_release_full (state, (GDestroyNotify) block_state_clear);
}

G_DEFINE_BOXED_TYPE (SporBlockState, spor_block_state, spor_block_state_ref, spor_block_state_unref)

SporBlockState *
spor_blocks_get_state (SporStore *store,
                       gint64     block_id,
                       GError   **error)
{
  g_autoptr(SporBlockState) state = g_rc_box_new0 (SporBlockState);

  state->block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, error);
  if (state->block == NULL)
    return NULL;
  state->requirements = list_where (store, SPOR_TYPE_BLOCK_REQUIREMENT, block_id, NULL, NULL, error);
  if (state->requirements == NULL)
    return NULL;
  state->staff = list_where (store, SPOR_TYPE_BLOCK_STAFF, block_id, NULL, NULL, error);
  if (state->staff == NULL)
    return NULL;
  state->participants = list_where (store, SPOR_TYPE_BLOCK_PARTICIPANT, block_id, NULL, NULL, error);
  if (state->participants == NULL)
    return NULL;
  return g_steal_pointer (&state);
}

/* The link fields compared and copied here are integers (counts, references) or texts */
static gboolean
is_text_field (SporEntity *link,
               const char *name)
{
  SporFieldType type = spor_entity_info_find_field (spor_entity_get_info (link), name)->type;

  return type != SPOR_FIELD_INT && type != SPOR_FIELD_REF;
}

/* Whether @links (of one type) holds a link with the same @fields values as @link */
static gboolean
has_link (GPtrArray         *links,
          SporEntity        *link,
          const char * const fields[])
{
  for (guint i = 0; i < links->len; i++)
    {
      SporEntity *other = g_ptr_array_index (links, i);
      gboolean same = TRUE;

      for (guint f = 0; same && fields[f] != NULL; f++)
        same = is_text_field (link, fields[f])
          ? g_strcmp0 (spor_entity_get_text (other, fields[f]), spor_entity_get_text (link, fields[f])) == 0
          : spor_entity_get_int (other, fields[f]) == spor_entity_get_int (link, fields[f]);
      if (same)
        return TRUE;
    }
  return FALSE;
}

/* Makes the block's links of @type what @wanted holds: deletes the others, adds the
 * missing ones (new records: the deleted ones are gone, as a deletion elsewhere would be). */
static gboolean
restore_links (SporStore         *store,
               gint64             block_id,
               GType              type,
               GPtrArray         *wanted,
               const char * const fields[],
               GError           **error)
{
  g_autoptr(GPtrArray) now = list_where (store, type, block_id, NULL, NULL, error);

  if (now == NULL)
    return FALSE;
  for (guint i = 0; i < now->len; i++)
    if (!has_link (wanted, g_ptr_array_index (now, i), fields) &&
        !spor_store_delete (store, g_ptr_array_index (now, i), error))
      return FALSE;
  for (guint i = 0; i < wanted->len; i++)
    {
      SporEntity *link = g_ptr_array_index (wanted, i);
      g_autoptr(SporEntity) copy = NULL;

      if (has_link (now, link, fields))
        continue;
      copy = spor_entity_new (type);
      spor_entity_set_int (copy, "block_id", block_id);
      for (guint f = 0; fields[f] != NULL; f++)
        if (is_text_field (link, fields[f]))
          spor_entity_set_text (copy, fields[f], spor_entity_get_text (link, fields[f]));
        else
          spor_entity_set_int (copy, fields[f], spor_entity_get_int (link, fields[f]));
      if (!spor_store_insert (store, copy, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
spor_blocks_restore_state (SporStore      *store,
                           SporBlockState *state,
                           GError        **error)
{
  static const char * const requirement_fields[] = { "role", "count", NULL };
  static const char * const staff_fields[] = { "staff_id", "role", NULL };
  static const char * const participant_fields[] = { "participant_id", NULL };
  gint64 block_id;
  g_autoptr(SporBlock) block = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  block_id = spor_entity_get_id (SPOR_ENTITY (state->block));
  if (!spor_store_begin (store, error))
    return FALSE;
  /* gone meanwhile (deleted here or by an import): nothing to put back */
  block = spor_store_get (store, SPOR_TYPE_BLOCK, block_id, &local_error);
  if (block == NULL)
    {
      if (g_error_matches (local_error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND))
        g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_NOT_FOUND,
                             _("The work block has been deleted since; there is nothing to undo."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return spor_store_fail (store);
    }
  /* Undo puts the earlier copy back over the current one on purpose. */
  spor_entity_set_keys (SPOR_ENTITY (state->block), block_id,
                        spor_entity_get_uuid (SPOR_ENTITY (block)),
                        spor_entity_get_created_at (SPOR_ENTITY (block)),
                        spor_entity_get_updated_at (SPOR_ENTITY (block)));
  if (!spor_blocks_save (store, state->block, error) ||
      !restore_links (store, block_id, SPOR_TYPE_BLOCK_REQUIREMENT, state->requirements,
                      requirement_fields, error) ||
      !restore_links (store, block_id, SPOR_TYPE_BLOCK_STAFF, state->staff, staff_fields, error) ||
      !restore_links (store, block_id, SPOR_TYPE_BLOCK_PARTICIPANT, state->participants,
                      participant_fields, error))
    return spor_store_fail (store);
  return spor_store_commit (store, error);
}
