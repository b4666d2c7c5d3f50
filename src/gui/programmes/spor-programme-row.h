/* spor-programme-row.h — a programme in the Programmes view's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "spor-entity.h"

G_BEGIN_DECLS

#define SPOR_TYPE_PROGRAMME_ROW (spor_programme_row_get_type ())
G_DECLARE_FINAL_TYPE (SporProgrammeRow, spor_programme_row, SPOR, PROGRAMME_ROW, GtkListBoxRow)

GtkWidget *spor_programme_row_new    (SporEntity       *programme);
gint64     spor_programme_row_get_id (SporProgrammeRow *self);

G_END_DECLS
