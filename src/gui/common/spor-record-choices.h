/* spor-record-choices.h — drop-downs of records: a model of the records themselves
 *
 * A drop-down that picks a programme, cohort, location or staff member holds a GListModel
 * of the SporEntity records and shows each through a property expression on "name" (or an
 * expression of the caller's); what is read back is the record, never a position into an
 * array of ids beside a list of strings. An entry that stands for none or all ("None",
 * "All Programmes") is a record of the same type that is not stored: its id is 0.
 * The helpers take a GtkDropDown or an AdwComboRow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-entity.h"

G_BEGIN_DECLS

/* A model of @records (SporEntity of @type, in their order; NULL for none), after the
 * entry named @none_label when that is not NULL. */
GListModel *spor_record_choices_new                 (GType          type,
                                                     GPtrArray     *records,
                                                     const char    *none_label);
/* Puts @records into @drop_down (it takes a reference), shown by their "name", or by
 * @label when that is not NULL (the drop-down takes it), and selects the record @id (the
 * first entry when no record has it). */
void        spor_record_choices_set_model           (gpointer       drop_down,
                                                     GListModel    *records,
                                                     GtkExpression *label,
                                                     gint64         id);
/* Selects the record @id (0: the none entry); FALSE, and nothing changes, when it is not
 * in the drop-down. */
gboolean    spor_record_choices_select              (gpointer       drop_down,
                                                     gint64         id);
/* The id of the record selected; 0 for the none entry or when nothing is selected. */
gint64      spor_record_choices_get_selected        (gpointer       drop_down);
/* Writes the id of the record selected into the reference @field of @entity; unsets it
 * for the none entry. */
void        spor_record_choices_store_selected      (gpointer       drop_down,
                                                     SporEntity    *entity,
                                                     const char    *field);
/* The record selected (owned by the drop-down's model); NULL for the none entry. */
SporEntity *spor_record_choices_get_selected_record (gpointer       drop_down);

G_END_DECLS
