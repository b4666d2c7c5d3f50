/* spor-choice.h — an entry of a drop-down of values: the value stored and its label
 *
 * Drop-downs of a value list (statuses, provisions, roles…) hold a GListModel of
 * SporChoice and show each by its label (a property expression on "label"); what is read
 * back is the value, never a position. The lists themselves come from spor-choice-lists.h.
 * The helpers take a GtkDropDown or an AdwComboRow: both have "model", "expression" and
 * "selected".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPOR_TYPE_CHOICE (spor_choice_get_type ())
G_DECLARE_FINAL_TYPE (SporChoice, spor_choice, SPOR, CHOICE, GObject)

/* @value NULL is the entry that stands for none or all ("Not stated", "All statuses"). */
SporChoice *spor_choice_new          (const char *value,
                                      const char *label);
const char *spor_choice_get_value    (SporChoice *self);
const char *spor_choice_get_label    (SporChoice *self);

/* Puts @choices (SporChoice; the drop-down takes a reference) into @drop_down, shown by
 * their labels, and selects @value (the first entry when no entry has it). */
void        spor_choice_set_model    (gpointer    drop_down,
                                      GListModel *choices,
                                      const char *value);
/* Selects the entry of @value; FALSE, and nothing changes, when there is none. */
gboolean    spor_choice_select       (gpointer    drop_down,
                                      const char *value);
/* The value of the entry selected; NULL for the none entry or when nothing is selected. */
const char *spor_choice_get_selected (gpointer    drop_down);

G_END_DECLS
