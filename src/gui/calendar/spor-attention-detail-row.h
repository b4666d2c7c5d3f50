/* spor-attention-detail-row.h — the problems of an occurrence, below its SporAttentionRow
 *
 * Neither activatable nor selectable, and hidden from assistive technologies: the
 * attention row already has the problems as its description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPOR_TYPE_ATTENTION_DETAIL_ROW (spor_attention_detail_row_get_type ())
G_DECLARE_FINAL_TYPE (SporAttentionDetailRow, spor_attention_detail_row, SPOR, ATTENTION_DETAIL_ROW,
                      GtkListBoxRow)

GtkWidget *spor_attention_detail_row_new (const char *problems);

G_END_DECLS
