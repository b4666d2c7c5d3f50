/* spor-people-view.h — People & Places: the site's staff, external contacts, locations and
 * organisations, each a list with search and a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PEOPLE_VIEW (spor_people_view_get_type ())
G_DECLARE_FINAL_TYPE (SporPeopleView, spor_people_view, SPOR, PEOPLE_VIEW, AdwBin)

GtkWidget *spor_people_view_new       (SporStore      *store);
/* Shows the page "staff", "contacts", "locations" or "organisations" */
void       spor_people_view_show_page (SporPeopleView *self,
                                       const char     *page);

G_END_DECLS
