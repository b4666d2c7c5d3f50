/* spor-people-editor.h — the form of a staff member, contact, location or organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-store.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PEOPLE_EDITOR (spor_people_editor_get_type ())
G_DECLARE_FINAL_TYPE (SporPeopleEditor, spor_people_editor, SPOR, PEOPLE_EDITOR, AdwWindow)

/* A form for record @id of @type (SPOR_TYPE_STAFF, _CONTACT, _LOCATION, _ORGANISATION), or
 * for a new one when @id is 0. Emits "saved" (the record's id) after it was written, then
 * closes. */
GtkWidget *spor_people_editor_new      (GtkWindow  *parent,
                                        SporStore  *store,
                                        GType       type,
                                        gint64      id);
/* The title of the "new" action of @type: "New Staff Member…" */
const char *spor_people_editor_new_label (GType      type);

G_END_DECLS
