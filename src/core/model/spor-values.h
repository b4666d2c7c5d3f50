/* spor-values.h — the value lists of the model: each stored value with its label
 *
 * A field of kind SPOR_FIELD_ENUM (spor-entity.h) takes one of the values of its list. Each
 * list is one table here, in the order people meet the values (a participant's status in
 * the order of the programme, from the waiting list to the exit): the entity descriptions,
 * the checker, the exchange file's JSON Schema, the labels and the lists the views offer
 * all read it, so a value is added in one place.
 *
 * The stored values never change (they are in databases and exchange files); the labels
 * are translated when they are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  const char *value;  /* as stored: "on_hold" */
  const char *label;  /* untranslated, marked for translation ("On hold"); read it with
                       * spor_value_list_get_label() */
} SporValue;

typedef struct {
  const char      *name;      /* for messages and tests: "participant_status" */
  const SporValue *values;
  guint            n_values;
  const char      *fallback;  /* untranslated label of a value not in the list; NULL: the
                               * value itself */
} SporValueList;

/* The lists, one per kind of value */
extern const SporValueList spor_values_participant_status; /* participant.status */
extern const SporValueList spor_values_provision;          /* participant.provision */
extern const SporValueList spor_values_meeting_kind;       /* meeting.kind */
extern const SporValueList spor_values_role;               /* the role of a staff member */
extern const SporValueList spor_values_goal_outcome;       /* programme_goal.outcome */
extern const SporValueList spor_values_duration_unit;      /* phase.duration_unit */
extern const SporValueList spor_values_track;              /* phase.track */
extern const SporValueList spor_values_progress_state;     /* phase_progress.state */
extern const SporValueList spor_values_agreement_state;    /* agreement.state */
extern const SporValueList spor_values_block_kind;         /* block.kind */
extern const SporValueList spor_values_exception_kind;     /* block_exception.kind */
extern const SporValueList spor_values_attendance_status;  /* attendance.status */
extern const SporValueList spor_values_placement_kind;     /* placement.kind */
extern const SporValueList spor_values_outcome_kind;       /* outcome.kind */
extern const SporValueList spor_values_destination;        /* outcome.destination */
extern const SporValueList spor_values_portfolio_kind;     /* portfolio_item.kind */
extern const SporValueList spor_values_need_state;         /* need.state */
extern const SporValueList spor_values_match_state;        /* match.state */
extern const SporValueList spor_values_competency_level;   /* competency.level */
extern const SporValueList spor_values_organisation_kind;  /* organisation.kind */

/* What a participant consented to ("processing" for consent_processing …): the labels
 * of three boolean fields, not a field's list. */
extern const SporValueList spor_values_consent_scope;

/* Every list above but spor_values_consent_scope, for tests and tools; @n_lists gets their
 * number. */
const SporValueList * const *spor_value_lists           (guint               *n_lists);

/* For a list of choices (a drop-down, a combo row): the values of @list in their order, by
 * position 0 … n − 1, each with the label to show for it, translated. A view that offers
 * the values builds its model from these and maps the chosen position back with
 * spor_value_list_get_value(), and a stored value to its position with
 * spor_value_list_find(). spor_value_list_dup_labels() gives all the labels at once, in
 * the same order, for gtk_string_list_new(). */
guint                spor_value_list_get_n_values       (const SporValueList *list);
/* NULL when @position is past the end */
const char          *spor_value_list_get_value          (const SporValueList *list,
                                                         guint                position);
const char          *spor_value_list_get_label          (const SporValueList *list,
                                                         guint                position);
/* NULL-terminated; free with g_strfreev() */
char               **spor_value_list_dup_labels         (const SporValueList *list);
/* The position of @value, or G_MAXUINT (GTK_INVALID_LIST_POSITION) when it is not one of
 * the list's (NULL included). */
guint                spor_value_list_find               (const SporValueList *list,
                                                         const char          *value);
gboolean             spor_value_list_contains           (const SporValueList *list,
                                                         const char          *value);

/* The translated label of @value: for a value not in the list (NULL included) the list's
 * fallback ("Unknown", "Not stated" …), or, for a list without one, @value itself (""
 * for NULL). */
const char          *spor_value_label                   (const SporValueList *list,
                                                         const char          *value);

/* The label of @value as a label on its own rather than inside a sentence: its first
 * letter upper-case ("creative professional" → "Creative professional"). A new string. */
char                *spor_value_title                   (const SporValueList *list,
                                                         const char          *value);

/* For a C enum whose nicks are the stored values (SporAttendanceStatus, SporDurationUnit):
 * the stored value of @value, its nick (NULL when it has none), and the enum value a stored
 * value @nick stands for (@fallback for NULL and any other text). */
const char          *spor_value_of_enum                 (GType                enum_type,
                                                         int                  value);
int                  spor_value_to_enum                 (GType                enum_type,
                                                         const char          *nick,
                                                         int                  fallback);

G_END_DECLS
