/* spor-agreements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "spor-agreements.h"
#include "spor-rules.h"
#include "spor-store-private.h"

/* The fields a new version copies; signatures and state are the new version's own. */
static const char * const content_fields[] = {
  "goals", "needs", "schedule", "weekly_hours", "programme_provides", "participant_commits",
  "adviser_id", "creative_id", "start_date", "review_date",
};

/* The record rules of an agreement (spor-rules.h): a signed one says when and by whom. */
void
spor_agreement_rules (SporEntity *e,
                      SporStore  *store,
                      GPtrArray  *problems)
{
  spor_rules_dates (e, store, problems);
  if (g_strcmp0 (spor_entity_get_text (e, "state"), "signed") != 0)
    return;
  if (spor_entity_get_text (e, "signed_date") == NULL)
    spor_problems_add (problems, "signed_date", _("The date of signing is not a real date"));
  if (spor_text_is_blank (spor_entity_get_text (e, "signed_by_participant")) ||
      spor_text_is_blank (spor_entity_get_text (e, "signed_by_adviser")))
    spor_problems_add (problems, "signed_by_participant",
                       _("The names of the participant and the adviser are required to sign"));
}

GPtrArray *
spor_agreement_list_versions (SporStore  *store,
                              gint64      participant_id,
                              GError    **error)
{
  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  return spor_store_list_by (store, SPOR_TYPE_AGREEMENT, "participant_id", participant_id,
                             "version", FALSE, error);
}

SporAgreement *
spor_agreement_get_current (SporStore  *store,
                            gint64      participant_id,
                            GError    **error)
{
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_AGREEMENT);
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);

  spor_query_where_int (query, "participant_id", participant_id);
  spor_query_order_by (query, "version", TRUE);
  spor_query_set_page (query, 0, 1);
  list = spor_store_list (store, query, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

static gint64
next_version (SporStore  *store,
              gint64      participant_id,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SporAgreement) current = spor_agreement_get_current (store, participant_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return current != NULL ? spor_entity_get_int (SPOR_ENTITY (current), "version") + 1 : 1;
}

gboolean
spor_agreement_save_draft (SporStore      *store,
                           SporAgreement  *agreement,
                           GError        **error)
{
  SporEntity *e = SPOR_ENTITY (agreement);
  gint64 participant_id = spor_entity_get_int (e, "participant_id");

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPOR_IS_AGREEMENT (agreement), FALSE);

  if (!spor_store_begin (store, error))
    return FALSE;
  if (spor_entity_get_id (e) > 0)
    {
      g_autoptr(SporAgreement) stored = spor_store_get (store, SPOR_TYPE_AGREEMENT,
                                                        spor_entity_get_id (e), error);
      if (stored == NULL)
        goto fail;
      if (g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (stored), "state"), "signed") == 0)
        {
          g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                       _("A signed agreement cannot be changed: start a new version"));
          goto fail;
        }
      /* Version, participant and state stay what they are; a draft stays a draft. */
      spor_entity_set_int (e, "version", spor_entity_get_int (SPOR_ENTITY (stored), "version"));
      spor_entity_set_int (e, "participant_id",
                           spor_entity_get_int (SPOR_ENTITY (stored), "participant_id"));
      spor_entity_set_text (e, "state", "draft");
      if (!spor_store_update (store, e, error))
        goto fail;
    }
  else
    {
      g_autoptr(SporAgreement) current = NULL;
      gint64 version;

      current = spor_agreement_get_current (store, participant_id, error);
      if (current == NULL && error != NULL && *error != NULL)
        goto fail;
      if (current != NULL &&
          g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (current), "state"), "draft") == 0)
        {
          g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                       _("The participant already has a draft agreement"));
          goto fail;
        }
      version = next_version (store, participant_id, error);
      if (version < 0)
        goto fail;
      spor_entity_set_int (e, "version", version);
      spor_entity_set_text (e, "state", "draft");
      if (!spor_store_insert (store, e, error))
        goto fail;
    }
  if (!spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  return FALSE;
}

SporAgreement *
spor_agreement_start_version (SporStore  *store,
                              gint64      participant_id,
                              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SporAgreement) current = spor_agreement_get_current (store, participant_id, &local_error);
  g_autoptr(SporAgreement) next = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (current != NULL &&
      g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (current), "state"), "draft") == 0)
    return g_steal_pointer (&current);

  next = spor_entity_new (SPOR_TYPE_AGREEMENT);
  spor_entity_set_int (SPOR_ENTITY (next), "participant_id", participant_id);
  if (current != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (content_fields); i++)
      {
        const SporEntityInfo *info = spor_entity_get_info (SPOR_ENTITY (current));
        int index = spor_entity_info_field_index (info, content_fields[i]);

        if (!spor_entity_is_set (SPOR_ENTITY (current), content_fields[i]))
          continue;
        switch (info->fields[index].type)
          {
          case SPOR_FIELD_REAL:
            spor_entity_set_real (SPOR_ENTITY (next), content_fields[i],
                                  spor_entity_get_real (SPOR_ENTITY (current), content_fields[i]));
            break;
          case SPOR_FIELD_REF:
          case SPOR_FIELD_INT:
            spor_entity_set_int (SPOR_ENTITY (next), content_fields[i],
                                 spor_entity_get_int (SPOR_ENTITY (current), content_fields[i]));
            break;
          default:
            spor_entity_set_text (SPOR_ENTITY (next), content_fields[i],
                                  spor_entity_get_text (SPOR_ENTITY (current), content_fields[i]));
          }
      }
  if (!spor_agreement_save_draft (store, next, error))
    return NULL;
  return g_steal_pointer (&next);
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
spor_agreement_sign (SporStore      *store,
                     SporAgreement  *agreement,
                     const char     *date,
                     const char     *participant_name,
                     const char     *adviser_name,
                     GError        **error)
{
  SporEntity *e = SPOR_ENTITY (agreement);
  g_autoptr(SporAgreement) stored = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (SPOR_IS_AGREEMENT (agreement), FALSE);

  if (date == NULL || !spor_date_is_valid (date))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The date of signing is not a real date"));
      return FALSE;
    }
  if (blank (participant_name) || blank (adviser_name))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The names of the participant and the adviser are required to sign"));
      return FALSE;
    }
  if (spor_entity_get_id (e) <= 0 && !spor_agreement_save_draft (store, agreement, error))
    return FALSE;

  if (!spor_store_begin (store, error))
    return FALSE;
  stored = spor_store_get (store, SPOR_TYPE_AGREEMENT, spor_entity_get_id (e), error);
  if (stored == NULL)
    goto fail;
  if (g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (stored), "state"), "signed") == 0)
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The agreement is signed already"));
      goto fail;
    }
  spor_entity_set_int (e, "version", spor_entity_get_int (SPOR_ENTITY (stored), "version"));
  spor_entity_set_text (e, "state", "signed");
  spor_entity_set_text (e, "signed_date", date);
  spor_entity_set_text (e, "signed_by_participant", participant_name);
  spor_entity_set_text (e, "signed_by_adviser", adviser_name);
  if (!spor_store_update (store, e, error) || !spor_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  spor_store_rollback (store);
  spor_entity_set_text (e, "state", "draft");
  spor_entity_unset (e, "signed_date");
  return FALSE;
}
