/* spor-check.c — the one checker of fields and records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "spor-rules.h"
#include "spor-util.h"

/* Dates outside these years are typing mistakes or crafted files: a block from 0001 to
 * 9999 would make every calendar and export expand eight thousand years. */
#define FIRST_YEAR "1900"
#define LAST_YEAR  "2199"

/* Longer texts are not notes but something pasted by mistake (or a crafted file). */
#define MAX_TEXT_CHARS 100000
#define MAX_LINE_CHARS 500

void
spor_problem_free (SporProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem->reason);
  g_free (problem);
}

void
spor_problems_add (GPtrArray  *problems,
                   const char *field,
                   const char *message)
{
  SporProblem *problem = g_new0 (SporProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  problem->reason = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

G_GNUC_PRINTF (4, 5)
static void
add_field_problem (GPtrArray            *problems,
                   const SporEntityInfo *info,
                   const SporField      *field,
                   const char           *format,
                   ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the record and field, then what is wrong: “participant.email: …” */
  message = g_strdup_printf (_("%s.%s: %s"), info->name, field->name, reason);
  spor_problems_add (problems, field->name, message);
  g_free (((SporProblem *) problems->pdata[problems->len - 1])->reason);
  ((SporProblem *) problems->pdata[problems->len - 1])->reason = g_steal_pointer (&reason);
}

gboolean
spor_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  /* invalid UTF-8 is not blank: the check of the text says what is wrong with it */
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* g_unichar_isspace() leaves out the zero-width no-break space (BOM) */
      if (!g_unichar_isspace (c) && c != 0xfeff && c != 0x200b)
        return FALSE;
    }
  return TRUE;
}

/* Control characters have no place in what people type; a tab or a line break only in
 * texts of more than one line. */
static gboolean
text_has_control (const char *text,
                  gboolean    multiline)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029)
        return TRUE;
    }
  return FALSE;
}

static gboolean
date_in_range (const char *date)
{
  return strncmp (date, FIRST_YEAR, 4) >= 0 && strncmp (date, LAST_YEAR, 4) <= 0;
}

static void
check_text (GPtrArray            *problems,
            const SporEntityInfo *info,
            const SporField      *field,
            const char           *text)
{
  /* A required text is a name, title or label: one line. */
  gboolean one_line = (field->flags & SPOR_FIELD_REQUIRED) != 0 ||
                      field->format != SPOR_FORMAT_NONE;
  glong length = g_utf8_strlen (text, -1);

  if ((field->flags & SPOR_FIELD_REQUIRED) && spor_text_is_blank (text))
    {
      add_field_problem (problems, info, field, _("a value is required"));
      return;
    }
  if (text_has_control (text, !one_line))
    {
      add_field_problem (problems, info, field,
                         one_line ? _("a line break or control character is not allowed here")
                                  : _("a control character is not allowed in a text"));
      return;
    }
  if (length > (one_line ? MAX_LINE_CHARS : MAX_TEXT_CHARS))
    {
      int most = one_line ? MAX_LINE_CHARS : MAX_TEXT_CHARS;

      add_field_problem (problems, info, field,
                         ngettext ("the text is too long (at most %d character)",
                                   "the text is too long (at most %d characters)", (gulong) most),
                         most);
      return;
    }

  switch (field->format)
    {
    case SPOR_FORMAT_EMAIL:
      if (!spor_email_is_valid (text))
        spor_problems_add (problems, field->name, _("Not an e-mail address (name@example.org)"));
      break;
    case SPOR_FORMAT_PHONE:
      if (!spor_phone_is_valid (text))
        spor_problems_add (problems, field->name, _("Not a phone number (8 digits, + for abroad)"));
      break;
    case SPOR_FORMAT_CPR:
      {
        g_autoptr(GError) error = NULL;

        if (!spor_cpr_parse (text, NULL, NULL, &error))
          spor_problems_add (problems, field->name, error->message);
      }
      break;
    case SPOR_FORMAT_COLOUR:
      if (strlen (text) != 7 || text[0] != '#' ||
          strspn (text + 1, "0123456789abcdef") != 6)
        add_field_problem (problems, info, field, _("not a colour (#rrggbb)"));
      break;
    case SPOR_FORMAT_NONE:
    default:
      break;
    }
}

static void
check_field (GPtrArray  *problems,
             SporEntity *entity,
             guint       index)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);
  const SporField *field = &info->fields[index];
  const GValue *value = spor_entity_peek_value (entity, index);
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (field->type == SPOR_FIELD_REF && g_value_get_int64 (value) < 0)
    {
      add_field_problem (problems, info, field, _("not a reference to a record"));
      return;
    }
  if (!spor_entity_has_value (entity, index))
    {
      if (field->flags & SPOR_FIELD_REQUIRED)
        add_field_problem (problems, info, field, _("a value is required"));
      return;
    }
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      add_field_problem (problems, info, field, _("not valid UTF-8 text"));
      return;
    }

  switch (field->type)
    {
    case SPOR_FIELD_TEXT:
      check_text (problems, info, field, text);
      break;
    case SPOR_FIELD_DATE:
      if (!spor_date_is_valid (text))
        add_field_problem (problems, info, field, _("not a date (YYYY-MM-DD)"));
      else if (!date_in_range (text))
        add_field_problem (problems, info, field, _("the date is not between the years %s and %s"),
                           FIRST_YEAR, LAST_YEAR);
      break;
    case SPOR_FIELD_TIME:
      if (!spor_time_is_valid (text))
        add_field_problem (problems, info, field, _("not a time of day (HH:MM)"));
      break;
    case SPOR_FIELD_ENUM:
      if (!spor_value_list_contains (field->values, text))
        {
          g_autofree char *shown = spor_printable (text);

          add_field_problem (problems, info, field, _("“%s” is not one of the allowed values"),
                             shown);
        }
      break;
    case SPOR_FIELD_INT:
      if ((field->flags & SPOR_FIELD_RANGE) &&
          (g_value_get_int64 (value) < field->min || g_value_get_int64 (value) > field->max))
        add_field_problem (problems, info, field, _("the number is out of range (%g to %g)"),
                           field->min, field->max);
      break;
    case SPOR_FIELD_REAL:
      if (!isfinite (g_value_get_double (value)) ||
          ((field->flags & SPOR_FIELD_RANGE) &&
           (g_value_get_double (value) < field->min || g_value_get_double (value) > field->max)))
        add_field_problem (problems, info, field, _("the number is out of range (%g to %g)"),
                           field->min, field->max);
      break;
    case SPOR_FIELD_REF:
    case SPOR_FIELD_BOOL:
    default:
      break;
    }
}

GPtrArray *
spor_check_fields (SporEntity *entity)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spor_problem_free);
  const SporEntityInfo *info;

  g_return_val_if_fail (SPOR_IS_ENTITY (entity), problems);

  info = spor_entity_get_info (entity);
  for (guint i = 0; i < info->n_fields; i++)
    check_field (problems, entity, i);
  return problems;
}

GPtrArray *
spor_check_record (SporEntity *entity,
                   SporStore  *store)
{
  GPtrArray *problems = spor_check_fields (entity);
  const SporEntityInfo *info = spor_entity_get_info (entity);

  /* The record's rules look only at fields that have the right form (see spor-rules.h). */
  if (info->check != NULL)
    info->check (entity, store, problems);
  return problems;
}

gboolean
spor_check_record_error (SporEntity *entity,
                         SporStore  *store,
                         GError    **error)
{
  g_autoptr(GPtrArray) problems = spor_check_record (entity, store);

  if (problems->len == 0)
    return TRUE;
  g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                       ((SporProblem *) g_ptr_array_index (problems, 0))->message);
  return FALSE;
}

void
spor_check_normalise (SporEntity *entity)
{
  const SporEntityInfo *info = spor_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SporField *field = &info->fields[i];
      GValue *value = spor_entity_peek_value (entity, i);
      const char *text;
      g_autofree char *digits = NULL;

      if (field->format != SPOR_FORMAT_CPR)
        continue;
      text = g_value_get_string (value);
      if (text != NULL && *text != '\0' && spor_cpr_parse (text, &digits, NULL, NULL) &&
          strcmp (digits, text) != 0)
        g_value_take_string (value, g_steal_pointer (&digits));
    }
}

/* Keys */

gboolean
spor_check_keys (const char *uuid,
                 const char *created_at,
                 const char *updated_at,
                 const char *latest,
                 GError    **error)
{
  if (uuid == NULL || !spor_uuid_is_valid (uuid))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("uuid: not a UUID"));
      return FALSE;
    }
  if (created_at == NULL || !spor_timestamp_is_valid (created_at))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("created_at: not a time stamp"));
      return FALSE;
    }
  if (updated_at == NULL || !spor_timestamp_is_valid (updated_at))
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("updated_at: not a time stamp"));
      return FALSE;
    }
  if (spor_timestamp_compare (created_at, updated_at) > 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("created_at: later than updated_at"));
      return FALSE;
    }
  if (spor_timestamp_compare (updated_at, latest) > 0)
    {
      g_set_error_literal (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                           _("updated_at: in the future (the clock of the other computer may be "
                             "wrong)"));
      return FALSE;
    }
  return TRUE;
}

/* Value formats */

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
spor_cpr_parse (const char  *text,
                char       **digits,
                char       **birth_date,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  char number[11];
  int day, month, yy, century_digit, year;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (strlen (stripped) == 11 && stripped[6] == '-' && all_digits (stripped, 6) &&
      all_digits (stripped + 7, 4))
    {
      memcpy (number, stripped, 6);
      memcpy (number + 6, stripped + 7, 4);
    }
  else if (strlen (stripped) == 10 && all_digits (stripped, 10))
    memcpy (number, stripped, 10);
  else
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("A CPR number has ten digits: DDMMYY-XXXX"));
      return FALSE;
    }
  number[10] = '\0';

  day = (number[0] - '0') * 10 + (number[1] - '0');
  month = (number[2] - '0') * 10 + (number[3] - '0');
  yy = (number[4] - '0') * 10 + (number[5] - '0');
  century_digit = number[6] - '0';
  /* The seventh digit gives the century (the CPR office's table). */
  if (century_digit <= 3)
    year = 1900 + yy;
  else if (century_digit == 4 || century_digit == 9)
    year = (yy <= 36 ? 2000 : 1900) + yy;
  else
    year = (yy <= 57 ? 2000 : 1800) + yy;

  if (month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SPOR_STORE_ERROR, SPOR_STORE_ERROR_INVALID,
                   _("The first six digits of a CPR number are a real date of birth (DDMMYY)"));
      return FALSE;
    }

  if (digits != NULL)
    *digits = g_strdup (number);
  if (birth_date != NULL)
    *birth_date = spor_date_from_dmy (year, month, day);
  return TRUE;
}

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

gboolean
spor_email_is_valid (const char *text)
{
  const char *at, *dot;

  if (text == NULL || *text == '\0' || strlen (text) > 254)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '<' || *p == '>' || *p == ',' || *p == ';' ||
        *p == '"' || *p == '\\' || *p == '(' || *p == ')' || *p == '[' || *p == ']')
      return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  /* the domain: labels of letters, digits and hyphens, at least one dot, no empty label */
  if (at[1] == '.' || strstr (at, "..") != NULL || text[strlen (text) - 1] == '.')
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
spor_phone_is_valid (const char *text)
{
  guint n_digits = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '+' && p == text)
        continue;
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        return FALSE;
    }
  return n_digits >= 8 && n_digits <= 15;
}
