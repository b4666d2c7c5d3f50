/* spor-staff-roles.h — the roles of a staff member (several each: staff_roles)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

/* The roles of staff member @staff_id (stored values, in the order of spor_values_role);
 * NULL-terminated, free with g_strfreev(); NULL with @error when reading fails. */
char     **spor_staff_roles_get (SporStore          *store,
                                 gint64              staff_id,
                                 GError            **error);
/* Gives staff member @staff_id exactly @roles (NULL-terminated stored values), adding and
 * removing in one transaction; a value not of the list fails and changes nothing. */
gboolean   spor_staff_roles_set (SporStore          *store,
                                 gint64              staff_id,
                                 const char * const *roles,
                                 GError            **error);

G_END_DECLS
