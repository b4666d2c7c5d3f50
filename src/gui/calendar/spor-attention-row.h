/* spor-attention-row.h — an occurrence that needs attention, in the Calendar's side panel
 *
 * The row names the block and its day and time, and opens the occurrence's attendance when
 * activated, or through its own button (a named target for keyboard and screen-reader
 * users): the button activates the row. The problems are said below it, in a
 * SporAttentionDetailRow, and are the row's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spor-blocks.h"

G_BEGIN_DECLS

#define SPOR_TYPE_ATTENTION_ROW (spor_attention_row_get_type ())
G_DECLARE_FINAL_TYPE (SporAttentionRow, spor_attention_row, SPOR, ATTENTION_ROW, AdwActionRow)

GtkWidget            *spor_attention_row_new            (const SporOccurrence *occurrence);
const SporOccurrence *spor_attention_row_get_occurrence (SporAttentionRow     *self);

G_END_DECLS
