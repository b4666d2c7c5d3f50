/* spor-exchange-import.c — merging an exchange file into the store
 *
 * The file is read as a stream (spor-exchange-scan.c), one record at a time, so memory
 * stays bounded. Each record goes through four steps: its members are checked (each a
 * field of the record, once), its fields converted into an entity (references turned into
 * local keys: the arrays come in dependency order), its UUID checked against the rest of
 * the file, and then the store merges it (spor_store_merge), checking it with the one
 * checker every write path uses. Tombstones go to spor_store_apply_tombstone. Everything
 * happens in one bulk transaction of the store, rolled back for a preview or on any
 * refusal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "spor-check.h"
#include "spor-exchange-header.h"
#include "spor-exchange-private.h"
#include "spor-exchange-scan.h"
#include "spor-exchange.h"
#include "spor-store-private.h"
#include "spor-util.h"

#define PROGRESS_EVERY    2000

/* --- the import ------------------------------------------------------------------------- */

typedef struct
{
  SporStore            *store;
  SporScanReader        r;
  SporImportReport     *report;
  gboolean              apply;
  goffset               size;
  SporExchangeProgress  progress;
  gpointer              progress_data;
  guint64               n_records;
  SporImportHeader      header;
  GHashTable           *seen_keys;
  SporScanRecord        record;
  SporEntity          **entities;   /* one per kind, filled anew for each record */
  const char         ***names;      /* per kind: the file name of each field */
  GHashTable          **slots;      /* per kind: file name → its slot (see sort_members) */
  const SporScanMember **members;   /* the record's members by slot */
  SporImportSeen       *seen;       /* the UUIDs of the file so far */
} Import;

/* What the reader could not take, as a refusal (or the stream's own error). */
static gboolean
refuse_scan (Import         *im,
             SporScanResult  result,
             const char     *place,
             guint           line,
             GError        **error)
{
  switch (result)
    {
    case SPOR_SCAN_OK:
      return TRUE;
    case SPOR_SCAN_END:
      if (im->r.io_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&im->r.io_error));
          return FALSE;
        }
      spor_exchange_refuse (error, place, line, _("the file ends too early (truncated)"));
      return FALSE;
    case SPOR_SCAN_NO_VALUE:
      spor_exchange_refuse (error, place, line, _("a value was expected"));
      return FALSE;
    case SPOR_SCAN_LINE_BREAK:
      spor_exchange_refuse (error, place, line, _("a text runs over the end of the line"));
      return FALSE;
    case SPOR_SCAN_TOO_DEEP:
      spor_exchange_refuse (error, place, line, _("nested too deeply"));
      return FALSE;
    case SPOR_SCAN_TOO_LARGE:
    default:
      spor_exchange_refuse (error, place, line, _("the record is too large"));
      return FALSE;
    }
}

/* Takes the next value and parses it: an object into im->record, or a scalar into @m. */
/* @object: 0 a scalar into @m, 1 an object checked for members given twice, 2 an object
 * whose members the caller sorts (and so finds twice) itself. */
static gboolean
read_value (Import         *im,
            GString        *bytes,
            const char     *place,
            int             object,
            SporScanMember *m,
            GError        **error)
{
  guint line;
  SporRecordResult result;

  spor_scan_skip_space (&im->r);
  line = im->r.line;
  if (!refuse_scan (im, spor_scan_capture (&im->r, bytes), place, line, error))
    return FALSE;
  if (!g_utf8_validate (bytes->str, (gssize) bytes->len, NULL))
    {
      spor_exchange_refuse (error, place, line, _("invalid UTF-8"));
      return FALSE;
    }
  result = object ? spor_scan_record (&im->record, bytes->str)
                  : spor_scan_scalar (&im->record, bytes->str, m);
  if (result == SPOR_RECORD_NOT_OBJECT)
    spor_exchange_refuse (error, place, line, _("not an object"));
  else if (result == SPOR_RECORD_INVALID)
    spor_exchange_refuse (error, place, line, _("not valid JSON"));
  if (result != SPOR_RECORD_OK)
    return FALSE;
  if (object == 1)
    {
      const SporScanMember *twice = spor_scan_find_twice (&im->record);

      if (twice != NULL)
        {
          spor_exchange_refuse_member (error, place, twice->key, line, _("appears twice"));
          return FALSE;
        }
    }
  return TRUE;
}

/* A conflict for the report, with the local record's name or title */
static gboolean
add_conflict (Import               *im,
              const SporEntityInfo *info,
              const char           *uuid,
              const char           *local_stamp,
              const char           *file_stamp,
              gboolean              deleted_in_file,
              GError              **error)
{
  g_autoptr(SporEntity) local = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *label = NULL;

  if (!spor_import_report_wants_conflict (im->report))
    return TRUE;
  if (file_stamp != NULL)
    {
      local = spor_store_get_by_uuid (im->store, info->get_type (), uuid, &local_error);
      /* a record deleted here has no name to show */
      if (local == NULL && !g_error_matches (local_error, SPOR_STORE_ERROR,
                                             SPOR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (local != NULL && spor_entity_info_find_field (info, "name") != NULL)
    label = spor_entity_get_text (local, "name");
  else if (local != NULL && spor_entity_info_find_field (info, "title") != NULL)
    label = spor_entity_get_text (local, "title");
  spor_import_report_add_conflict (im->report, info->name, uuid, label, local_stamp, file_stamp,
                                   deleted_in_file);
  return TRUE;
}

/* --- header ---------------------------------------------------------------------------- */

static gboolean
header_member (Import     *im,
               const char *key,
               GString    *bytes,
               GError    **error)
{
  gboolean object = spor_import_header_is_object (key);
  SporScanMember m = { NULL, G_TYPE_NONE, NULL, 0, 0, FALSE };
  guint line = im->r.line;

  return read_value (im, bytes, key, object ? 1 : 0, &m, error) &&
         spor_import_header_take (&im->header, im->store, im->report, key, &m, &im->record,
                                  line, error);
}

/* --- records ----------------------------------------------------------------------------- */

/* The slots of a record's members: uuid, created_at, updated_at, then the fields in the
 * order of their description. */
enum { SLOT_UUID, SLOT_CREATED_AT, SLOT_UPDATED_AT, SLOT_FIELDS };

static GHashTable *
slots_of (const SporEntityInfo *info,
          const char          **names)
{
  GHashTable *slots = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (slots, (gpointer) "uuid", GUINT_TO_POINTER (SLOT_UUID + 1));
  g_hash_table_insert (slots, (gpointer) "created_at", GUINT_TO_POINTER (SLOT_CREATED_AT + 1));
  g_hash_table_insert (slots, (gpointer) "updated_at", GUINT_TO_POINTER (SLOT_UPDATED_AT + 1));
  for (guint f = 0; f < info->n_fields; f++)
    g_hash_table_insert (slots, (gpointer) names[f], GUINT_TO_POINTER (SLOT_FIELDS + f + 1));
  return slots;
}

/* Puts each member into its slot (im->members): each must be a field of the record, once. */
static gboolean
sort_members (Import      *im,
              guint        kind,
              const char  *place,
              guint        line,
              GError     **error)
{
  const SporEntityInfo *info = spor_entity_infos (NULL)[kind];

  memset (im->members, 0, (SLOT_FIELDS + info->n_fields) * sizeof *im->members);
  for (guint m = 0; m < im->record.members->len; m++)
    {
      const SporScanMember *member = &g_array_index (im->record.members, SporScanMember, m);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (im->slots[kind], member->key));

      if (slot == 0)
        {
          spor_exchange_refuse_member (error, place, member->key, line, _("not a field of %s"), info->name);
          return FALSE;
        }
      if (im->members[slot - 1] != NULL)
        {
          spor_exchange_refuse_member (error, place, member->key, line, _("appears twice"));
          return FALSE;
        }
      im->members[slot - 1] = member;
    }
  return TRUE;
}

/* A UUID of the file in its stored form: lower case. The member's text is the record's
 * own copy, so it is changed in place. */
static const char *
member_uuid (const SporScanMember *m)
{
  if (m == NULL || m->vt != G_TYPE_STRING || !spor_uuid_is_valid (m->s))
    return NULL;
  spor_uuid_normalise ((char *) m->s);
  return m->s;
}

typedef enum { CONVERT_OK, CONVERT_SKIP, CONVERT_FAILED } Convert;

/* A reference: the local key of the record the UUID names. A reference to something
 * deleted here means the record stays deleted with it: CONVERT_SKIP. */
static Convert
convert_ref (Import               *im,
             const SporField      *field,
             const SporScanMember *v,
             GValue               *value,
             const char           *place,
             const char           *name,
             guint                 line,
             GError              **error)
{
  const SporEntityInfo *ref = spor_entity_info_lookup (field->ref);
  const char *ref_uuid = member_uuid (v);
  gint64 id = 0;
  gboolean deleted = FALSE;

  if (ref_uuid == NULL)
    {
      spor_exchange_refuse_member (error, place, name, line, _("not a UUID"));
      return CONVERT_FAILED;
    }
  if (!spor_store_find_id (im->store, ref, ref_uuid, &id, &deleted, error))
    return CONVERT_FAILED;
  if (id == 0 && deleted)
    return CONVERT_SKIP;
  if (id == 0)
    {
      spor_exchange_refuse_member (error, place, name, line,
                     _("refers to a %s that is neither in the file nor in this database"),
                     ref->name);
      return CONVERT_FAILED;
    }
  g_value_set_int64 (value, id);
  return CONVERT_OK;
}

/* One field from its member into the entity (the type only: the checker does the rest). */
static Convert
convert_field (Import               *im,
               SporEntity           *entity,
               guint                 f,
               const SporScanMember *v,
               const char           *place,
               const char           *name,
               guint                 line,
               GError              **error)
{
  const SporField *field = &spor_entity_get_info (entity)->fields[f];
  GValue *value = spor_entity_peek_value (entity, f);

  switch (field->type)
    {
    case SPOR_FIELD_INT:
      if (v->vt != G_TYPE_INT64)
        return spor_exchange_refuse_member (error, place, name, line, _("not a whole number")), CONVERT_FAILED;
      g_value_set_int64 (value, v->i);
      break;
    case SPOR_FIELD_REAL:
      if (v->vt != G_TYPE_DOUBLE && v->vt != G_TYPE_INT64)
        return spor_exchange_refuse_member (error, place, name, line, _("not a number")), CONVERT_FAILED;
      g_value_set_double (value, v->vt == G_TYPE_INT64 ? (double) v->i : v->d);
      break;
    case SPOR_FIELD_BOOL:
      if (v->vt != G_TYPE_BOOLEAN)
        return spor_exchange_refuse_member (error, place, name, line, _("not true or false")), CONVERT_FAILED;
      g_value_set_boolean (value, v->b);
      break;
    case SPOR_FIELD_REF:
      return convert_ref (im, field, v, value, place, name, line, error);
    case SPOR_FIELD_TEXT:
    case SPOR_FIELD_DATE:
    case SPOR_FIELD_TIME:
    case SPOR_FIELD_ENUM:
    default:
      if (v->vt != G_TYPE_STRING)
        return spor_exchange_refuse_member (error, place, name, line, _("not a text")), CONVERT_FAILED;
      g_value_set_string (value, v->s);
      break;
    }
  spor_entity_set_value_present (entity, f, TRUE);
  return CONVERT_OK;
}

static Convert
convert_fields (Import      *im,
                guint        kind,
                SporEntity  *entity,
                const char  *place,
                guint        line,
                GError     **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);

  for (guint f = 0; f < info->n_fields; f++)
    {
      const char *name = im->names[kind][f];
      const SporScanMember *v = im->members[SLOT_FIELDS + f];
      Convert result;

      if (v == NULL || v->vt == G_TYPE_NONE)
        {
          if (info->fields[f].flags & SPOR_FIELD_REQUIRED)
            {
              spor_exchange_refuse_member (error, place, name, line, _("missing"));
              return CONVERT_FAILED;
            }
          continue;
        }
      result = convert_field (im, entity, f, v, place, name, line, error);
      if (result != CONVERT_OK)
        return result;
    }
  return CONVERT_OK;
}

/* uuid, created_at and updated_at: there, and texts (the store checks what they say) */
static gboolean
read_keys (Import      *im,
           SporEntity  *entity,
           const char  *place,
           guint        line,
           GError     **error)
{
  static const char * const keys[] = { "uuid", "created_at", "updated_at" };
  const char *values[3];

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const SporScanMember *m = im->members[SLOT_UUID + k];

      if (m == NULL || m->vt != G_TYPE_STRING)
        {
          spor_exchange_refuse_member (error, place, keys[k], line, m == NULL ? _("missing") : _("not a text"));
          return FALSE;
        }
      values[k] = m->s;
    }
  if (member_uuid (im->members[SLOT_UUID]) == NULL)
    {
      spor_exchange_refuse_member (error, place, "uuid", line, _("not a UUID"));
      return FALSE;
    }
  spor_entity_set_keys (entity, 0, values[0], values[1], values[2]);
  return TRUE;
}

static gboolean
merge_record (Import      *im,
              guint        kind,
              SporEntity  *entity,
              const char  *place,
              guint        line,
              GError     **error)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  SporImportCount *count = spor_import_report_count (im->report, kind);
  g_autofree char *uuid = g_strdup (spor_entity_get_uuid (entity));
  g_autofree char *file_stamp = g_strdup (spor_entity_get_updated_at (entity));
  g_autofree char *local_stamp = NULL;
  g_autoptr(GError) local = NULL;
  SporMergeResult result;

  if (!spor_store_merge (im->store, entity, &result, &local_stamp, &local))
    {
      g_autoptr(GPtrArray) problems = NULL;

      /* the checker's problem, named by its place in the file */
      if (g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID))
        problems = spor_check_record (entity, im->store);
      if (problems != NULL && problems->len > 0)
        {
          SporProblem *first = g_ptr_array_index (problems, 0);

          spor_exchange_refuse_member (error, place, im->names[kind][spor_entity_info_field_index (info, first->field)],
                         line, "%s", first->reason);
        }
      else if (g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID) ||
               g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_CONSTRAINT))
        spor_exchange_refuse (error, place, line, "%s", local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  switch (result)
    {
    case SPOR_MERGE_NEW:
      count->n_new++;
      break;
    case SPOR_MERGE_UPDATED:
      count->n_updated++;
      break;
    case SPOR_MERGE_UNCHANGED:
      count->n_unchanged++;
      break;
    case SPOR_MERGE_LOCAL_NEWER:
      count->n_conflicts++;
      return add_conflict (im, info, uuid, local_stamp, file_stamp, FALSE, error);
    case SPOR_MERGE_DELETED_HERE:
    case SPOR_MERGE_DELETED:
    default:
      count->n_conflicts++;
      return add_conflict (im, info, uuid, local_stamp, NULL, FALSE, error);
    }
  return TRUE;
}

static gboolean
import_record (Import      *im,
               guint        kind,
               guint64      index,
               guint        line,
               GError     **error)
{
  const SporEntityInfo *info = spor_entity_infos (NULL)[kind];
  SporEntity *entity = im->entities[kind];
  char place[80];
  Convert converted;

  g_snprintf (place, sizeof place, "%s[%" G_GUINT64_FORMAT "]", info->table, index);
  spor_entity_reset (entity);
  if (!sort_members (im, kind, place, line, error) ||
      !read_keys (im, entity, place, line, error))
    return FALSE;
  converted = convert_fields (im, kind, entity, place, line, error);
  if (converted == CONVERT_FAILED)
    return FALSE;
  if (converted == CONVERT_SKIP)
    {
      /* it belongs to something deleted here, and stays deleted with it */
      spor_import_report_count (im->report, kind)->n_unchanged++;
      return spor_import_seen_check (im->seen, spor_entity_get_uuid (entity), FALSE, place,
                                     line, error);
    }
  return spor_import_seen_check (im->seen, spor_entity_get_uuid (entity), TRUE, place, line,
                                 error) &&
         merge_record (im, kind, entity, place, line, error);
}

static gboolean
import_tombstone (Import      *im,
                  guint64      index,
                  guint        line,
                  GError     **error)
{
  g_autofree char *place = g_strdup_printf ("tombstones[%" G_GUINT64_FORMAT "]", index);
  const SporEntityInfo *info;
  const char *entity, *uuid, *deleted_at;
  g_autoptr(GError) local = NULL;
  SporMergeResult result;
  guint kind = 0;

  if (im->record.members->len != 3)
    {
      spor_exchange_refuse (error, place, line, _("a tombstone has exactly entity, uuid and deleted_at"));
      return FALSE;
    }
  entity = spor_scan_find_string (&im->record, "entity");
  uuid = member_uuid (spor_scan_find (&im->record, "uuid"));
  deleted_at = spor_scan_find_string (&im->record, "deleted_at");
  info = entity != NULL ? spor_entity_info_lookup (entity) : NULL;
  if (info == NULL)
    {
      spor_exchange_refuse_member (error, place, "entity", line, _("not an entity of Spor"));
      return FALSE;
    }
  if (uuid == NULL)
    {
      spor_exchange_refuse_member (error, place, "uuid", line, _("not a UUID"));
      return FALSE;
    }
  if (deleted_at == NULL || !spor_timestamp_is_valid (deleted_at))
    {
      spor_exchange_refuse_member (error, place, "deleted_at", line, _("not a time stamp"));
      return FALSE;
    }
  if (!spor_import_seen_check (im->seen, uuid, TRUE, place, line, error))
    return FALSE;

  while (spor_entity_infos (NULL)[kind] != info)
    kind++;
  if (!spor_store_apply_tombstone (im->store, info, uuid, deleted_at, &result, &local))
    {
      if (g_error_matches (local, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID))
        spor_exchange_refuse (error, place, line, "%s", local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* what the tombstone deleted, with what went with it, is counted by the store */
  if (result == SPOR_MERGE_UNCHANGED)
    spor_import_report_count (im->report, kind)->n_unchanged++;
  else if (result == SPOR_MERGE_LOCAL_NEWER)
    {
      spor_import_report_count (im->report, kind)->n_conflicts++;
      return add_conflict (im, info, uuid, NULL, deleted_at, TRUE, error);
    }
  return TRUE;
}

/* --- the document ------------------------------------------------------------------------ */

static gboolean
record_done (Import  *im,
             GError **error)
{
  im->n_records++;
  if (im->n_records % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (im->r.cancellable, error))
    return FALSE;
  if (im->progress != NULL && im->size > 0)
    im->progress (MIN (0.99, (double) im->r.offset / (double) im->size), im->progress_data);
  return TRUE;
}

/* The next element of an array (or its end): FALSE on a refusal; *@more whether there is
 * another element. */
static gboolean
array_next (Import     *im,
            const char *key,
            gboolean   *more,
            GError    **error)
{
  int c = spor_scan_skip_space (&im->r);

  *more = c == ',';
  if (c == ',' || c == ']')
    {
      spor_scan_get (&im->r);
      return TRUE;
    }
  if (c == -1)
    return refuse_scan (im, SPOR_SCAN_END, key, im->r.line, error);
  spor_exchange_refuse (error, key, im->r.line, _("a comma or the end of the array was expected"));
  return FALSE;
}

static gboolean
import_array (Import     *im,
              const char *key,
              GString    *bytes,
              GError    **error)
{
  const SporEntityInfo * const *infos;
  guint n_infos, kind = G_MAXUINT;
  guint64 index = 0;
  gboolean more = TRUE;
  int c;

  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (g_str_equal (infos[i]->table, key))
      kind = i;

  c = spor_scan_skip_space (&im->r);
  if (c != '[')
    {
      if (c == -1)
        return refuse_scan (im, SPOR_SCAN_END, key, im->r.line, error);
      spor_exchange_refuse (error, key, im->r.line, _("not an array"));
      return FALSE;
    }
  spor_scan_get (&im->r);
  if (spor_scan_skip_space (&im->r) == ']')
    {
      spor_scan_get (&im->r);
      return TRUE;
    }

  while (more)
    {
      char place[80];
      guint line;

      g_snprintf (place, sizeof place, "%s[%" G_GUINT64_FORMAT "]", key, index);
      spor_scan_skip_space (&im->r);
      line = im->r.line;
      /* a record's members are sorted (and found twice) by import_record */
      if (!read_value (im, bytes, place, kind != G_MAXUINT ? 2 : 1, NULL, error))
        return FALSE;
      if (kind != G_MAXUINT ? !import_record (im, kind, index, line, error)
                            : !import_tombstone (im, index, line, error))
        return FALSE;
      if (!record_done (im, error) || !array_next (im, key, &more, error))
        return FALSE;
      index++;
    }
  return TRUE;
}

static gboolean
is_array_key (const char *key)
{
  const SporEntityInfo * const *infos;
  guint n_infos;

  if (g_str_equal (key, "tombstones"))
    return TRUE;
  infos = spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (g_str_equal (infos[i]->table, key))
      return TRUE;
  return FALSE;
}

/* One member of the document: its name, and its array of records or its header value. */
static gboolean
document_member (Import   *im,
                 GString  *bytes,
                 GError  **error)
{
  SporScanMember name;
  g_autofree char *key = NULL;
  guint line = im->r.line;
  int c;

  if (!read_value (im, bytes, NULL, 0, &name, error))
    return FALSE;
  if (name.vt != G_TYPE_STRING)
    {
      spor_exchange_refuse (error, NULL, line, _("a member name was expected"));
      return FALSE;
    }
  key = spor_printable (name.s);
  if (g_hash_table_contains (im->seen_keys, key))
    {
      spor_exchange_refuse (error, key, line, _("appears twice"));
      return FALSE;
    }
  g_hash_table_add (im->seen_keys, g_strdup (key));

  c = spor_scan_skip_space (&im->r);
  if (c != ':')
    {
      if (c == -1)
        return refuse_scan (im, SPOR_SCAN_END, key, im->r.line, error);
      spor_exchange_refuse (error, key, im->r.line, _("a colon was expected"));
      return FALSE;
    }
  spor_scan_get (&im->r);
  if (is_array_key (key))
    return spor_import_header_check (&im->header, im->r.line, error) && import_array (im, key, bytes, error);
  return header_member (im, key, bytes, error);
}

static gboolean
import_document (Import  *im,
                 GError **error)
{
  g_autoptr(GString) bytes = g_string_new (NULL);
  SporScanReader *r = &im->r;
  int c;

  c = spor_scan_skip_space (r);
  if (c == -1)
    {
      if (r->io_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&r->io_error));
          return FALSE;
        }
      spor_exchange_refuse (error, NULL, r->line, _("The file is empty"));
      return FALSE;
    }
  if (c != '{')
    {
      spor_exchange_refuse (error, NULL, r->line, _("This is not a JSON object, so not a Spor exchange file"));
      return FALSE;
    }
  spor_scan_get (r);
  c = spor_scan_skip_space (r);
  if (c == '}')
    spor_scan_get (r);
  else
    for (;;)
      {
        if (c != '"')
          {
            if (c == -1)
              return refuse_scan (im, SPOR_SCAN_END, NULL, r->line, error);
            spor_exchange_refuse (error, NULL, r->line, _("a member name was expected"));
            return FALSE;
          }
        if (!document_member (im, bytes, error))
          return FALSE;
        c = spor_scan_skip_space (r);
        if (c == '}')
          {
            spor_scan_get (r);
            break;
          }
        if (c != ',')
          {
            if (c == -1)
              return refuse_scan (im, SPOR_SCAN_END, NULL, r->line, error);
            spor_exchange_refuse (error, NULL, r->line, _("a comma or the end of the document was expected"));
            return FALSE;
          }
        spor_scan_get (r);
        c = spor_scan_skip_space (r);
      }

  if (spor_scan_skip_space (r) != -1)
    {
      spor_exchange_refuse (error, NULL, r->line, _("there is more after the end of the document"));
      return FALSE;
    }
  if (r->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->io_error));
      return FALSE;
    }
  return spor_import_header_check (&im->header, im->r.line, error);
}

static void
import_init (Import               *im,
             SporStore            *store,
             GInputStream         *stream,
             goffset               size,
             gboolean              apply,
             GCancellable         *cancellable,
             SporExchangeProgress  progress,
             gpointer              progress_data)
{
  const SporEntityInfo * const *infos;
  guint n_infos, max_fields = 0;

  im->store = store;
  im->report = spor_import_report_new ();
  im->apply = apply;
  im->size = size;
  im->progress = progress;
  im->progress_data = progress_data;
  spor_scan_reader_init (&im->r, stream, cancellable);
  spor_scan_record_init (&im->record);
  im->seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  infos = spor_entity_infos (&n_infos);
  im->entities = g_new0 (SporEntity *, n_infos);
  im->names = g_new0 (const char **, n_infos);
  im->slots = g_new0 (GHashTable *, n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      im->entities[i] = spor_entity_new (infos[i]->get_type ());
      im->names[i] = spor_exchange_field_names (infos[i]);
      im->slots[i] = slots_of (infos[i], im->names[i]);
      max_fields = MAX (max_fields, infos[i]->n_fields);
    }
  im->members = g_new0 (const SporScanMember *, SLOT_FIELDS + max_fields);
}

static void
import_clear (Import *im)
{
  guint n_infos;

  spor_entity_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_clear_object (&im->entities[i]);
      g_hash_table_unref (im->slots[i]);
    }
  g_free (im->entities);
  g_free (im->names);
  g_free (im->slots);
  g_free (im->members);
  g_clear_error (&im->r.io_error);
  g_hash_table_unref (im->seen_keys);
  spor_scan_record_clear (&im->record);
  g_clear_pointer (&im->seen, spor_import_seen_free);
  g_clear_pointer (&im->report, spor_import_report_free);
}

SporImportReport *
spor_exchange_import_stream (SporStore            *store,
                             GInputStream         *stream,
                             goffset               size,
                             gboolean              apply,
                             GCancellable         *cancellable,
                             SporExchangeProgress  progress,
                             gpointer              progress_data,
                             GError              **error)
{
  Import im = { 0 };
  SporBulkFlags flags = SPOR_BULK_LARGE;
  const SporEntityInfo * const *infos;
  guint n_infos;
  gboolean empty = FALSE, ok;
  SporImportReport *report = NULL;

  g_return_val_if_fail (SPOR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  import_init (&im, store, stream, size, apply, cancellable, progress, progress_data);
  /* Into a database without records, every record is new and comes from this one file:
   * one audit entry per kind of record says so, instead of millions. */
  ok = spor_store_is_empty (store, &empty, error);
  if (ok && empty)
    flags |= SPOR_BULK_EMPTY | SPOR_BULK_AUDIT_PER_KIND;
  if (ok)
    im.seen = spor_import_seen_new (store, empty, size, error);
  ok = im.seen != NULL && spor_store_begin_bulk (store, flags, "import", error);
  if (ok)
    {
      spor_store_reset_deleted (store);
      ok = import_document (&im, error);
      if (ok)
        {
          infos = spor_entity_infos (&n_infos);
          for (guint i = 0; i < n_infos; i++)
            spor_import_report_count (im.report, i)->n_deleted =
              spor_store_count_deleted (store, infos[i]->name);
        }
      if (ok && apply)
        ok = spor_store_audit (store, "exchange", NULL, "import", NULL, error) &&
             spor_store_end_bulk (store, error);
      else
        spor_store_abort_bulk (store);
    }
  /* the scratch database of UUIDs goes once the transaction has ended */
  g_clear_pointer (&im.seen, spor_import_seen_free);
  if (ok)
    {
      spor_import_report_set_applied (im.report, apply);
      report = g_steal_pointer (&im.report);
      if (progress != NULL)
        progress (1.0, progress_data);
    }
  import_clear (&im);
  return report;
}

SporImportReport *
spor_exchange_import (SporStore            *store,
                      GFile                *file,
                      gboolean              apply,
                      GCancellable         *cancellable,
                      SporExchangeProgress  progress,
                      gpointer              progress_data,
                      GError              **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *path = g_file_get_path (file);
  SporImportReport *report;

  /* Opening the database file beside SQLite would drop the process's locks on it. */
  if (path != NULL && spor_store_is_database_file (store, path))
    {
      g_set_error_literal (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_REFUSED,
                           _("This is the database itself, not an exchange file."));
      return NULL;
    }
  in = g_file_read (file, cancellable, &local);
  if (in == NULL)
    {
      g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                   _("The file could not be read: %s"), local->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  report = spor_exchange_import_stream (store, G_INPUT_STREAM (in),
                                        info != NULL ? g_file_info_get_size (info) : 0,
                                        apply, cancellable, progress, progress_data, &local);
  if (report == NULL)
    {
      if (local->domain == SPOR_EXCHANGE_ERROR || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, SPOR_EXCHANGE_ERROR, SPOR_EXCHANGE_ERROR_FAILED,
                     _("The import failed: %s"), local->message);
    }
  return report;
}
