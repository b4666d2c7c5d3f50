/* spor-people-list.h — one page of People & Places: the staff, contacts, locations or
 * organisations, with search, a role filter for staff, and "New…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PEOPLE_LIST (spor_people_list_get_type ())
G_DECLARE_FINAL_TYPE (SporPeopleList, spor_people_list, SPOR, PEOPLE_LIST, AdwBin)

/* Which kind it shows is set once, before the store */
void       spor_people_list_set_kind      (SporPeopleList *self,
                                           GType           type);
void       spor_people_list_set_store     (SporPeopleList *self,
                                           SporStore      *store);
/* Opens the form of a new record */
void       spor_people_list_add           (SporPeopleList *self);
/* Carries out a deletion still waiting for its Undo; FALSE when it could not be (then it
 * is added, referenced, to @failed) */
void       spor_people_list_flush_pending (SporPeopleList *self,
                                           GPtrArray      *failed);

G_END_DECLS
