/* spor-people.h — the site's people and places: staff, contacts, locations, organisations
 *
 * What the pickers offer, the searches of the People & Places view, and the rule that a
 * record other records refer to is not deleted (a staff member or contact is deactivated
 * instead, and stays on the old records).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* Whether @record (staff or contact) is offered for new choices on @today (ISO): it is
 * active, and its last active day, if any, is not before @today. Locations and
 * organisations are always offered. */
gboolean   spor_people_is_offered             (SporEntity   *record,
                                               const char   *today);
/* The records of @type (staff, contact, location, organisation) a picker offers, by name:
 * those spor_people_is_offered() today, and of staff only those with @role (NULL: any),
 * plus the record @keep_id (0: none) even when it is not offered, so that a form shows
 * what an old record names. */
GPtrArray *spor_people_list_offered           (SporStore    *store,
                                               GType         type,
                                               const char   *role,
                                               gint64        keep_id,
                                               GError      **error);
/* The records of @type whose name contains @text (folded: "soren" finds "Søren"; NULL or
 * "" for all) and, for staff, that have @role (NULL: any): active ones first, by name. */
GPtrArray *spor_people_search                 (SporStore    *store,
                                               GType         type,
                                               const char   *text,
                                               const char   *role,
                                               GError      **error);
/* What refers to @record, for the user ("participant (2), work block (1)"), or NULL, with
 * @error unset, when nothing does; NULL with @error set when reading fails. A record's own
 * parts (a staff member's roles and competencies) do not count. */
char      *spor_people_describe_references    (SporStore    *store,
                                               SporEntity   *record,
                                               GError      **error);
/* TRUE when nothing refers to @record; else FALSE with SPOR_STORE_ERROR_CONSTRAINT and a
 * message for the user that names what refers to it and what to do instead. */
gboolean   spor_people_check_deletable        (SporStore    *store,
                                               SporEntity   *record,
                                               GError      **error);
/* Deletes record @id of @type when nothing refers to it; else fails with
 * SPOR_STORE_ERROR_CONSTRAINT and a message that names what refers to it, and changes
 * nothing. */
gboolean   spor_people_delete                 (SporStore    *store,
                                               GType         type,
                                               gint64        id,
                                               GError      **error);
/* spor_people_delete() for each kind, in the form SporPendingDelete takes */
gboolean   spor_people_delete_staff           (SporStore    *store,
                                               gint64        id,
                                               GError      **error);
gboolean   spor_people_delete_contact         (SporStore    *store,
                                               gint64        id,
                                               GError      **error);
gboolean   spor_people_delete_location        (SporStore    *store,
                                               gint64        id,
                                               GError      **error);
gboolean   spor_people_delete_organisation    (SporStore    *store,
                                               gint64        id,
                                               GError      **error);

G_END_DECLS
